import { randomUUID } from "node:crypto";
import { sql, type Kysely } from "kysely";
import type { DB } from "#db/client";
import type { Database } from "#db/types";
import { enqueueEmail } from "~/email/outbox.server";
import type { AppConfig } from "~/utils/config.server";
import { emailMoment } from "#emails/moment";
import { assignReviewers, type AssignmentInput, type AssignmentResult, type UncoveredApplication } from "./assignment";
import { checkAssignment, type AssignmentCheck } from "./assignment-check";
import { groupBy } from "~/utils/group-by";
import { bidTerms } from "./bids.server";
import { conflictedPairs } from "./conflicts.server";
import { currentRound, inRound, inRoundPool, type RoundRef } from "./rounds.server";
import { msg } from "~/i18n/message";

interface CycleRef {
  id: string;
  name: string;
  timezone: string;
}

/** What assignment needs of a round: its applications and pool (rounds.server.ts), k and due date. */
type AssignedRound = Pick<RoundRef, "id" | "cycleId" | "position" | "reviewersPerApplication" | "reviewDueAt">;

export type AssignmentRun =
  { ok: true; added: number; uncovered: UncoveredApplication[] } | { ok: false; status: 409; message: string };

/**
 * Fills the gaps of one round: every application of it in review gets up to the round's `k` reviewers
 * from its pool, none conflicted, within
 * capacity, loads balanced (see assignment.ts). Existing assignments stay; running again adds
 * only what is missing. One digest email per reviewer who got something new.
 */
export async function runAssignment(
  db: DB,
  config: AppConfig,
  actorId: string,
  cycle: CycleRef,
  /** Default: the cycle's current (latest) round. */
  roundOrCurrent?: AssignedRound,
): Promise<AssignmentRun> {
  return db.transaction().execute(async (trx) => {
    const round = roundOrCurrent ?? (await currentRound(trx, cycle.id));
    const current = await trx
      .selectFrom("cycles")
      .select("status")
      .where("id", "=", cycle.id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (current.status !== "reviewing") {
      return {
        ok: false,
        status: 409,
        message: msg("selection.refusals.notReviewing"),
      };
    }
    const result = await fillGaps(trx, config, actorId, cycle, round);
    return { ok: true, ...result };
  });
}

export interface AssignmentPlan extends AssignmentResult {
  /** The independent check of the result's optimality certificate. */
  check: AssignmentCheck;
}

/** What assignment would add now, without writing anything (the page shows it before staff run it). */
export async function planAssignment(
  db: Kysely<Database>,
  round: AssignedRound,
  onlyApplicationIds?: string[],
): Promise<AssignmentPlan> {
  const input = await assignmentInput(db, round, onlyApplicationIds);
  const result = assignReviewers(input);
  return { ...result, check: checkAssignment(input, result) };
}

/** The round as the pure assignment sees it: its applications in review, its active pool, conflicts, its assignments. */
async function assignmentInput(
  db: Kysely<Database>,
  round: AssignedRound,
  onlyApplicationIds?: string[],
): Promise<AssignmentInput> {
  const cycle = { id: round.cycleId };
  const k = round.reviewersPerApplication;
  const empty: AssignmentInput = { applications: [], reviewers: [], conflicts: [], existing: [], k };
  let applicationsQuery = db
    .selectFrom("applications")
    .select(["id", "answers"])
    .where("cycleId", "=", cycle.id)
    .where("status", "=", "in_review")
    .where(inRound(round));
  if (onlyApplicationIds) {
    if (onlyApplicationIds.length === 0) return empty;
    applicationsQuery = applicationsQuery.where("id", "in", onlyApplicationIds);
  }
  const [applications, choiceQuestions, pool, existing] = await Promise.all([
    applicationsQuery.execute(),
    db
      .selectFrom("cycleQuestions")
      .select("id")
      .where("cycleId", "=", cycle.id)
      .where("kind", "in", ["single_choice", "multi_choice"])
      .execute(),
    db
      .selectFrom("cycleReviewers")
      .select(["userId", "capacity", "expertise"])
      .where("cycleId", "=", cycle.id)
      .where("active", "=", true)
      .where(inRoundPool(round))
      .execute(),
    // Capacity is per round: a reviewer's load is what they have in this round.
    db
      .selectFrom("reviewAssignments")
      .select(["reviewerId", "applicationId"])
      .where("roundId", "=", round.id)
      .where("status", "!=", "recused")
      .execute(),
  ]);
  if (applications.length === 0) return empty;
  const [conflicts, bids] = await Promise.all([
    conflictedPairs(
      db,
      cycle.id,
      applications.map((application) => application.id),
    ),
    bidTerms(db, cycle.id),
  ]);
  // An application's topics are its chosen options (track, issues), matched against reviewers' expertise.
  const tagsOf = (answers: Record<string, string | string[]>) =>
    choiceQuestions.flatMap((question) => {
      const value = answers[question.id];
      return (Array.isArray(value) ? value : value ? [value] : []).map((tag) => tag.toLowerCase());
    });
  return {
    applications: applications.map((application) => ({ id: application.id, tags: tagsOf(application.answers) })),
    reviewers: pool.map((reviewer) => ({
      id: reviewer.userId,
      capacity: reviewer.capacity,
      expertise: reviewer.expertise.map((tag) => tag.toLowerCase()),
    })),
    // A "conflict" bid is a conflict like a declared one; the other bids are pair costs.
    conflicts: [
      ...conflicts.map(({ reviewerId, applicationId }) => ({ reviewerId, applicationId })),
      ...bids.conflicts,
    ],
    existing,
    k,
    preferences: bids.preferences,
  };
}

/** The assignment step itself, inside the caller's transaction, for all applications of the round in review or some of them. */
export async function fillGaps(
  trx: Kysely<Database>,
  config: AppConfig,
  actorId: string | null,
  cycle: CycleRef,
  round: AssignedRound,
  onlyApplicationIds?: string[],
): Promise<{ added: number; uncovered: UncoveredApplication[] }> {
  // Two runs at once would each see the other's gaps as open.
  await sql`select pg_advisory_xact_lock(hashtext(${`assign:${cycle.id}`}))`.execute(trx);
  const result = await planAssignment(trx, round, onlyApplicationIds);
  if (result.added.length > 0) {
    await trx
      .insertInto("reviewAssignments")
      .values(
        result.added.map((pair) => ({
          cycleId: cycle.id,
          roundId: round.id,
          ...pair,
          dueAt: round.reviewDueAt,
          assignedBy: actorId,
        })),
      )
      .execute();
    await trx
      .insertInto("auditLog")
      .values(
        result.added.map((pair) => ({
          actorId,
          action: "assignment.create",
          subjectType: "application",
          subjectId: pair.applicationId,
          data: JSON.stringify({ reviewerId: pair.reviewerId, roundId: round.id, automatic: true }),
        })),
      )
      .execute();
    await sendDigests(trx, config, cycle, round, result.added, randomUUID());
  }
  if (result.added.length > 0 || !onlyApplicationIds) {
    // The run's optimality figures, so a selection can be defended later: what was proven, and how.
    const { coverage, objective } = result.certificate;
    await trx
      .insertInto("auditLog")
      .values({
        actorId,
        action: "assignment.run",
        subjectType: "cycle",
        subjectId: cycle.id,
        data: JSON.stringify({
          roundId: round.id,
          added: result.added.length,
          reachedK: coverage.reachedK,
          upperBound: coverage.upperBound,
          sumSquaredLoads: objective.sumSquaredLoads,
          expertiseOverlap: objective.expertiseOverlap,
          certificateValid: result.check.valid,
          dualityGap: result.check.primal - result.check.dual,
        }),
      })
      .execute();
  }
  return { added: result.added.length, uncovered: result.uncovered };
}

async function sendDigests(
  trx: Kysely<Database>,
  config: AppConfig,
  cycle: CycleRef,
  round: AssignedRound,
  added: { reviewerId: string }[],
  runKey: string,
): Promise<void> {
  const counts = new Map<string, number>();
  for (const pair of added) counts.set(pair.reviewerId, (counts.get(pair.reviewerId) ?? 0) + 1);
  const reviewers = await trx
    .selectFrom("users")
    .select(["id", "name", "email"])
    .where("id", "in", [...counts.keys()])
    .execute();
  for (const reviewer of reviewers) {
    await enqueueEmail(trx, {
      to: reviewer.email,
      template: "assignment-digest",
      props: {
        name: reviewer.name,
        cycleName: cycle.name,
        count: counts.get(reviewer.id)!,
        dueAt: round.reviewDueAt ? emailMoment(round.reviewDueAt, cycle.timezone) : null,
        queueUrl: new URL("/review", config.appUrl).toString(),
      },
      idempotencyKey: `assignment-digest:${runKey}:${reviewer.id}`,
    });
  }
}

export type ManualAssignment = { ok: true } | { ok: false; status: 404 | 409; message: string };

/** Staff assign one reviewer by hand: still never a conflicted pair, never over capacity. */
export async function assignManually(
  db: DB,
  config: AppConfig,
  actorId: string,
  cycle: CycleRef,
  applicationId: string,
  reviewerId: string,
  /** Default: the cycle's current (latest) round. */
  roundOrCurrent?: AssignedRound,
): Promise<ManualAssignment> {
  return db.transaction().execute(async (trx) => {
    const round = roundOrCurrent ?? (await currentRound(trx, cycle.id));
    await sql`select pg_advisory_xact_lock(hashtext(${`assign:${cycle.id}`}))`.execute(trx);
    return addAssignment(trx, config, actorId, cycle, round, applicationId, reviewerId);
  });
}

/**
 * One reviewer added by hand inside the caller's transaction (which holds the round's assignment
 * lock): refused when the application is not in the round and in review, the reviewer not on the
 * round's active panel, conflicted, already assigned or at capacity.
 */
export async function addAssignment(
  trx: Kysely<Database>,
  config: AppConfig,
  actorId: string,
  cycle: CycleRef,
  round: AssignedRound,
  applicationId: string,
  reviewerId: string,
): Promise<ManualAssignment> {
  const [application, reviewer] = await Promise.all([
    trx
      .selectFrom("applications")
      .select("status")
      .where("id", "=", applicationId)
      .where("cycleId", "=", cycle.id)
      .where(inRound(round))
      .executeTakeFirst(),
    trx
      .selectFrom("cycleReviewers")
      .select("capacity")
      .where("cycleId", "=", cycle.id)
      .where("userId", "=", reviewerId)
      .where("active", "=", true)
      .where(inRoundPool(round))
      .executeTakeFirst(),
  ]);
  if (!application) return { ok: false, status: 404, message: msg("selection.refusals.notInRound") };
  if (!reviewer) return { ok: false, status: 404, message: msg("selection.refusals.notReviewer") };
  if (application.status !== "in_review")
    return { ok: false, status: 409, message: msg("selection.refusals.notInReview") };
  const conflicts = await conflictedPairs(trx, cycle.id, [applicationId]);
  const conflict = conflicts.find((pair) => pair.reviewerId === reviewerId);
  if (conflict)
    return {
      ok: false,
      status: 409,
      // The reasons name what matched (a domain, an organization) and stay as conflicts.ts words them.
      message: msg("selection.refusals.conflict", { reasons: conflict.reasons.join("; ") }),
    };
  const load = await trx
    .selectFrom("reviewAssignments")
    .select([sql<number>`count(*)`.as("n"), sql<boolean>`bool_or(application_id = ${applicationId})`.as("already")])
    .where("roundId", "=", round.id)
    .where("reviewerId", "=", reviewerId)
    .where("status", "!=", "recused")
    .executeTakeFirstOrThrow();
  if (load.already) return { ok: false, status: 409, message: msg("selection.refusals.already") };
  if (Number(load.n) >= reviewer.capacity)
    return { ok: false, status: 409, message: msg("selection.refusals.atCapacity") };
  const inserted = await trx
    .insertInto("reviewAssignments")
    .values({
      cycleId: cycle.id,
      roundId: round.id,
      applicationId,
      reviewerId,
      dueAt: round.reviewDueAt,
      assignedBy: actorId,
    })
    .onConflict((oc) => oc.columns(["roundId", "applicationId", "reviewerId"]).doNothing())
    .returning("id")
    .executeTakeFirst();
  if (!inserted) return { ok: false, status: 409, message: msg("selection.refusals.recused") };
  await trx
    .insertInto("auditLog")
    .values({
      actorId,
      action: "assignment.create",
      subjectType: "application",
      subjectId: applicationId,
      data: JSON.stringify({ reviewerId, roundId: round.id, automatic: false }),
    })
    .execute();
  await sendDigests(trx, config, cycle, round, [{ reviewerId }], inserted.id);
  return { ok: true };
}

/** Staff take back an assignment that has no submitted review. */
export async function unassign(
  db: DB,
  actorId: string,
  cycleId: string,
  assignmentId: string,
): Promise<ManualAssignment> {
  return db.transaction().execute(async (trx) => {
    const removed = await trx
      .deleteFrom("reviewAssignments")
      .where("id", "=", assignmentId)
      .where("cycleId", "=", cycleId)
      .where("status", "=", "assigned")
      .returning(["applicationId", "reviewerId"])
      .executeTakeFirst();
    if (!removed) return { ok: false, status: 409, message: msg("selection.refusals.cannotUnassign") };
    await trx
      .insertInto("auditLog")
      .values({
        actorId,
        action: "assignment.remove",
        subjectType: "application",
        subjectId: removed.applicationId,
        data: JSON.stringify({ reviewerId: removed.reviewerId }),
      })
      .execute();
    return { ok: true };
  });
}

/** Every application of a round in review with its assignments in that round (two queries for the whole round). */
export async function coverage(db: DB, round: Pick<RoundRef, "id" | "cycleId" | "position">) {
  const cycleId = round.cycleId;
  const [applications, assignments] = await Promise.all([
    db
      .selectFrom("applications")
      .innerJoin("users", "users.id", "applications.applicantId")
      .select(["applications.id", "users.name"])
      .where("applications.cycleId", "=", cycleId)
      .where("applications.status", "=", "in_review")
      .where(inRound(round))
      .orderBy("users.name")
      .execute(),
    db
      .selectFrom("reviewAssignments")
      .innerJoin("users", "users.id", "reviewAssignments.reviewerId")
      .select([
        "reviewAssignments.id",
        "reviewAssignments.applicationId",
        "reviewAssignments.status",
        "reviewAssignments.recusalReason",
        "users.id as reviewerId",
        "users.name as reviewerName",
      ])
      .where("reviewAssignments.roundId", "=", round.id)
      .execute(),
  ]);
  const byApplication = groupBy(assignments, (assignment) => assignment.applicationId);
  return applications.map((application) => ({ ...application, assignments: byApplication.get(application.id) ?? [] }));
}
