import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { acceptInvitation, findInvitation, type InvitationKind } from "~/invitations/invitations.server";
import { FormErrors } from "~/components/forms";
import { setFlash } from "~/utils/flash.server";
import { invalid } from "~/utils/forms.server";
import { notFound } from "~/utils/http.server";
import { getOptionalUser, requireUser } from "~/utils/permissions.server";

const WHAT: Record<InvitationKind, string> = {
  staff: "join the program staff",
  reviewer: "review fellowship applications",
  partner: "host fellows with your organization",
};

const WHERE_NEXT: Record<InvitationKind, string> = {
  staff: "/staff",
  reviewer: "/review",
  partner: "/partner",
};

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const token = params.token ?? "";
  const [invitation, user] = await Promise.all([findInvitation(context.db, token), getOptionalUser(request, context)]);
  if (!invitation) notFound("This invitation link is not valid.");
  const here = `/invitations/${token}`;
  return {
    invitation: {
      what: WHAT[invitation.kind],
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
      headers: { "Set-Cookie": await setFlash(context.config, { kind: "success", message: "Invitation accepted." }) },
    });
  }
  if (result.reason === "not-found") notFound("This invitation link is not valid.");
  const messages = {
    expired: "This invitation has expired. Ask for a new one.",
    accepted: "This invitation has already been used.",
    "wrong-account": "This invitation was sent to a different email address. Sign in with that address to accept it.",
  } as const;
  return invalid({ formErrors: [messages[result.reason]] }, result.reason === "wrong-account" ? 403 : 410);
}

export const meta: MetaFunction = () => [{ title: "Invitation — Open Web Fellows" }];

export default function InvitationPage() {
  const { invitation, signedIn, loginUrl, signupUrl } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="narrow stack">
      <h1>You are invited to {invitation.what}</h1>
      {invitation.subjectName ? <p className="lede">{invitation.subjectName}</p> : null}
      {invitation.inviterName ? <p>{invitation.inviterName} sent you this invitation.</p> : null}
      <FormErrors errors={actionData?.formErrors} />
      {invitation.state === "expired" ? (
        <p>This invitation has expired. Ask the person who invited you for a new one.</p>
      ) : invitation.state === "accepted" ? (
        <p>This invitation has already been used.</p>
      ) : !signedIn ? (
        <>
          <p>Sign in with the email address the invitation was sent to, or create an account with it first.</p>
          <div className="actions">
            <Link className="button" to={loginUrl}>
              Sign in to accept
            </Link>
            <Link className="button secondary" to={signupUrl}>
              Create an account
            </Link>
          </div>
        </>
      ) : !invitation.matchesUser ? (
        <p>This invitation was sent to a different email address. Sign in with that address to accept it.</p>
      ) : (
        <Form method="post">
          <button type="submit">Accept the invitation</button>
        </Form>
      )}
    </div>
  );
}
