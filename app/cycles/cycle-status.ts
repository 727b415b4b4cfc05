import type { MessageKey } from "~/i18n/message";
import type { CycleStatus } from "#db/types";

export const CYCLE_STATUSES = [
  "draft",
  "open",
  "closed",
  "reviewing",
  "matching",
  "complete",
] as const satisfies readonly CycleStatus[];
export type { CycleStatus };

/**
 * What a cycle is doing right now. A cycle marked `open` follows its dates without anyone
 * pressing a button: scheduled before `opensAt`, accepting until `closesAt`, closed after.
 */
export type CyclePhase = "draft" | "scheduled" | "accepting" | "closed" | "reviewing" | "matching" | "complete";

export function cyclePhase(
  cycle: { status: CycleStatus; opensAt: Date | string; closesAt: Date | string },
  now: Date,
): CyclePhase {
  if (cycle.status === "draft") return "draft";
  if (cycle.status === "open") {
    if (now < new Date(cycle.opensAt)) return "scheduled";
    if (now < new Date(cycle.closesAt)) return "accepting";
    return "closed";
  }
  return cycle.status;
}

export const PHASE_LABELS: Record<CyclePhase, string> = {
  draft: "Draft (not published)",
  scheduled: "Opens soon",
  accepting: "Open for applications",
  closed: "Closed",
  reviewing: "In review",
  matching: "Matching with hosts",
  complete: "Complete",
};

/** Which status staff may move a cycle to from each status. */
export const CYCLE_TRANSITIONS: Record<CycleStatus, CycleStatus[]> = {
  draft: ["open"],
  open: ["draft", "closed"],
  closed: ["open", "reviewing"],
  reviewing: ["matching"],
  matching: ["complete"],
  complete: [],
};

/** The phases' names in the catalogs, for the pages applicants read (staff pages use the labels above). */
export const PHASE_KEYS: Record<CyclePhase, MessageKey> = {
  draft: "phase.draft",
  scheduled: "phase.scheduled",
  accepting: "phase.accepting",
  closed: "phase.closed",
  reviewing: "phase.reviewing",
  matching: "phase.matching",
  complete: "phase.complete",
};
