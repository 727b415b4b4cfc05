import { sql } from "kysely";
import { msg } from "~/i18n/message";
import type { DB } from "#db/client";
import { shownQuestions } from "~/applications/conditions";
import type { Question } from "~/applications/questions";
import { audit } from "~/audit/audit.server";
import { listQuestions } from "~/cycles/questions.server";
import { questionsForStage, stageOf } from "~/applications/stages";
import { csvStream } from "~/utils/csv.server";
import { exportRows, type KeysetQuery } from "~/utils/export-rows.server";
import type { ApplicationStatus } from "#db/types";
import { missingItems, OVERDUE_AFTER_DAYS, stageCompleteness, type Missing } from "./references";

/**
 * What each application of a cycle still lacks (answers, files, references), for the staff list,
 * its CSV, and the applicant's own status page. Withdrawn applications lack nothing.
 */

function completenessQuery(db: DB, cycleId: string) {
  return db
    .selectFrom("applications")
    .innerJoin("users", "users.id", "applications.applicantId")
    .select([
      "applications.id",
      "applications.status",
      "applications.answers",
      "applications.invitedAt",
      "users.name",
      "users.email",
      sql<number>`(select count(*)::int from reference_requests r where r.application_id = applications.id and r.status = 'received')`.as(
        "received",
      ),
      sql<number>`(select count(*)::int from reference_requests r where r.application_id = applications.id and r.status = 'requested')`.as(
        "requested",
      ),
      // As referenceProgress reads it: two weeks without a letter, or past the application deadline.
      sql<number>`(select count(*)::int from reference_requests r join cycles c on c.id = r.cycle_id
        where r.application_id = applications.id and r.status = 'requested'
        and (r.created_at <= now() - make_interval(days => ${OVERDUE_AFTER_DAYS}::int) or now() >= c.closes_at))`.as(
        "overdue",
      ),
    ])
    .where("applications.cycleId", "=", cycleId)
    .where("applications.status", "!=", "withdrawn")
    .orderBy("applications.id");
}
type CompletenessRow = Awaited<ReturnType<ReturnType<typeof completenessQuery>["execute"]>>[number];

function byId(db: DB, cycleId: string): KeysetQuery<CompletenessRow, string> {
  return {
    after: (key) =>
      key ? completenessQuery(db, cycleId).where("applications.id", ">", key) : completenessQuery(db, cycleId),
    keyOf: (row) => row.id,
  };
}

export function missingOf(
  row: { answers: Record<string, unknown>; received: number },
  questions: Question[],
  referencesMin: number,
): Missing {
  const shown = shownQuestions(questions, row.answers as Parameters<typeof shownQuestions>[1]);
  return missingItems({ questions: shown, answers: row.answers, referencesMin, referencesReceived: row.received });
}

/** A cycle as completeness reads it; `loiClosesAt` set makes it two-stage. */
export interface CompletenessCycle {
  id: string;
  referencesMin: number;
  loiClosesAt?: Date | null;
}

/**
 * What an application lacks at its stage: a letter of intent only the letter's own answers (no
 * references: those come after an invitation), the full application everything.
 */
function missingAtStage(
  row: { answers: Record<string, unknown>; received: number; status: ApplicationStatus; invitedAt: Date | null },
  questions: Question[],
  cycle: CompletenessCycle,
) {
  const stage = stageOf({ loiClosesAt: cycle.loiClosesAt ?? null }, row);
  const missing = missingOf(row, questionsForStage(questions, stage), stage === "loi" ? 0 : cycle.referencesMin);
  return { missing, ...stageCompleteness(row.status, missing) };
}

export interface CompletenessEntry {
  id: string;
  name: string;
  status: string;
  received: number;
  requested: number;
  overdue: number;
  missing: Missing;
  /** Where the application is: its letter of intent, or the full application. */
  stage: "loi" | "full";
  /** What is missing ("" when nothing is). */
  summary: string;
  /** Where a letter of intent stands, when nothing is missing from it. */
  note: string | null;
}

/** Every application of the cycle with what it lacks, incomplete ones first. */
export async function cycleCompleteness(
  db: DB,
  cycle: CompletenessCycle,
  questions: Question[],
): Promise<CompletenessEntry[]> {
  const rows = await completenessQuery(db, cycle.id).execute();
  const entries = rows.map((row) => {
    const { missing, stage, summary, note } = missingAtStage(row, questions, cycle);
    return {
      id: row.id,
      name: row.name,
      status: row.status,
      received: row.received,
      requested: row.requested,
      overdue: row.overdue,
      missing,
      stage,
      summary,
      note,
    };
  });
  return entries.sort((a, b) => Number(a.summary === "") - Number(b.summary === "") || a.name.localeCompare(b.name));
}

/** The same as CSV, streamed (the export is audited: it lists people). */
export async function exportCompletenessCsv(db: DB, actorId: string, cycle: CompletenessCycle, questions: Question[]) {
  await audit(db, {
    actorId,
    action: "export.completeness",
    subjectType: "cycle",
    subjectId: cycle.id,
    data: { format: "csv" },
  });
  async function* cells() {
    for await (const row of exportRows(db, byId(db, cycle.id))) {
      const { missing, stage, summary, note } = missingAtStage(row, questions, cycle);
      yield [
        row.id,
        row.name,
        row.email,
        row.status,
        stage === "loi" ? "letter_of_intent" : "full_application",
        row.received,
        row.requested,
        row.overdue,
        missing.references,
        missing.answers.join("; "),
        missing.files.join("; "),
        summary === "" ? "yes" : "no",
        note ?? "",
      ];
    }
  }
  return csvStream(
    [
      "application_id",
      "name",
      "email",
      "status",
      "stage",
      "references_received",
      "references_requested",
      "references_overdue",
      "references_missing",
      "answers_missing",
      "files_missing",
      "complete",
      "note",
    ],
    cells(),
  );
}

/**
 * What the applicant's status page shows of one application: what it still lacks, and each
 * referee with only whether the letter arrived (never the letter).
 */
export async function ownProgress(db: DB, applicationId: string) {
  const row = await db
    .selectFrom("applications")
    .innerJoin("cycles", "cycles.id", "applications.cycleId")
    .select([
      "applications.answers",
      "applications.status",
      "applications.invitedAt",
      "cycles.id as cycleId",
      "cycles.loiClosesAt",
      "cycles.referencesMin",
      "cycles.referencesMax",
    ])
    .where("applications.id", "=", applicationId)
    .executeTakeFirstOrThrow();
  // A letter of intent lacks only its own answers: the full form's questions and references come later.
  const stage = stageOf(row, row);
  const [questions, references] = await Promise.all([
    listQuestions(db, row.cycleId).then((all) => questionsForStage(all, stage)),
    db
      .selectFrom("referenceRequests")
      .select(["id", "refereeName", "status"])
      .where("applicationId", "=", applicationId)
      .where("status", "!=", "revoked")
      .orderBy("createdAt")
      .execute(),
  ]);
  const received = references.filter((reference) => reference.status === "received").length;
  const missing = missingOf({ answers: row.answers, received }, questions, stage === "loi" ? 0 : row.referencesMin);
  return {
    asksReferences: row.referencesMax > 0 && stage === "full",
    references: references.map((reference) => ({
      id: reference.id,
      name: reference.refereeName,
      status: reference.status === "received" ? ("received" as const) : ("requested" as const),
    })),
    missing: row.status === "withdrawn" ? null : missing,
  };
}

/**
 * What each application on one page of a staff list lacks, as its short summary ("2 answers, 1
 * reference"; "" when complete): the same reading as {@link cycleCompleteness}, over the page's rows
 * only, so the cost follows the page and not the cycle. Withdrawn applications are left out.
 */
/**
 * What a page's "Missing" column says, as messages translated where shown (`useMissingSummary`):
 * null when nothing is missing; `letter` when it is the letter of intent's. The CSV export keeps
 * `stageCompleteness`'s English wording.
 */
export type MissingSummary = { lacks: string[]; letter: boolean } | null;

function missingSummary(entry: { missing: Missing; stage: "loi" | "full"; summary: string }): MissingSummary {
  if (!entry.summary) return null;
  const { answers, files, references } = entry.missing;
  const lacks = [
    answers.length ? msg("cycleAdmin.completeness.answers", { count: answers.length }) : "",
    files.length ? msg("cycleAdmin.completeness.files", { count: files.length }) : "",
    references ? msg("cycleAdmin.completeness.references", { count: references }) : "",
  ].filter(Boolean);
  return { lacks, letter: entry.stage === "loi" };
}

export async function missingOnPage(
  db: DB,
  cycle: CompletenessCycle,
  applicationIds: string[],
): Promise<Map<string, MissingSummary>> {
  const [rows, questions] = await Promise.all([
    completenessQuery(db, cycle.id)
      .where((eb) => (applicationIds.length > 0 ? eb("applications.id", "in", applicationIds) : eb.lit(false)))
      .execute(),
    listQuestions(db, cycle.id),
  ]);
  return new Map(rows.map((row) => [row.id, missingSummary(missingAtStage(row, questions, cycle))]));
}
