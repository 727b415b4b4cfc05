import { createCookie, type Cookie } from "@remix-run/node";
import { sql } from "kysely";
import type { DB } from "#db/client";
import { audit } from "~/audit/audit.server";
import { localizeEligibilityQuestion } from "~/i18n/content";
import { withTranslations } from "~/i18n/content.server";
import type { Language } from "~/i18n/languages";
import type { AppConfig } from "~/utils/config.server";
import type { EligibilityQuestionInput } from "./eligibility.schema";
import type { EligibilityQuestion } from "./screen";

export async function listEligibilityQuestions(db: DB, cycleId: string): Promise<EligibilityQuestion[]> {
  return db
    .selectFrom("eligibilityQuestions")
    .select(["id", "label", "help", "options", "qualifying", "reason"])
    .where("cycleId", "=", cycleId)
    .orderBy("position")
    .orderBy("id")
    .execute();
}

/**
 * The screen as a visitor reads it: questions, help, choices and reasons in `language` where staff
 * translated them. Choices keep their original values, which the rules compare.
 */
export async function listLocalizedEligibilityQuestions(
  db: DB,
  cycleId: string,
  language: Language,
): Promise<(EligibilityQuestion & { optionLabels?: string[] })[]> {
  const questions = await withTranslations(db, "eligibility", await listEligibilityQuestions(db, cycleId));
  return questions.map((question) => localizeEligibilityQuestion(question, language));
}

export async function hasEligibilityScreen(db: DB, cycleId: string): Promise<boolean> {
  const row = await db
    .selectFrom("eligibilityQuestions")
    .select("id")
    .where("cycleId", "=", cycleId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function addEligibilityQuestion(
  db: DB,
  actorId: string,
  cycleId: string,
  input: EligibilityQuestionInput,
) {
  return db.transaction().execute(async (trx) => {
    // The same question sent twice within seconds is a double click, not two questions.
    const justAdded = await trx
      .selectFrom("eligibilityQuestions")
      .select("id")
      .where("cycleId", "=", cycleId)
      .where("label", "=", input.label)
      .where("createdAt", ">", sql<Date>`now() - interval '10 seconds'`)
      .executeTakeFirst();
    if (justAdded) return;
    const last = await trx
      .selectFrom("eligibilityQuestions")
      .select(sql<number>`coalesce(max(position), 0)`.as("max"))
      .where("cycleId", "=", cycleId)
      .executeTakeFirstOrThrow();
    const row = await trx
      .insertInto("eligibilityQuestions")
      .values({
        cycleId,
        position: Number(last.max) + 1,
        label: input.label,
        help: input.help,
        options: JSON.stringify(input.options),
        qualifying: JSON.stringify(input.qualifying),
        reason: input.reason,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await audit(trx, {
      actorId,
      action: "eligibility.add",
      subjectType: "cycle",
      subjectId: cycleId,
      data: { questionId: row.id },
    });
  });
}

/** Removes a screening question (and its counts); removing one already gone changes nothing. */
export async function removeEligibilityQuestion(db: DB, actorId: string, cycleId: string, questionId: string) {
  return db.transaction().execute(async (trx) => {
    const removed = await trx
      .deleteFrom("eligibilityQuestions")
      .where("id", "=", questionId)
      .where("cycleId", "=", cycleId)
      .executeTakeFirst();
    if (removed.numDeletedRows > 0n)
      await audit(trx, {
        actorId,
        action: "eligibility.remove",
        subjectType: "cycle",
        subjectId: cycleId,
        data: { questionId },
      });
  });
}

/** Adds one to the count of each question that screened a visitor out: a number, never a person. */
export async function countScreenouts(db: DB, cycleId: string, questionIds: string[]) {
  if (questionIds.length === 0) return;
  await db.transaction().execute(async (trx) => {
    for (const questionId of questionIds) {
      await trx
        .insertInto("eligibilityScreenouts")
        .values({ questionId, cycleId, count: 1 })
        .onConflict((oc) =>
          oc.column("questionId").doUpdateSet({ count: sql`eligibility_screenouts.count + 1`, updatedAt: sql`now()` }),
        )
        .execute();
    }
  });
}

/** The staff's view: each question with how many visitors it screened out. */
export async function screenoutCounts(db: DB, cycleId: string) {
  const rows = await db
    .selectFrom("eligibilityQuestions")
    .leftJoin("eligibilityScreenouts", "eligibilityScreenouts.questionId", "eligibilityQuestions.id")
    .select([
      "eligibilityQuestions.id",
      "eligibilityQuestions.label",
      "eligibilityQuestions.help",
      "eligibilityQuestions.options",
      "eligibilityQuestions.qualifying",
      "eligibilityQuestions.reason",
      sql<number>`coalesce(eligibility_screenouts.count, 0)`.as("screenedOut"),
    ])
    .where("eligibilityQuestions.cycleId", "=", cycleId)
    .orderBy("eligibilityQuestions.position")
    .execute();
  return rows.map((row) => ({ ...row, screenedOut: Number(row.screenedOut) }));
}

/**
 * What the browser keeps about the screen, signed so it cannot be made up: the cycles this visitor
 * passed (the form opens only then) and the questions already counted for them (a visitor who
 * tries again is not counted twice). It is the only record, and it stays on the visitor's side.
 */
export interface ScreenCookie {
  passed: string[];
  counted: string[];
}

const cookies = new WeakMap<AppConfig, Cookie>();

function screenCookie(config: AppConfig): Cookie {
  let cookie = cookies.get(config);
  if (!cookie) {
    cookie = createCookie("owf_eligibility", {
      httpOnly: true,
      sameSite: "lax",
      secure: config.secureCookies,
      path: "/",
      secrets: config.sessionSecrets,
      maxAge: 60 * 60 * 24 * 30,
    });
    cookies.set(config, cookie);
  }
  return cookie;
}

export async function readScreenCookie(request: Request, config: AppConfig): Promise<ScreenCookie> {
  const value: unknown = await screenCookie(config).parse(request.headers.get("Cookie"));
  const list = (raw: unknown) =>
    Array.isArray(raw) ? raw.filter((item): item is string => typeof item === "string") : [];
  if (!value || typeof value !== "object") return { passed: [], counted: [] };
  const { passed, counted } = value as Record<string, unknown>;
  return { passed: list(passed).slice(-20), counted: list(counted).slice(-100) };
}

export function writeScreenCookie(config: AppConfig, value: ScreenCookie): Promise<string> {
  return screenCookie(config).serialize(value);
}

/** Whether this visitor may start an application: the cycle has no screen, or they passed it. */
export async function passedScreen(db: DB, request: Request, config: AppConfig, cycleId: string): Promise<boolean> {
  if (!(await hasEligibilityScreen(db, cycleId))) return true;
  return (await readScreenCookie(request, config)).passed.includes(cycleId);
}
