import type { DB } from "#db/client";
import { completeEndedFellowships } from "~/fellowships/lifecycle.server";
import { sendReportReminders } from "~/fellowships/reminders.server";
import { sendInterviewReminders } from "~/interviews/reminders.server";
import { sendDiscussionDigests } from "~/review/discussion-digest.server";
import { sendOverdueReviewReminders } from "~/review/overdue-reminders.server";
import { sendReferenceReminders } from "~/references/reminders.server";
import type { AppConfig } from "~/utils/config.server";
import { startRepeating, type RepeatingTask } from "~/utils/repeating.server";

/** Every quarter of an hour is often enough for reminders "the day before" and due dates. */
const PROGRAM_JOBS_MS = 15 * 60 * 1000;

/**
 * The program's calendar chores: interview reminders the day before, report reminders,
 * fellowships completed when their term ends, overdue-review reminders, and the digests of review
 * discussions (one email per person per pass), and weekly reminders to referees whose letter has not
 * arrived. Each is idempotent through the outbox's keys and
 * the state machine, so a second process running them at the same time sends nothing twice.
 */
export async function runProgramJobs(db: DB, config: AppConfig): Promise<void> {
  await sendInterviewReminders(db, config);
  await sendReportReminders(db, config);
  await completeEndedFellowships(db, config);
  await sendOverdueReviewReminders(db, config);
  await sendDiscussionDigests(db, config);
  await sendReferenceReminders(db, config);
}

/**
 * Runs the chores now and every quarter hour. The shutdown awaits `stop()` with the other
 * workers, so a pass under way finishes before the database closes.
 */
export function startProgramJobs(db: DB, config: AppConfig, onError: (error: unknown) => void): RepeatingTask {
  return startRepeating(() => runProgramJobs(db, config), { everyMs: PROGRAM_JOBS_MS, onError });
}
