import { msg } from "~/i18n/message";
import { sql, type Kysely } from "kysely";
import type { DB } from "#db/client";
import type { AnswerValue, ApplicationStatus, Database } from "#db/types";
import { enqueueEmail } from "~/email/outbox.server";
import type { AppConfig } from "~/utils/config.server";
import { nowExpression, type Clock } from "~/utils/clock.server";
import { emailMoment } from "#emails/moment";
import { EDITABLE_STATUSES, WITHDRAWABLE_STATUSES, type ApplicationEventKind } from "./lifecycle";
import { moveOne, startApplication } from "./lifecycle.server";
import { questionsForStage, stageOf, type Stage } from "./stages";
import { storeApplicationFile, type Upload } from "./files.server";
import { listQuestions } from "~/cycles/questions.server";
import { buildAnswersSchema } from "./answer-schema";
import { shownQuestions, withoutHiddenAnswers } from "./conditions";
import { fieldName, isAnswered, missingAnswers, type Question } from "./questions";
import { enqueueWebhook } from "~/webhooks/webhook-outbox.server";

export const APPLICATION_COLUMNS = [
  "id",
  "cycleId",
  "status",
  "answers",
  "submittedAt",
  "withdrawnAt",
  "invitedAt",
  "version",
  "updatedAt",
] as const;

export async function getOwnApplication(db: DB, cycleId: string, applicantId: string) {
  return db
    .selectFrom("applications")
    .select(APPLICATION_COLUMNS)
    .where("cycleId", "=", cycleId)
    .where("applicantId", "=", applicantId)
    .executeTakeFirst();
}

export type OwnApplication = NonNullable<Awaited<ReturnType<typeof getOwnApplication>>>;

export async function listApplicationFiles(db: DB, applicationId: string) {
  return db
    .selectFrom("files")
    .select(["id", "questionId", "filename", "sizeBytes"])
    .where("applicationId", "=", applicationId)
    .execute();
}

/** Whether the cycle takes submissions and edits at this moment, by the database clock. */
async function cycleWindow(trx: Kysely<Database>, cycleId: string, clock: Clock) {
  const now = nowExpression(clock);
  return trx
    .selectFrom("cycles")
    .select([
      "id",
      "name",
      "timezone",
      "closesAt",
      "loiClosesAt",
      sql<boolean>`status = 'open' and opens_at <= ${now} and ${now} < closes_at`.as("accepting"),
      sql<boolean>`status = 'open' and opens_at <= ${now} and ${now} < loi_closes_at`.as("loiAccepting"),
      sql<boolean>`status = 'open' and ${now} < opens_at`.as("notYetOpen"),
    ])
    .where("id", "=", cycleId)
    .executeTakeFirst();
}

type CycleWindow = NonNullable<Awaited<ReturnType<typeof cycleWindow>>>;

/** Why a stage takes nothing now (its own deadline: the LOI's, or the cycle's), or null when it does. */
function stageClosed(cycle: CycleWindow, stage: Stage): WriteRefusal | null {
  const accepting = stage === "loi" ? cycle.loiAccepting : cycle.accepting;
  if (accepting) return null;
  return refuse(cycle.notYetOpen ? "not-open" : "closed");
}

export type WriteRefusal = {
  ok: false;
  status: 400 | 403 | 404 | 409;
  reason: "not-open" | "closed" | "stale" | "not-editable" | "not-invited" | "incomplete" | "not-found";
  message: string;
  fieldErrors?: Record<string, string[]>;
};

// Catalog keys: the page that shows a refusal says it in its reader's language.
const MESSAGES = {
  "not-open": msg("apply.refusals.notOpen"),
  closed: msg("apply.refusals.closed"),
  stale: msg("apply.refusals.stale"),
  "not-editable": msg("apply.noLongerChanged"),
  "not-invited": msg("apply.refusals.notInvited"),
  "not-found": msg("apply.refusals.notFound"),
};

function refuse(reason: Exclude<WriteRefusal["reason"], "incomplete">): WriteRefusal {
  const status = reason === "not-found" ? 404 : reason === "not-invited" ? 403 : 409;
  return { ok: false, status, reason, message: MESSAGES[reason] };
}

export interface SaveInput {
  cycleId: string;
  applicantId: string;
  /** The questions this form shows (one step). */
  questions: Question[];
  /** New answers by question id; null clears an answer. */
  answers: Record<string, AnswerValue | null>;
  uploads: Upload[];
  /** The version the form was loaded with (0 before the first save). */
  version: number;
}

export type SaveResult = { ok: true; applicationId: string; version: number; savedAt: Date } | WriteRefusal;

/**
 * Saves one step of an application, creating the draft on its first save (a letter of intent's, in
 * a two-stage cycle). Refused past the stage's deadline (database clock), from a stale tab
 * (version), once decisions started, or for a question of the full application before the letter
 * of intent is invited. A submitted application stays complete: clearing a required answer is refused.
 */
export async function saveAnswers(db: DB, input: SaveInput, clock: Clock = {}): Promise<SaveResult> {
  return db.transaction().execute(async (trx) => {
    const cycle = await cycleWindow(trx, input.cycleId, clock);
    if (!cycle) return refuse("not-found");

    const lockOwn = () =>
      trx
        .selectFrom("applications")
        .select(["id", "status", "answers", "version", "invitedAt"])
        .where("cycleId", "=", input.cycleId)
        .where("applicantId", "=", input.applicantId)
        .forUpdate()
        .executeTakeFirst();
    let current = await lockOwn();
    if (!current) {
      // Checked before the draft exists: a refusal must leave nothing behind.
      const closed = stageClosed(cycle, stageOf(cycle, null));
      if (closed) return closed;
    }
    if (!current && input.version === 0) {
      // The first save creates the draft; two first saves at once from two tabs meet at the unique
      // key, and the second then finds the row and is stale.
      await startApplication(trx, {
        cycleId: input.cycleId,
        applicantId: input.applicantId,
        twoStage: cycle.loiClosesAt !== null,
      });
      current = await lockOwn();
    }
    if (!current) return refuse("stale");
    const stage = stageOf(cycle, current);
    const closed = stageClosed(cycle, stage);
    if (closed) return closed;
    if (current.version !== input.version) return refuse("stale");
    if (!EDITABLE_STATUSES.includes(current.status)) return refuse("not-editable");
    if (stage === "loi" && input.questions.some((question) => question.stage !== "loi")) return refuse("not-invited");

    const merged: Record<string, AnswerValue> = { ...current.answers };
    for (const [questionId, value] of Object.entries(input.answers)) {
      if (value === null) delete merged[questionId];
      else merged[questionId] = value;
    }
    // A question hidden by an earlier answer is not stored: its answer (and file) go, on any step.
    const allQuestions = await listQuestions(trx, input.cycleId);
    const { answers, cleared } = withoutHiddenAnswers(allQuestions, merged);
    if (cleared.length > 0)
      await trx
        .deleteFrom("files")
        .where("applicationId", "=", current.id)
        .where("questionId", "in", cleared)
        .execute();
    const shownIds = new Set(shownQuestions(allQuestions, answers).map((question) => question.id));
    for (const upload of input.uploads) {
      if (!shownIds.has(upload.questionId)) continue;
      answers[upload.questionId] = await storeApplicationFile(trx, {
        ownerId: input.applicantId,
        applicationId: current.id,
        upload,
      });
    }
    if (current.status === "submitted" || current.status === "loi_submitted") {
      const missing = missingAnswers(
        input.questions.filter((question) => shownIds.has(question.id)),
        answers,
      );
      if (missing.length > 0) {
        return {
          ok: false,
          status: 400,
          reason: "incomplete",
          message: msg("apply.refusals.mustStayComplete"),
          fieldErrors: Object.fromEntries(
            missing.map((question) => [`q_${question.id}`, [msg("forms.errors.answerMissing")]]),
          ),
        };
      }
    }
    const saved = await trx
      .updateTable("applications")
      .set({ answers: JSON.stringify(answers), version: sql`version + 1`, updatedAt: sql`now()` })
      .where("id", "=", current.id)
      .returning(["version", "updatedAt"])
      .executeTakeFirstOrThrow();
    if (current.version === 0) await logEvent(trx, current.id, input.applicantId, "created", null, current.status);
    else if (current.status === "submitted" || current.status === "loi_submitted")
      await logEditOfSubmitted(trx, current.id, input.applicantId);
    return { ok: true, applicationId: current.id, version: saved.version, savedAt: saved.updatedAt };
  });
}

async function logEvent(
  trx: Kysely<Database>,
  applicationId: string,
  actorId: string | null,
  kind: ApplicationEventKind,
  fromStatus: ApplicationStatus | null,
  toStatus: ApplicationStatus | null,
) {
  await trx.insertInto("applicationEvents").values({ applicationId, actorId, kind, fromStatus, toStatus }).execute();
}

/** Edits after submitting show in the history, once an hour at most (autosave would flood it). */
async function logEditOfSubmitted(trx: Kysely<Database>, applicationId: string, actorId: string) {
  const recent = await trx
    .selectFrom("applicationEvents")
    .select("id")
    .where("applicationId", "=", applicationId)
    .where("kind", "=", "edited")
    .where("at", ">", sql<Date>`now() - interval '1 hour'`)
    .executeTakeFirst();
  if (!recent) await logEvent(trx, applicationId, actorId, "edited", null, null);
}

export type SubmitResult = { ok: true; applicationId: string; alreadySubmitted: boolean } | WriteRefusal;

/**
 * Submits an application in one transaction: checks the deadline, the version the applicant
 * reviewed, and that every required question is answered; records the event and queues the
 * receipt. Submitting again (a double click, a resent form) changes nothing and sends nothing.
 */
export async function submitApplication(
  db: DB,
  config: AppConfig,
  input: { cycleId: string; applicantId: string; version: number },
  clock: Clock = {},
): Promise<SubmitResult> {
  return db.transaction().execute(async (trx) => {
    const application = await trx
      .selectFrom("applications")
      .innerJoin("users", "users.id", "applications.applicantId")
      .select([
        "applications.id",
        "applications.status",
        "applications.answers",
        "applications.version",
        "applications.invitedAt",
        "users.name",
        "users.email",
      ])
      .where("applications.cycleId", "=", input.cycleId)
      .where("applications.applicantId", "=", input.applicantId)
      .forUpdate("applications")
      .executeTakeFirst();
    if (!application) return refuse("not-found");
    const cycle = await cycleWindow(trx, input.cycleId, clock);
    if (!cycle) return refuse("not-found");
    // A letter of intent is submitted as one; the full application (after an invitation) as the other.
    const stage = stageOf(cycle, application);
    const to = stage === "loi" ? "loi_submitted" : "submitted";
    if (application.status === to) return { ok: true, applicationId: application.id, alreadySubmitted: true };
    if (application.status !== (stage === "loi" ? "loi_draft" : "draft")) return refuse("not-editable");
    const closed = stageClosed(cycle, stage);
    if (closed) return closed;
    if (application.version !== input.version) return refuse("stale");

    // The questions as they are now, read under a share lock on the cycle: a question added or
    // changed at this very moment waits for this submission, or this submission sees it.
    await trx.selectFrom("cycles").select("id").where("id", "=", input.cycleId).forShare().execute();
    // Only the stage's questions the answers call for count: a hidden one is neither required nor checked.
    const questions = shownQuestions(
      questionsForStage(await listQuestions(trx, input.cycleId), stage),
      application.answers,
    );
    const missing = missingAnswers(questions, application.answers);
    const invalid = invalidAnswers(questions, application.answers);
    if (missing.length > 0 || invalid.length > 0) {
      const count = missing.length + invalid.length;
      return {
        ok: false,
        status: 400,
        reason: "incomplete",
        message: missing.length > 0 ? msg("apply.refusals.answerMore", { count }) : msg("apply.refusals.noLongerFit"),
        fieldErrors: Object.fromEntries([
          ...missing.map((question) => [question.id, [msg("forms.errors.answerMissing")]]),
          ...invalid.map(({ question, message }) => [question.id, [message]]),
        ]),
      };
    }

    const submitted = await moveOne(trx, {
      applicationIds: [application.id],
      to,
      actorId: input.applicantId,
      audit: { action: stage === "loi" ? "loi.submit" : "application.submit" },
    });
    const files = await trx
      .selectFrom("files")
      .select(["id", "filename"])
      .where("applicationId", "=", application.id)
      .execute();
    const fileNames = new Map(files.map((file) => [file.id, file.filename]));
    await enqueueEmail(trx, {
      to: application.email,
      template: "application-receipt",
      props: {
        name: application.name,
        cycleName: cycle.name,
        stage,
        submittedAt: emailMoment(submitted.at, cycle.timezone),
        editUntil: emailMoment(
          stage === "loi" ? (cycle.loiClosesAt ?? cycle.closesAt) : cycle.closesAt,
          cycle.timezone,
        ),
        applicationsUrl: new URL("/me/applications", config.appUrl).toString(),
        answers: questions.map((question) => ({
          question: question.label,
          ...describeAnswer(question, application.answers[question.id], fileNames),
        })),
      },
      idempotencyKey: stage === "loi" ? `loi-receipt:${application.id}` : `receipt:${application.id}`,
    });
    if (stage === "full")
      await enqueueWebhook(trx, "application.submitted", { applicationId: application.id, cycleId: input.cycleId });
    return { ok: true, applicationId: application.id, alreadySubmitted: false };
  });
}

/** An answer as the receipt shows it; the template words a file in the recipient's language. */
function describeAnswer(
  question: Question,
  value: AnswerValue | undefined,
  fileNames: Map<string, string>,
): { answer: string; file?: boolean } {
  if (!isAnswered(question, value)) return { answer: "—" };
  if (question.kind === "file") return { answer: fileNames.get(String(value)) ?? "—", file: true };
  return { answer: Array.isArray(value) ? value.join(", ") : String(value) };
}

export type WithdrawResult = { ok: true } | WriteRefusal;

/** Stored answers checked against the submit rules of today's questions (limits can tighten after a draft was saved). */
function invalidAnswers(questions: Question[], answers: Record<string, AnswerValue>) {
  const schema = buildAnswersSchema(questions, "submit");
  const values = Object.fromEntries(questions.map((question) => [fieldName(question), answers[question.id]]));
  const result = schema.safeParse(values);
  if (result.success) return [];
  const byField = new Map(questions.map((question) => [fieldName(question), question]));
  return result.error.issues
    .map((issue) => ({ question: byField.get(String(issue.path[0])), message: issue.message }))
    .filter((item): item is { question: Question; message: string } => item.question !== undefined)
    .filter((item) => item.message !== "This question needs an answer");
}

/**
 * The applicant withdraws before any decision; the application stays, marked withdrawn and
 * read-only, and the applicant gets a confirmation (once, however often the form is sent).
 */
export async function withdrawApplication(
  db: DB,
  config: AppConfig,
  input: { applicationId: string; applicantId: string },
): Promise<WithdrawResult> {
  return db.transaction().execute(async (trx) => {
    const application = await trx
      .selectFrom("applications")
      .innerJoin("cycles", "cycles.id", "applications.cycleId")
      .innerJoin("users", "users.id", "applications.applicantId")
      .select([
        "applications.id",
        "applications.status",
        "cycles.name as cycleName",
        "cycles.timezone",
        "users.name",
        "users.email",
      ])
      .where("applications.id", "=", input.applicationId)
      .where("applications.applicantId", "=", input.applicantId)
      .forUpdate("applications")
      .executeTakeFirst();
    if (!application) return refuse("not-found");
    if (application.status === "withdrawn") return { ok: true };
    if (!WITHDRAWABLE_STATUSES.includes(application.status)) return refuse("not-editable");
    const withdrawn = await moveOne(trx, {
      applicationIds: [application.id],
      to: "withdrawn",
      actorId: input.applicantId,
      audit: { action: "application.withdraw" },
    });
    await enqueueEmail(trx, {
      to: application.email,
      template: "application-withdrawn",
      props: {
        name: application.name,
        cycleName: application.cycleName,
        withdrawnAt: emailMoment(withdrawn.at, application.timezone),
        applicationsUrl: new URL("/me/applications", config.appUrl).toString(),
      },
      idempotencyKey: `withdrawn:${application.id}`,
    });
    await enqueueWebhook(trx, "application.withdrawn", { applicationId: application.id });
    return { ok: true };
  });
}

/** An applicant's applications with their cycles and histories (two queries, however many there are). */
export async function listMyApplications(db: DB, applicantId: string) {
  const applications = await db
    .selectFrom("applications")
    .innerJoin("cycles", "cycles.id", "applications.cycleId")
    .select([
      "applications.id",
      "applications.status",
      "applications.submittedAt",
      "applications.updatedAt",
      "applications.invitedAt",
      "cycles.slug as cycleSlug",
      "cycles.name as cycleName",
      "cycles.status as cycleStatus",
      "cycles.opensAt",
      "cycles.closesAt",
      "cycles.loiClosesAt",
      "cycles.timezone",
      sql<boolean>`cycles.status = 'open' and cycles.opens_at <= now() and now() < cycles.closes_at`.as("accepting"),
    ])
    .where("applications.applicantId", "=", applicantId)
    .orderBy("applications.createdAt", "desc")
    .execute();
  const ids = applications.map((application) => application.id);
  const events = ids.length
    ? await db
        .selectFrom("applicationEvents")
        .select(["applicationId", "kind", "fromStatus", "toStatus", "at"])
        .where("applicationId", "in", ids)
        .orderBy("at")
        .execute()
    : [];
  return applications.map((application) => ({
    ...application,
    events: events.filter((event) => event.applicationId === application.id),
  }));
}
