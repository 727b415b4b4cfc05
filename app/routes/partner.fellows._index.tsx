import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatDueDate } from "~/components/report-view";
import { FELLOWSHIP_STATUS_LABELS } from "~/fellowships/lifecycle";
import { fellowshipSummary, hostFellows } from "~/fellowships/views.server";
import { requirePartner } from "~/utils/permissions.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePartner(request, context);
  const fellows = await hostFellows(context.db, user.id);
  return {
    fellows: fellows.map(fellowshipSummary),
  };
}

export const meta: MetaFunction = () => [{ title: "Your fellows — Host partner — Open Web Fellows" }];

export default function HostFellowsPage() {
  const { fellows } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <h1>Your fellows</h1>
      <p>The fellows your organization hosts: their year, their check-ins and reports. Read them and leave comments.</p>
      {fellows.length === 0 ? <p>You host no fellows yet.</p> : null}
      <ul className="plain-list stack">
        {fellows.map((fellowship) => (
          <li key={fellowship.id} className="card">
            <h2>
              <Link to={`/partner/fellows/${fellowship.id}`}>{fellowship.fellowName}</Link>
            </h2>
            <p>
              {fellowship.positionTitle} · {fellowship.organizationName} · {fellowship.cohortYear} cohort ·{" "}
              {formatDueDate(fellowship.startsOn)} – {formatDueDate(fellowship.endsOn)} ·{" "}
              {FELLOWSHIP_STATUS_LABELS[fellowship.status]}
            </p>
            <p>
              Reports: {fellowship.counts.done} done, {fellowship.counts.due} due, {fellowship.counts.late} late,{" "}
              {fellowship.counts.upcoming} upcoming
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
