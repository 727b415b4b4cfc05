import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { StaffNav } from "~/components/staff-nav";
import { bodyVisibleToStaff, getOutboxMessage } from "~/email/outbox-view.server";
import { formatDateTime } from "~/utils/format";
import { isUuid, notFound } from "~/utils/http.server";
import { requireStaff } from "~/utils/permissions.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireStaff(request, context);
  if (!isUuid(params.id)) notFound();
  const message = await getOutboxMessage(context.db, params.id);
  if (!message) notFound();
  const visible = bodyVisibleToStaff(message.template);
  return {
    message: {
      id: message.id,
      recipient: message.recipient,
      template: message.template,
      subject: message.subject,
      status: message.status,
      attempts: message.attempts,
      lastError: message.lastError,
      createdAt: message.createdAt.toISOString(),
      sentAt: message.sentAt?.toISOString() ?? null,
      text: visible ? message.text : null,
    },
  };
}

export const meta: MetaFunction = () => [{ title: "Email — Staff — Open Web Fellows" }];

export default function StaffEmailPage() {
  const { message } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <h1>{message.subject}</h1>
      <StaffNav />
      <dl className="facts">
        <dt>To</dt>
        <dd>{message.recipient}</dd>
        <dt>Template</dt>
        <dd>{message.template}</dd>
        <dt>Status</dt>
        <dd>{message.status}</dd>
        <dt>Attempts</dt>
        <dd>{message.attempts}</dd>
        <dt>Queued</dt>
        <dd>{formatDateTime(message.createdAt)}</dd>
        {message.sentAt ? (
          <>
            <dt>Sent</dt>
            <dd>{formatDateTime(message.sentAt)}</dd>
          </>
        ) : null}
        {message.lastError ? (
          <>
            <dt>Last error</dt>
            <dd>{message.lastError}</dd>
          </>
        ) : null}
      </dl>
      {message.text === null ? (
        <p className="muted">This message holds a one-time code or link for its recipient, so its text is not shown.</p>
      ) : (
        <>
          <h2>Text</h2>
          <pre className="email-text">{message.text}</pre>
          <p>
            <a href={`/staff/emails/${message.id}/html`}>Open the HTML version</a>
          </p>
        </>
      )}
      <p>
        <Link to="/staff/emails">Back to all emails</Link>
      </p>
    </div>
  );
}
