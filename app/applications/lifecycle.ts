import type { ApplicationStatus } from "#db/types";

/**
 * The application's state machine, pure: which status may follow which, the named sets of statuses
 * other modules ask about, and which history event each move writes. Only
 * `lifecycle.server.ts` changes a status, and only along this table.
 */
export const APPLICATION_TRANSITIONS: Record<ApplicationStatus, readonly ApplicationStatus[]> = {
  draft: ["submitted", "withdrawn"],
  submitted: ["in_review", "withdrawn"],
  // A deleted account withdraws what is still in the running, in review included.
  in_review: ["finalist", "waitlisted", "not_selected", "withdrawn"],
  finalist: ["matched", "unmatched", "waitlisted", "withdrawn"],
  // The waitlist: a later released decision takes it to finalist (a place came free) or not selected.
  waitlisted: ["finalist", "not_selected", "withdrawn"],
  matched: ["accepted", "declined"],
  not_selected: [],
  unmatched: [],
  accepted: [],
  declined: [],
  withdrawn: [],
};

/** Statuses in which the applicant may still change answers (until the deadline). */
export const EDITABLE_STATUSES: readonly ApplicationStatus[] = ["draft", "submitted"];
/** Statuses from which the applicant may withdraw: before any decision. */
export const WITHDRAWABLE_STATUSES: readonly ApplicationStatus[] = ["draft", "submitted"];
/** Statuses still in the running: a deleted applicant leaves each of them. */
export const RUNNING_STATUSES: readonly ApplicationStatus[] = [
  "draft",
  "submitted",
  "in_review",
  "finalist",
  "waitlisted",
  "matched",
];
/** The outcomes a released decision can give an application in review (or on the waitlist). */
export const DECISION_STATUSES = [
  "finalist",
  "waitlisted",
  "not_selected",
] as const satisfies readonly ApplicationStatus[];
export type DecisionStatus = (typeof DECISION_STATUSES)[number];
/** Statuses a decision can be marked on and released from: in review, or waiting on the waitlist. */
export const DECIDABLE_STATUSES = ["in_review", "waitlisted"] as const satisfies readonly ApplicationStatus[];
/** What publishing a matching gives a finalist. */
export const MATCH_STATUSES = ["matched", "unmatched"] as const satisfies readonly ApplicationStatus[];
/** A matched finalist's answer to the placement. */
export const PLACEMENT_ANSWER_STATUSES = ["accepted", "declined"] as const satisfies readonly ApplicationStatus[];
/** Statuses no move leaves. */
export const FINAL_STATUSES: readonly ApplicationStatus[] = (
  Object.keys(APPLICATION_TRANSITIONS) as ApplicationStatus[]
).filter((status) => APPLICATION_TRANSITIONS[status].length === 0);

export function canMove(from: ApplicationStatus, to: ApplicationStatus): boolean {
  return APPLICATION_TRANSITIONS[from].includes(to);
}

/** The kinds of entry in an application's history (`application_events.kind`). */
export type ApplicationEventKind = "created" | "edited" | "submitted" | "withdrawn" | "status";

/** The history event a move writes: submitting and withdrawing have their own, whoever causes them. */
export function eventKindFor(to: ApplicationStatus): ApplicationEventKind {
  if (to === "submitted") return "submitted";
  if (to === "withdrawn") return "withdrawn";
  return "status";
}
