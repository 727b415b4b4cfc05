import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { StaffNav } from "~/components/staff-nav";
import { OUTBOX_STATUS_KEYS } from "~/email/outbox-status";
import { bodyVisibleToStaff, getOutboxMessage } from "~/email/outbox-view.server";
import { useTranslation } from "react-i18next";
import { useFormat } from "~/components/use-format";
import { pageTitle } from "~/i18n/i18n.server";
import { msg } from "~/i18n/message";
import { isUuid, notFound } from "~/utils/http.server";
import { requireStaff } from "~/utils/permissions.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireStaff(request, context);
  if (!isUuid(params.id)) notFound();
  const message = await getOutboxMessage(context.db, params.id);
  if (!message) notFound();
  const visible = bodyVisibleToStaff(message.template);
  return {
    title: await pageTitle(request, context, message.subject, msg("staff.nav.emails"), msg("staff.nav.label")),
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

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Open Web Fellows" }];

export default function StaffEmailPage() {
  const { message } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="stack">
      <h1>{message.subject}</h1>
      <StaffNav />
      <dl className="facts">
        <dt>{t("staff.emails.to")}</dt>
        <dd>{message.recipient}</dd>
        <dt>{t("staff.emails.template")}</dt>
        <dd>{message.template}</dd>
        <dt>{t("staff.campaign.status")}</dt>
        <dd>{t(OUTBOX_STATUS_KEYS[message.status])}</dd>
        <dt>{t("staff.emails.attempts")}</dt>
        <dd>{message.attempts}</dd>
        <dt>{t("staff.emails.queued")}</dt>
        <dd>{format.dateTime(message.createdAt)}</dd>
        {message.sentAt ? (
          <>
            <dt>{t("staff.emails.sent")}</dt>
            <dd>{format.dateTime(message.sentAt)}</dd>
          </>
        ) : null}
        {message.lastError ? (
          <>
            <dt>{t("staff.emails.lastError")}</dt>
            <dd>{message.lastError}</dd>
          </>
        ) : null}
      </dl>
      {message.text === null ? (
        <p className="muted">{t("staff.emails.hidden")}</p>
      ) : (
        <>
          <h2>{t("staff.emails.text")}</h2>
          <pre className="email-text">{message.text}</pre>
          <p>
            <a href={`/staff/emails/${message.id}/html`}>{t("staff.emails.html")}</a>
          </p>
        </>
      )}
      <p>
        <Link to="/staff/emails">{t("staff.emails.back")}</Link>
      </p>
    </div>
  );
}
