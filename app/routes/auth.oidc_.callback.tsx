import { data, redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { accountForIdentity } from "~/auth/oidc-accounts.server";
import { clearAttemptCookie, finishOidcSignIn } from "~/auth/oidc.server";
import { describeOidcProblem, type OidcProblem } from "~/auth/oidc-problems";
import { replaceRequestSession } from "~/auth/session.server";
import { OidcProblemPage } from "~/components/oidc-problem";
import { notFound } from "~/utils/http.server";

// The provider sends the browser here (a cross-site GET). No requireAnonymous: as with the
// password form, signing in switches accounts and ends whatever session the browser carried.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const oidc = context.config.integrations.oidc;
  if (!oidc) notFound("Single sign-on is not set up here.");
  const headers = new Headers({ "Set-Cookie": await clearAttemptCookie(context.config) });
  const refuse = (problem: OidcProblem) => {
    const view = describeOidcProblem(problem, oidc.providerName);
    return data(view, { status: view.status, headers });
  };

  const finished = await finishOidcSignIn(context.config, oidc, request);
  if (!finished.ok) {
    if (finished.reason === "provider-error") {
      return refuse(finished.error === "access_denied" ? "access-denied" : "provider-error");
    }
    return refuse(finished.reason);
  }
  const account = await accountForIdentity(context.db, finished.identity);
  if (!account.ok) return refuse(account.reason);
  headers.append(
    "Set-Cookie",
    await replaceRequestSession(context.db, context.config, request, account.userId, context.clientAddress),
  );
  return redirect(finished.redirectTo, { headers });
}

export const meta: MetaFunction = () => [{ title: "Single sign-on — Open Web Fellows" }];

export default function OidcCallbackPage() {
  return <OidcProblemPage {...useLoaderData<typeof loader>()} />;
}
