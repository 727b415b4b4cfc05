import { sql } from "kysely";
import type { DB } from "#db/client";
import { audit } from "~/audit/audit.server";
import { msg } from "~/i18n/message";
import { fail, success, type Result } from "~/utils/result";
import { MAX_REFEREE_QUESTIONS, refereeQuestionsOf, type RefereeQuestion } from "./references";

/**
 * A cycle's own questions for its referees. Staff set them before letters arrive: once a reference
 * of the cycle has been received they are fixed, so every referee of a cycle answered the same
 * questions and every stored answer keeps its question.
 */

/** The cycle's own questions, in order (empty: its referees get the default questions). */
export async function listOwnRefereeQuestions(db: DB, cycleId: string) {
  return db
    .selectFrom("refereeQuestions")
    .select(["id", "label", "required", "position"])
    .where("cycleId", "=", cycleId)
    .orderBy("position")
    .execute();
}

/** What the cycle's referees are asked: its own questions, or the defaults. */
export async function refereeQuestionsFor(db: DB, cycleId: string): Promise<RefereeQuestion[]> {
  return refereeQuestionsOf(await listOwnRefereeQuestions(db, cycleId));
}

const FIXED = msg("cycleAdmin.refusals.refereeQuestionsFixed");

async function lockCycle(trx: DB, cycleId: string) {
  await trx.selectFrom("cycles").select("id").where("id", "=", cycleId).forUpdate().executeTakeFirstOrThrow();
  const received = await trx
    .selectFrom("referenceRequests")
    .select("id")
    .where("cycleId", "=", cycleId)
    .where("status", "=", "received")
    .limit(1)
    .executeTakeFirst();
  return { received: received !== undefined };
}

export async function addRefereeQuestion(
  db: DB,
  actorId: string,
  cycleId: string,
  input: { label: string; required: boolean },
): Promise<Result<{ id: string }>> {
  return db.transaction().execute(async (trx) => {
    if ((await lockCycle(trx, cycleId)).received) return fail(409, FIXED);
    const count = await trx
      .selectFrom("refereeQuestions")
      .select([sql<number>`count(*)::int`.as("count"), sql<number>`coalesce(max(position), 0)::int`.as("last")])
      .where("cycleId", "=", cycleId)
      .executeTakeFirstOrThrow();
    if (count.count >= MAX_REFEREE_QUESTIONS)
      return fail(409, msg("cycleAdmin.refusals.refereeQuestionsMax", { count: MAX_REFEREE_QUESTIONS }));
    const row = await trx
      .insertInto("refereeQuestions")
      .values({ cycleId, position: count.last + 1, label: input.label, required: input.required })
      .returning("id")
      .executeTakeFirstOrThrow();
    await audit(trx, {
      actorId,
      action: "referee-question.add",
      subjectType: "cycle",
      subjectId: cycleId,
      data: { questionId: row.id },
    });
    return success({ id: row.id });
  });
}

export async function removeRefereeQuestion(
  db: DB,
  actorId: string,
  cycleId: string,
  questionId: string,
): Promise<Result> {
  return db.transaction().execute(async (trx) => {
    if ((await lockCycle(trx, cycleId)).received) return fail(409, FIXED);
    const removed = await trx
      .deleteFrom("refereeQuestions")
      .where("id", "=", questionId)
      .where("cycleId", "=", cycleId)
      .executeTakeFirst();
    if (Number(removed.numDeletedRows) === 0) return fail(404, msg("cycleAdmin.refusals.refereeQuestionNotFound"));
    await audit(trx, {
      actorId,
      action: "referee-question.remove",
      subjectType: "cycle",
      subjectId: cycleId,
      data: { questionId },
    });
    return success();
  });
}
