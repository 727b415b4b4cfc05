import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { formatDueDate } from "~/components/report-view";
import { StaffNav } from "~/components/staff-nav";
import { FELLOWSHIP_STATUS_LABELS } from "~/fellowships/lifecycle";
import { staffDashboard } from "~/fellowships/views.server";
import { requireStaff } from "~/utils/permissions.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireStaff(request, context);
  const raw = new URL(request.url).searchParams.get("cohort");
  const cohortYear = raw && /^\d{4}$/.test(raw) ? Number(raw) : undefined;
  const { fellowships, cohorts } = await staffDashboard(context.db, { cohortYear });
  const totals = { due: 0, late: 0, done: 0, upcoming: 0 };
  for (const fellowship of fellowships)
    for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += fellowship.counts[key];
  return {
    cohortYear: cohortYear ?? null,
    cohorts,
    totals,
    fellowships: fellowships.map((fellowship) => ({
      id: fellowship.id,
      fellowName: fellowship.fellowName,
      organizationName: fellowship.organizationName,
      cohortYear: fellowship.cohortYear,
      status: fellowship.status,
      endsOn: fellowship.endsOn,
      counts: fellowship.counts,
      nextDue: fellowship.nextDue,
    })),
  };
}

export const meta: MetaFunction = () => [{ title: "Fellowships — Staff — Open Web Fellows" }];

export default function FellowshipsDashboard() {
  const { fellowships, cohorts, cohortYear, totals } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <h1>Fellowships</h1>
      <StaffNav />
      <Form method="get" className="inline-form">
        <div className="field">
          <label htmlFor="cohort">Cohort</label>
          <select id="cohort" name="cohort" defaultValue={cohortYear ?? ""}>
            <option value="">Every cohort</option>
            {cohorts.map((year) => (
              <option key={year} value={year}>
                {year}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="secondary">
          Show
        </button>
      </Form>
      <p>
        Reports: <strong>{totals.late} late</strong>, {totals.due} due, {totals.done} done, {totals.upcoming} upcoming.
      </p>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Every fellowship and its reports</caption>
          <thead>
            <tr>
              <th scope="col">Fellow</th>
              <th scope="col">Host</th>
              <th scope="col">Cohort</th>
              <th scope="col">Status</th>
              <th scope="col">Late</th>
              <th scope="col">Due</th>
              <th scope="col">Done</th>
              <th scope="col">Next due</th>
            </tr>
          </thead>
          <tbody>
            {fellowships.map((fellowship) => (
              <tr key={fellowship.id}>
                <th scope="row">
                  <Link to={`/staff/fellowships/${fellowship.id}`}>{fellowship.fellowName}</Link>
                </th>
                <td>{fellowship.organizationName}</td>
                <td>{fellowship.cohortYear}</td>
                <td>{FELLOWSHIP_STATUS_LABELS[fellowship.status]}</td>
                <td>
                  {fellowship.counts.late > 0 ? (
                    <span className="badge badge-danger">{fellowship.counts.late}</span>
                  ) : (
                    0
                  )}
                </td>
                <td>{fellowship.counts.due}</td>
                <td>{fellowship.counts.done}</td>
                <td>{fellowship.nextDue ? formatDueDate(fellowship.nextDue) : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {fellowships.length === 0 ? <p>No fellowships yet: they begin when a finalist accepts a placement.</p> : null}
    </div>
  );
}
