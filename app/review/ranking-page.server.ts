import { sql } from "kysely";
import type { DB } from "#db/client";
import { missingOnPage } from "~/references/completeness.server";
import { currentRanking } from "./ranking-store.server";
import { listCriteria } from "./rubric.server";
import { inRound, type RoundRef } from "./rounds.server";
import { afterCursor, readSortCursor, sortedPage, sortKey } from "~/utils/sorted-keyset.server";

export const RANKING_SORTS = ["calibrated", "raw", "spread", "reviews", "name"] as const;
export type RankingSort = (typeof RANKING_SORTS)[number];
export const RANKING_PAGE_SIZE = 50;
/** The statuses a ranking lists: reviewed, decided or waiting for a decision. */
const RANKED_STATUSES = ["in_review", "finalist", "waitlisted", "not_selected"] as const;

export interface RankingQuery {
  sort: RankingSort;
  order: "asc" | "desc";
  disagreement: boolean;
  cursor: string | null;
}

/** The number each sort orders by; the calibrated order is the model's own (rank 1 first when descending). */
const SORT_VALUE = {
  calibrated: sql`-rr.rank`,
  raw: sql`rr.raw_mean`,
  spread: sql`rr.residual_spread`,
  reviews: sql`coalesce(rr.review_count, 0)`,
  name: sql`0`,
} satisfies Record<RankingSort, unknown>;

function rankedApplications(db: DB, round: Pick<RoundRef, "id" | "cycleId" | "position">, disagreement: boolean) {
  return db
    .selectFrom("applications")
    .innerJoin("users", "users.id", "applications.applicantId")
    .leftJoin("roundRankingRows as rr", (join) =>
      join.onRef("rr.applicationId", "=", "applications.id").on("rr.roundId", "=", round.id),
    )
    .where("applications.cycleId", "=", round.cycleId)
    .where("applications.status", "in", RANKED_STATUSES)
    .where(inRound(round))
    .where((eb) => (disagreement ? eb("rr.disagreement", "=", true) : eb.lit(true)));
}

/**
 * One page of a round's ranking in the asked order, from the stored ranking (refitted first if its
 * inputs changed), with the figures over the whole filter counted in SQL: how many rows, how many
 * scored, how many where reviewers disagree. The completeness column is read for the page's rows only.
 */
export async function rankingPage(
  db: DB,
  cycle: { id: string; referencesMin: number },
  round: Pick<RoundRef, "id" | "cycleId" | "position" | "reviewersPerApplication">,
  query: RankingQuery,
) {
  const summary = await currentRanking(db, round);
  const key = sortKey(SORT_VALUE[query.sort], query.order);
  const cursor = readSortCursor(query.cursor);
  let page = rankedApplications(db, round, query.disagreement)
    .select([
      "applications.id",
      "applications.status",
      "applications.pendingDecision",
      "users.name",
      "rr.rank",
      "rr.score",
      "rr.low",
      "rr.high",
      "rr.rawMean",
      "rr.reviewCount",
      "rr.residualSpread",
      "rr.disagreement",
      "rr.fewReviews",
      sql<string>`${key}::text`.as("sortKey"),
    ])
    .orderBy(key, query.order)
    .orderBy("users.name", query.order)
    .orderBy("applications.id", query.order)
    .limit(RANKING_PAGE_SIZE + 1);
  if (cursor) page = page.where(afterCursor(key, "users.name", "applications.id", query.order, cursor));
  const [rows, totals, criteria, reviewers] = await Promise.all([
    page.execute(),
    rankedApplications(db, round, query.disagreement)
      .select((eb) => [
        eb.fn.countAll<string>().as("total"),
        eb.fn.countAll<string>().filterWhere("rr.score", "is not", null).as("scored"),
        eb.fn.countAll<string>().filterWhere("rr.disagreement", "=", true).as("disagreements"),
      ])
      .executeTakeFirstOrThrow(),
    listCriteria(db, round.id),
    db
      .selectFrom("users")
      .select(["id", "name"])
      .where((eb) =>
        summary.biases.length > 0
          ? eb(
              "id",
              "in",
              summary.biases.map((bias) => bias.reviewerId),
            )
          : eb.lit(false),
      )
      .execute(),
  ]);
  const { items, next } = sortedPage(rows, RANKING_PAGE_SIZE);
  const missing = await missingOnPage(
    db,
    cycle,
    items.map((row) => row.id),
  );
  const names = new Map(reviewers.map((reviewer) => [reviewer.id, reviewer.name]));
  return {
    criteria,
    minReviews: round.reviewersPerApplication,
    total: Number(totals.total),
    scored: Number(totals.scored),
    disagreements: Number(totals.disagreements),
    next,
    rows: items.map((row) => ({
      id: row.id,
      name: row.name,
      status: row.status,
      pendingDecision: row.pendingDecision,
      rank: row.rank,
      reviews: row.reviewCount ?? 0,
      fewReviews: row.fewReviews ?? true,
      raw: row.rawMean,
      calibrated: row.score,
      low: row.low,
      high: row.high,
      spread: row.residualSpread,
      disagreement: row.disagreement ?? false,
      missing: missing.get(row.id) ?? null,
    })),
    biases: summary.biases.map((bias) => ({ ...bias, name: names.get(bias.reviewerId) ?? "" })),
    distribution: summary.distribution,
  };
}
