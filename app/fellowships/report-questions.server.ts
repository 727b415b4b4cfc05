import { sql, type Kysely } from "kysely";
import type { DB } from "#db/client";
import type { Database } from "#db/types";
import type { Question } from "~/applications/questions";
import { audit } from "~/audit/audit.server";
import type { QuestionInput } from "~/cycles/cycles.schema";
import { questionValues } from "~/cycles/questions.server";
import { msg } from "~/i18n/message";
import { fail, type Result } from "~/utils/result";

/**
 * The questions of a report form, built with the application question builder (same kinds but
 * files, same schema and answer validation). Once a fellow has submitted the report, what its
 * questions ask is frozen; wording may still change.
 */

export type ReportQuestionWrite = Result<Record<never, never>, 400 | 404 | 409>;

const FROZEN = msg("cycleAdmin.reportQuestions.frozenRefusal");

export async function listReportQuestions(
  db: Kysely<Database>,
  formId: string,
): Promise<(Question & { version: number })[]> {
  return db
    .selectFrom("reportQuestions")
    .select(["id", "section", "kind", "label", "help", "required", "maxWords", "options", "identifying", "version"])
    .where("formId", "=", formId)
    .orderBy("position")
    .orderBy("id")
    .execute();
}

/** Locks the form and says whether a submitted report has frozen its questions. */
async function lockForm(trx: Kysely<Database>, formId: string): Promise<{ frozen: boolean } | null> {
  const form = await trx
    .selectFrom("reportForms")
    .select(
      sql<boolean>`exists (select 1 from fellowship_reports r where r.form_id = report_forms.id and r.status = 'submitted')`.as(
        "frozen",
      ),
    )
    .where("id", "=", formId)
    .forUpdate()
    .executeTakeFirst();
  return form ?? null;
}

export async function reportQuestionsFrozen(db: DB, formId: string): Promise<boolean> {
  const row = await db
    .selectFrom("fellowshipReports")
    .select("id")
    .where("formId", "=", formId)
    .where("status", "=", "submitted")
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

type Change =
  | { intent: "add-question"; input: QuestionInput }
  | { intent: "update-question"; questionId: string; version: number; input: QuestionInput }
  | { intent: "delete-question"; questionId: string }
  | { intent: "move-up" | "move-down"; questionId: string };

export async function writeReportQuestion(
  db: DB,
  actorId: string,
  formId: string,
  change: Change,
): Promise<ReportQuestionWrite> {
  if ("input" in change && change.input.kind === "file") return fail(400, msg("cycleAdmin.reportQuestions.noFiles"));
  return db.transaction().execute(async (trx): Promise<ReportQuestionWrite> => {
    const form = await lockForm(trx, formId);
    if (!form) return fail(404, msg("cycleAdmin.fellowship.formNotFound"));
    const questions = await listReportQuestions(trx, formId);
    if (change.intent === "add-question") {
      if (form.frozen) return fail(409, FROZEN);
      const values = questionValues(change.input) as ReturnType<typeof questionValues> & {
        kind: Exclude<Question["kind"], "file">;
      };
      await trx
        .insertInto("reportQuestions")
        .values({ formId, position: questions.length + 1, ...values })
        .execute();
    } else {
      const index = questions.findIndex((question) => question.id === change.questionId);
      const current = questions[index];
      if (!current) return fail(404, msg("cycleAdmin.questions.notFound"));
      if (change.intent === "delete-question") {
        if (form.frozen) return fail(409, FROZEN);
        await trx.deleteFrom("reportQuestions").where("id", "=", current.id).execute();
      } else if (change.intent === "update-question") {
        if (current.version !== change.version) return fail(409, msg("cycleAdmin.questions.stale"));
        const next = questionValues(change.input) as ReturnType<typeof questionValues> & {
          kind: Exclude<Question["kind"], "file">;
        };
        const changesMeaning =
          next.kind !== current.kind ||
          next.required !== current.required ||
          next.maxWords !== current.maxWords ||
          next.options !== JSON.stringify(current.options);
        if (form.frozen && changesMeaning) return fail(409, FROZEN);
        await trx
          .updateTable("reportQuestions")
          .set({ ...next, updatedAt: sql`now()`, version: sql`version + 1` })
          .where("id", "=", current.id)
          .execute();
      } else {
        const other = change.intent === "move-up" ? index - 1 : index + 1;
        if (other < 0 || other >= questions.length) return { ok: true };
        const order = [...questions];
        [order[index], order[other]] = [order[other]!, order[index]!];
        for (const [position, question] of order.entries())
          await trx
            .updateTable("reportQuestions")
            .set({ position: position + 1 })
            .where("id", "=", question.id)
            .execute();
      }
    }
    await audit(trx, {
      actorId,
      action: `report-question.${change.intent.replace("-question", "")}`,
      subjectType: "report_form",
      subjectId: formId,
    });
    return { ok: true };
  });
}
