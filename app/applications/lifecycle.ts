import type { ApplicationStatus } from "#db/types";

/**
 * The application's state machine, pure: which status may follow which, the named sets of statuses
 * other modules ask about, and which history event each move writes. Only
 * `lifecycle.server.ts` changes a status, and only along this table.
 */
export const APPLICATION_TRANSITIONS: Record<ApplicationStatus, readonly ApplicationStatus[]> = {
  // A two-stage cycle: the letter of intent is written and submitted; staff invite it to the full
  // application (which opens as its draft, pre-filled) or release a "not invited" decision.
  loi_draft: ["loi_submitted", "withdrawn"],
  loi_submitted: ["draft", "not_invited", "withdrawn"],
  not_invited: [],
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
export const EDITABLE_STATUSES: readonly ApplicationStatus[] = ["loi_draft", "loi_submitted", "draft", "submitted"];
/** Statuses from which the applicant may withdraw: before any decision. */
export const WITHDRAWABLE_STATUSES: readonly ApplicationStatus[] = ["loi_draft", "loi_submitted", "draft", "submitted"];
/** The letter-of-intent stage of a two-stage cycle: the full application is not open to these. */
export const LOI_STATUSES = [
  "loi_draft",
  "loi_submitted",
  "not_invited",
] as const satisfies readonly ApplicationStatus[];
/** Statuses still in the running: a deleted applicant leaves each of them. */
export const RUNNING_STATUSES: readonly ApplicationStatus[] = [
  "loi_draft",
  "loi_submitted",
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
/**
 * Every decision the release flow sends (held, previewable, cancellable): the review decisions and
 * a letter of intent's "not invited". Inviting is not released: it opens the full form at once.
 */
export const RELEASED_DECISIONS = [...DECISION_STATUSES, "not_invited"] as const satisfies readonly ApplicationStatus[];
export type ReleasedDecision = (typeof RELEASED_DECISIONS)[number];
/** Where each released decision may be marked: review decisions in review, "not invited" on a submitted LOI. */
export function markableFrom(decision: ReleasedDecision): readonly ApplicationStatus[] {
  if (decision === "not_invited") return ["loi_submitted"];
  if (decision === "waitlisted") return ["in_review"];
  return DECIDABLE_STATUSES;
}
/** Statuses a marked decision can be released from (the union of {@link markableFrom}). */
export const RELEASABLE_STATUSES = [
  ...DECIDABLE_STATUSES,
  "loi_submitted",
] as const satisfies readonly ApplicationStatus[];
/** What publishing a matching gives a finalist. */
export const MATCH_STATUSES = ["matched", "unmatched"] as const satisfies readonly ApplicationStatus[];
/** A matched finalist's answer to the placement. */
export const PLACEMENT_ANSWER_STATUSES = ["accepted", "declined"] as const satisfies readonly ApplicationStatus[];
/** Statuses no move leaves. */
export const FINAL_STATUSES: readonly ApplicationStatus[] = (
  Object.keys(APPLICATION_TRANSITIONS) as ApplicationStatus[]
).filter((status) => APPLICATION_TRANSITIONS[status].length === 0);

/** A new application's status: the letter of intent's draft in a two-stage cycle, else the application's. */
export function initialStatus(twoStage: boolean): ApplicationStatus {
  return twoStage ? "loi_draft" : "draft";
}

export function canMove(from: ApplicationStatus, to: ApplicationStatus): boolean {
  return APPLICATION_TRANSITIONS[from].includes(to);
}

/** The kinds of entry in an application's history (`application_events.kind`). */
export type ApplicationEventKind = "created" | "edited" | "submitted" | "withdrawn" | "status";

/** The history event a move writes: submitting and withdrawing have their own, whoever causes them. */
export function eventKindFor(to: ApplicationStatus): ApplicationEventKind {
  if (to === "submitted" || to === "loi_submitted") return "submitted";
  if (to === "withdrawn") return "withdrawn";
  return "status";
}
