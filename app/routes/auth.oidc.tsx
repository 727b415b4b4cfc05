import { data, redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { startOidcSignIn } from "~/auth/oidc.server";
import { describeOidcProblem } from "~/auth/oidc-problems";
import { OidcProblemPage } from "~/components/oidc-problem";
import { pageTitle } from "~/i18n/i18n.server";
import { msg } from "~/i18n/message";
import { notFound } from "~/utils/http.server";
import { requireAnonymous } from "~/utils/permissions.server";

// A link, not a form: the page's form-action policy would stop a form's redirect to the provider,
// and starting an attempt changes nothing until the provider answers to this browser's cookie.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const oidc = context.config.integrations.oidc;
  if (!oidc) notFound(msg("oidc.notSetUp"));
  await requireAnonymous(request, context);
  const redirectTo = new URL(request.url).searchParams.get("redirectTo");
  const started = await startOidcSignIn(context.config, oidc, redirectTo);
  if (started.ok) return redirect(started.url, { headers: { "Set-Cookie": started.cookie } });
  const view = describeOidcProblem(started.reason, oidc.providerName);
  return data(
    { ...view, pageTitle: await pageTitle(request, context, msg("oidc.pageTitle")) },
    { status: view.status },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? "Open Web Fellows" }];

export default function OidcStartPage() {
  const { title, message } = useLoaderData<typeof loader>();
  return <OidcProblemPage title={title} message={message} />;
}
