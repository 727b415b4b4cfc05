import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { StaffNav } from "~/components/staff-nav";
import { OUTBOX_STATUS_KEYS, OUTBOX_STATUSES } from "~/email/outbox-status";
import { listOutbox } from "~/email/outbox-view.server";
import { useTranslation } from "react-i18next";
import { useFormat } from "~/components/use-format";
import { pageTitle } from "~/i18n/i18n.server";
import { msg } from "~/i18n/message";
import { requireStaff } from "~/utils/permissions.server";

const FilterSchema = z.object({
  status: z.enum(OUTBOX_STATUSES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireStaff(request, context);
  const filter = FilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { messages, hasMore } = await listOutbox(context.db, filter);
  return {
    title: await pageTitle(request, context, msg("staff.nav.emails"), msg("staff.nav.label")),
    filter,
    hasMore,
    delivering: Boolean(context.config.smtpUrl),
    messages: messages.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Open Web Fellows" }];

export default function StaffEmailsPage() {
  const { filter, hasMore, messages, delivering } = useLoaderData<typeof loader>();
  const query = (page: number) =>
    `?${new URLSearchParams({ ...(filter.status ? { status: filter.status } : {}), page: String(page) })}`;
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="stack">
      <h1>{t("staff.nav.emails")}</h1>
      <StaffNav />
      <p className="muted">{delivering ? t("staff.emails.delivering") : t("staff.emails.notDelivering")}</p>
      <Form method="get" className="toolbar">
        <div className="field">
          <label htmlFor="status-filter">{t("staff.campaign.status")}</label>
          <select id="status-filter" name="status" defaultValue={filter.status ?? ""}>
            <option value="">{t("staff.emails.any")}</option>
            {OUTBOX_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(OUTBOX_STATUS_KEYS[status])}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t("staff.emails.filter")}</button>
      </Form>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t("staff.emails.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("staff.emails.queued")}</th>
              <th scope="col">{t("staff.emails.to")}</th>
              <th scope="col">{t("staff.emails.subject")}</th>
              <th scope="col">{t("staff.campaign.status")}</th>
              <th scope="col">{t("staff.emails.attempts")}</th>
            </tr>
          </thead>
          <tbody>
            {messages.length === 0 ? (
              <tr>
                <td colSpan={5}>{t("staff.emails.none")}</td>
              </tr>
            ) : (
              messages.map((message) => (
                <tr key={message.id}>
                  <td>{format.dateTime(message.createdAt)}</td>
                  <td>{message.recipient}</td>
                  <td>
                    <Link to={`/staff/emails/${message.id}`}>{message.subject}</Link>
                  </td>
                  <td>
                    <span
                      className={`badge${message.status === "failed" ? " badge-danger" : message.status === "sent" ? " badge-success" : ""}`}
                    >
                      {t(OUTBOX_STATUS_KEYS[message.status])}
                    </span>
                  </td>
                  <td>{message.attempts}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <nav className="pagination" aria-label={t("staff.pages.label")}>
        {filter.page > 1 ? <Link to={query(filter.page - 1)}>{t("staff.pages.previous")}</Link> : null}
        {hasMore ? <Link to={query(filter.page + 1)}>{t("staff.pages.next")}</Link> : null}
      </nav>
    </div>
  );
}
