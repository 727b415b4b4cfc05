import type { FellowshipStatus } from "#db/types";
import { FELLOWSHIP_STATUS_LABELS } from "~/fellowships/lifecycle";
import { FormErrors } from "./forms";
import { formatDueDate } from "./report-view";

export interface FellowshipHeaderView {
  fellowName: string;
  positionTitle: string;
  organizationName: string;
  startsOn: string;
  endsOn: string;
  cohortYear: number;
  status: FellowshipStatus;
  counts: { due: number; late: number; done: number; upcoming: number };
}

/** Who, where and when of a fellowship, with its reports counted by state. */
export function FellowshipHeader({
  fellowship,
  errors,
}: {
  fellowship: FellowshipHeaderView;
  errors?: string[] | undefined;
}) {
  return (
    <>
      <p className="muted">
        {fellowship.organizationName} · {fellowship.cohortYear} cohort
      </p>
      <h1>{fellowship.fellowName}</h1>
      <FormErrors errors={errors} />
      <dl className="facts">
        <dt>Position</dt>
        <dd>{fellowship.positionTitle}</dd>
        <dt>Term</dt>
        <dd>
          {formatDueDate(fellowship.startsOn)} – {formatDueDate(fellowship.endsOn)}
        </dd>
        <dt>Status</dt>
        <dd>{FELLOWSHIP_STATUS_LABELS[fellowship.status]}</dd>
        <dt>Reports</dt>
        <dd>
          {fellowship.counts.done} done, {fellowship.counts.due} due, {fellowship.counts.late} late,{" "}
          {fellowship.counts.upcoming} upcoming
        </dd>
      </dl>
    </>
  );
}
