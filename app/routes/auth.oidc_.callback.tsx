import { data, redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { accountForIdentity } from "~/auth/oidc-accounts.server";
import { requestLanguage } from "~/i18n/language.server";
import { clearAttemptCookie, finishOidcSignIn } from "~/auth/oidc.server";
import { describeOidcProblem, type OidcProblem } from "~/auth/oidc-problems";
import { replaceRequestSession } from "~/auth/session.server";
import { OidcProblemPage } from "~/components/oidc-problem";
import { pageTitle } from "~/i18n/i18n.server";
import { msg } from "~/i18n/message";
import { notFound } from "~/utils/http.server";

// The provider sends the browser here (a cross-site GET). No requireAnonymous: as with the
// password form, signing in switches accounts and ends whatever session the browser carried.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const oidc = context.config.integrations.oidc;
  if (!oidc) notFound(msg("oidc.notSetUp"));
  const headers = new Headers({ "Set-Cookie": await clearAttemptCookie(context.config) });
  const refuse = async (problem: OidcProblem) => {
    const view = describeOidcProblem(problem, oidc.providerName);
    return data(
      { ...view, pageTitle: await pageTitle(request, context, msg("oidc.pageTitle")) },
      { status: view.status, headers },
    );
  };

  const finished = await finishOidcSignIn(context.config, oidc, request);
  if (!finished.ok) {
    if (finished.reason === "provider-error") {
      return refuse(finished.error === "access_denied" ? "access-denied" : "provider-error");
    }
    return refuse(finished.reason);
  }
  const account = await accountForIdentity(
    context.db,
    finished.identity,
    await requestLanguage(request, context.config, null),
  );
  if (!account.ok) return refuse(account.reason);
  headers.append(
    "Set-Cookie",
    await replaceRequestSession(context.db, context.config, request, account.userId, context.clientAddress),
  );
  return redirect(finished.redirectTo, { headers });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? "Open Web Fellows" }];

export default function OidcCallbackPage() {
  const { title, message } = useLoaderData<typeof loader>();
  return <OidcProblemPage title={title} message={message} />;
}
