import { moveApplications } from "~/applications/lifecycle.server";
import { sql, type Kysely } from "kysely";
import type { DB } from "#db/client";
import type { CycleStatus, Database } from "#db/types";
import { audit } from "~/audit/audit.server";
import { isUniqueViolation } from "~/utils/db-errors.server";
import { zonedLocalToUtc } from "~/utils/timezones";
import { loiDeadlineProblem } from "~/applications/stages";
import { CYCLE_TRANSITIONS } from "./cycle-status";
import type { CycleSettings } from "./cycles.schema";
import { msg } from "~/i18n/message";

export const CYCLE_COLUMNS = [
  "id",
  "slug",
  "name",
  "description",
  "opensAt",
  "closesAt",
  "timezone",
  "status",
  "blindReview",
  "reviewersPerApplication",
  "finalistTarget",
  "reviewDueAt",
  "rankingDeadline",
  "decisionDelayMinutes",
  "referencesMin",
  "referencesMax",
  "referenceDeadline",
  "loiClosesAt",
  "version",
] as const;

export async function getCycleBySlug(db: DB, slug: string) {
  return db.selectFrom("cycles").select(CYCLE_COLUMNS).where("slug", "=", slug).executeTakeFirst();
}

export type Cycle = NonNullable<Awaited<ReturnType<typeof getCycleBySlug>>>;

/** Published cycles for the public: open ones first, then by deadline. */
export async function listPublishedCycles(db: DB) {
  return db
    .selectFrom("cycles")
    .select(CYCLE_COLUMNS)
    .where("status", "!=", "draft")
    .orderBy(sql`status = 'open'`, "desc")
    .orderBy("closesAt", "desc")
    .execute();
}

export async function listCyclesForStaff(db: DB) {
  return db
    .selectFrom("cycles")
    .leftJoin("applications", "applications.cycleId", "cycles.id")
    .select([
      "cycles.id",
      "cycles.slug",
      "cycles.name",
      "cycles.status",
      "cycles.opensAt",
      "cycles.closesAt",
      sql<number>`count(applications.id) filter (where applications.status <> 'draft')`.as("submitted"),
      sql<number>`count(applications.id) filter (where applications.status = 'draft')`.as("drafts"),
    ])
    .groupBy("cycles.id")
    .orderBy("cycles.opensAt", "desc")
    .execute();
}

export type CycleWrite =
  | { ok: true; slug: string }
  | { ok: false; status: 404 | 409; field?: "slug" | "status" | "closesAt" | "loiClosesAt"; message: string };

/** The dates' own rules, checked in UTC (the form's check compares local times of one zone). */
function timesProblem(times: ReturnType<typeof toTimes>): CycleWrite | null {
  const { opensAt, closesAt, loiClosesAt } = times;
  if (!opensAt || !closesAt || closesAt <= opensAt)
    return { ok: false, status: 409, field: "closesAt", message: msg("cycleAdmin.refusals.deadlineAfterOpening") };
  const loi = loiDeadlineProblem({ opensAt, closesAt, loiClosesAt });
  return loi ? { ok: false, status: 409, field: "loiClosesAt", message: loi } : null;
}

function toTimes(settings: CycleSettings) {
  return {
    opensAt: zonedLocalToUtc(settings.opensAt, settings.timezone),
    closesAt: zonedLocalToUtc(settings.closesAt, settings.timezone),
    reviewDueAt: settings.reviewDueAt ? zonedLocalToUtc(settings.reviewDueAt, settings.timezone) : null,
    referenceDeadline: settings.referenceDeadline
      ? zonedLocalToUtc(settings.referenceDeadline, settings.timezone)
      : null,
    loiClosesAt: settings.loiClosesAt ? zonedLocalToUtc(settings.loiClosesAt, settings.timezone) : null,
  };
}

/** Round 1 carries the cycle's review settings: created with the cycle, saved with its settings. */
async function saveFirstRound(
  trx: Kysely<Database>,
  cycleId: string,
  settings: { reviewersPerApplication: number; blindReview: boolean; reviewDueAt: Date | null },
): Promise<void> {
  await trx
    .insertInto("reviewRounds")
    .values({ cycleId, position: 1, name: "Review", ...settings })
    .onConflict((oc) =>
      oc
        .columns(["cycleId", "position"])
        .doUpdateSet({ ...settings, updatedAt: sql`now()`, version: sql`review_rounds.version + 1` }),
    )
    .execute();
}

export async function createCycle(db: DB, actorId: string, settings: CycleSettings): Promise<CycleWrite> {
  const times = toTimes(settings);
  const { opensAt, closesAt, reviewDueAt, referenceDeadline, loiClosesAt } = times;
  if (!opensAt || !closesAt) return timesProblem(times)!;
  const problem = timesProblem(times);
  if (problem) return problem;
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto("cycles")
      .values({
        slug: settings.slug,
        name: settings.name,
        description: settings.description,
        opensAt,
        closesAt,
        timezone: settings.timezone,
        status: "draft",
        blindReview: settings.blindReview,
        reviewersPerApplication: settings.reviewersPerApplication,
        finalistTarget: settings.finalistTarget ?? null,
        reviewDueAt,
        decisionDelayMinutes: settings.decisionDelayMinutes,
        referencesMin: settings.referencesMin,
        referencesMax: settings.referencesMax,
        referenceDeadline,
        loiClosesAt,
      })
      .onConflict((oc) => oc.column("slug").doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!inserted) return { ok: false, status: 409, field: "slug", message: msg("cycleAdmin.refusals.slugTaken") };
    await saveFirstRound(trx, inserted.id, {
      reviewersPerApplication: settings.reviewersPerApplication,
      blindReview: settings.blindReview,
      reviewDueAt,
    });
    await audit(trx, {
      actorId,
      action: "cycle.create",
      subjectType: "cycle",
      subjectId: inserted.id,
      data: { slug: settings.slug },
    });
    return { ok: true, slug: settings.slug };
  });
}

/**
 * Saves a cycle's settings if nobody changed them since the form was loaded (`version`), and
 * only along the allowed status moves.
 */
export async function updateCycle(
  db: DB,
  actorId: string,
  cycleId: string,
  settings: CycleSettings,
): Promise<CycleWrite> {
  const times = toTimes(settings);
  const { opensAt, closesAt, reviewDueAt, referenceDeadline, loiClosesAt } = times;
  if (!opensAt || !closesAt) return timesProblem(times)!;
  const problem = timesProblem(times);
  if (problem) return problem;
  try {
    return await db.transaction().execute(async (trx) => {
      const current = await trx
        .selectFrom("cycles")
        .select(["status", "version", "slug"])
        .where("id", "=", cycleId)
        .forUpdate()
        .executeTakeFirst();
      if (!current) return { ok: false, status: 404, message: msg("cycleAdmin.refusals.cycleNotFound") };
      // A form without its version cannot prove it saw the current settings.
      if (settings.version === undefined || settings.version !== current.version) {
        return {
          ok: false,
          status: 409,
          message: msg("cycleAdmin.refusals.cycleStale"),
        };
      }
      const status: CycleStatus = settings.status ?? current.status;
      if (status !== current.status && !CYCLE_TRANSITIONS[current.status].includes(status)) {
        return {
          ok: false,
          status: 409,
          field: "status",
          message: msg("cycleAdmin.refusals.transition", { from: current.status, to: status }),
        };
      }
      if (status === "complete" && current.status !== "complete") {
        const published = await trx
          .selectFrom("matchRuns")
          .select("id")
          .where("cycleId", "=", cycleId)
          .where("publishedAt", "is not", null)
          .executeTakeFirst();
        if (!published)
          return { ok: false, status: 409, field: "status", message: msg("cycleAdmin.refusals.publishFirst") };
      }
      if (status === "draft" && current.status !== "draft") {
        const submitted = await trx
          .selectFrom("applications")
          .select("id")
          .where("cycleId", "=", cycleId)
          .where("submittedAt", "is not", null)
          .limit(1)
          .executeTakeFirst();
        if (submitted)
          return {
            ok: false,
            status: 409,
            field: "status",
            message: msg("cycleAdmin.refusals.noBackToDraft"),
          };
      }
      const taken = await trx
        .selectFrom("cycles")
        .select("id")
        .where("slug", "=", settings.slug)
        .where("id", "!=", cycleId)
        .executeTakeFirst();
      if (taken) return { ok: false, status: 409, field: "slug", message: msg("cycleAdmin.refusals.slugTaken") };
      await trx
        .updateTable("cycles")
        .set({
          slug: settings.slug,
          name: settings.name,
          description: settings.description,
          opensAt,
          closesAt,
          timezone: settings.timezone,
          status,
          blindReview: settings.blindReview,
          reviewersPerApplication: settings.reviewersPerApplication,
          finalistTarget: settings.finalistTarget ?? null,
          reviewDueAt,
          decisionDelayMinutes: settings.decisionDelayMinutes,
          referencesMin: settings.referencesMin,
          referencesMax: settings.referencesMax,
          referenceDeadline,
          loiClosesAt,
          updatedAt: sql`now()`,
          version: sql`version + 1`,
        })
        .where("id", "=", cycleId)
        .execute();
      await saveFirstRound(trx, cycleId, {
        reviewersPerApplication: settings.reviewersPerApplication,
        blindReview: settings.blindReview,
        reviewDueAt,
      });
      if (status === "reviewing" && current.status !== "reviewing") await startReview(trx, actorId, cycleId);
      await audit(trx, {
        actorId,
        action: status !== current.status ? "cycle.status" : "cycle.update",
        subjectType: "cycle",
        subjectId: cycleId,
        data: status !== current.status ? { from: current.status, to: status } : {},
      });
      return { ok: true, slug: settings.slug };
    });
  } catch (error) {
    // The slug check above can race with another save of the same slug; the unique key decides.
    if (isUniqueViolation(error))
      return { ok: false, status: 409, field: "slug", message: msg("cycleAdmin.refusals.slugTaken") };
    throw error;
  }
}

/** The review stage begins: every submitted application is now in review. */
async function startReview(trx: Kysely<Database>, actorId: string, cycleId: string) {
  const submitted = await trx
    .selectFrom("applications")
    .select("id")
    .where("cycleId", "=", cycleId)
    .where("status", "=", "submitted")
    .execute();
  await moveApplications(trx, {
    applicationIds: submitted.map((row) => row.id),
    to: "in_review",
    from: ["submitted"],
    actorId,
    audit: { action: "review.start", data: { cycleId } },
  });
}
