import type { MessageKey } from "~/i18n/message";
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

/** The statuses' names in the catalogs, for the pages applicants read. */
export const APPLICATION_STATUS_KEYS: Record<ApplicationStatus, MessageKey> = {
  loi_draft: "applicationStatus.loi_draft",
  loi_submitted: "applicationStatus.loi_submitted",
  not_invited: "applicationStatus.not_invited",
  draft: "applicationStatus.draft",
  submitted: "applicationStatus.submitted",
  in_review: "applicationStatus.in_review",
  finalist: "applicationStatus.finalist",
  waitlisted: "applicationStatus.waitlisted",
  not_selected: "applicationStatus.not_selected",
  matched: "applicationStatus.matched",
  unmatched: "applicationStatus.unmatched",
  accepted: "applicationStatus.accepted",
  declined: "applicationStatus.declined",
  withdrawn: "applicationStatus.withdrawn",
};

export const APPLICATION_STATUSES = Object.keys(APPLICATION_STATUS_LABELS) as ApplicationStatus[];

// The named sets belong to the state machine; re-exported here for the pages that label statuses.
export { EDITABLE_STATUSES, WITHDRAWABLE_STATUSES } from "./lifecycle";

/** An application's history events, named alike on the applicant's page and staff's. */
export const APPLICATION_EVENT_KEYS: Record<string, MessageKey> = {
  created: "myApplications.events.created",
  submitted: "myApplications.events.submitted",
  edited: "myApplications.events.edited",
  withdrawn: "myApplications.events.withdrawn",
  status: "myApplications.events.status",
};
