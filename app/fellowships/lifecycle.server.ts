import { sql, type Kysely } from "kysely";
import type { DB } from "#db/client";
import type { AnswerValue, Database, FellowshipStatus } from "#db/types";
import { audit } from "~/audit/audit.server";
import { enqueueEmail } from "~/email/outbox.server";
import type { AppConfig } from "~/utils/config.server";
import { nowExpression, type Clock } from "~/utils/clock.server";
import { canMoveFellowship, canSubmitReport, defaultTerm, dueDates, reportState } from "./lifecycle";
import { fail, type Result } from "~/utils/result";
import { msg } from "~/i18n/message";

/**
 * The one module that writes fellowships and their reports: it creates a fellowship when a
 * placement is accepted, keeps each fellowship's reports in step with its cycle's schedule,
 * takes submissions, and moves fellowships along FELLOWSHIP_TRANSITIONS (lifecycle.ts).
 */

/** Today's date by the database clock, in UTC (`YYYY-MM-DD`). */
export async function today(db: Kysely<Database>, clock: Clock = {}): Promise<string> {
  const row = await sql<{
    today: string;
  }>`select ((${nowExpression(clock)}) at time zone 'UTC')::date::text as today`.execute(db);
  return row.rows[0]!.today;
}

/**
 * Makes the accepted placement of an application a fellowship, with the term staff set for its
 * cycle (or ten months from next month) and its reports. Call it in the acceptance's transaction;
 * a second call finds the fellowship there and changes nothing.
 */
export async function createFellowship(trx: Kysely<Database>, applicationId: string): Promise<string | null> {
  const placement = await trx
    .selectFrom("applications")
    .innerJoin("positions", "positions.id", "applications.matchedPositionId")
    .leftJoin("fellowshipTerms", "fellowshipTerms.cycleId", "applications.cycleId")
    .select([
      "applications.applicantId",
      "applications.cycleId",
      "positions.id as positionId",
      "positions.organizationId",
      "fellowshipTerms.startsOn",
      "fellowshipTerms.endsOn",
      "fellowshipTerms.cohortYear",
    ])
    .where("applications.id", "=", applicationId)
    .where("applications.status", "=", "accepted")
    .executeTakeFirst();
  if (!placement) return null;
  const term =
    placement.startsOn && placement.endsOn && placement.cohortYear
      ? { startsOn: placement.startsOn, endsOn: placement.endsOn, cohortYear: placement.cohortYear }
      : defaultTerm(await today(trx));
  const inserted = await trx
    .insertInto("fellowships")
    .values({
      applicationId,
      cycleId: placement.cycleId,
      positionId: placement.positionId,
      organizationId: placement.organizationId,
      fellowId: placement.applicantId,
      ...term,
    })
    .onConflict((oc) => oc.column("applicationId").doNothing())
    .returning("id")
    .executeTakeFirst();
  if (!inserted) return null;
  await syncReports(trx, inserted.id);
  await audit(trx, {
    actorId: placement.applicantId,
    action: "fellowship.create",
    subjectType: "fellowship",
    subjectId: inserted.id,
    data: { applicationId, ...term },
  });
  return inserted.id;
}

/**
 * Brings a fellowship's reports in line with its cycle's schedule and its term: missing ones are
 * added, open ones no longer scheduled go; submitted ones always stay.
 */
export async function syncReports(trx: Kysely<Database>, fellowshipId: string): Promise<void> {
  const fellowship = await trx
    .selectFrom("fellowships")
    .select(["id", "cycleId", "startsOn", "endsOn", "status"])
    .where("id", "=", fellowshipId)
    .executeTakeFirstOrThrow();
  if (fellowship.status !== "active") return;
  const forms = await trx
    .selectFrom("reportForms")
    .select(["id", "kind", "everyMonths", "offsetMonths"])
    .where("cycleId", "=", fellowship.cycleId)
    .execute();
  const wanted = forms.flatMap((form) =>
    dueDates(form, fellowship).map((dueOn) => ({ fellowshipId, formId: form.id, dueOn })),
  );
  const existing = await trx
    .selectFrom("fellowshipReports")
    .select(["id", "formId", "dueOn", "status"])
    .where("fellowshipId", "=", fellowshipId)
    .execute();
  const key = (row: { formId: string; dueOn: string }) => `${row.formId}:${row.dueOn}`;
  const wantedKeys = new Set(wanted.map(key));
  const stale = existing.filter((row) => row.status === "open" && !wantedKeys.has(key(row))).map((row) => row.id);
  if (stale.length > 0) await trx.deleteFrom("fellowshipReports").where("id", "in", stale).execute();
  if (wanted.length > 0)
    await trx
      .insertInto("fellowshipReports")
      .values(wanted)
      .onConflict((oc) => oc.columns(["fellowshipId", "formId", "dueOn"]).doNothing())
      .execute();
}

/** Every active fellowship of a cycle, after its schedule or term changed. */
export async function syncCycleReports(trx: Kysely<Database>, cycleId: string): Promise<void> {
  const fellowships = await trx
    .selectFrom("fellowships")
    .select("id")
    .where("cycleId", "=", cycleId)
    .where("status", "=", "active")
    .execute();
  for (const fellowship of fellowships) await syncReports(trx, fellowship.id);
}

export type ReportWrite = Result<{ submitted: boolean }, 404 | 409, { reason: "not_found" | "not_open" | "stale" }>;

/**
 * A fellow saves a draft of a report, or submits it. Submitting twice keeps one report: the second
 * call finds it submitted and changes nothing. Host members are emailed when it arrives.
 */
export async function writeReport(
  db: DB,
  config: AppConfig,
  input: {
    reportId: string;
    fellowId: string;
    answers: Record<string, AnswerValue | null>;
    version: number;
    submit: boolean;
  },
  clock: Clock = {},
): Promise<ReportWrite> {
  return db.transaction().execute(async (trx): Promise<ReportWrite> => {
    const report = await trx
      .selectFrom("fellowshipReports")
      .innerJoin("fellowships", "fellowships.id", "fellowshipReports.fellowshipId")
      .innerJoin("reportForms", "reportForms.id", "fellowshipReports.formId")
      .innerJoin("users", "users.id", "fellowships.fellowId")
      .select([
        "fellowshipReports.id",
        "fellowshipReports.status",
        "fellowshipReports.dueOn",
        "fellowshipReports.answers",
        "fellowshipReports.version",
        "fellowships.id as fellowshipId",
        "fellowships.organizationId",
        "fellowships.status as fellowshipStatus",
        "reportForms.title",
        "users.name as fellowName",
      ])
      .where("fellowshipReports.id", "=", input.reportId)
      .where("fellowships.fellowId", "=", input.fellowId)
      .forUpdate(["fellowshipReports"])
      .executeTakeFirst();
    if (!report) return fail(404, msg("refusals.fellowships.reportNotFound"), { reason: "not_found" });
    if (report.status === "submitted") {
      if (input.submit) return { ok: true, submitted: false };
      return fail(409, msg("refusals.fellowships.reportSubmitted"), { reason: "not_open" });
    }
    const state = reportState(report, await today(trx, clock));
    if (!canSubmitReport(state, report.fellowshipStatus))
      return {
        ok: false,
        status: 409,
        reason: "not_open",
        message:
          report.fellowshipStatus === "ended_early"
            ? msg("refusals.fellowships.reportsClosed")
            : msg("refusals.fellowships.reportNotOpen", { dueOn: report.dueOn }),
      };
    if (report.version !== input.version)
      return fail(409, msg("refusals.fellowships.reportStale"), { reason: "stale" });
    const answers = Object.fromEntries(
      Object.entries({ ...report.answers, ...input.answers }).filter(([, value]) => value !== null),
    );
    await trx
      .updateTable("fellowshipReports")
      .set({
        answers: JSON.stringify(answers),
        ...(input.submit ? { status: "submitted" as const, submittedAt: sql`now()` } : {}),
        updatedAt: sql`now()`,
        version: sql`version + 1`,
      })
      .where("id", "=", report.id)
      .execute();
    if (!input.submit) return { ok: true, submitted: false };
    await audit(trx, {
      actorId: input.fellowId,
      action: "report.submit",
      subjectType: "fellowship",
      subjectId: report.fellowshipId,
      data: { reportId: report.id },
    });
    const hosts = await trx
      .selectFrom("orgMembers")
      .innerJoin("users", "users.id", "orgMembers.userId")
      .select(["users.id", "users.name", "users.email"])
      .where("orgMembers.organizationId", "=", report.organizationId)
      .where("users.deletedAt", "is", null)
      .execute();
    for (const host of hosts)
      await enqueueEmail(trx, {
        to: host.email,
        template: "report-submitted",
        props: {
          name: host.name,
          fellowName: report.fellowName,
          reportTitle: report.title,
          reportUrl: new URL(`/partner/fellows/${report.fellowshipId}#report-${report.id}`, config.appUrl).toString(),
        },
        idempotencyKey: `report-submitted:${report.id}:${host.id}`,
      });
    return { ok: true, submitted: true };
  });
}

export type FellowshipMove = Result<{ changed: boolean }>;

/**
 * Moves a fellowship to `completed` (its term is over: the fellow becomes an alumnus and is
 * asked whether their profile should say so) or `ended_early` (staff, with a reason).
 */
export async function moveFellowship(
  trx: Kysely<Database>,
  config: AppConfig,
  input: { fellowshipId: string; to: Exclude<FellowshipStatus, "active">; actorId: string | null; reason?: string },
): Promise<FellowshipMove> {
  const fellowship = await trx
    .selectFrom("fellowships")
    .innerJoin("users", "users.id", "fellowships.fellowId")
    .innerJoin("organizations", "organizations.id", "fellowships.organizationId")
    .select([
      "fellowships.id",
      "fellowships.status",
      "fellowships.cohortYear",
      "fellowships.fellowId",
      "users.name",
      "users.email",
      "users.deletedAt",
      "organizations.name as organizationName",
    ])
    .where("fellowships.id", "=", input.fellowshipId)
    .forUpdate(["fellowships"])
    .executeTakeFirst();
  if (!fellowship) return fail(404, msg("refusals.fellowships.notFound"));
  if (fellowship.status === input.to) return { ok: true, changed: false };
  if (!canMoveFellowship(fellowship.status, input.to)) return fail(409, msg("refusals.fellowships.alreadyEnded"));
  await trx
    .updateTable("fellowships")
    .set({
      status: input.to,
      endedAt: sql`now()`,
      endReason: input.reason ?? null,
      updatedAt: sql`now()`,
      version: sql`version + 1`,
    })
    .where("id", "=", fellowship.id)
    .execute();
  if (input.to === "ended_early") {
    // Reports not yet due will never be: they leave the dashboard.
    await trx
      .deleteFrom("fellowshipReports")
      .where("fellowshipId", "=", fellowship.id)
      .where("status", "=", "open")
      .where("dueOn", ">", await today(trx))
      .execute();
  }
  await audit(trx, {
    actorId: input.actorId,
    action: input.to === "completed" ? "fellowship.complete" : "fellowship.end",
    subjectType: "fellowship",
    subjectId: fellowship.id,
    data: input.reason ? { reason: input.reason } : {},
  });
  if (input.to === "completed" && !fellowship.deletedAt)
    await enqueueEmail(trx, {
      to: fellowship.email,
      template: "fellowship-completed",
      props: {
        name: fellowship.name,
        organizationName: fellowship.organizationName,
        cohortYear: fellowship.cohortYear,
        fellowshipUrl: new URL("/me/fellowship", config.appUrl).toString(),
      },
      idempotencyKey: `fellowship-completed:${fellowship.id}`,
    });
  return { ok: true, changed: true };
}

/** Completes every active fellowship whose last day has passed (the daily job; idempotent). */
export async function completeEndedFellowships(db: DB, config: AppConfig, clock: Clock = {}): Promise<number> {
  const ended = await db
    .selectFrom("fellowships")
    .select("id")
    .where("status", "=", "active")
    .where("endsOn", "<", await today(db, clock))
    .execute();
  let completed = 0;
  for (const fellowship of ended) {
    const moved = await db
      .transaction()
      .execute((trx) => moveFellowship(trx, config, { fellowshipId: fellowship.id, to: "completed", actorId: null }));
    if (moved.ok && moved.changed) completed += 1;
  }
  return completed;
}

/** An alumnus chooses whether their network profile shows their cohort (their consent, withdrawable). */
export async function setAlumniListing(
  db: DB,
  input: { fellowId: string; fellowshipId: string; listed: boolean },
): Promise<FellowshipMove> {
  return db.transaction().execute(async (trx): Promise<FellowshipMove> => {
    const fellowship = await trx
      .selectFrom("fellowships")
      .select(["id", "status", "alumniListingAt"])
      .where("id", "=", input.fellowshipId)
      .where("fellowId", "=", input.fellowId)
      .forUpdate()
      .executeTakeFirst();
    if (!fellowship) return fail(404, msg("refusals.fellowships.notFound"));
    if (fellowship.status !== "completed") return fail(409, msg("refusals.fellowships.cohortNotYet"));
    if ((fellowship.alumniListingAt !== null) === input.listed) return { ok: true, changed: false };
    await trx
      .updateTable("fellowships")
      .set({ alumniListingAt: input.listed ? sql`now()` : null, updatedAt: sql`now()`, version: sql`version + 1` })
      .where("id", "=", fellowship.id)
      .execute();
    await audit(trx, {
      actorId: input.fellowId,
      action: input.listed ? "alumni.listing.on" : "alumni.listing.off",
      subjectType: "fellowship",
      subjectId: fellowship.id,
    });
    return { ok: true, changed: true };
  });
}
