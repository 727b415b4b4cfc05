import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { listAudit } from "~/audit/audit-view.server";
import { StaffNav } from "~/components/staff-nav";
import { useTranslation } from "react-i18next";
import { useFormat } from "~/components/use-format";
import { pageTitle } from "~/i18n/i18n.server";
import { msg } from "~/i18n/message";
import { requireStaff } from "~/utils/permissions.server";

const FilterSchema = z.object({
  action: z.string().trim().max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireStaff(request, context);
  const filter = FilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { entries, hasMore } = await listAudit(context.db, filter);
  return {
    title: await pageTitle(request, context, msg("staff.nav.audit"), msg("staff.nav.label")),
    filter,
    hasMore,
    entries: entries.map((entry) => ({ ...entry, at: entry.at.toISOString(), data: JSON.stringify(entry.data) })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Open Web Fellows" }];

export default function StaffAuditPage() {
  const { filter, hasMore, entries } = useLoaderData<typeof loader>();
  const query = (page: number) =>
    `?${new URLSearchParams({ ...(filter.action ? { action: filter.action } : {}), page: String(page) })}`;
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="stack">
      <h1>{t("staff.nav.audit")}</h1>
      <StaffNav />
      <Form method="get" className="toolbar">
        <div className="field">
          <label htmlFor="action-filter">{t("staff.audit.startsWith")}</label>
          <input id="action-filter" type="search" name="action" defaultValue={filter.action ?? ""} />
        </div>
        <button type="submit">{t("staff.emails.filter")}</button>
      </Form>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t("staff.audit.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("staff.audit.when")}</th>
              <th scope="col">{t("staff.audit.who")}</th>
              <th scope="col">{t("staff.audit.action")}</th>
              <th scope="col">{t("staff.audit.subject")}</th>
              <th scope="col">{t("staff.campaign.details")}</th>
            </tr>
          </thead>
          <tbody>
            {entries.length === 0 ? (
              <tr>
                <td colSpan={5}>{t("staff.audit.none")}</td>
              </tr>
            ) : (
              entries.map((entry) => (
                <tr key={entry.id}>
                  <td>{format.dateTime(entry.at)}</td>
                  <td>{entry.actorName ?? "—"}</td>
                  <td>{entry.action}</td>
                  <td>
                    {entry.subjectType} {entry.subjectId ? <code>{entry.subjectId.slice(0, 8)}</code> : null}
                  </td>
                  <td>
                    <code>{entry.data}</code>
                  </td>
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
