import { sql } from "kysely";
import type { DB } from "#db/client";
import { audit } from "~/audit/audit.server";
import { enqueueEmail } from "~/email/outbox.server";
import type { AppConfig } from "~/utils/config.server";
import { msg } from "~/i18n/message";
import { fail, type Result } from "~/utils/result";

export type CommentWrite = Result;

/**
 * A host member or staff comments on a submitted report; the fellow is emailed. The caller says
 * who may: `memberId` must belong to the fellowship's host, or the author is staff. The same
 * comment sent twice within a minute (a double click, a resubmit) is kept once.
 */
export async function addReportComment(
  db: DB,
  config: AppConfig,
  input: { reportId: string; fellowshipId: string; author: { id: string; name: string; staff: boolean }; body: string },
): Promise<CommentWrite> {
  return db.transaction().execute(async (trx): Promise<CommentWrite> => {
    const report = await trx
      .selectFrom("fellowshipReports")
      .innerJoin("fellowships", "fellowships.id", "fellowshipReports.fellowshipId")
      .innerJoin("reportForms", "reportForms.id", "fellowshipReports.formId")
      .innerJoin("users", "users.id", "fellowships.fellowId")
      .select(["fellowshipReports.id", "fellowshipReports.status", "reportForms.title", "users.name", "users.email"])
      .where("fellowshipReports.id", "=", input.reportId)
      .where("fellowships.id", "=", input.fellowshipId)
      .where((eb) =>
        input.author.staff
          ? eb.lit(true)
          : eb.exists(
              eb
                .selectFrom("orgMembers")
                .select("userId")
                .whereRef("orgMembers.organizationId", "=", "fellowships.organizationId")
                .where("orgMembers.userId", "=", input.author.id),
            ),
      )
      .forUpdate(["fellowshipReports"])
      .executeTakeFirst();
    if (!report) return fail(404, msg("hostFellows.errors.reportNotFound"));
    if (report.status !== "submitted") return fail(409, msg("hostFellows.errors.notSubmitted"));
    const repeat = await trx
      .selectFrom("reportComments")
      .select("id")
      .where("reportId", "=", report.id)
      .where("authorId", "=", input.author.id)
      .where("body", "=", input.body)
      .where("createdAt", ">", sql<Date>`now() - interval '1 minute'`)
      .executeTakeFirst();
    if (repeat) return { ok: true };
    const comment = await trx
      .insertInto("reportComments")
      .values({ reportId: report.id, authorId: input.author.id, body: input.body })
      .returning("id")
      .executeTakeFirstOrThrow();
    await audit(trx, {
      actorId: input.author.id,
      action: "report.comment",
      subjectType: "fellowship",
      subjectId: input.fellowshipId,
      data: { reportId: report.id },
    });
    await enqueueEmail(trx, {
      to: report.email,
      template: "report-comment",
      props: {
        name: report.name,
        authorName: input.author.name,
        reportTitle: report.title,
        comment: input.body,
        reportUrl: new URL(`/me/fellowship/reports/${report.id}`, config.appUrl).toString(),
      },
      idempotencyKey: `report-comment:${comment.id}`,
    });
    return { ok: true };
  });
}
