import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useMissingSummary } from "~/components/missing-summary";
import { z } from "zod";
import { countApplicationsByStatus, listApplicationsForStaff } from "~/applications/admin.server";
import { APPLICATION_STATUS_KEYS, APPLICATION_STATUSES } from "~/applications/application-status";
import { CycleNav } from "~/components/cycle-nav";
import { useFormat } from "~/components/use-format";
import { requireStaffCycle } from "~/cycles/staff-cycle.server";
import { pageTitle } from "~/i18n/i18n.server";
import { msg } from "~/i18n/message";
import { missingOnPage } from "~/references/completeness.server";

const FilterSchema = z.object({
  status: z
    .enum(APPLICATION_STATUSES as [string, ...string[]])
    .optional()
    .catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
  after: z.string().max(800).optional().catch(undefined),
});

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { cycle } = await requireStaffCycle(request, context, params.slug);
  const filter = FilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const status = filter.status as (typeof APPLICATION_STATUSES)[number] | undefined;
  const [counts, { applications, next }] = await Promise.all([
    countApplicationsByStatus(context.db, cycle.id),
    listApplicationsForStaff(context.db, cycle.id, { status, q: filter.q, after: filter.after ?? null }),
  ]);
  const missing = await missingOnPage(
    context.db,
    cycle,
    applications.map((application) => application.id),
  );
  return {
    title: await pageTitle(request, context, msg("selection.applications.pageTitle"), cycle.name, msg("nav.staff")),
    cycle: { slug: cycle.slug, name: cycle.name, timezone: cycle.timezone },
    filter: { status: status ?? "", q: filter.q ?? "", paged: Boolean(filter.after) },
    counts,
    total: Object.values(counts).reduce((sum, n) => sum + n, 0),
    next,
    applications: applications.map((application) => ({
      missing: missing.get(application.id) ?? null,
      id: application.id,
      name: application.name,
      email: application.email,
      status: application.status,
      submittedAt: application.submittedAt?.toISOString() ?? null,
    })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Open Web Fellows" }];

export default function StaffApplicationsPage() {
  const { cycle, filter, counts, total, next, applications } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const missingSummary = useMissingSummary();
  const format = useFormat();
  const statusLabel = (status: (typeof APPLICATION_STATUSES)[number]) => t(APPLICATION_STATUS_KEYS[status]);
  const query = (after?: string) =>
    `?${new URLSearchParams({ ...(filter.status ? { status: filter.status } : {}), ...(filter.q ? { q: filter.q } : {}), ...(after ? { after } : {}) })}`;
  return (
    <div className="stack">
      <h1>{t("selection.applications.heading", { cycle: cycle.name })}</h1>
      <CycleNav slug={cycle.slug} />
      <p>
        {t("selection.applications.inAll", { count: total })}{" "}
        {APPLICATION_STATUSES.filter((status) => counts[status]).map((status, index) => (
          <span key={status}>
            {index > 0 ? ", " : ""}
            {t("selection.applications.statusCount", {
              n: counts[status],
              status: statusLabel(status).toLocaleLowerCase(i18n.language),
            })}
          </span>
        ))}
        . <a href={`/staff/cycles/${cycle.slug}/applications.csv`}>{t("selection.applications.export")}</a>
      </p>
      <Form method="get" className="toolbar" role="search">
        <div className="field">
          <label htmlFor="status">{t("selection.status")}</label>
          <select id="status" name="status" defaultValue={filter.status}>
            <option value="">{t("selection.any")}</option>
            {APPLICATION_STATUSES.map((status) => (
              <option key={status} value={status}>
                {statusLabel(status)} ({counts[status] ?? 0})
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="q">{t("selection.nameOrEmail")}</label>
          <input id="q" name="q" type="search" defaultValue={filter.q} />
        </div>
        <button type="submit">{t("selection.filter")}</button>
      </Form>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t("selection.applications.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("selection.applicant")}</th>
              <th scope="col">{t("selection.status")}</th>
              <th scope="col">{t("selection.submitted")}</th>
              <th scope="col">{t("selection.missing")}</th>
            </tr>
          </thead>
          <tbody>
            {applications.length === 0 ? (
              <tr>
                <td colSpan={4}>{t("selection.applications.none")}</td>
              </tr>
            ) : (
              applications.map((application) => (
                <tr key={application.id}>
                  <td>
                    <Link to={`/staff/cycles/${cycle.slug}/applications/${application.id}`}>{application.name}</Link>
                    <br />
                    <span className="muted">{application.email}</span>
                  </td>
                  <td>{statusLabel(application.status)}</td>
                  <td>{application.submittedAt ? format.dateTime(application.submittedAt, cycle.timezone) : "—"}</td>
                  <td>{missingSummary(application.missing) || "—"}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <nav className="pagination" aria-label={t("selection.pages")}>
        {filter.paged ? <Link to={query()}>{t("selection.firstPage")}</Link> : null}
        {next ? <Link to={query(next)}>{t("selection.nextPage")}</Link> : null}
      </nav>
    </div>
  );
}
