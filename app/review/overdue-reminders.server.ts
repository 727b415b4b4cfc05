import { sql } from "kysely";
import type { DB } from "#db/client";
import { enqueueEmail } from "~/email/outbox.server";
import type { AppConfig } from "~/utils/config.server";
import { nowExpression, type Clock } from "~/utils/clock.server";
import { emailMoment } from "#emails/moment";
import { blindLabel } from "./reviews.server";

/** An overdue review is reminded of once in each span of this many days after its due date. */
export const OVERDUE_REMINDER_EVERY_DAYS = 3;

/**
 * Reminds reviewers of reviews past their due date: once right after it, then once every
 * {@link OVERDUE_REMINDER_EVERY_DAYS} days while the review is still open. The outbox key names the
 * assignment and the span (days overdue ÷ interval), so a second pass or a second process within
 * the same span queues nothing. Returns how many reminders were queued.
 */
export async function sendOverdueReviewReminders(db: DB, config: AppConfig, clock: Clock = {}): Promise<number> {
  const now = nowExpression(clock);
  const overdue = await db
    .selectFrom("reviewAssignments")
    .innerJoin("cycles", "cycles.id", "reviewAssignments.cycleId")
    .innerJoin("cycleReviewers", (join) =>
      join
        .onRef("cycleReviewers.cycleId", "=", "reviewAssignments.cycleId")
        .onRef("cycleReviewers.userId", "=", "reviewAssignments.reviewerId"),
    )
    .innerJoin("applications", "applications.id", "reviewAssignments.applicationId")
    .innerJoin("users as reviewer", "reviewer.id", "reviewAssignments.reviewerId")
    .innerJoin("users as applicant", "applicant.id", "applications.applicantId")
    .select([
      "reviewAssignments.id",
      "reviewAssignments.applicationId",
      "reviewAssignments.dueAt",
      "cycles.name as cycleName",
      "cycles.blindReview",
      "cycles.timezone",
      "reviewer.name",
      "reviewer.email",
      "applicant.name as applicantName",
      sql<number>`floor(extract(epoch from (${now} - review_assignments.due_at)) / 86400)::int`.as("daysOverdue"),
    ])
    .where("reviewAssignments.status", "=", "assigned")
    .where("reviewAssignments.dueAt", "<", now)
    .where("cycles.status", "=", "reviewing")
    .where("applications.status", "=", "in_review")
    .where("cycleReviewers.active", "=", true)
    .where("reviewer.deletedAt", "is", null)
    .execute();
  let queued = 0;
  for (const assignment of overdue) {
    const span = Math.floor(assignment.daysOverdue / OVERDUE_REMINDER_EVERY_DAYS);
    const sent = await db.transaction().execute((trx) =>
      enqueueEmail(trx, {
        to: assignment.email,
        template: "review-overdue",
        props: {
          name: assignment.name,
          cycleName: assignment.cycleName,
          applicationLabel: assignment.blindReview ? blindLabel(assignment.applicationId) : assignment.applicantName,
          dueAt: emailMoment(assignment.dueAt!, assignment.timezone),
          daysOverdue: assignment.daysOverdue,
          reviewUrl: new URL(`/review/${assignment.id}`, config.appUrl).toString(),
        },
        idempotencyKey: `review-overdue:${assignment.id}:${span}`,
      }),
    );
    if (sent) queued += 1;
  }
  return queued;
}
