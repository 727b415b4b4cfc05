import type { DB } from "#db/client";
import { enqueueEmail } from "~/email/outbox.server";
import type { AppConfig } from "~/utils/config.server";
import { signingSecret } from "./accounts.server";
import { clearSignInFailures } from "./rate-limit.server";
import { consumeCode, issueCode, VerificationPurpose, type CodeCheck } from "./verification.server";

/**
 * Emails a sign-in code to an account whose password was just given correctly, while its
 * account or address has failed often lately. Only someone who knows the password can cause
 * this email, and it tells the owner that their password was used, and from where.
 */
export async function sendSignInCode(
  db: DB,
  config: AppConfig,
  input: { userId: string; clientAddress: string },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const user = await trx
      .selectFrom("users")
      .select(["email", "name"])
      .where("id", "=", input.userId)
      .where("deletedAt", "is", null)
      .executeTakeFirst();
    if (!user) return;
    const issued = await issueCode(trx, signingSecret(config), {
      purpose: VerificationPurpose.signIn,
      target: user.email,
      payload: { userId: input.userId },
    });
    // A code went out moments ago (a double click): that one is still good.
    if (!issued) return;
    await enqueueEmail(trx, {
      to: user.email,
      template: "sign-in-code",
      props: {
        name: user.name,
        code: issued.code,
        codeUrl: new URL("/login/code", config.appUrl).toString(),
        clientAddress: input.clientAddress,
        resetUrl: new URL("/forgot-password", config.appUrl).toString(),
      },
      idempotencyKey: `sign-in:${issued.id}`,
    });
  });
}

export type SignInCodeResult = { ok: true; userId: string } | { ok: false; reason: Exclude<CodeCheck["status"], "ok"> };

/**
 * Completes a sign-in with the emailed code. No address limit applies: a code exists only after
 * a correct password, and each code dies after five wrong guesses.
 */
export async function completeSignInWithCode(
  db: DB,
  config: AppConfig,
  input: { email: string; code: string },
): Promise<SignInCodeResult> {
  const result = await db.transaction().execute(async (trx): Promise<SignInCodeResult> => {
    const check = await consumeCode(trx, config.sessionSecrets, {
      purpose: VerificationPurpose.signIn,
      target: input.email,
      code: input.code,
    });
    if (check.status !== "ok") return { ok: false, reason: check.status };
    const user = await trx
      .selectFrom("users")
      .select("id")
      .where("id", "=", String(check.payload.userId))
      .where("deletedAt", "is", null)
      .executeTakeFirst();
    return user ? { ok: true, userId: user.id } : { ok: false, reason: "invalid" };
  });
  if (result.ok) await clearSignInFailures(db, input.email);
  return result;
}
