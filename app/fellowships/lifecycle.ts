/**
 * The fellowship year's states and dates, pure. lifecycle.server.ts is the only module that
 * writes them; pages and reminders read them through the functions here.
 *
 *   fellowship:  active ──(the term ends)──▶ completed   (the fellow is an alumnus)
 *                  └────(staff end it early)──▶ ended_early
 *   report:      open ──(the fellow submits)──▶ submitted        (once: a second submit is a no-op)
 *                shown as upcoming → due (two weeks before) → late (after its day), or submitted
 */
import type { FellowshipStatus, ReportKind, ReportStatus } from "#db/types";
import type { MessageKey } from "~/i18n/message";

export const FELLOWSHIP_TRANSITIONS: Record<FellowshipStatus, readonly FellowshipStatus[]> = {
  active: ["completed", "ended_early"],
  completed: [],
  ended_early: [],
};

export function canMoveFellowship(from: FellowshipStatus, to: FellowshipStatus): boolean {
  return FELLOWSHIP_TRANSITIONS[from].includes(to);
}

export const REPORT_KINDS = ["check_in", "midterm", "final"] as const satisfies readonly ReportKind[];
/** The report kinds' names in the catalogs (the staff schedule's). */
export const REPORT_KIND_KEYS: Record<ReportKind, MessageKey> = {
  check_in: "cycleAdmin.reportKinds.checkIn",
  midterm: "cycleAdmin.reportKinds.midterm",
  final: "cycleAdmin.reportKinds.final",
};

/** How many days before its due date a report opens ("due"); before that it is "upcoming". */
export const DUE_WINDOW_DAYS = 14;

export type ReportState = "upcoming" | "due" | "late" | "submitted";
/** Dates are `YYYY-MM-DD` strings (as the database's `date` columns read); they compare as text. */
export function reportState(report: { status: ReportStatus; dueOn: string }, today: string): ReportState {
  if (report.status === "submitted") return "submitted";
  if (report.dueOn < today) return "late";
  return report.dueOn <= addDays(today, DUE_WINDOW_DAYS) ? "due" : "upcoming";
}

/** A fellow may submit a report once it is due (or late), while the fellowship is not ended early. */
export function canSubmitReport(state: ReportState, fellowship: FellowshipStatus): boolean {
  return (state === "due" || state === "late") && fellowship !== "ended_early";
}

function parts(date: string): [number, number, number] {
  const [y, m, d] = date.split("-").map(Number);
  return [y!, m!, d!];
}

function format(utc: Date): string {
  return utc.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = parts(date);
  return format(new Date(Date.UTC(y, m - 1, d + days)));
}

/** The same day `months` later; the 31st of a shorter month becomes its last day. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parts(date);
  const lastDay = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return format(new Date(Date.UTC(y, m - 1 + months, Math.min(d, lastDay))));
}

export interface Term {
  startsOn: string;
  endsOn: string;
}

export interface ScheduleItem {
  kind: ReportKind;
  everyMonths: number | null;
  offsetMonths: number | null;
}

/**
 * The due dates of one report form over a term: a check-in every `everyMonths` months (monthly
 * by default) before the end; a mid-term `offsetMonths` after the start (halfway by default); a
 * final report on the last day.
 */
export function dueDates(item: ScheduleItem, term: Term): string[] {
  if (item.kind === "final") return [term.endsOn];
  if (item.kind === "midterm") {
    const due = item.offsetMonths
      ? addMonths(term.startsOn, item.offsetMonths)
      : addDays(term.startsOn, Math.floor(daysBetween(term.startsOn, term.endsOn) / 2));
    return [due < term.endsOn ? due : term.endsOn];
  }
  const every = item.everyMonths ?? 1;
  const dates: string[] = [];
  for (let n = 1; ; n++) {
    const due = addMonths(term.startsOn, n * every);
    if (due >= term.endsOn) break;
    dates.push(due);
  }
  return dates;
}

export function daysBetween(from: string, to: string): number {
  const [y1, m1, d1] = parts(from);
  const [y2, m2, d2] = parts(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000);
}

/**
 * The term of a fellowship when staff have not set one for the cycle: ten months from the first
 * day of the month after the placement was accepted (the program's September-to-June rhythm).
 */
export function defaultTerm(acceptedOn: string): Term & { cohortYear: number } {
  const [y, m] = parts(acceptedOn);
  const startsOn = format(new Date(Date.UTC(y, m, 1)));
  return { startsOn, endsOn: addDays(addMonths(startsOn, 10), -1), cohortYear: parts(startsOn)[0] };
}
