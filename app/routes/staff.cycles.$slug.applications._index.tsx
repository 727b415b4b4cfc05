import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { countApplicationsByStatus, listApplicationsForStaff } from "~/applications/admin.server";
import { APPLICATION_STATUS_LABELS, APPLICATION_STATUSES } from "~/applications/application-status";
import { CycleNav } from "~/components/cycle-nav";
import { requireStaffCycle } from "~/cycles/staff-cycle.server";
import { missingOnPage } from "~/references/completeness.server";
import { formatDateTime } from "~/utils/format";

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
    cycle: { slug: cycle.slug, name: cycle.name, timezone: cycle.timezone },
    filter: { status: status ?? "", q: filter.q ?? "", paged: Boolean(filter.after) },
    counts,
    total: Object.values(counts).reduce((sum, n) => sum + n, 0),
    next,
    applications: applications.map((application) => ({
      missing: missing.get(application.id) ?? "",
      id: application.id,
      name: application.name,
      email: application.email,
      status: application.status,
      submittedAt: application.submittedAt?.toISOString() ?? null,
    })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Applications — ${data?.cycle.name ?? "Cycle"} — Staff — Open Web Fellows` },
];

export default function StaffApplicationsPage() {
  const { cycle, filter, counts, total, next, applications } = useLoaderData<typeof loader>();
  const query = (after?: string) =>
    `?${new URLSearchParams({ ...(filter.status ? { status: filter.status } : {}), ...(filter.q ? { q: filter.q } : {}), ...(after ? { after } : {}) })}`;
  return (
    <div className="stack">
      <h1>{`Applications to ${cycle.name}`}</h1>
      <CycleNav slug={cycle.slug} />
      <p>
        {total} in all:{" "}
        {APPLICATION_STATUSES.filter((status) => counts[status]).map((status, index) => (
          <span key={status}>
            {index > 0 ? ", " : ""}
            {counts[status]} {APPLICATION_STATUS_LABELS[status].toLowerCase()}
          </span>
        ))}
        . <a href={`/staff/cycles/${cycle.slug}/applications.csv`}>Export all answers (CSV)</a>
      </p>
      <Form method="get" className="toolbar" role="search">
        <div className="field">
          <label htmlFor="status">Status</label>
          <select id="status" name="status" defaultValue={filter.status}>
            <option value="">Any</option>
            {APPLICATION_STATUSES.map((status) => (
              <option key={status} value={status}>
                {APPLICATION_STATUS_LABELS[status]} ({counts[status] ?? 0})
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="q">Name or email</label>
          <input id="q" name="q" type="search" defaultValue={filter.q} />
        </div>
        <button type="submit">Filter</button>
      </Form>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Applications</caption>
          <thead>
            <tr>
              <th scope="col">Applicant</th>
              <th scope="col">Status</th>
              <th scope="col">Submitted</th>
              <th scope="col">Missing</th>
            </tr>
          </thead>
          <tbody>
            {applications.length === 0 ? (
              <tr>
                <td colSpan={4}>No applications match.</td>
              </tr>
            ) : (
              applications.map((application) => (
                <tr key={application.id}>
                  <td>
                    <Link to={`/staff/cycles/${cycle.slug}/applications/${application.id}`}>{application.name}</Link>
                    <br />
                    <span className="muted">{application.email}</span>
                  </td>
                  <td>{APPLICATION_STATUS_LABELS[application.status]}</td>
                  <td>{application.submittedAt ? formatDateTime(application.submittedAt, cycle.timezone) : "—"}</td>
                  <td>{application.missing || "—"}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <nav className="pagination" aria-label="Pages">
        {filter.paged ? <Link to={query()}>First page</Link> : null}
        {next ? <Link to={query(next)}>Next page</Link> : null}
      </nav>
    </div>
  );
}
