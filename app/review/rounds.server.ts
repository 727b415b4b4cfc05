import { sql, type Kysely, type RawBuilder } from "kysely";
import type { DB } from "#db/client";
import type { Database } from "#db/types";
import { audit, auditEach } from "~/audit/audit.server";
import { cycleRanking } from "./ranking.server";
import { pickRound, selectForAdvance, type AdvanceRule } from "./rounds";
import { msg } from "~/i18n/message";

/**
 * Rounds of review. A round owns its rubric, pool, k, blind setting and due date; assignments (and so
 * reviews) belong to one round. Round 1 takes every application in review and the cycle's whole
 * active panel, and its settings are the cycle's own (the settings page edits both together). A
 * later round takes only the applications advanced into it (`round_applications`, written only by
 * {@link advanceApplications}) and the reviewers chosen for it (`round_reviewers`). Advancing copies
 * nothing and moves no status: an application not advanced simply stays where it is.
 */

export interface RoundRef {
  id: string;
  cycleId: string;
  position: number;
  name: string;
  reviewersPerApplication: number;
  blindReview: boolean;
  reviewDueAt: Date | null;
}

export async function listRounds(db: Kysely<Database>, cycleId: string): Promise<RoundRef[]> {
  return db
    .selectFrom("reviewRounds")
    .select(["id", "cycleId", "position", "name", "reviewersPerApplication", "blindReview", "reviewDueAt"])
    .where("cycleId", "=", cycleId)
    .orderBy("position")
    .execute();
}

/** The cycle's current round: the latest. */
export async function currentRound(db: Kysely<Database>, cycleId: string): Promise<RoundRef> {
  const rounds = await listRounds(db, cycleId);
  const round = pickRound(rounds, null);
  if (!round) throw new Error(`Cycle ${cycleId} has no review round`);
  return round;
}

/** The round an assignment belongs to. */
export async function roundOf(db: Kysely<Database>, roundId: string): Promise<RoundRef> {
  return db
    .selectFrom("reviewRounds")
    .select(["id", "cycleId", "position", "name", "reviewersPerApplication", "blindReview", "reviewDueAt"])
    .where("id", "=", roundId)
    .executeTakeFirstOrThrow();
}

/** A condition on `applications`: the application is in the round (round 1: any application of the cycle). */
export function inRound(round: Pick<RoundRef, "id" | "position">): RawBuilder<boolean> {
  return round.position === 1
    ? sql<boolean>`true`
    : sql<boolean>`exists (select 1 from round_applications ra where ra.application_id = applications.id and ra.round_id = ${round.id})`;
}

/** A condition on `cycle_reviewers`: the reviewer is in the round's pool (round 1: the whole panel). */
export function inRoundPool(round: Pick<RoundRef, "id" | "position">): RawBuilder<boolean> {
  return round.position === 1
    ? sql<boolean>`true`
    : sql<boolean>`exists (select 1 from round_reviewers rr where rr.user_id = cycle_reviewers.user_id and rr.round_id = ${round.id})`;
}

/** The caller's transaction if it is one (the demo seed runs in one), else a new one. */
function inTransaction<T>(db: Kysely<Database>, work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

export type RoundWrite =
  { ok: true; position: number } | { ok: false; status: 404 | 409; field?: string; message: string };

export interface NewRound {
  name: string;
  reviewersPerApplication: number;
  blindReview: boolean;
  reviewDueAt: Date | null;
  reviewerIds: string[];
}

/** Adds the next round, with the reviewers chosen for it from the cycle's active panel. */
export async function createRound(db: DB, actorId: string, cycleId: string, input: NewRound): Promise<RoundWrite> {
  return inTransaction(db, async (trx) => {
    await trx.selectFrom("cycles").select("id").where("id", "=", cycleId).forUpdate().executeTakeFirstOrThrow();
    const rounds = await listRounds(trx, cycleId);
    // The same form sent twice within seconds is a double click, not two rounds.
    const same = await trx
      .selectFrom("reviewRounds")
      .select("position")
      .where("cycleId", "=", cycleId)
      .where("name", "=", input.name)
      .where("createdAt", ">", sql<Date>`now() - interval '10 seconds'`)
      .executeTakeFirst();
    if (same) return { ok: true, position: same.position };
    if (rounds.some((round) => round.name.toLowerCase() === input.name.toLowerCase()))
      return { ok: false, status: 409, field: "name", message: msg("cycleAdmin.refusals.roundNameTaken") };
    // Other pages a reviewer sees (discussion, files) follow the first round's blind setting.
    if (input.blindReview && !rounds[0]?.blindReview)
      return {
        ok: false,
        status: 409,
        field: "blindReview",
        message: msg("cycleAdmin.refusals.roundBlind"),
      };
    const panel = await trx
      .selectFrom("cycleReviewers")
      .select("userId")
      .where("cycleId", "=", cycleId)
      .where("active", "=", true)
      .where("userId", "in", input.reviewerIds)
      .execute();
    if (panel.length !== new Set(input.reviewerIds).size)
      return { ok: false, status: 409, field: "reviewerId", message: msg("cycleAdmin.refusals.roundReviewers") };
    const position = Math.max(0, ...rounds.map((round) => round.position)) + 1;
    const { reviewerIds, ...settings } = input;
    const round = await trx
      .insertInto("reviewRounds")
      .values({ cycleId, position, ...settings })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("roundReviewers")
      .values(panel.map((row) => ({ roundId: round.id, userId: row.userId })))
      .execute();
    await audit(trx, {
      actorId,
      action: "round.create",
      subjectType: "cycle",
      subjectId: cycleId,
      data: { roundId: round.id, position, ...settings, reviewerIds },
    });
    return { ok: true, position };
  });
}

export type AdvanceResult =
  | { ok: true; advanced: number; already: number; tiedBeyond: number; skippedShort: number }
  | { ok: false; status: 404 | 409; message: string };

/**
 * Advances applications in review from the round before `toPosition` into it, chosen by `rule` on
 * that round's calibrated ranking (rounds.ts). Writes the membership rows only, each audited with
 * the method, the reason, and the score and rank it had; sending the same advance again adds nothing.
 */
export async function advanceApplications(
  db: DB,
  actorId: string,
  cycleId: string,
  input: { toPosition: number; rule: AdvanceRule; reason: string },
): Promise<AdvanceResult> {
  return inTransaction(db, async (trx) => {
    const rounds = await listRounds(trx, cycleId);
    const to = rounds.find((round) => round.position === input.toPosition);
    const from = rounds.find((round) => round.position === input.toPosition - 1);
    if (!to || !from) return { ok: false, status: 404, message: msg("cycleAdmin.refusals.noRound") };
    // Two advances into one round at once would each audit the other's rows as theirs.
    await trx.selectFrom("reviewRounds").select("id").where("id", "=", to.id).forUpdate().execute();
    const ranking = await cycleRanking(trx, from);
    const candidates = ranking.applications.filter((row) => row.status === "in_review");
    const selection = selectForAdvance(
      candidates.map((row) => ({
        applicationId: row.id,
        score: row.score?.score ?? null,
        short: row.score?.fewReviews ?? true,
      })),
      input.rule,
    );
    if (input.rule.method === "hand_picked" && selection.selected.length < new Set(input.rule.applicationIds).size)
      return { ok: false, status: 409, message: msg("cycleAdmin.refusals.onlyInReview", { round: from.name }) };
    const inserted =
      selection.selected.length === 0
        ? []
        : await trx
            .insertInto("roundApplications")
            .values(
              selection.selected.map((applicationId) => ({
                roundId: to.id,
                applicationId,
                method: selection.method,
                reason: input.reason,
                advancedBy: actorId,
              })),
            )
            .onConflict((oc) => oc.columns(["roundId", "applicationId"]).doNothing())
            .returning("applicationId")
            .execute();
    const byId = new Map(candidates.map((row) => [row.id, row]));
    await auditEach(
      trx,
      inserted.map(({ applicationId }) => ({
        actorId,
        action: "round.advance",
        subjectType: "application",
        subjectId: applicationId,
        data: {
          fromRound: from.name,
          toRound: to.name,
          method: selection.method,
          reason: input.reason,
          rank: byId.get(applicationId)?.rank ?? null,
          score: byId.get(applicationId)?.score?.score ?? null,
        },
      })),
    );
    await audit(trx, {
      actorId,
      action: "round.advance.run",
      subjectType: "cycle",
      subjectId: cycleId,
      data: {
        fromRound: from.name,
        toRound: to.name,
        rule: input.rule,
        reason: input.reason,
        advanced: inserted.length,
        tiedBeyond: selection.tiedBeyond,
        skippedShort: selection.skippedShort.length,
      },
    });
    return {
      ok: true,
      advanced: inserted.length,
      already: selection.selected.length - inserted.length,
      tiedBeyond: selection.tiedBeyond,
      skippedShort: selection.skippedShort.length,
    };
  });
}

/** The rounds page: each round with its pool, how many applications it holds and its review progress. */
export async function roundsOverview(db: DB, cycleId: string) {
  const [rounds, pools, members, progress, panel] = await Promise.all([
    listRounds(db, cycleId),
    db
      .selectFrom("roundReviewers")
      .innerJoin("reviewRounds", "reviewRounds.id", "roundReviewers.roundId")
      .innerJoin("users", "users.id", "roundReviewers.userId")
      .select(["roundReviewers.roundId", "users.name"])
      .where("reviewRounds.cycleId", "=", cycleId)
      .orderBy("users.name")
      .execute(),
    db
      .selectFrom("roundApplications")
      .innerJoin("reviewRounds", "reviewRounds.id", "roundApplications.roundId")
      .select(["roundApplications.roundId", sql<number>`count(*)`.as("n")])
      .where("reviewRounds.cycleId", "=", cycleId)
      .groupBy("roundApplications.roundId")
      .execute(),
    db
      .selectFrom("reviewAssignments")
      .select([
        "roundId",
        sql<number>`count(*) filter (where status <> 'recused')`.as("assigned"),
        sql<number>`count(*) filter (where status = 'submitted')`.as("submitted"),
      ])
      .where("cycleId", "=", cycleId)
      .groupBy("roundId")
      .execute(),
    db
      .selectFrom("cycleReviewers")
      .innerJoin("users", "users.id", "cycleReviewers.userId")
      .select(["users.id", "users.name"])
      .where("cycleReviewers.cycleId", "=", cycleId)
      .where("cycleReviewers.active", "=", true)
      .orderBy("users.name")
      .execute(),
  ]);
  const inReview = await db
    .selectFrom("applications")
    .select(sql<number>`count(*)`.as("n"))
    .where("cycleId", "=", cycleId)
    .where("status", "=", "in_review")
    .executeTakeFirstOrThrow();
  return {
    panel,
    rounds: rounds.map((round) => {
      const counts = progress.find((row) => row.roundId === round.id);
      return {
        ...round,
        reviewers:
          round.position === 1
            ? panel.map((person) => person.name)
            : pools.filter((row) => row.roundId === round.id).map((row) => row.name),
        applications:
          round.position === 1 ? Number(inReview.n) : Number(members.find((row) => row.roundId === round.id)?.n ?? 0),
        assigned: Number(counts?.assigned ?? 0),
        submitted: Number(counts?.submitted ?? 0),
      };
    }),
  };
}
