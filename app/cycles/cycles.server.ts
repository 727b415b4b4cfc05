import { sql, type Kysely } from "kysely";
import type { DB } from "#db/client";
import type { CycleStatus, Database } from "#db/types";
import { audit } from "~/audit/audit.server";
import { isUniqueViolation } from "~/utils/db-errors.server";
import type { Question } from "~/applications/questions";
import { zonedLocalToUtc } from "~/utils/timezones";
import { CYCLE_TRANSITIONS } from "./cycle-status";
import type { CycleSettings, QuestionInput } from "./cycles.schema";

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

export async function listQuestions(db: DB, cycleId: string): Promise<Question[]> {
  const rows = await db
    .selectFrom("cycleQuestions")
    .select(["id", "section", "kind", "label", "help", "required", "maxWords", "options", "identifying", "version"])
    .where("cycleId", "=", cycleId)
    .orderBy("position")
    .orderBy("id")
    .execute();
  return rows;
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

export type CycleWrite =
  | { ok: true; slug: string }
  | { ok: false; status: 404 | 409; field?: "slug" | "status" | "closesAt"; message: string };

function toTimes(settings: CycleSettings) {
  return {
    opensAt: zonedLocalToUtc(settings.opensAt, settings.timezone),
    closesAt: zonedLocalToUtc(settings.closesAt, settings.timezone),
    reviewDueAt: settings.reviewDueAt ? zonedLocalToUtc(settings.reviewDueAt, settings.timezone) : null,
  };
}

export async function createCycle(db: DB, actorId: string, settings: CycleSettings): Promise<CycleWrite> {
  const { opensAt, closesAt, reviewDueAt } = toTimes(settings);
  if (!opensAt || !closesAt || closesAt <= opensAt) {
    return { ok: false, status: 409, field: "closesAt", message: "The deadline must be after the opening" };
  }
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
      })
      .onConflict((oc) => oc.column("slug").doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!inserted) return { ok: false, status: 409, field: "slug", message: "Another cycle already uses this address" };
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
  const { opensAt, closesAt, reviewDueAt } = toTimes(settings);
  if (!opensAt || !closesAt || closesAt <= opensAt) {
    return { ok: false, status: 409, field: "closesAt", message: "The deadline must be after the opening" };
  }
  try {
    return await db.transaction().execute(async (trx) => {
      const current = await trx
        .selectFrom("cycles")
        .select(["status", "version", "slug"])
        .where("id", "=", cycleId)
        .forUpdate()
        .executeTakeFirst();
      if (!current) return { ok: false, status: 404, message: "That cycle does not exist" };
      // A form without its version cannot prove it saw the current settings.
      if (settings.version === undefined || settings.version !== current.version) {
        return {
          ok: false,
          status: 409,
          message: "Someone else changed this cycle since you opened it. Reload to see their changes.",
        };
      }
      const status: CycleStatus = settings.status ?? current.status;
      if (status !== current.status && !CYCLE_TRANSITIONS[current.status].includes(status)) {
        return {
          ok: false,
          status: 409,
          field: "status",
          message: `A ${current.status} cycle cannot become ${status}`,
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
          return { ok: false, status: 409, field: "status", message: "Publish the match before completing the cycle" };
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
            message: "People have applied: the cycle cannot go back to draft",
          };
      }
      const taken = await trx
        .selectFrom("cycles")
        .select("id")
        .where("slug", "=", settings.slug)
        .where("id", "!=", cycleId)
        .executeTakeFirst();
      if (taken) return { ok: false, status: 409, field: "slug", message: "Another cycle already uses this address" };
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
          updatedAt: sql`now()`,
          version: sql`version + 1`,
        })
        .where("id", "=", cycleId)
        .execute();
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
      return { ok: false, status: 409, field: "slug", message: "Another cycle already uses this address" };
    throw error;
  }
}

/** The review stage begins: every submitted application is now in review. */
async function startReview(trx: Kysely<Database>, actorId: string, cycleId: string) {
  const moved = await trx
    .updateTable("applications")
    .set({ status: "in_review", version: sql`version + 1`, updatedAt: sql`now()` })
    .where("cycleId", "=", cycleId)
    .where("status", "=", "submitted")
    .returning("id")
    .execute();
  if (moved.length === 0) return;
  await trx
    .insertInto("applicationEvents")
    .values(
      moved.map((row) => ({
        applicationId: row.id,
        actorId,
        kind: "status",
        fromStatus: "submitted",
        toStatus: "in_review",
      })),
    )
    .execute();
}

export type QuestionWrite = { ok: true } | { ok: false; status: 404 | 409; message: string };

const FROZEN_MESSAGE =
  "People have already submitted answers to these questions. You can still edit wording, help and the identifying flag, but not add, remove or change what a question asks for.";

export async function addQuestion(
  db: DB,
  actorId: string,
  cycleId: string,
  input: QuestionInput,
): Promise<QuestionWrite> {
  return db.transaction().execute(async (trx) => {
    await trx.selectFrom("cycles").select("id").where("id", "=", cycleId).forUpdate().executeTakeFirstOrThrow();
    if (await questionsFrozen(trx, cycleId)) return { ok: false, status: 409, message: FROZEN_MESSAGE };
    // The same question added twice within seconds is a double click, not two questions.
    const justAdded = await trx
      .selectFrom("cycleQuestions")
      .select("id")
      .where("cycleId", "=", cycleId)
      .where("label", "=", input.label)
      .where("createdAt", ">", sql<Date>`now() - interval '10 seconds'`)
      .executeTakeFirst();
    if (justAdded) return { ok: true };
    const last = await trx
      .selectFrom("cycleQuestions")
      .select(sql<number>`coalesce(max(position), 0)`.as("max"))
      .where("cycleId", "=", cycleId)
      .executeTakeFirstOrThrow();
    const row = await trx
      .insertInto("cycleQuestions")
      .values({ cycleId, position: Number(last.max) + 1, ...questionValues(input) })
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

function questionValues(input: QuestionInput) {
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
    // Freezing is decided under the cycle's lock, which submissions share.
    await trx.selectFrom("cycles").select("id").where("id", "=", cycleId).forUpdate().execute();
    const current = await trx
      .selectFrom("cycleQuestions")
      .select(["kind", "required", "maxWords", "options", "version"])
      .where("id", "=", questionId)
      .where("cycleId", "=", cycleId)
      .forUpdate()
      .executeTakeFirst();
    if (!current) return { ok: false, status: 404, message: "That question does not exist" };
    if (current.version !== version) {
      return {
        ok: false,
        status: 409,
        message: "Someone else changed this question since you opened it. Reload to see their changes.",
      };
    }
    const next = questionValues(input);
    if (await questionsFrozen(trx, cycleId)) {
      const changesMeaning =
        next.kind !== current.kind ||
        next.required !== current.required ||
        next.maxWords !== current.maxWords ||
        next.options !== JSON.stringify(current.options);
      if (changesMeaning) return { ok: false, status: 409, message: FROZEN_MESSAGE };
    }
    await trx
      .updateTable("cycleQuestions")
      .set({ ...next, updatedAt: sql`now()`, version: sql`version + 1` })
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
    await trx.selectFrom("cycles").select("id").where("id", "=", cycleId).forUpdate().executeTakeFirstOrThrow();
    if (await questionsFrozen(trx, cycleId)) return { ok: false, status: 409, message: FROZEN_MESSAGE };
    const deleted = await trx
      .deleteFrom("cycleQuestions")
      .where("id", "=", questionId)
      .where("cycleId", "=", cycleId)
      .executeTakeFirst();
    if (deleted.numDeletedRows === 0n) return { ok: false, status: 404, message: "That question does not exist" };
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
    if (index < 0) return { ok: false, status: 404, message: "That question does not exist" };
    const other = direction === "up" ? index - 1 : index + 1;
    if (other < 0 || other >= questions.length) return { ok: true };
    const reordered = [...questions];
    [reordered[index], reordered[other]] = [reordered[other]!, reordered[index]!];
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
