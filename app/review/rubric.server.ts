import { sql } from "kysely";
import type { DB } from "#db/client";
import { audit } from "~/audit/audit.server";
import type { CriterionInput } from "./rubric.schema";

export async function listCriteria(db: DB, cycleId: string) {
  return db
    .selectFrom("rubricCriteria")
    .select(["id", "name", "guidance", "weight", "scaleMin", "scaleMax", "version"])
    .where("cycleId", "=", cycleId)
    .orderBy("position")
    .orderBy("id")
    .execute();
}

export type RubricCriterion = Awaited<ReturnType<typeof listCriteria>>[number];

/** Scores already given must keep their meaning: once a review is in, scales and the set of criteria are fixed. */
export async function scoringStarted(db: DB, cycleId: string): Promise<boolean> {
  const row = await db
    .selectFrom("reviews")
    .innerJoin("reviewAssignments", "reviewAssignments.id", "reviews.assignmentId")
    .select("reviews.id")
    .where("reviewAssignments.cycleId", "=", cycleId)
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

const FIXED =
  "Reviews have been submitted against this rubric, so its criteria and scales are fixed. Names, guidance and weights can still change.";

export async function addCriterion(
  db: DB,
  actorId: string,
  cycleId: string,
  input: CriterionInput,
): Promise<RubricWrite> {
  return db.transaction().execute(async (trx) => {
    await trx.selectFrom("cycles").select("id").where("id", "=", cycleId).forUpdate().executeTakeFirstOrThrow();
    if (await scoringStarted(trx, cycleId)) return { ok: false, status: 409, message: FIXED };
    // The same criterion added twice within seconds is a double click, not two criteria.
    const justAdded = await trx
      .selectFrom("rubricCriteria")
      .select("id")
      .where("cycleId", "=", cycleId)
      .where("name", "=", input.name)
      .where("createdAt", ">", sql<Date>`now() - interval '10 seconds'`)
      .executeTakeFirst();
    if (justAdded) return { ok: true };
    const last = await trx
      .selectFrom("rubricCriteria")
      .select(sql<number>`coalesce(max(position), 0)`.as("max"))
      .where("cycleId", "=", cycleId)
      .executeTakeFirstOrThrow();
    const row = await trx
      .insertInto("rubricCriteria")
      .values({ cycleId, position: Number(last.max) + 1, ...criterionFields(input) })
      .returning("id")
      .executeTakeFirstOrThrow();
    await audit(trx, {
      actorId,
      action: "rubric.add",
      subjectType: "criterion",
      subjectId: row.id,
      data: { cycleId, ...criterionFields(input) },
    });
    return { ok: true };
  });
}

export async function updateCriterion(
  db: DB,
  actorId: string,
  cycleId: string,
  criterionId: string,
  version: number,
  input: CriterionInput,
): Promise<RubricWrite> {
  return db.transaction().execute(async (trx) => {
    // Freezing is decided under the cycle's lock, which submissions share.
    await trx.selectFrom("cycles").select("id").where("id", "=", cycleId).forUpdate().execute();
    const current = await trx
      .selectFrom("rubricCriteria")
      .select(["scaleMin", "scaleMax", "version"])
      .where("id", "=", criterionId)
      .where("cycleId", "=", cycleId)
      .forUpdate()
      .executeTakeFirst();
    if (!current) return { ok: false, status: 404, message: "That criterion does not exist" };
    if (current.version !== version) {
      return {
        ok: false,
        status: 409,
        message: "Someone else changed this criterion since you opened it. Reload to see their changes.",
      };
    }
    const scaleChanges = current.scaleMin !== input.scaleMin || current.scaleMax !== input.scaleMax;
    if (scaleChanges && (await scoringStarted(trx, cycleId))) return { ok: false, status: 409, message: FIXED };
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
  cycleId: string,
  criterionId: string,
): Promise<RubricWrite> {
  return db.transaction().execute(async (trx) => {
    await trx.selectFrom("cycles").select("id").where("id", "=", cycleId).forUpdate().executeTakeFirstOrThrow();
    if (await scoringStarted(trx, cycleId)) return { ok: false, status: 409, message: FIXED };
    const deleted = await trx
      .deleteFrom("rubricCriteria")
      .where("id", "=", criterionId)
      .where("cycleId", "=", cycleId)
      .executeTakeFirst();
    if (deleted.numDeletedRows === 0n) return { ok: false, status: 404, message: "That criterion does not exist" };
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
