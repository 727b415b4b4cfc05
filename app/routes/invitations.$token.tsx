import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { acceptInvitation, findInvitation, type InvitationKind } from "~/invitations/invitations.server";
import { FormErrors } from "~/components/forms";
import { pageTitle } from "~/i18n/i18n.server";
import { msg, type MessageKey } from "~/i18n/message";
import { setFlash } from "~/utils/flash.server";
import { invalid } from "~/utils/forms.server";
import { notFound } from "~/utils/http.server";
import { getOptionalUser, requireUser } from "~/utils/permissions.server";

const HEADINGS: Record<InvitationKind, MessageKey> = {
  staff: "invitation.staff",
  reviewer: "invitation.reviewer",
  partner: "invitation.partner",
};

const WHERE_NEXT: Record<InvitationKind, string> = {
  staff: "/staff",
  reviewer: "/review",
  partner: "/partner",
};

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const token = params.token ?? "";
  const [invitation, user] = await Promise.all([findInvitation(context.db, token), getOptionalUser(request, context)]);
  if (!invitation) notFound(msg("invitation.invalid"));
  const here = `/invitations/${token}`;
  return {
    title: await pageTitle(request, context, msg("invitation.pageTitle")),
    invitation: {
      kind: invitation.kind,
      inviterName: invitation.inviterName,
      subjectName: invitation.subjectName,
      state: invitation.state,
      // The invited address is shown only to whoever is signed in with it.
      matchesUser: user ? user.email.toLowerCase() === invitation.email.toLowerCase() : false,
    },
    signedIn: Boolean(user),
    loginUrl: `/login?${new URLSearchParams({ redirectTo: here })}`,
    signupUrl: `/signup?${new URLSearchParams({ redirectTo: here })}`,
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const result = await acceptInvitation(context.db, params.token ?? "", user);
  if (result.ok) {
    return redirect(WHERE_NEXT[result.kind], {
      headers: {
        "Set-Cookie": await setFlash(context.config, { kind: "success", message: msg("invitation.accepted") }),
      },
    });
  }
  if (result.reason === "not-found") notFound(msg("invitation.invalid"));
  const messages = {
    expired: msg("invitation.expiredAskNew"),
    accepted: msg("invitation.used"),
    "wrong-account": msg("invitation.wrongAccount"),
  } as const;
  return invalid({ formErrors: [messages[result.reason]] }, result.reason === "wrong-account" ? 403 : 410);
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Open Web Fellows" }];

export default function InvitationPage() {
  const { invitation, signedIn, loginUrl, signupUrl } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="narrow stack">
      <h1>{t(HEADINGS[invitation.kind])}</h1>
      {invitation.subjectName ? <p className="lede">{invitation.subjectName}</p> : null}
      {invitation.inviterName ? <p>{t("invitation.sentBy", { name: invitation.inviterName })}</p> : null}
      <FormErrors errors={actionData?.formErrors} />
      {invitation.state === "expired" ? (
        <p>{t("invitation.expired")}</p>
      ) : invitation.state === "accepted" ? (
        <p>{t("invitation.used")}</p>
      ) : !signedIn ? (
        <>
          <p>{t("invitation.signInOrCreate")}</p>
          <div className="actions">
            <Link className="button" to={loginUrl}>
              {t("invitation.signInToAccept")}
            </Link>
            <Link className="button secondary" to={signupUrl}>
              {t("home.createAccount")}
            </Link>
          </div>
        </>
      ) : !invitation.matchesUser ? (
        <p>{t("invitation.wrongAccount")}</p>
      ) : (
        <Form method="post">
          <button type="submit">{t("invitation.accept")}</button>
        </Form>
      )}
    </div>
  );
}
