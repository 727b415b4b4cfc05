import { sql, type SelectQueryBuilder } from "kysely";
import type { DB } from "#db/client";
import type { Database } from "#db/types";
import { reportState } from "./lifecycle";
import { listReportQuestions } from "./report-questions.server";
import { today } from "./lifecycle.server";

/**
 * What each side may read of the fellowship year. Fellows see their own; host members see their
 * organization's fellows and only submitted reports (never drafts); staff see everything
 * submitted. Another's fellowship answers as a missing one.
 */

type FellowshipQuery = SelectQueryBuilder<Database, "fellowships" | "users" | "organizations" | "positions", object>;

function fellowshipBase(db: DB) {
  return db
    .selectFrom("fellowships")
    .innerJoin("users", "users.id", "fellowships.fellowId")
    .innerJoin("organizations", "organizations.id", "fellowships.organizationId")
    .innerJoin("positions", "positions.id", "fellowships.positionId");
}

const FELLOWSHIP_COLUMNS = [
  "fellowships.id",
  "fellowships.startsOn",
  "fellowships.endsOn",
  "fellowships.cohortYear",
  "fellowships.status",
  "fellowships.endReason",
  "fellowships.alumniListingAt",
  "fellowships.organizationId",
  "users.name as fellowName",
  "organizations.name as organizationName",
  "positions.title as positionTitle",
] as const;

async function withReports<T extends { id: string; status: Database["fellowships"]["status"]["__select__"] }>(
  db: DB,
  fellowships: T[],
) {
  const day = await today(db);
  const reports = fellowships.length
    ? await db
        .selectFrom("fellowshipReports")
        .innerJoin("reportForms", "reportForms.id", "fellowshipReports.formId")
        .select([
          "fellowshipReports.id",
          "fellowshipReports.fellowshipId",
          "fellowshipReports.dueOn",
          "fellowshipReports.status",
          "fellowshipReports.submittedAt",
          "reportForms.title",
          "reportForms.kind",
          sql<number>`(select count(*) from report_comments c where c.report_id = fellowship_reports.id)`.as(
            "comments",
          ),
        ])
        .where(
          "fellowshipReports.fellowshipId",
          "in",
          fellowships.map((f) => f.id),
        )
        .orderBy("fellowshipReports.dueOn")
        .orderBy("reportForms.title")
        .execute()
    : [];
  return fellowships.map((fellowship) => {
    const own = reports
      .filter((report) => report.fellowshipId === fellowship.id)
      .map((report) => ({ ...report, comments: Number(report.comments), state: reportState(report, day) }));
    const count = (state: string) => own.filter((report) => report.state === state).length;
    return {
      ...fellowship,
      reports: own,
      counts: { due: count("due"), late: count("late"), done: count("submitted"), upcoming: count("upcoming") },
      nextDue: own.find((report) => report.state !== "submitted")?.dueOn ?? null,
    };
  });
}

/** A fellow's own fellowships (usually one), with their reports and whether they have a network profile. */
export async function fellowView(db: DB, fellowId: string) {
  const [fellowships, profile] = await Promise.all([
    fellowshipBase(db)
      .select(FELLOWSHIP_COLUMNS)
      .where("fellowships.fellowId", "=", fellowId)
      .orderBy("fellowships.startsOn", "desc")
      .execute(),
    db
      .selectFrom("allyProfiles")
      .select("id")
      .where("userId", "=", fellowId)
      .where("withdrawnAt", "is", null)
      .executeTakeFirst(),
  ]);
  return { fellowships: await withReports(db, fellowships), hasProfile: profile !== undefined };
}

/** The fellowships at the host organizations this user belongs to. */
export async function hostFellows(db: DB, userId: string) {
  const fellowships = await fellowshipBase(db)
    .innerJoin("orgMembers", (join) =>
      join.onRef("orgMembers.organizationId", "=", "fellowships.organizationId").on("orgMembers.userId", "=", userId),
    )
    .select(FELLOWSHIP_COLUMNS)
    .orderBy("fellowships.startsOn", "desc")
    .orderBy("users.name")
    .execute();
  return withReports(db, fellowships);
}

/** Every fellowship, for the staff dashboard, optionally of one cohort year. */
export async function staffDashboard(db: DB, filter: { cohortYear?: number | undefined }) {
  let query: FellowshipQuery = fellowshipBase(db);
  if (filter.cohortYear) query = query.where("fellowships.cohortYear", "=", filter.cohortYear);
  const [fellowships, cohorts] = await Promise.all([
    query.select(FELLOWSHIP_COLUMNS).orderBy("fellowships.cohortYear", "desc").orderBy("users.name").execute(),
    db.selectFrom("fellowships").select("cohortYear").distinct().orderBy("cohortYear", "desc").execute(),
  ]);
  return { fellowships: await withReports(db, fellowships), cohorts: cohorts.map((row) => row.cohortYear) };
}

/**
 * One fellowship with its reports' answers and comments, for a reader who may see it: its fellow
 * (`fellowId`), a member of its host (`memberId`), or staff (`staff`). Drafts stay the fellow's.
 */
export async function fellowshipDetail(
  db: DB,
  fellowshipId: string,
  reader: { fellowId: string } | { memberId: string } | { staff: true },
) {
  let query = fellowshipBase(db).select([...FELLOWSHIP_COLUMNS, "fellowships.fellowId", "users.email as fellowEmail"]);
  if ("fellowId" in reader) query = query.where("fellowships.fellowId", "=", reader.fellowId);
  if ("memberId" in reader)
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom("orgMembers")
          .select("userId")
          .whereRef("orgMembers.organizationId", "=", "fellowships.organizationId")
          .where("orgMembers.userId", "=", reader.memberId),
      ),
    );
  const fellowship = await query.where("fellowships.id", "=", fellowshipId).executeTakeFirst();
  if (!fellowship) return null;
  const [withState] = await withReports(db, [fellowship]);
  const reportIds = withState!.reports.map((report) => report.id);
  const [answers, comments] = reportIds.length
    ? await Promise.all([
        db
          .selectFrom("fellowshipReports")
          .select(["id", "answers", "formId", "version"])
          .where("id", "in", reportIds)
          .execute(),
        db
          .selectFrom("reportComments")
          .leftJoin("users", "users.id", "reportComments.authorId")
          .select([
            "reportComments.id",
            "reportComments.reportId",
            "reportComments.body",
            "reportComments.createdAt",
            "users.name as authorName",
          ])
          .where("reportComments.reportId", "in", reportIds)
          .orderBy("reportComments.createdAt")
          .execute(),
      ])
    : [[], []];
  const formIds = [...new Set(answers.map((row) => row.formId))];
  const questions = new Map(
    await Promise.all(formIds.map(async (id) => [id, await listReportQuestions(db, id)] as const)),
  );
  const isFellow = "fellowId" in reader;
  return {
    ...withState!,
    reports: withState!.reports.map((report) => {
      const row = answers.find((a) => a.id === report.id)!;
      const visible = report.state === "submitted" || isFellow;
      return {
        ...report,
        version: row.version,
        questions: questions.get(row.formId) ?? [],
        answers: visible ? row.answers : {},
        comments: comments.filter((comment) => comment.reportId === report.id),
      };
    }),
  };
}

/** Alumni who chose to show their cohort on their network profile: user id → cohort years. */
export async function alumniCohorts(db: DB, userIds: readonly string[]): Promise<Map<string, number[]>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("fellowships")
    .select(["fellowId", "cohortYear"])
    .where("fellowId", "in", userIds)
    .where("status", "=", "completed")
    .where("alumniListingAt", "is not", null)
    .orderBy("cohortYear")
    .execute();
  const cohorts = new Map<string, number[]>();
  for (const row of rows) cohorts.set(row.fellowId, [...(cohorts.get(row.fellowId) ?? []), row.cohortYear]);
  return cohorts;
}

/** One of a fellow's own reports (with its fellowship), or null: someone else's answers like a missing one. */
export async function reportForFellow(db: DB, fellowId: string, reportId: string) {
  const owner = await db
    .selectFrom("fellowshipReports")
    .innerJoin("fellowships", "fellowships.id", "fellowshipReports.fellowshipId")
    .select(["fellowships.id"])
    .where("fellowshipReports.id", "=", reportId)
    .where("fellowships.fellowId", "=", fellowId)
    .executeTakeFirst();
  if (!owner) return null;
  const fellowship = await fellowshipDetail(db, owner.id, { fellowId });
  const report = fellowship?.reports.find((row) => row.id === reportId);
  return fellowship && report ? { fellowship, report } : null;
}

/** What a page says about a fellowship in its header or a list: who, where, when, and its reports counted. */
export function fellowshipSummary(
  fellowship: Pick<
    Awaited<ReturnType<typeof hostFellows>>[number],
    | "id"
    | "fellowName"
    | "positionTitle"
    | "organizationName"
    | "startsOn"
    | "endsOn"
    | "cohortYear"
    | "status"
    | "counts"
  >,
) {
  return {
    id: fellowship.id,
    fellowName: fellowship.fellowName,
    positionTitle: fellowship.positionTitle,
    organizationName: fellowship.organizationName,
    startsOn: fellowship.startsOn,
    endsOn: fellowship.endsOn,
    cohortYear: fellowship.cohortYear,
    status: fellowship.status,
    counts: fellowship.counts,
  };
}
