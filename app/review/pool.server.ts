import { sql } from "kysely";
import type { DB } from "#db/client";
import { audit } from "~/audit/audit.server";
import { InvitationKind, inviteByEmail } from "~/invitations/invitations.server";
import type { AppConfig } from "~/utils/config.server";
import { msg } from "~/i18n/message";

/** The cycle's reviewers with their load: one query, however many there are. */
export async function listPool(db: DB, cycleId: string) {
  return db
    .selectFrom("cycleReviewers")
    .innerJoin("users", "users.id", "cycleReviewers.userId")
    .leftJoin("reviewAssignments", (join) =>
      join
        .onRef("reviewAssignments.reviewerId", "=", "cycleReviewers.userId")
        .onRef("reviewAssignments.cycleId", "=", "cycleReviewers.cycleId"),
    )
    .select([
      "users.id",
      "users.name",
      "users.email",
      "cycleReviewers.capacity",
      "cycleReviewers.expertise",
      "cycleReviewers.active",
      "cycleReviewers.version",
      sql<number>`count(review_assignments.id) filter (where review_assignments.status <> 'recused')`.as("assigned"),
      sql<number>`count(review_assignments.id) filter (where review_assignments.status = 'submitted')`.as("submitted"),
      sql<number>`count(review_assignments.id) filter (where review_assignments.status = 'recused')`.as("recused"),
    ])
    .where("cycleReviewers.cycleId", "=", cycleId)
    .groupBy([
      "users.id",
      "cycleReviewers.capacity",
      "cycleReviewers.expertise",
      "cycleReviewers.active",
      "cycleReviewers.version",
    ])
    .orderBy("users.name")
    .execute();
}

/** Whether a user is an active reviewer of a cycle. */
export async function isActiveReviewer(db: DB, cycleId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom("cycleReviewers")
    .select("userId")
    .where("cycleId", "=", cycleId)
    .where("userId", "=", userId)
    .where("active", "=", true)
    .executeTakeFirst();
  return row !== undefined;
}

export async function inviteReviewer(
  db: DB,
  config: AppConfig,
  actor: { id: string; name: string },
  cycle: { id: string; name: string },
  input: { email: string; capacity: number; expertise: string[] },
): Promise<void> {
  await inviteByEmail(db, config, actor.id, {
    email: input.email,
    kind: InvitationKind.reviewer,
    subjectId: cycle.id,
    payload: { capacity: input.capacity, expertise: input.expertise },
    template: "reviewer-invitation",
    props: (link) => ({ inviterName: actor.name, cycleName: cycle.name, capacity: input.capacity, ...link }),
  });
}

export type PoolWrite = { ok: true } | { ok: false; status: 404 | 409; message: string };

export async function updateReviewer(
  db: DB,
  actorId: string,
  cycleId: string,
  userId: string,
  version: number,
  input: { capacity: number; expertise: string[] },
): Promise<PoolWrite> {
  return db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom("cycleReviewers")
      .select("version")
      .where("cycleId", "=", cycleId)
      .where("userId", "=", userId)
      .forUpdate()
      .executeTakeFirst();
    if (!current) return { ok: false, status: 404, message: msg("cycleAdmin.refusals.reviewerNotFound") };
    if (current.version !== version)
      return {
        ok: false,
        status: 409,
        message: msg("cycleAdmin.refusals.reviewerStale"),
      };
    await trx
      .updateTable("cycleReviewers")
      .set({
        capacity: input.capacity,
        expertise: JSON.stringify(input.expertise),
        updatedAt: sql`now()`,
        version: sql`version + 1`,
      })
      .where("cycleId", "=", cycleId)
      .where("userId", "=", userId)
      .execute();
    await audit(trx, {
      actorId,
      action: "reviewer.update",
      subjectType: "user",
      subjectId: userId,
      data: { cycleId, capacity: input.capacity, expertise: input.expertise },
    });
    return { ok: true };
  });
}

/**
 * Takes a reviewer out of the pool. Their submitted reviews stay; unfinished assignments (and any
 * draft scores in them) are removed, leaving gaps the next assignment run fills.
 */
export async function removeReviewer(db: DB, actorId: string, cycleId: string, userId: string): Promise<PoolWrite> {
  return db.transaction().execute(async (trx) => {
    // Same lock as assignment, so a run cannot hand this reviewer new work while they leave.
    await sql`select pg_advisory_xact_lock(hashtext(${`assign:${cycleId}`}))`.execute(trx);
    const updated = await trx
      .updateTable("cycleReviewers")
      .set({ active: false, updatedAt: sql`now()`, version: sql`version + 1` })
      .where("cycleId", "=", cycleId)
      .where("userId", "=", userId)
      .returning("userId")
      .executeTakeFirst();
    if (!updated) return { ok: false, status: 404, message: msg("cycleAdmin.refusals.reviewerNotFound") };
    const dropped = await trx
      .deleteFrom("reviewAssignments")
      .where("cycleId", "=", cycleId)
      .where("reviewerId", "=", userId)
      .where("status", "=", "assigned")
      .returning("applicationId")
      .execute();
    await audit(trx, {
      actorId,
      action: "reviewer.remove",
      subjectType: "user",
      subjectId: userId,
      data: { cycleId, unassigned: dropped.length },
    });
    return { ok: true };
  });
}
