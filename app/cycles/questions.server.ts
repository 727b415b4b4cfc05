import { sql, type Kysely } from "kysely";
import type { DB } from "#db/client";
import type { Database, QuestionCondition, QuestionStage } from "#db/types";
import { audit } from "~/audit/audit.server";
import { conditionProblems } from "~/applications/conditions";
import type { Question } from "~/applications/questions";
import { msg } from "~/i18n/message";
import type { QuestionInput } from "./cycles.schema";

// The question builder of a cycle: its questions, and the rule that freezes them once anyone submitted.

export async function listQuestions(db: DB, cycleId: string): Promise<Question[]> {
  const rows = await db
    .selectFrom("cycleQuestions")
    .select([
      "id",
      "section",
      "kind",
      "label",
      "help",
      "required",
      "maxWords",
      "options",
      "identifying",
      "condition",
      "stage",
      "version",
    ])
    .where("cycleId", "=", cycleId)
    .orderBy("position")
    .orderBy("id")
    .execute();
  return rows;
}

/** The condition a builder form describes, or null for a question always shown. */
export function conditionOf(input: QuestionInput): QuestionCondition | null {
  if (!input.conditionQuestionId) return null;
  return {
    questionId: input.conditionQuestionId,
    operator: input.conditionOperator ?? "equals",
    values: input.conditionValues ?? [],
  };
}

/**
 * Refuses a change that would leave a condition broken (on a removed question, a later step, a
 * loop, an unknown option), naming the question; `questions` is the list as it would be after it.
 */
function refuseBrokenConditions(questions: Question[], touched: string[] | null): QuestionWrite | null {
  const problems = conditionProblems(questions).filter(
    (problem) => touched === null || touched.includes(problem.questionId),
  );
  const first = problems[0];
  return first ? { ok: false, status: 400, message: first.message, field: "conditionQuestionId" } : null;
}

async function lockedQuestions(trx: Kysely<Database>, cycleId: string): Promise<Question[]> {
  return listQuestions(trx, cycleId);
}

/** Once someone has submitted, the questions they answered must keep meaning the same. */
export async function questionsFrozen(db: DB, cycleId: string): Promise<boolean> {
  const row = await db
    .selectFrom("applications")
    .select("id")
    .where("cycleId", "=", cycleId)
    .where("submittedAt", "is not", null)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export type QuestionWrite =
  { ok: true } | { ok: false; status: 400 | 404 | 409; message: string; field?: "conditionQuestionId" };

const FROZEN_MESSAGE = msg("cycleAdmin.questions.frozenRefusal");

/**
 * Locks the cycle (submissions take the same lock) and says whether its questions are frozen, so
 * the answer holds until this transaction ends.
 */
async function lockFrozenQuestions(trx: Kysely<Database>, cycleId: string): Promise<boolean> {
  await trx.selectFrom("cycles").select("id").where("id", "=", cycleId).forUpdate().executeTakeFirstOrThrow();
  return questionsFrozen(trx, cycleId);
}

export async function addQuestion(
  db: DB,
  actorId: string,
  cycleId: string,
  input: QuestionInput,
): Promise<QuestionWrite> {
  return db.transaction().execute(async (trx) => {
    if (await lockFrozenQuestions(trx, cycleId)) return { ok: false, status: 409, message: FROZEN_MESSAGE };
    // The same question added twice within seconds is a double click, not two questions.
    const justAdded = await trx
      .selectFrom("cycleQuestions")
      .select("id")
      .where("cycleId", "=", cycleId)
      .where("label", "=", input.label)
      .where("createdAt", ">", sql<Date>`now() - interval '10 seconds'`)
      .executeTakeFirst();
    if (justAdded) return { ok: true };
    const existing = await lockedQuestions(trx, cycleId);
    const draft = {
      id: "new",
      ...questionValues(input),
      stage: stageOfInput(input),
      options: input.options,
      condition: conditionOf(input),
    };
    const broken = refuseBrokenConditions([...existing, draft as Question], ["new"]);
    if (broken) return broken;
    const last = await trx
      .selectFrom("cycleQuestions")
      .select(sql<number>`coalesce(max(position), 0)`.as("max"))
      .where("cycleId", "=", cycleId)
      .executeTakeFirstOrThrow();
    const row = await trx
      .insertInto("cycleQuestions")
      .values({
        cycleId,
        position: Number(last.max) + 1,
        ...questionValues(input),
        stage: stageOfInput(input),
        condition: storedCondition(conditionOf(input)),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await audit(trx, {
      actorId,
      action: "question.add",
      subjectType: "question",
      subjectId: row.id,
      data: { cycleId },
    });
    return { ok: true };
  });
}

/** Which stage first asks a cycle question (report forms have no stages). */
function stageOfInput(input: QuestionInput): QuestionStage {
  return input.inLoi ? "loi" : "full";
}

/** The stored columns of a question from the builder's form (also used by report forms). */
export function questionValues(input: QuestionInput) {
  const isText = input.kind === "short_text" || input.kind === "long_text";
  const isChoice = input.kind === "single_choice" || input.kind === "multi_choice";
  return {
    section: input.section,
    kind: input.kind,
    label: input.label,
    help: input.help,
    required: input.required,
    identifying: input.identifying,
    maxWords: isText ? (input.maxWords ?? null) : null,
    options: JSON.stringify(isChoice ? input.options : []),
  };
}

export async function updateQuestion(
  db: DB,
  actorId: string,
  cycleId: string,
  questionId: string,
  version: number,
  input: QuestionInput,
): Promise<QuestionWrite> {
  return db.transaction().execute(async (trx) => {
    const frozen = await lockFrozenQuestions(trx, cycleId);
    const current = await trx
      .selectFrom("cycleQuestions")
      .select(["kind", "required", "maxWords", "options", "condition", "stage", "version"])
      .where("id", "=", questionId)
      .where("cycleId", "=", cycleId)
      .forUpdate()
      .executeTakeFirst();
    if (!current) return { ok: false, status: 404, message: msg("cycleAdmin.questions.notFound") };
    if (current.version !== version) {
      return {
        ok: false,
        status: 409,
        message: msg("cycleAdmin.questions.stale"),
      };
    }
    const next = { ...questionValues(input), stage: stageOfInput(input) };
    const condition = conditionOf(input);
    if (frozen) {
      const changesMeaning =
        next.stage !== current.stage ||
        next.kind !== current.kind ||
        next.required !== current.required ||
        next.maxWords !== current.maxWords ||
        next.options !== JSON.stringify(current.options) ||
        JSON.stringify(condition) !== JSON.stringify(current.condition ?? null);
      if (changesMeaning) return { ok: false, status: 409, message: FROZEN_MESSAGE };
    }
    // Every condition is checked again: changing this question's options can break one that depends on it.
    const after = (await lockedQuestions(trx, cycleId)).map((question) =>
      question.id === questionId ? { ...question, ...next, options: input.options, condition } : question,
    );
    const broken = refuseBrokenConditions(after, null);
    if (broken) return broken;
    await trx
      .updateTable("cycleQuestions")
      .set({
        ...next,
        condition: storedCondition(condition),
        // Translated choices are matched to the originals by position: once the choices change they
        // would sit under the wrong options, so they are dropped (the labels and help stay).
        ...(next.options !== JSON.stringify(current.options)
          ? {
              translations: sql`(select coalesce(jsonb_object_agg(key, value - 'options'), '{}'::jsonb)
                                  from jsonb_each(translations))`,
            }
          : {}),
        updatedAt: sql`now()`,
        version: sql`version + 1`,
      })
      .where("id", "=", questionId)
      .execute();
    await audit(trx, {
      actorId,
      action: "question.update",
      subjectType: "question",
      subjectId: questionId,
      data: { cycleId },
    });
    return { ok: true };
  });
}

export async function deleteQuestion(
  db: DB,
  actorId: string,
  cycleId: string,
  questionId: string,
): Promise<QuestionWrite> {
  return db.transaction().execute(async (trx) => {
    if (await lockFrozenQuestions(trx, cycleId)) return { ok: false, status: 409, message: FROZEN_MESSAGE };
    const dependents = (await lockedQuestions(trx, cycleId)).filter(
      (question) => question.condition?.questionId === questionId,
    );
    if (dependents.length > 0) {
      return {
        ok: false,
        status: 409,
        message: msg("cycleAdmin.questions.dependents", {
          count: dependents.length,
          first: dependents
            .slice(0, -1)
            .map((question) => question.label)
            .join("”, “"),
          last: dependents.at(-1)!.label,
        }),
      };
    }
    const deleted = await trx
      .deleteFrom("cycleQuestions")
      .where("id", "=", questionId)
      .where("cycleId", "=", cycleId)
      .executeTakeFirst();
    if (deleted.numDeletedRows === 0n) return { ok: false, status: 404, message: msg("cycleAdmin.questions.notFound") };
    await audit(trx, {
      actorId,
      action: "question.delete",
      subjectType: "question",
      subjectId: questionId,
      data: { cycleId },
    });
    return { ok: true };
  });
}

/** Swaps a question with its neighbour; order is presentation, so it may change at any time. */
export async function moveQuestion(
  db: DB,
  cycleId: string,
  questionId: string,
  direction: "up" | "down",
): Promise<QuestionWrite> {
  return db.transaction().execute(async (trx) => {
    const questions = await trx
      .selectFrom("cycleQuestions")
      .select(["id", "position"])
      .where("cycleId", "=", cycleId)
      .orderBy("position")
      .orderBy("id")
      .forUpdate()
      .execute();
    const index = questions.findIndex((question) => question.id === questionId);
    if (index < 0) return { ok: false, status: 404, message: msg("cycleAdmin.questions.notFound") };
    const other = direction === "up" ? index - 1 : index + 1;
    if (other < 0 || other >= questions.length) return { ok: true };
    const reordered = [...questions];
    [reordered[index], reordered[other]] = [reordered[other]!, reordered[index]!];
    const full = new Map((await lockedQuestions(trx, cycleId)).map((question) => [question.id, question]));
    const broken = refuseBrokenConditions(
      reordered.map((question) => full.get(question.id)!),
      null,
    );
    if (broken && !broken.ok) return { ok: false, status: 409, message: broken.message };
    for (const [position, question] of reordered.entries()) {
      await trx
        .updateTable("cycleQuestions")
        .set({ position: position + 1 })
        .where("id", "=", question.id)
        .execute();
    }
    return { ok: true };
  });
}

/** No condition is SQL NULL, never a JSON null, so "has a condition" is one test everywhere. */
function storedCondition(condition: object | null): string | null {
  return condition ? JSON.stringify(condition) : null;
}
