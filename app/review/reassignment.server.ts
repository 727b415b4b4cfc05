import { sql } from "kysely";
import type { DB } from "#db/client";
import type { AppConfig } from "~/utils/config.server";
import { addAssignment, type ManualAssignment } from "./assignments.server";
import { conflictedPairs } from "./conflicts.server";
import { inRound, inRoundPool, type RoundRef } from "./rounds.server";
import { msg } from "~/i18n/message";

/** How many reviewers a search shows: enough to choose from, never the whole panel. */
export const REVIEWER_MATCHES = 10;

type ReassignRound = Pick<RoundRef, "id" | "cycleId" | "position" | "reviewersPerApplication" | "reviewDueAt">;

interface CycleRef {
  id: string;
  name: string;
  timezone: string;
}

/** An application of the round (any status, so staff can see why it cannot be assigned) and its assignments. */
export async function applicationInRound(db: DB, round: ReassignRound, applicationId: string) {
  const [application, assignments] = await Promise.all([
    db
      .selectFrom("applications")
      .innerJoin("users", "users.id", "applications.applicantId")
      .select(["applications.id", "applications.status", "users.name"])
      .where("applications.id", "=", applicationId)
      .where("applications.cycleId", "=", round.cycleId)
      .where(inRound(round))
      .executeTakeFirst(),
    db
      .selectFrom("reviewAssignments")
      .innerJoin("users", "users.id", "reviewAssignments.reviewerId")
      .select([
        "reviewAssignments.id",
        "reviewAssignments.status",
        "reviewAssignments.version",
        "reviewAssignments.recusalReason",
        "users.name as reviewerName",
      ])
      .where("reviewAssignments.roundId", "=", round.id)
      .where("reviewAssignments.applicationId", "=", applicationId)
      .orderBy("users.name")
      .execute(),
  ]);
  return application ? { ...application, assignments } : null;
}

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Reviewers who could take this application now, whose name or email contains `q`: on the round's
 * active panel, without a conflict, not already assigned to it (a recusal counts), under capacity;
 * least loaded first, at most REVIEWER_MATCHES.
 */
export async function eligibleReviewers(db: DB, round: ReassignRound, applicationId: string, q: string) {
  const conflicted = (await conflictedPairs(db, round.cycleId, [applicationId])).map((pair) => pair.reviewerId);
  const load = sql<number>`(select count(*) from review_assignments ra
    where ra.round_id = ${round.id} and ra.reviewer_id = cycle_reviewers.user_id and ra.status != 'recused')::int`;
  let query = db
    .selectFrom("cycleReviewers")
    .innerJoin("users", "users.id", "cycleReviewers.userId")
    .select(["users.id", "users.name", "cycleReviewers.capacity", load.as("load")])
    .where("cycleReviewers.cycleId", "=", round.cycleId)
    .where("cycleReviewers.active", "=", true)
    .where(inRoundPool(round))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("reviewAssignments as taken")
            .select("taken.id")
            .where("taken.roundId", "=", round.id)
            .where("taken.applicationId", "=", applicationId)
            .whereRef("taken.reviewerId", "=", "cycleReviewers.userId"),
        ),
      ),
    )
    .where(sql<boolean>`${load} < cycle_reviewers.capacity`);
  if (conflicted.length > 0) query = query.where("cycleReviewers.userId", "not in", conflicted);
  const text = q.trim();
  if (text) {
    const pattern = likePattern(text);
    query = query.where((eb) => eb.or([eb("users.name", "ilike", pattern), eb("users.email", "ilike", pattern)]));
  }
  return query.orderBy(load).orderBy("users.name").orderBy("users.id").limit(REVIEWER_MATCHES).execute();
}

export interface Reassignment {
  applicationId: string;
  assignmentId: string;
  /** The assignment's version the form was built from. */
  version: number;
  reviewerId: string;
}

class Refused extends Error {
  constructor(readonly result: Exclude<ManualAssignment, { ok: true }>) {
    super(result.message);
  }
}

/**
 * Staff replace one reviewer of an application with another, in one transaction: the old
 * assignment (still without a submitted review, at the version the form saw) is removed and the new
 * one goes through the same checks as a manual assignment (panel, conflicts, capacity); if the new
 * one is refused nothing changes. Both steps are audited.
 */
export async function reassign(
  db: DB,
  config: AppConfig,
  actorId: string,
  cycle: CycleRef,
  round: ReassignRound,
  input: Reassignment,
): Promise<ManualAssignment> {
  try {
    return await db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(hashtext(${`assign:${cycle.id}`}))`.execute(trx);
      const old = await trx
        .selectFrom("reviewAssignments")
        .select(["applicationId", "reviewerId", "status", "version"])
        .where("id", "=", input.assignmentId)
        .where("applicationId", "=", input.applicationId)
        .where("roundId", "=", round.id)
        .forUpdate()
        .executeTakeFirst();
      if (!old) return { ok: false, status: 404, message: msg("selection.refusals.assignmentGone") };
      if (old.version !== input.version)
        return { ok: false, status: 409, message: msg("selection.refusals.assignmentChanged") };
      if (old.status !== "assigned")
        return { ok: false, status: 409, message: msg("selection.refusals.cannotReassign") };
      if (old.reviewerId === input.reviewerId)
        return { ok: false, status: 409, message: msg("selection.refusals.already") };
      await trx.deleteFrom("reviewAssignments").where("id", "=", input.assignmentId).execute();
      await trx
        .insertInto("auditLog")
        .values({
          actorId,
          action: "assignment.remove",
          subjectType: "application",
          subjectId: old.applicationId,
          data: JSON.stringify({ reviewerId: old.reviewerId, replacedBy: input.reviewerId, roundId: round.id }),
        })
        .execute();
      const added = await addAssignment(trx, config, actorId, cycle, round, old.applicationId, input.reviewerId);
      // The removal must not stand without its replacement.
      if (!added.ok) throw new Refused(added);
      return added;
    });
  } catch (error) {
    if (error instanceof Refused) return error.result;
    throw error;
  }
}
