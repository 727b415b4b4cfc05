import type { DB } from "#db/client";
import { addDays, addMonths } from "~/fellowships/lifecycle";
import { today } from "~/fellowships/lifecycle.server";
import { writeReportQuestion } from "~/fellowships/report-questions.server";
import { saveTerm, writeReportForm } from "~/fellowships/schedule.server";
import { answerPlacement } from "~/matching/publish.server";
import type { AppConfig } from "~/utils/config.server";
import { createMatchingFixture } from "./matching";

/**
 * A cycle whose first finalist accepted a placement at the first position: a fellowship that
 * started `monthsIn` months ago (plus a week, so a monthly check-in is due within the week), with a
 * monthly check-in of two questions (the first required) and a final report. Built through the
 * app's own functions; usable from Vitest and Playwright.
 */
export async function createFellowshipFixture(
  db: DB,
  config: AppConfig,
  options: { monthsIn?: number; partnerIds?: string[]; finalists?: number } = {},
) {
  const fixture = await createMatchingFixture(db, config, {
    finalists: options.finalists ?? 1,
    seats: [1],
    ...(options.partnerIds ? { partnerIds: options.partnerIds } : {}),
  });
  const day = await today(db);
  const startsOn = addMonths(addDays(day, 7), -(options.monthsIn ?? 3));
  const term = { startsOn, endsOn: addDays(addMonths(startsOn, 10), -1), cohortYear: 2025, version: 0 };
  const staffId = fixture.staffId;
  const ok = (result: { ok: boolean }) => {
    if (!result.ok) throw new Error(JSON.stringify(result));
  };
  ok(await saveTerm(db, staffId, fixture.cycle.id, term));
  ok(
    await writeReportForm(db, staffId, fixture.cycle.id, {
      intent: "add-form",
      input: { kind: "check_in", title: "Monthly check-in", everyMonths: 1, offsetMonths: undefined },
    }),
  );
  ok(
    await writeReportForm(db, staffId, fixture.cycle.id, {
      intent: "add-form",
      input: { kind: "final", title: "Final report", everyMonths: undefined, offsetMonths: undefined },
    }),
  );
  const forms = await db
    .selectFrom("reportForms")
    .select(["id", "kind"])
    .where("cycleId", "=", fixture.cycle.id)
    .execute();
  const checkIn = forms.find((form) => form.kind === "check_in")!.id;
  const question = (label: string, required: boolean) => ({
    section: "Report",
    kind: "long_text" as const,
    label,
    help: "",
    required,
    identifying: false,
    maxWords: 100,
    options: [],
  });
  ok(
    await writeReportQuestion(db, staffId, checkIn, {
      intent: "add-question",
      input: question("What did you work on?", true),
    }),
  );
  ok(
    await writeReportQuestion(db, staffId, checkIn, {
      intent: "add-question",
      input: question("Anything in your way?", false),
    }),
  );

  const fellow = fixture.finalists[0]!;
  const position = fixture.positions[0]!;
  await db
    .updateTable("applications")
    .set({ status: "matched", matchedPositionId: position.id })
    .where("id", "=", fellow.applicationId)
    .execute();
  ok(await answerPlacement(db, config, { applicationId: fellow.applicationId, applicantId: fellow.id, accept: true }));
  const fellowship = await db
    .selectFrom("fellowships")
    .select(["id", "startsOn", "endsOn"])
    .where("applicationId", "=", fellow.applicationId)
    .executeTakeFirstOrThrow();
  const questions = await db
    .selectFrom("reportQuestions")
    .select(["id", "label"])
    .where("formId", "=", checkIn)
    .orderBy("position")
    .execute();
  return { ...fixture, fellow, position, fellowship, checkInFormId: checkIn, questions, term };
}

/** The fellowship's reports in due order, with their form's kind. */
export async function reportsOf(db: DB, fellowshipId: string) {
  return db
    .selectFrom("fellowshipReports")
    .innerJoin("reportForms", "reportForms.id", "fellowshipReports.formId")
    .select([
      "fellowshipReports.id",
      "fellowshipReports.dueOn",
      "fellowshipReports.status",
      "fellowshipReports.version",
      "reportForms.kind",
    ])
    .where("fellowshipReports.fellowshipId", "=", fellowshipId)
    .orderBy("fellowshipReports.dueOn")
    .execute();
}
