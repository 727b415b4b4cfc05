import type { ApplicationStatus } from "#db/types";

export type { ApplicationStatus };

export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  loi_draft: "Letter of intent: draft",
  loi_submitted: "Letter of intent submitted",
  not_invited: "Not invited to the full application",
  draft: "Draft",
  submitted: "Submitted",
  in_review: "In review",
  finalist: "Finalist",
  waitlisted: "Waitlisted",
  not_selected: "Not selected",
  matched: "Matched with a host",
  unmatched: "Not matched",
  accepted: "Placement accepted",
  declined: "Placement declined",
  withdrawn: "Withdrawn",
};

export const APPLICATION_STATUSES = Object.keys(APPLICATION_STATUS_LABELS) as ApplicationStatus[];

// The named sets belong to the state machine; re-exported here for the pages that label statuses.
export { EDITABLE_STATUSES, WITHDRAWABLE_STATUSES } from "./lifecycle";
