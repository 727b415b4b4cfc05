import { sql } from "kysely";
import type { DB } from "#db/client";
import { audit } from "~/audit/audit.server";
import type { CriterionInput } from "./rubric.schema";
import { msg } from "~/i18n/message";

/** A round's rubric (each round has its own). */
export interface RubricRound {
  id: string;
  cycleId: string;
}

export async function listCriteria(db: DB, roundId: string) {
  return db
    .selectFrom("rubricCriteria")
    .select(["id", "name", "guidance", "weight", "scaleMin", "scaleMax", "version"])
    .where("roundId", "=", roundId)
    .orderBy("position")
    .orderBy("id")
    .execute();
}

export type RubricCriterion = Awaited<ReturnType<typeof listCriteria>>[number];

/** Scores already given must keep their meaning: once a review is in, scales and the set of criteria are fixed. */
export async function scoringStarted(db: DB, roundId: string): Promise<boolean> {
  const row = await db
    .selectFrom("reviews")
    .innerJoin("reviewAssignments", "reviewAssignments.id", "reviews.assignmentId")
    .select("reviews.id")
    .where("reviewAssignments.roundId", "=", roundId)
    .where("reviews.submittedAt", "is not", null)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Only the rubric's own fields, whatever else the caller's object carries. */
function criterionFields(input: CriterionInput): CriterionInput {
  return {
    name: input.name,
    guidance: input.guidance,
    weight: input.weight,
    scaleMin: input.scaleMin,
    scaleMax: input.scaleMax,
  };
}

export type RubricWrite = { ok: true } | { ok: false; status: 404 | 409; message: string };

const FIXED = msg("cycleAdmin.refusals.rubricFixed");

export async function addCriterion(
  db: DB,
  actorId: string,
  round: RubricRound,
  input: CriterionInput,
): Promise<RubricWrite> {
  const cycleId = round.cycleId;
  return db.transaction().execute(async (trx) => {
    await trx.selectFrom("cycles").select("id").where("id", "=", cycleId).forUpdate().executeTakeFirstOrThrow();
    if (await scoringStarted(trx, round.id)) return { ok: false, status: 409, message: FIXED };
    // The same criterion added twice within seconds is a double click, not two criteria.
    const justAdded = await trx
      .selectFrom("rubricCriteria")
      .select("id")
      .where("roundId", "=", round.id)
      .where("name", "=", input.name)
      .where("createdAt", ">", sql<Date>`now() - interval '10 seconds'`)
      .executeTakeFirst();
    if (justAdded) return { ok: true };
    const last = await trx
      .selectFrom("rubricCriteria")
      .select(sql<number>`coalesce(max(position), 0)`.as("max"))
      .where("roundId", "=", round.id)
      .executeTakeFirstOrThrow();
    const row = await trx
      .insertInto("rubricCriteria")
      .values({ cycleId, roundId: round.id, position: Number(last.max) + 1, ...criterionFields(input) })
      .returning("id")
      .executeTakeFirstOrThrow();
    await audit(trx, {
      actorId,
      action: "rubric.add",
      subjectType: "criterion",
      subjectId: row.id,
      data: { cycleId, roundId: round.id, ...criterionFields(input) },
    });
    return { ok: true };
  });
}

export async function updateCriterion(
  db: DB,
  actorId: string,
  round: RubricRound,
  criterionId: string,
  version: number,
  input: CriterionInput,
): Promise<RubricWrite> {
  const cycleId = round.cycleId;
  return db.transaction().execute(async (trx) => {
    // Freezing is decided under the cycle's lock, which submissions share.
    await trx.selectFrom("cycles").select("id").where("id", "=", cycleId).forUpdate().execute();
    const current = await trx
      .selectFrom("rubricCriteria")
      .select(["scaleMin", "scaleMax", "version"])
      .where("id", "=", criterionId)
      .where("roundId", "=", round.id)
      .forUpdate()
      .executeTakeFirst();
    if (!current) return { ok: false, status: 404, message: msg("cycleAdmin.refusals.criterionNotFound") };
    if (current.version !== version) {
      return {
        ok: false,
        status: 409,
        message: msg("cycleAdmin.refusals.criterionStale"),
      };
    }
    const scaleChanges = current.scaleMin !== input.scaleMin || current.scaleMax !== input.scaleMax;
    if (scaleChanges && (await scoringStarted(trx, round.id))) return { ok: false, status: 409, message: FIXED };
    await trx
      .updateTable("rubricCriteria")
      .set({ ...criterionFields(input), updatedAt: sql`now()`, version: sql`version + 1` })
      .where("id", "=", criterionId)
      .execute();
    await audit(trx, {
      actorId,
      action: "rubric.update",
      subjectType: "criterion",
      subjectId: criterionId,
      data: { cycleId, ...criterionFields(input) },
    });
    return { ok: true };
  });
}

export async function deleteCriterion(
  db: DB,
  actorId: string,
  round: RubricRound,
  criterionId: string,
): Promise<RubricWrite> {
  const cycleId = round.cycleId;
  return db.transaction().execute(async (trx) => {
    await trx.selectFrom("cycles").select("id").where("id", "=", cycleId).forUpdate().executeTakeFirstOrThrow();
    if (await scoringStarted(trx, round.id)) return { ok: false, status: 409, message: FIXED };
    const deleted = await trx
      .deleteFrom("rubricCriteria")
      .where("id", "=", criterionId)
      .where("roundId", "=", round.id)
      .executeTakeFirst();
    if (deleted.numDeletedRows === 0n)
      return { ok: false, status: 404, message: msg("cycleAdmin.refusals.criterionNotFound") };
    await audit(trx, {
      actorId,
      action: "rubric.delete",
      subjectType: "criterion",
      subjectId: criterionId,
      data: { cycleId },
    });
    return { ok: true };
  });
}
