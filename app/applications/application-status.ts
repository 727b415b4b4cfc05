import type { ApplicationStatus } from "#db/types";

export type { ApplicationStatus };

export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  draft: "Draft",
  submitted: "Submitted",
  in_review: "In review",
  finalist: "Finalist",
  not_selected: "Not selected",
  matched: "Matched with a host",
  unmatched: "Not matched",
  accepted: "Placement accepted",
  declined: "Placement declined",
  withdrawn: "Withdrawn",
};

export const APPLICATION_STATUSES = Object.keys(APPLICATION_STATUS_LABELS) as ApplicationStatus[];

/** Statuses in which the applicant may still change answers (until the deadline). */
export const EDITABLE_STATUSES: ApplicationStatus[] = ["draft", "submitted"];
/** Statuses from which the applicant may withdraw: before any decision. */
export const WITHDRAWABLE_STATUSES: ApplicationStatus[] = ["draft", "submitted"];
