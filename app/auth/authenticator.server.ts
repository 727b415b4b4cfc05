import type { AppLoadContext } from "@remix-run/node";
import { Authenticator } from "remix-auth";
import { FormStrategy } from "remix-auth-form";
import { checkPassword, type PasswordSignIn } from "./accounts.server";
import { LoginSchema } from "./auth.schema";

/**
 * remix-auth with a form strategy over our own password check. remix-auth v4 only runs the
 * strategy; the session is ours (see session.server.ts). Built per request because the strategy
 * needs this request's database and client address.
 */
export function authenticatePassword(request: Request, context: AppLoadContext): Promise<PasswordSignIn> {
  const authenticator = new Authenticator<PasswordSignIn>();
  authenticator.use(
    new FormStrategy(async ({ form }) => {
      const parsed = LoginSchema.safeParse(Object.fromEntries(form));
      if (!parsed.success) return { ok: false, reason: "invalid" };
      return checkPassword(context.db, {
        email: parsed.data.email,
        password: parsed.data.password,
        clientAddress: context.clientAddress,
      });
    }),
    "password",
  );
  return authenticator.authenticate("password", request);
}
