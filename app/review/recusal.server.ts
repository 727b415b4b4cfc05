import { sql, type Kysely } from "kysely";
import { msg } from "~/i18n/message";
import type { DB } from "#db/client";
import type { Database } from "#db/types";
import { audit } from "~/audit/audit.server";
import type { AppConfig } from "~/utils/config.server";
import { fillGaps } from "./assignments.server";
import { conflictedPairs } from "./conflicts.server";
import { listRounds } from "./rounds.server";

/**
 * Taking a reviewer off applications: the one way it happens, whether they recuse from one or
 * declare a conflict that matches some already assigned. Each pair becomes a conflict (never
 * assigned again), is audited, and the applications go to someone else at once, all in the
 * caller's transaction.
 */
async function recuseInTransaction(
  trx: Kysely<Database>,
  config: AppConfig,
  input: {
    cycleId: string;
    reviewerId: string;
    assignments: { id: string; applicationId: string; roundId: string; reason: string }[];
    cause: "recusal" | "declared-conflict";
  },
): Promise<{ reassigned: number }> {
  if (input.assignments.length === 0) return { reassigned: 0 };
  const cycle = await trx
    .selectFrom("cycles")
    .select(["id", "name", "status", "timezone"])
    .where("id", "=", input.cycleId)
    .executeTakeFirstOrThrow();
  for (const assignment of input.assignments) {
    await trx
      .updateTable("reviewAssignments")
      .set({ status: "recused", recusalReason: assignment.reason, updatedAt: sql`now()`, version: sql`version + 1` })
      .where("id", "=", assignment.id)
      .execute();
    await audit(trx, {
      actorId: input.reviewerId,
      action: "assignment.recuse",
      subjectType: "application",
      subjectId: assignment.applicationId,
      data: { assignmentId: assignment.id, reason: assignment.reason, cause: input.cause },
    });
  }
  await trx
    .insertInto("conflicts")
    .values(
      input.assignments.map((assignment) => ({
        cycleId: input.cycleId,
        reviewerId: input.reviewerId,
        kind: "application" as const,
        value: assignment.applicationId,
        source: "recusal" as const,
        reason: assignment.reason,
      })),
    )
    .onConflict((oc) => oc.columns(["cycleId", "reviewerId", "kind", "value"]).doNothing())
    .execute();
  if (cycle.status !== "reviewing") return { reassigned: 0 };
  // Each application goes to someone else in the round it was recused from.
  let reassigned = 0;
  for (const round of await listRounds(trx, cycle.id)) {
    const ids = input.assignments
      .filter((assignment) => assignment.roundId === round.id)
      .map((assignment) => assignment.applicationId);
    if (ids.length > 0) reassigned += (await fillGaps(trx, config, null, cycle, round, ids)).added;
  }
  return { reassigned };
}

export type RecusalResult = { ok: true; reassigned: boolean } | { ok: false; status: 404 | 409; message: string };

/**
 * A reviewer steps back from an application: the pair becomes a conflict (never assigned again)
 * and the application goes to someone else at once, in the same transaction.
 */
export async function recuse(
  db: DB,
  config: AppConfig,
  input: { assignmentId: string; reviewerId: string; reason: string },
): Promise<RecusalResult> {
  return db.transaction().execute(async (trx) => {
    const assignment = await trx
      .selectFrom("reviewAssignments")
      .select(["id", "status", "applicationId", "cycleId", "roundId"])
      .where("id", "=", input.assignmentId)
      .where("reviewerId", "=", input.reviewerId)
      .forUpdate()
      .executeTakeFirst();
    if (!assignment) return { ok: false, status: 404, message: msg("reviewForm.errors.notFound") };
    if (assignment.status === "recused") return { ok: true, reassigned: false };
    if (assignment.status === "submitted")
      return {
        ok: false,
        status: 409,
        message: msg("reviewForm.errors.alreadySubmitted"),
      };
    const { reassigned } = await recuseInTransaction(trx, config, {
      cycleId: assignment.cycleId,
      reviewerId: input.reviewerId,
      assignments: [
        {
          id: assignment.id,
          applicationId: assignment.applicationId,
          roundId: assignment.roundId,
          reason: input.reason,
        },
      ],
      cause: "recusal",
    });
    return { ok: true, reassigned: reassigned > 0 };
  });
}

/**
 * Replaces what a reviewer declared for a cycle (recusals and staff entries stay). A declaration
 * that matches an application already assigned to them, and not yet reviewed, recuses them from
 * it in the same transaction: a conflict counts from the moment it is declared, not from the
 * next assignment run. Returns the applications they were taken off.
 */
export async function declareConflicts(
  db: DB,
  config: AppConfig,
  cycleId: string,
  reviewerId: string,
  input: { organizations: string[]; domains: string[]; people: string[] },
): Promise<{ recused: number }> {
  return db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom("conflicts")
      .where("cycleId", "=", cycleId)
      .where("reviewerId", "=", reviewerId)
      .where("source", "=", "declared")
      .execute();
    const rows = [
      ...input.organizations.map((value) => ({ kind: "organization" as const, value })),
      ...input.domains.map((value) => ({
        kind: "email_domain" as const,
        value: value.replace(/^@/, "").toLowerCase(),
      })),
      ...input.people.map((value) => ({ kind: "person" as const, value })),
    ];
    if (rows.length > 0) {
      await trx
        .insertInto("conflicts")
        .values(rows.map((row) => ({ ...row, cycleId, reviewerId, source: "declared" as const })))
        .onConflict((oc) => oc.columns(["cycleId", "reviewerId", "kind", "value"]).doNothing())
        .execute();
    }
    await audit(trx, {
      actorId: reviewerId,
      action: "conflict.declare",
      subjectType: "cycle",
      subjectId: cycleId,
      data: { count: rows.length },
    });
    // Locked, so a review being submitted at this moment either lands first (and stays) or waits.
    const open = await trx
      .selectFrom("reviewAssignments")
      .select(["id", "applicationId", "roundId"])
      .where("cycleId", "=", cycleId)
      .where("reviewerId", "=", reviewerId)
      .where("status", "=", "assigned")
      .forUpdate()
      .execute();
    if (open.length === 0) return { recused: 0 };
    const pairs = await conflictedPairs(
      trx,
      cycleId,
      open.map((assignment) => assignment.applicationId),
    );
    const matched = open.flatMap((assignment) => {
      const pair = pairs.find((p) => p.reviewerId === reviewerId && p.applicationId === assignment.applicationId);
      return pair ? [{ ...assignment, reason: `Declared conflict: ${pair.reasons.join("; ")}` }] : [];
    });
    await recuseInTransaction(trx, config, { cycleId, reviewerId, assignments: matched, cause: "declared-conflict" });
    return { recused: matched.length };
  });
}
