import { sql } from "kysely";
import type { DB } from "#db/client";
import type { ApplicationStatus } from "#db/types";
import { audit } from "~/audit/audit.server";
import { csvStream } from "~/utils/csv.server";
import { exportRows, type KeysetQuery } from "~/utils/export-rows.server";
import { afterCursor, readSortCursor, sortedPage, sortKey } from "~/utils/sorted-keyset.server";
import type { Question } from "./questions";

export const STAFF_PAGE_SIZE = 50;

export async function countApplicationsByStatus(
  db: DB,
  cycleId: string,
): Promise<Partial<Record<ApplicationStatus, number>>> {
  const rows = await db
    .selectFrom("applications")
    .select(["status", sql<number>`count(*)`.as("count")])
    .where("cycleId", "=", cycleId)
    .groupBy("status")
    .execute();
  return Object.fromEntries(rows.map((row) => [row.status, Number(row.count)]));
}

/** A cycle's applications with their applicant's name and email: the rows of staff lists and the API. */
export function cycleApplicationsWithApplicant(db: DB, cycleId: string) {
  return db
    .selectFrom("applications")
    .innerJoin("users", "users.id", "applications.applicantId")
    .select([
      "applications.id",
      "applications.status",
      "applications.submittedAt",
      "applications.updatedAt",
      "users.name",
      "users.email",
    ])
    .where("applications.cycleId", "=", cycleId);
}

/**
 * One page of a cycle's applications for staff, latest submitted first (drafts last), filtered by
 * status and a name/email fragment: keyset after the cursor, so a deep page costs what the first does.
 */
export async function listApplicationsForStaff(
  db: DB,
  cycleId: string,
  { status, q, after }: { status?: ApplicationStatus | undefined; q?: string | undefined; after: string | null },
) {
  const key = sortKey(sql`extract(epoch from applications.submitted_at)`, "desc");
  let query = cycleApplicationsWithApplicant(db, cycleId).select(sql<string>`${key}::text`.as("sortKey"));
  if (status) query = query.where("applications.status", "=", status);
  if (q) {
    const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb("users.name", "ilike", pattern), eb("users.email", "ilike", pattern)]));
  }
  const cursor = readSortCursor(after);
  if (cursor) query = query.where(afterCursor(key, "users.name", "applications.id", "desc", cursor));
  const rows = await query
    .orderBy(key, "desc")
    .orderBy("users.name", "desc")
    .orderBy("applications.id", "desc")
    .limit(STAFF_PAGE_SIZE + 1)
    .execute();
  const { items, next } = sortedPage(rows, STAFF_PAGE_SIZE);
  return { applications: items, next };
}

export async function getApplicationForStaff(db: DB, cycleId: string, applicationId: string) {
  const application = await db
    .selectFrom("applications")
    .innerJoin("users", "users.id", "applications.applicantId")
    .select([
      "applications.id",
      "applications.status",
      "applications.answers",
      "applications.submittedAt",
      "applications.withdrawnAt",
      "applications.createdAt",
      "users.name",
      "users.email",
    ])
    .where("applications.cycleId", "=", cycleId)
    .where("applications.id", "=", applicationId)
    .executeTakeFirst();
  if (!application) return undefined;
  const [files, events] = await Promise.all([
    db
      .selectFrom("files")
      .select(["id", "questionId", "filename", "sizeBytes"])
      .where("applicationId", "=", applicationId)
      .execute(),
    db
      .selectFrom("applicationEvents")
      .select(["kind", "fromStatus", "toStatus", "at"])
      .where("applicationId", "=", applicationId)
      .orderBy("at")
      .execute(),
  ]);
  return { ...application, files, events };
}

function answersQuery(db: DB, cycleId: string) {
  return db
    .selectFrom("applications")
    .innerJoin("users", "users.id", "applications.applicantId")
    .select([
      "applications.id",
      "applications.status",
      "applications.submittedAt",
      // The exact stored value (microseconds) to resume after; a Date keeps only milliseconds.
      sql<string | null>`applications.submitted_at::text`.as("submittedAtKey"),
      "applications.answers",
      "users.name",
      "users.email",
    ])
    .where("applications.cycleId", "=", cycleId)
    .orderBy("applications.submittedAt", (ob) => ob.asc().nullsLast())
    .orderBy("applications.id");
}

type AnswersRow = Awaited<ReturnType<ReturnType<typeof answersQuery>["executeTakeFirstOrThrow"]>>;
type AnswersKey = [submittedAt: string | null, id: string];

/** Submitted first (by time, drafts last), resumable after a row's key. */
export function answersInOrder(db: DB, cycleId: string): KeysetQuery<AnswersRow, AnswersKey> {
  const submittedAt = sql.ref("applications.submittedAt");
  const id = sql.ref("applications.id");
  return {
    after: (key) => {
      if (!key) return answersQuery(db, cycleId);
      const [at, after] = key;
      return answersQuery(db, cycleId).where(
        at === null
          ? sql<boolean>`${submittedAt} is null and ${id} > ${after}::uuid`
          : sql<boolean>`((${submittedAt}, ${id}) > (${at}::timestamptz, ${after}::uuid) or ${submittedAt} is null)`,
      );
    },
    keyOf: (row) => [row.submittedAtKey, row.id],
  };
}

/** Every application's answers as CSV (drafts included, marked by status), streamed; the export is audited. */
export async function exportAnswersCsv(
  db: DB,
  actorId: string,
  cycle: { id: string; slug: string },
  questions: Question[],
) {
  // File names only (one short string per uploaded file), for the file questions' cells.
  const fileNames = new Map(
    (
      await db
        .selectFrom("files")
        .innerJoin("applications", "applications.id", "files.applicationId")
        .select(["files.id", "files.filename"])
        .where("applications.cycleId", "=", cycle.id)
        .execute()
    ).map((file) => [file.id, file.filename]),
  );
  const header = [
    "application_id",
    "name",
    "email",
    "status",
    "submitted_at",
    ...questions.map((question) => question.label),
  ];
  await audit(db, {
    actorId,
    action: "export.answers",
    subjectType: "cycle",
    subjectId: cycle.id,
    data: { format: "csv" },
  });
  async function* cells() {
    for await (const row of exportRows(db, answersInOrder(db, cycle.id))) {
      yield [
        row.id,
        row.name,
        row.email,
        row.status,
        row.submittedAt?.toISOString() ?? "",
        ...questions.map((question) => {
          const value = row.answers[question.id];
          if (value === undefined) return "";
          if (question.kind === "file") return fileNames.get(String(value)) ?? "";
          return Array.isArray(value) ? value.join("; ") : value;
        }),
      ];
    }
  }
  return csvStream(header, cells());
}
