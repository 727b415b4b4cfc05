import type { ApplicationStatus, QuestionStage } from "#db/types";
import { cyclePhase, type CyclePhase, type CycleStatus } from "~/cycles/cycle-status";
import { LOI_STATUSES } from "./lifecycle";
import type { Question } from "./questions";
import { msg } from "~/i18n/message";

// Two-stage cycles, pure: a cycle with an LOI deadline asks first for a short letter of intent (its
// `loi` questions, until that deadline), then, of those staff invite, the full application: every
// question, the LOI's answers already in place, until the cycle's deadline.

export type { QuestionStage };
export type Stage = QuestionStage;

export const QUESTION_STAGES = ["loi", "full"] as const satisfies readonly QuestionStage[];
export const STAGE_LABELS: Record<Stage, string> = { loi: "Letter of intent", full: "Full application" };

interface StagedCycle {
  status: CycleStatus;
  opensAt: Date | string;
  closesAt: Date | string;
  loiClosesAt: Date | string | null;
}

export function isTwoStage(cycle: Pick<StagedCycle, "loiClosesAt">): boolean {
  return cycle.loiClosesAt !== null;
}

/**
 * The stage an application is at. Before one exists, a two-stage cycle starts at the LOI; an LOI
 * withdrawn before any invitation stays an LOI.
 */
export function stageOf(
  cycle: Pick<StagedCycle, "loiClosesAt">,
  application: { status: ApplicationStatus; invitedAt: Date | string | null } | null | undefined,
): Stage {
  if (!isTwoStage(cycle)) return "full";
  if (!application) return "loi";
  if ((LOI_STATUSES as readonly ApplicationStatus[]).includes(application.status)) return "loi";
  if (application.status === "withdrawn" && application.invitedAt === null) return "loi";
  return "full";
}

/** The questions a stage's form asks: the LOI's own, or all of them (the LOI's again, pre-filled). */
export function questionsForStage<Q extends Pick<Question, "stage">>(questions: readonly Q[], stage: Stage): Q[] {
  return stage === "loi" ? questions.filter((question) => question.stage === "loi") : [...questions];
}

/** The deadline of a stage: the LOI's own, or the cycle's. */
export function stageDeadline(cycle: StagedCycle, stage: Stage): Date {
  return new Date(stage === "loi" && cycle.loiClosesAt !== null ? cycle.loiClosesAt : cycle.closesAt);
}

/** What a stage is doing now: as {@link cyclePhase}, with the stage's own deadline. */
export function stagePhase(cycle: StagedCycle, stage: Stage, now: Date): CyclePhase {
  return cyclePhase({ ...cycle, closesAt: stageDeadline(cycle, stage) }, now);
}

/** Settings check: the LOI closes after the cycle opens and before the full application's deadline. */
export function loiDeadlineProblem(times: { opensAt: Date; closesAt: Date; loiClosesAt: Date | null }): string | null {
  if (times.loiClosesAt === null) return null;
  if (times.loiClosesAt <= times.opensAt) return msg("cycleAdmin.refusals.loiAfterOpening");
  if (times.loiClosesAt >= times.closesAt) return msg("cycleAdmin.refusals.loiBeforeDeadline");
  return null;
}
