import { sql } from "kysely";
import type { DB } from "#db/client";
import { audit } from "~/audit/audit.server";
import { enqueueEmail } from "~/email/outbox.server";
import type { AppConfig } from "~/utils/config.server";
import { emailMoment } from "#emails/moment";
import { fail, type Result } from "~/utils/result";

import { DECIDABLE_STATUSES, markableFrom, RELEASABLE_STATUSES, type ReleasedDecision } from "~/applications/lifecycle";
import { bulkTargets } from "./decisions-list.server";
import type { DecisionFilter } from "./decisions.schema";
import { msg } from "~/i18n/message";

export type Decision = ReleasedDecision;

/**
 * Marks applications in review (or on the waitlist) as finalist, waitlisted or not selected, or a
 * submitted letter of intent as not invited (or clears the mark); a waitlisted application cannot
 * be marked waitlisted again. Nothing is
 * visible to applicants until the decisions are released; a mark in a waiting release stays as it
 * is (cancel the release to change it). Each change is audited.
 */
export async function setPendingDecisions(
  db: DB,
  actorId: string,
  cycleId: string,
  applicationIds: string[],
  decision: Decision | null,
): Promise<number> {
  return db.transaction().execute((trx) => markPending(trx, actorId, cycleId, applicationIds, decision));
}

async function markPending(
  trx: DB,
  actorId: string,
  cycleId: string,
  applicationIds: string[],
  decision: Decision | null,
): Promise<number> {
  if (applicationIds.length === 0) return 0;
  const changed = await trx
    .updateTable("applications")
    .set({ pendingDecision: decision, pendingDecisionBy: decision ? actorId : null, updatedAt: sql`now()` })
    .where("cycleId", "=", cycleId)
    // One array parameter, however many ids: PostgreSQL takes at most 65,535 parameters a statement.
    .where(sql<boolean>`id = any(${applicationIds}::uuid[])`)
    // Each decision only where it can be released from (a letter of intent's "not invited" on a submitted LOI).
    .where("status", "in", decision ? markableFrom(decision) : RELEASABLE_STATUSES)
    .where("decisionReleaseId", "is", null)
    .where((eb) =>
      decision ? eb("pendingDecision", "is distinct from", decision) : eb("pendingDecision", "is not", null),
    )
    .returning("id")
    .execute();
  if (changed.length > 0) {
    // One audit row per change, from one array parameter (a row of five parameters each would pass
    // the limit above 13,107 changes).
    await sql`insert into audit_log (actor_id, action, subject_type, subject_id, data)
      select ${actorId}, 'decision.set', 'application', id, ${JSON.stringify({ decision })}::jsonb
      from unnest(${changed.map((row) => row.id)}::uuid[]) as id`.execute(trx);
  }
  return changed.length;
}

export type BulkResult = Result<{ changed: number }, 409>;

/**
 * The same marks over every application on a filter of the decisions list ("all N on this filter"),
 * in one transaction: the rows are locked and counted again, and if the count is not the one the
 * staff member confirmed (someone marked, released or advanced since) nothing is marked.
 */
export async function setPendingDecisionsOnFilter(
  db: DB,
  actorId: string,
  cycleId: string,
  filter: DecisionFilter,
  decision: Decision | null,
  confirmedCount: number,
): Promise<BulkResult> {
  return db.transaction().execute(async (trx) => {
    const targets = await bulkTargets(trx, cycleId, filter)
      .select("applications.id")
      .forUpdate(["applications"])
      .execute();
    if (targets.length !== confirmedCount)
      return fail(409, msg("selection.refusals.filterChanged", { count: targets.length, confirmed: confirmedCount }));
    const changed = await markPending(
      trx,
      actorId,
      cycleId,
      targets.map((row) => row.id),
      decision,
    );
    return { ok: true, changed };
  });
}

/** Staff approve an excerpt of the reviewers' comments to send with the decision (or none), before it is released. */
export async function setDecisionFeedback(
  db: DB,
  actorId: string,
  cycleId: string,
  applicationId: string,
  feedback: string,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable("applications")
      .set({ decisionFeedback: feedback || null, updatedAt: sql`now()` })
      .where("id", "=", applicationId)
      .where("cycleId", "=", cycleId)
      .where("status", "in", DECIDABLE_STATUSES)
      .where("decisionReleaseId", "is", null)
      .returning("id")
      .executeTakeFirst();
    if (updated)
      await audit(trx, {
        actorId,
        action: "decision.feedback",
        subjectType: "application",
        subjectId: applicationId,
        data: { length: feedback.length },
      });
    return updated !== undefined;
  });
}

/** One reminder per reviewer with unfinished reviews (at most one a day each). */
export async function sendReviewReminders(
  db: DB,
  config: AppConfig,
  actorId: string,
  cycle: { id: string; name: string; reviewDueAt: Date | null; timezone: string },
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const waiting = await trx
      .selectFrom("reviewAssignments")
      .innerJoin("users", "users.id", "reviewAssignments.reviewerId")
      .innerJoin("cycleReviewers", (join) =>
        join
          .onRef("cycleReviewers.cycleId", "=", "reviewAssignments.cycleId")
          .onRef("cycleReviewers.userId", "=", "reviewAssignments.reviewerId"),
      )
      .select(["users.id", "users.name", "users.email", sql<number>`count(*)`.as("remaining")])
      .where("reviewAssignments.cycleId", "=", cycle.id)
      .where("reviewAssignments.status", "=", "assigned")
      .where("cycleReviewers.active", "=", true)
      .groupBy(["users.id", "users.name", "users.email"])
      .execute();
    const day = new Date().toISOString().slice(0, 10);
    let sent = 0;
    for (const reviewer of waiting) {
      const queued = await enqueueEmail(trx, {
        to: reviewer.email,
        template: "review-reminder",
        props: {
          name: reviewer.name,
          cycleName: cycle.name,
          remaining: Number(reviewer.remaining),
          dueAt: cycle.reviewDueAt ? emailMoment(cycle.reviewDueAt, cycle.timezone) : null,
          queueUrl: new URL("/review", config.appUrl).toString(),
        },
        idempotencyKey: `review-reminder:${cycle.id}:${reviewer.id}:${day}`,
      });
      if (queued) sent += 1;
    }
    await audit(trx, { actorId, action: "reminder.send", subjectType: "cycle", subjectId: cycle.id, data: { sent } });
    return sent;
  });
}
