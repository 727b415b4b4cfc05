import { sql, type Kysely } from "kysely";
import type { DB } from "#db/client";
import type { Database } from "#db/types";
import { DECIDABLE_STATUSES } from "~/applications/lifecycle";
import type { DecisionFilter } from "./decisions.schema";
import { afterCursor, readSortCursor, sortedPage, sortKey } from "~/utils/sorted-keyset.server";

export const DECISIONS_PAGE_SIZE = 50;
const LISTED_STATUSES = ["in_review", "finalist", "waitlisted", "not_selected"] as const;

/**
 * The decisions list of a cycle in SQL: every reviewed (or decided) application once, in the
 * furthest round it reached, with that round's stored ranking (ranking-store.server.ts). The order
 * is the page's: latest round first, then the round's calibrated rank, then name. The filter is the
 * page's filter, and the bulk action's: one builder, so "all N on this filter" means the rows shown.
 */
export function decisionRows(
  db: Kysely<Database>,
  cycleId: string,
  filter: DecisionFilter,
  waitingReleaseId: string | null,
) {
  return db
    .selectFrom("applications")
    .innerJoin("users", "users.id", "applications.applicantId")
    .innerJoinLateral(
      (eb) =>
        eb
          .selectFrom("reviewRounds as r")
          .select(["r.id", "r.position", "r.name"])
          .whereRef("r.cycleId", "=", "applications.cycleId")
          .where(
            sql<boolean>`(r.position = 1 or exists (select 1 from round_applications ra
              where ra.application_id = applications.id and ra.round_id = r.id))`,
          )
          .orderBy("r.position", "desc")
          .limit(1)
          .as("furthest"),
      (join) => join.onTrue(),
    )
    .leftJoin("roundRankingRows as rr", (join) =>
      join.onRef("rr.applicationId", "=", "applications.id").onRef("rr.roundId", "=", "furthest.id"),
    )
    .where("applications.cycleId", "=", cycleId)
    .where("applications.status", "in", LISTED_STATUSES)
    .where((eb) => {
      const decidable = eb.and([
        eb("applications.status", "in", DECIDABLE_STATUSES),
        waitingReleaseId
          ? eb.or([
              eb("applications.decisionReleaseId", "is", null),
              eb("applications.decisionReleaseId", "!=", waitingReleaseId),
            ])
          : eb.lit(true),
      ]);
      const conditions = [
        filter.round ? eb("furthest.position", "=", filter.round) : eb.lit(true),
        filter.min !== undefined ? eb("rr.score", ">=", filter.min) : eb.lit(true),
        filter.max !== undefined ? eb("rr.score", "<", filter.max) : eb.lit(true),
      ];
      if (filter.show === "undecided") conditions.push(decidable, eb("applications.pendingDecision", "is", null));
      if (filter.show === "marked") conditions.push(decidable, eb("applications.pendingDecision", "is not", null));
      if (filter.show === "released") conditions.push(eb("applications.status", "not in", DECIDABLE_STATUSES));
      return eb.and(conditions);
    });
}

/** Applications on the filter that a bulk decision can mark: decidable and not in a waiting release. */
export function bulkTargets(db: Kysely<Database>, cycleId: string, filter: DecisionFilter) {
  return decisionRows(db, cycleId, filter, null)
    .where("applications.status", "in", DECIDABLE_STATUSES)
    .where("applications.decisionReleaseId", "is", null);
}

const ORDER = sql`-furthest.position * 10000000 + coalesce(rr.rank, 9999999)`;

/** One page of the decisions list after the cursor, and the counts over the whole filter. */
export async function decisionsPage(
  db: DB,
  cycleId: string,
  filter: DecisionFilter,
  waitingReleaseId: string | null,
  cursorText: string | null,
) {
  const key = sortKey(ORDER, "asc");
  const cursor = readSortCursor(cursorText);
  let page = decisionRows(db, cycleId, filter, waitingReleaseId)
    .select([
      "applications.id",
      "applications.status",
      "applications.pendingDecision",
      "applications.decisionFeedback",
      "applications.decisionReleaseId",
      "users.name",
      "furthest.name as round",
      "rr.score",
      "rr.rawMean",
      "rr.reviewCount",
      sql<string>`${key}::text`.as("sortKey"),
    ])
    .orderBy(key)
    .orderBy("users.name")
    .orderBy("applications.id")
    .limit(DECISIONS_PAGE_SIZE + 1);
  if (cursor) page = page.where(afterCursor(key, "users.name", "applications.id", "asc", cursor));
  const [rows, total, markable] = await Promise.all([
    page.execute(),
    decisionRows(db, cycleId, filter, waitingReleaseId)
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow(),
    bulkTargets(db, cycleId, filter)
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow(),
  ]);
  const { items, next } = sortedPage(rows, DECISIONS_PAGE_SIZE);
  return { items, next, total: Number(total.n), markable: Number(markable.n) };
}

/** The cycle's decision figures (not the filter's): marks waiting for a release, and finalists so far. */
export async function decisionCounts(db: DB, cycleId: string, waitingReleaseId: string | null) {
  const row = await db
    .selectFrom("applications")
    .select((eb) => [
      eb.fn
        .countAll<string>()
        .filterWhere((f) =>
          f.and([
            f("status", "in", DECIDABLE_STATUSES),
            f("pendingDecision", "is not", null),
            waitingReleaseId
              ? f.or([f("decisionReleaseId", "is", null), f("decisionReleaseId", "!=", waitingReleaseId)])
              : f.lit(true),
          ]),
        )
        .as("pending"),
      eb.fn
        .countAll<string>()
        .filterWhere((f) => f.or([f("status", "=", "finalist"), f("pendingDecision", "=", "finalist")]))
        .as("finalists"),
    ])
    .where("cycleId", "=", cycleId)
    .where("status", "in", LISTED_STATUSES)
    .executeTakeFirstOrThrow();
  return { pending: Number(row.pending), finalists: Number(row.finalists) };
}
