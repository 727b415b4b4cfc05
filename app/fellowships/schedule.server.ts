import { sql } from "kysely";
import type { DB } from "#db/client";
import { audit } from "~/audit/audit.server";
import type { ReportFormInput } from "./fellowships.schema";
import { defaultTerm } from "./lifecycle";
import { syncCycleReports, today } from "./lifecycle.server";
import { msg } from "~/i18n/message";
import { fail, type Result } from "~/utils/result";

export type ScheduleWrite = Result;

const STALE = msg("cycleAdmin.fellowship.stale");

/** A cycle's fellowship term (or the default one a fellowship accepted today would get) and its report forms. */
export async function cycleSchedule(db: DB, cycleId: string) {
  const [term, forms] = await Promise.all([
    db
      .selectFrom("fellowshipTerms")
      .select(["startsOn", "endsOn", "cohortYear", "version"])
      .where("cycleId", "=", cycleId)
      .executeTakeFirst(),
    db
      .selectFrom("reportForms")
      .select([
        "id",
        "kind",
        "title",
        "everyMonths",
        "offsetMonths",
        "version",
        sql<number>`(select count(*) from report_questions q where q.form_id = report_forms.id)`.as("questions"),
      ])
      .where("cycleId", "=", cycleId)
      .orderBy("createdAt")
      .orderBy("id")
      .execute(),
  ]);
  return {
    term: term ?? { ...defaultTerm(await today(db)), version: 0 },
    termSet: term !== undefined,
    forms: forms.map((form) => ({ ...form, questions: Number(form.questions) })),
  };
}

/** Sets the term; every active fellowship of the cycle takes it, and their reports follow. */
export async function saveTerm(
  db: DB,
  actorId: string,
  cycleId: string,
  input: { startsOn: string; endsOn: string; cohortYear: number; version: number },
): Promise<ScheduleWrite> {
  return db.transaction().execute(async (trx): Promise<ScheduleWrite> => {
    await trx.selectFrom("cycles").select("id").where("id", "=", cycleId).forUpdate().executeTakeFirstOrThrow();
    const current = await trx
      .selectFrom("fellowshipTerms")
      .select("version")
      .where("cycleId", "=", cycleId)
      .executeTakeFirst();
    if ((current?.version ?? 0) !== input.version) return fail(409, STALE);
    const values = { startsOn: input.startsOn, endsOn: input.endsOn, cohortYear: input.cohortYear };
    if (current)
      await trx
        .updateTable("fellowshipTerms")
        .set({ ...values, updatedAt: sql`now()`, version: sql`version + 1` })
        .where("cycleId", "=", cycleId)
        .execute();
    else
      await trx
        .insertInto("fellowshipTerms")
        .values({ cycleId, ...values })
        .execute();
    await trx
      .updateTable("fellowships")
      .set({ ...values, updatedAt: sql`now()`, version: sql`version + 1` })
      .where("cycleId", "=", cycleId)
      .where("status", "=", "active")
      .execute();
    await syncCycleReports(trx, cycleId);
    await audit(trx, { actorId, action: "fellowship.term", subjectType: "cycle", subjectId: cycleId, data: values });
    return { ok: true };
  });
}

function formValues(input: ReportFormInput) {
  return {
    kind: input.kind,
    title: input.title,
    everyMonths: input.kind === "check_in" ? (input.everyMonths ?? 1) : null,
    offsetMonths: input.kind === "midterm" ? (input.offsetMonths ?? null) : null,
  };
}

/** Adds, changes or removes a report form; the cycle's active fellowships get the reports it now asks for. */
export async function writeReportForm(
  db: DB,
  actorId: string,
  cycleId: string,
  change:
    | { intent: "add-form"; input: ReportFormInput }
    | { intent: "update-form"; formId: string; version: number; input: ReportFormInput }
    | { intent: "delete-form"; formId: string },
): Promise<ScheduleWrite> {
  return db.transaction().execute(async (trx): Promise<ScheduleWrite> => {
    await trx.selectFrom("cycles").select("id").where("id", "=", cycleId).forUpdate().executeTakeFirstOrThrow();
    let formId: string;
    if (change.intent === "add-form") {
      formId = (
        await trx
          .insertInto("reportForms")
          .values({ cycleId, ...formValues(change.input) })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
    } else {
      formId = change.formId;
      const form = await trx
        .selectFrom("reportForms")
        .select(["version"])
        .select(
          sql<boolean>`exists (select 1 from fellowship_reports r where r.form_id = report_forms.id and r.status = 'submitted')`.as(
            "answered",
          ),
        )
        .where("id", "=", formId)
        .where("cycleId", "=", cycleId)
        .forUpdate(["reportForms"])
        .executeTakeFirst();
      if (!form) return fail(404, msg("cycleAdmin.fellowship.formNotFound"));
      if (change.intent === "delete-form") {
        if (form.answered) return fail(409, msg("cycleAdmin.fellowship.answered"));
        await trx.deleteFrom("reportForms").where("id", "=", formId).execute();
      } else {
        if (form.version !== change.version) return fail(409, STALE);
        await trx
          .updateTable("reportForms")
          .set({ ...formValues(change.input), updatedAt: sql`now()`, version: sql`version + 1` })
          .where("id", "=", formId)
          .execute();
      }
    }
    await syncCycleReports(trx, cycleId);
    await audit(trx, {
      actorId,
      action: `report-form.${change.intent.replace("-form", "")}`,
      subjectType: "report_form",
      subjectId: formId,
      data: { cycleId },
    });
    return { ok: true };
  });
}
