import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { countApplicationsByStatus, listApplicationsForStaff } from "~/applications/admin.server";
import { APPLICATION_STATUS_LABELS, APPLICATION_STATUSES } from "~/applications/application-status";
import { CycleNav } from "~/components/cycle-nav";
import { requireStaffCycle } from "~/cycles/staff-cycle.server";
import { formatDateTime } from "~/utils/format";

const FilterSchema = z.object({
  status: z
    .enum(APPLICATION_STATUSES as [string, ...string[]])
    .optional()
    .catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { cycle } = await requireStaffCycle(request, context, params.slug);
  const filter = FilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const status = filter.status as (typeof APPLICATION_STATUSES)[number] | undefined;
  const [counts, { applications, hasMore }] = await Promise.all([
    countApplicationsByStatus(context.db, cycle.id),
    listApplicationsForStaff(context.db, cycle.id, { status, q: filter.q, page: filter.page }),
  ]);
  return {
    cycle: { slug: cycle.slug, name: cycle.name, timezone: cycle.timezone },
    filter: { status: status ?? "", q: filter.q ?? "", page: filter.page },
    counts,
    total: Object.values(counts).reduce((sum, n) => sum + n, 0),
    hasMore,
    applications: applications.map((application) => ({
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
  const { cycle, filter, counts, total, hasMore, applications } = useLoaderData<typeof loader>();
  const query = (page: number) =>
    `?${new URLSearchParams({ ...(filter.status ? { status: filter.status } : {}), ...(filter.q ? { q: filter.q } : {}), page: String(page) })}`;
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
            </tr>
          </thead>
          <tbody>
            {applications.length === 0 ? (
              <tr>
                <td colSpan={3}>No applications match.</td>
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
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <nav className="pagination" aria-label="Pages">
        {filter.page > 1 ? <Link to={query(filter.page - 1)}>Previous page</Link> : null}
        {hasMore ? <Link to={query(filter.page + 1)}>Next page</Link> : null}
      </nav>
    </div>
  );
}
