import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { APPLICATION_STATUS_LABELS, APPLICATION_STATUSES } from "~/applications/application-status";
import { countApplicationsByStatus } from "~/applications/admin.server";
import { CycleNav } from "~/components/cycle-nav";
import { ZonedTime } from "~/components/local-time";
import { cyclePhase, PHASE_LABELS } from "~/cycles/cycle-status";
import { requireStaffCycle } from "~/cycles/staff-cycle.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { cycle } = await requireStaffCycle(request, context, params.slug);
  const counts = await countApplicationsByStatus(context.db, cycle.id);
  return {
    cycle: {
      slug: cycle.slug,
      name: cycle.name,
      phase: cyclePhase(cycle, new Date()),
      opensAt: cycle.opensAt.toISOString(),
      closesAt: cycle.closesAt.toISOString(),
      timezone: cycle.timezone,
      blindReview: cycle.blindReview,
      reviewersPerApplication: cycle.reviewersPerApplication,
    },
    counts,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.cycle.name ?? "Cycle"} — Staff — Open Web Fellows` },
];

export default function StaffCycleOverview() {
  const { cycle, counts } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <h1>{cycle.name}</h1>
      <CycleNav slug={cycle.slug} />
      <dl className="facts">
        <dt>Phase</dt>
        <dd>{PHASE_LABELS[cycle.phase]}</dd>
        <dt>Opens</dt>
        <dd>
          <ZonedTime iso={cycle.opensAt} timeZone={cycle.timezone} />
        </dd>
        <dt>Deadline</dt>
        <dd>
          <ZonedTime iso={cycle.closesAt} timeZone={cycle.timezone} />
        </dd>
        <dt>Review</dt>
        <dd>
          {cycle.blindReview ? "Blind" : "Names visible"}, {cycle.reviewersPerApplication} reviewers per application
        </dd>
        <dt>Public page</dt>
        <dd>
          <Link to={`/cycles/${cycle.slug}`}>/cycles/{cycle.slug}</Link>
        </dd>
      </dl>
      <h2>Applications by status</h2>
      <ul className="cards">
        {APPLICATION_STATUSES.filter((status) => (counts[status] ?? 0) > 0).map((status) => (
          <li key={status} className="card">
            <Link to={`/staff/cycles/${cycle.slug}/applications?status=${status}`}>
              {APPLICATION_STATUS_LABELS[status]}
            </Link>
            : <strong>{counts[status]}</strong>
          </li>
        ))}
      </ul>
    </div>
  );
}
