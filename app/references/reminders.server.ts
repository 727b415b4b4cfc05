import { sql } from "kysely";
import type { DB } from "#db/client";
import type { AppConfig } from "~/utils/config.server";
import { nowExpression, type Clock } from "~/utils/clock.server";
import { referenceDeadline, scheduledReminderDue } from "./references";
import { remindNow } from "./references.server";

/**
 * Reminds referees whose letter has not arrived: every week after the last email, three times at
 * most, while the link could still be used. Each request is locked and checked again in its own
 * transaction, so a second pass or a second process at the same time sends nothing twice (and the
 * outbox key, which counts the emails, refuses a duplicate anyway). Returns how many were sent.
 */
export async function sendReferenceReminders(db: DB, config: AppConfig, clock: Clock = {}): Promise<number> {
  const now = nowExpression(clock);
  const candidates = await db
    .selectFrom("referenceRequests")
    .innerJoin("applications", "applications.id", "referenceRequests.applicationId")
    .select("referenceRequests.id")
    .where("referenceRequests.status", "=", "requested")
    .where("applications.status", "in", ["draft", "submitted", "in_review"])
    .where(
      sql<boolean>`coalesce(reference_requests.last_reminded_at, reference_requests.created_at) < ${now} - interval '7 days'`,
    )
    .execute();
  let sent = 0;
  for (const candidate of candidates) {
    const reminded = await db.transaction().execute(async (trx) => {
      const request = await trx
        .selectFrom("referenceRequests")
        .innerJoin("applications", "applications.id", "referenceRequests.applicationId")
        .innerJoin("users", "users.id", "applications.applicantId")
        .innerJoin("cycles", "cycles.id", "referenceRequests.cycleId")
        .select([
          "referenceRequests.id",
          "referenceRequests.refereeName",
          "referenceRequests.refereeEmail",
          "referenceRequests.relationship",
          "referenceRequests.status",
          "referenceRequests.createdAt",
          "referenceRequests.lastRemindedAt",
          "referenceRequests.remindersSent",
          "users.name as applicantName",
          "cycles.name as cycleName",
          "cycles.timezone",
          "cycles.closesAt",
          "cycles.referenceDeadline",
          now.as("now"),
        ])
        .where("referenceRequests.id", "=", candidate.id)
        .forUpdate()
        .executeTakeFirst();
      if (!request || request.status !== "requested") return false;
      const deadline = referenceDeadline(request);
      const at = new Date(request.now);
      if (!scheduledReminderDue(request, deadline, at)) return false;
      await remindNow(trx, config, request, { ...request, deadline, now: at });
      return true;
    });
    if (reminded) sent += 1;
  }
  return sent;
}
