import { sql } from "kysely";
import { z } from "zod";
import type { DB } from "#db/client";
import { decodeCursor, encodeCursor } from "~/api/cursor";
import { groupBy } from "~/utils/group-by";
import { inRound, inRoundPool, type RoundRef } from "./rounds.server";

/**
 * The staff assignments page at any size: one page of applications (or of reviewers) at a time in
 * (name, id) order after a cursor, and the round's figures counted in SQL. Nothing here grows with
 * applications × reviewers: a reviewer is chosen on the application's own page, by search.
 */
export const ASSIGNMENTS_PAGE_SIZE = 50;

type ViewRound = Pick<RoundRef, "id" | "cycleId" | "position" | "reviewersPerApplication">;

const NameCursor = z.object({ n: z.string().max(500), id: z.uuid() });
export type NameKey = z.infer<typeof NameCursor>;

/** The page's query: which view, after which row, and (applications view) only one reviewer's. */
export interface OverviewQuery {
  view: "applications" | "reviewers";
  after: NameKey | null;
  reviewerId: string | null;
}

/** Reads `view`, `after` and `reviewer` from the page's URL; a cursor or id that does not parse is a 400. */
export function readOverviewQuery(url: URL): OverviewQuery {
  const params = url.searchParams;
  const after = decodeCursor(params.get("after"), NameCursor);
  const reviewer = params.get("reviewer");
  if (after === "invalid" || (reviewer && !z.uuid().safeParse(reviewer).success)) {
    throw new Response("That page of the list does not exist.", { status: 400 });
  }
  return { view: params.get("view") === "reviewers" ? "reviewers" : "applications", after, reviewerId: reviewer };
}

const nextCursor = <T extends { id: string; name: string }>(rows: T[]) => {
  const last = rows[ASSIGNMENTS_PAGE_SIZE - 1];
  return rows.length > ASSIGNMENTS_PAGE_SIZE && last ? encodeCursor({ n: last.name, id: last.id }) : null;
};

/** How far the round is: applications in review, how many have k active reviewers, open slots, reviews done. */
async function roundFigures(db: DB, round: ViewRound) {
  // One pass over the round's assignments grouped by application, hash-joined to its applications.
  const active = db
    .selectFrom("reviewAssignments")
    .select(["applicationId", sql<number>`count(*)`.as("n")])
    .where("roundId", "=", round.id)
    .where("status", "!=", "recused")
    .groupBy("applicationId")
    .as("active");
  const perApplication = db
    .selectFrom("applications")
    .leftJoin(active, "active.applicationId", "applications.id")
    .select(sql<number>`coalesce(active.n, 0)`.as("active"))
    .where("applications.cycleId", "=", round.cycleId)
    .where("applications.status", "=", "in_review")
    .where(inRound(round))
    .as("per_application");
  const k = round.reviewersPerApplication;
  const [figures, reviews] = await Promise.all([
    db
      .selectFrom(perApplication)
      .select([
        sql<string>`count(*)`.as("inReview"),
        sql<string>`count(*) filter (where active >= ${k})`.as("covered"),
        sql<string>`coalesce(sum(greatest(${k} - active, 0)), 0)`.as("openSlots"),
      ])
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("reviewAssignments")
      .select([
        sql<string>`count(*) filter (where status != 'recused')`.as("assigned"),
        sql<string>`count(*) filter (where status = 'submitted')`.as("submitted"),
      ])
      .where("roundId", "=", round.id)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    inReview: Number(figures.inReview),
    covered: Number(figures.covered),
    openSlots: Number(figures.openSlots),
    assigned: Number(reviews.assigned),
    submitted: Number(reviews.submitted),
  };
}

/** The last run of assignment on this round and its optimality figures, as the audit log keeps them. */
async function lastRun(db: DB, round: ViewRound) {
  const row = await db
    .selectFrom("auditLog")
    .select(["at", "data"])
    .where("action", "=", "assignment.run")
    .where("subjectType", "=", "cycle")
    .where("subjectId", "=", round.cycleId)
    .where(sql<boolean>`data->>'roundId' = ${round.id}`)
    .orderBy("at", "desc")
    .limit(1)
    .executeTakeFirst();
  if (!row) return null;
  const data = row.data as Record<string, unknown>;
  const count = (key: string) => (typeof data[key] === "number" ? data[key] : null);
  return {
    at: new Date(row.at).toISOString(),
    added: count("added"),
    reachedK: count("reachedK"),
    upperBound: count("upperBound"),
    certificateValid: data.certificateValid === true,
  };
}

/** One page of the round's applications in review (optionally only one reviewer's), with their assignments. */
async function applicationsPage(db: DB, round: ViewRound, query: OverviewQuery) {
  let page = db
    .selectFrom("applications")
    .innerJoin("users", "users.id", "applications.applicantId")
    .select(["applications.id", "users.name"])
    .where("applications.cycleId", "=", round.cycleId)
    .where("applications.status", "=", "in_review")
    .where(inRound(round));
  if (query.reviewerId) {
    const reviewerId = query.reviewerId;
    page = page.where(({ exists, selectFrom }) =>
      exists(
        selectFrom("reviewAssignments as mine")
          .select("mine.id")
          .whereRef("mine.applicationId", "=", "applications.id")
          .where("mine.roundId", "=", round.id)
          .where("mine.reviewerId", "=", reviewerId),
      ),
    );
  }
  if (query.after)
    page = page.where(sql<boolean>`(users.name, applications.id) > (${query.after.n}, ${query.after.id})`);
  const rows = await page
    .orderBy("users.name")
    .orderBy("applications.id")
    .limit(ASSIGNMENTS_PAGE_SIZE + 1)
    .execute();
  const items = rows.slice(0, ASSIGNMENTS_PAGE_SIZE);
  const assignments = items.length
    ? await db
        .selectFrom("reviewAssignments")
        .innerJoin("users", "users.id", "reviewAssignments.reviewerId")
        .select([
          "reviewAssignments.id",
          "reviewAssignments.applicationId",
          "reviewAssignments.status",
          "reviewAssignments.recusalReason",
          "reviewAssignments.version",
          "users.id as reviewerId",
          "users.name as reviewerName",
        ])
        .where("reviewAssignments.roundId", "=", round.id)
        .where(
          "reviewAssignments.applicationId",
          "in",
          items.map((item) => item.id),
        )
        .orderBy("users.name")
        .execute()
    : [];
  const byApplication = groupBy(assignments, (assignment) => assignment.applicationId);
  return {
    items: items.map((item) => ({ ...item, assignments: byApplication.get(item.id) ?? [] })),
    next: nextCursor(rows),
  };
}

/** One page of the round's active panel with each reviewer's load and progress in this round. */
async function reviewersPage(db: DB, round: ViewRound, after: NameKey | null) {
  let page = db
    .selectFrom("cycleReviewers")
    .innerJoin("users", "users.id", "cycleReviewers.userId")
    .leftJoin("reviewAssignments", (join) =>
      join
        .onRef("reviewAssignments.reviewerId", "=", "cycleReviewers.userId")
        .on("reviewAssignments.roundId", "=", round.id),
    )
    .select([
      "users.id",
      "users.name",
      "cycleReviewers.capacity",
      sql<string>`count(review_assignments.id) filter (where review_assignments.status != 'recused')`.as("assigned"),
      sql<string>`count(review_assignments.id) filter (where review_assignments.status = 'submitted')`.as("submitted"),
      sql<string>`count(review_assignments.id) filter (where review_assignments.status = 'recused')`.as("recused"),
    ])
    .where("cycleReviewers.cycleId", "=", round.cycleId)
    .where("cycleReviewers.active", "=", true)
    .where(inRoundPool(round));
  if (after) page = page.where(sql<boolean>`(users.name, users.id) > (${after.n}, ${after.id})`);
  const rows = await page
    .groupBy(["users.id", "users.name", "cycleReviewers.capacity"])
    .orderBy("users.name")
    .orderBy("users.id")
    .limit(ASSIGNMENTS_PAGE_SIZE + 1)
    .execute();
  return {
    items: rows.slice(0, ASSIGNMENTS_PAGE_SIZE).map((row) => ({
      id: row.id,
      name: row.name,
      capacity: row.capacity,
      assigned: Number(row.assigned),
      submitted: Number(row.submitted),
      recused: Number(row.recused),
    })),
    next: nextCursor(rows),
  };
}

/** Everything the assignments page shows for one view: a constant number of queries at any size. */
export async function assignmentsOverview(db: DB, round: ViewRound, query: OverviewQuery) {
  const [figures, run, reviewer] = await Promise.all([
    roundFigures(db, round),
    lastRun(db, round),
    query.reviewerId
      ? db.selectFrom("users").select(["id", "name"]).where("id", "=", query.reviewerId).executeTakeFirst()
      : null,
  ]);
  if (query.reviewerId && !reviewer) throw new Response("No such reviewer", { status: 404 });
  if (query.view === "reviewers") {
    return {
      figures,
      run,
      reviewer: null,
      view: "reviewers" as const,
      reviewers: await reviewersPage(db, round, query.after),
    };
  }
  return {
    figures,
    run,
    reviewer: reviewer ?? null,
    view: "applications" as const,
    applications: await applicationsPage(db, round, query),
  };
}
