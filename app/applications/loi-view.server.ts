import type { DB } from "#db/client";
import { listQuestions } from "~/cycles/questions.server";
import { finaliseDueReleases, previewRelease, waitingRelease } from "~/review/decision-release.server";
import type { AppConfig } from "~/utils/config.server";
import { formatTime } from "~/utils/format";
import { listLetters } from "./loi.server";
import { questionsForStage } from "./stages";

/** What the staff page of letters of intent shows: each letter with its answers, marks and the release. */
export async function lettersView(
  db: DB,
  config: AppConfig,
  cycle: { id: string; name: string; timezone: string; decisionDelayMinutes: number; loiClosesAt: Date | null },
) {
  // A release whose time has come is sent before the page is read, whatever the timer's rhythm.
  await finaliseDueReleases(db, { cycleId: cycle.id });
  const [letters, questions, waiting] = await Promise.all([
    listLetters(db, cycle.id),
    listQuestions(db, cycle.id).then((all) => questionsForStage(all, "loi")),
    waitingRelease(db, cycle.id),
  ]);
  const rows = letters.map((letter) => ({
    id: letter.id,
    name: letter.name,
    status: letter.status,
    invitedAt: letter.invitedAt ? letter.invitedAt.toISOString() : null,
    pendingNotInvited: letter.pendingDecision === "not_invited",
    inRelease: Boolean(waiting && letter.decisionReleaseId === waiting.id),
    answers:
      letter.status === "loi_draft"
        ? []
        : questions.map((question) => {
            const value = letter.answers[question.id];
            return { label: question.label, answer: Array.isArray(value) ? value.join(", ") : (value ?? "") };
          }),
  }));
  const preview = waiting ? [] : await previewRelease(db, config, cycle);
  return {
    // Moments as ISO strings, formatted on the page in its language and the cycle's zone.
    loiDeadline: cycle.loiClosesAt ? cycle.loiClosesAt.toISOString() : null,
    rows,
    pending: preview.reduce((sum, group) => sum + group.recipients.length, 0),
    waiting: waiting ? { decisions: waiting.decisions, sendAt: formatTime(waiting.sendAt, cycle.timezone) } : null,
    preview,
    delayMinutes: cycle.decisionDelayMinutes,
  };
}
