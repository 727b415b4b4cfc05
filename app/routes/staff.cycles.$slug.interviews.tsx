import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { CycleNav } from "~/components/cycle-nav";
import { requireStaffCycle } from "~/cycles/staff-cycle.server";
import { interviewOverview } from "~/interviews/overview.server";
import { formatDateTime } from "~/utils/format";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { cycle } = await requireStaffCycle(request, context, params.slug);
  const positions = await interviewOverview(context.db, cycle.id);
  return {
    cycle: { slug: cycle.slug, name: cycle.name },
    positions: positions.map((position) => ({
      ...position,
      booked: position.booked.map((row) => ({ name: row.name, when: formatDateTime(row.startsAt, cycle.timezone) })),
    })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Interviews — ${data?.cycle.name ?? "Cycle"} — Staff — Open Web Fellows` },
];

export default function StaffInterviewsPage() {
  const { cycle, positions } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <h1>{`Interviews in ${cycle.name}`}</h1>
      <CycleNav slug={cycle.slug} />
      <p>Per position: how many of the finalists it considers have booked an interview, and who has not.</p>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Interview bookings per position</caption>
          <thead>
            <tr>
              <th scope="col">Position</th>
              <th scope="col">Open times</th>
              <th scope="col">Booked</th>
              <th scope="col">Not booked yet</th>
            </tr>
          </thead>
          <tbody>
            {positions.map((position) => (
              <tr key={position.id}>
                <th scope="row">
                  {position.title} <span className="muted">· {position.organizationName}</span>
                </th>
                <td>{position.openSlots}</td>
                <td>
                  {position.booked.length} of {position.considered}
                  {position.booked.length > 0 ? (
                    <ul className="plain-list">
                      {position.booked.map((row) => (
                        <li key={row.name}>
                          {row.name} — {row.when}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </td>
                <td>
                  {position.notBooked.length === 0 ? (
                    <span className="muted">Everyone</span>
                  ) : (
                    <ul className="plain-list">
                      {position.notBooked.map((row) => (
                        <li key={row.name}>
                          {row.name}
                          {row.invited ? "" : " (not invited)"}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
