import type { DB } from "#db/client";
import { enqueueEmail } from "~/email/outbox.server";
import type { AppConfig } from "~/utils/config.server";
import type { Clock } from "~/utils/clock.server";
import { emailMoment } from "#emails/moment";
import { addDays } from "./lifecycle";
import { today } from "./lifecycle.server";

/** How many days before its due date a fellow is reminded of a report. */
export const REMIND_DAYS_BEFORE = 3;

/**
 * Reminds fellows of open reports due within three days, and once more of those that are late.
 * Idempotent across runs and processes: one key per report and kind of reminder.
 */
export async function sendReportReminders(db: DB, config: AppConfig, clock: Clock = {}): Promise<number> {
  const day = await today(db, clock);
  const reports = await db
    .selectFrom("fellowshipReports")
    .innerJoin("fellowships", "fellowships.id", "fellowshipReports.fellowshipId")
    .innerJoin("reportForms", "reportForms.id", "fellowshipReports.formId")
    .innerJoin("users", "users.id", "fellowships.fellowId")
    .select([
      "fellowshipReports.id",
      "fellowshipReports.dueOn",
      "reportForms.title",
      "users.name",
      "users.email",
      "users.timezone",
    ])
    .where("fellowshipReports.status", "=", "open")
    .where("fellowships.status", "=", "active")
    .where("users.deletedAt", "is", null)
    .where("fellowshipReports.dueOn", "<=", addDays(day, REMIND_DAYS_BEFORE))
    .execute();
  let sent = 0;
  for (const report of reports) {
    const late = report.dueOn < day;
    const queued = await db.transaction().execute((trx) =>
      enqueueEmail(trx, {
        to: report.email,
        template: "report-reminder",
        props: {
          name: report.name,
          reportTitle: report.title,
          dueOn: emailMoment(`${report.dueOn}T12:00:00Z`),
          late,
          reportUrl: new URL(`/me/fellowship/reports/${report.id}`, config.appUrl).toString(),
        },
        idempotencyKey: `report-reminder:${report.id}:${late ? "late" : "due"}`,
      }),
    );
    if (queued) sent += 1;
  }
  return sent;
}
