import { sql } from "kysely";
import type { DB } from "#db/client";
import type { RoundRef } from "./rounds.server";
import { fitRound } from "./fit-worker.server";
import { applicationTopics, asCriteria, scoredReviews, submittedReviews } from "./ranking.server";
import { listCriteria } from "./rubric.server";

type StoredRound = Pick<RoundRef, "id" | "cycleId" | "reviewersPerApplication">;

/** What a stored ranking keeps beside its rows: the charts' figures and the reviewers' leniency. */
export interface RankingSummary {
  biases: { reviewerId: string; reviews: number; bias: number; low: number; high: number }[];
  distribution: { criterionId: string; counts: number[] }[];
  scored: number;
}

/**
 * Everything the calibrated ranking of a round is computed from, in one cheap aggregate: its
 * submitted reviews (count, latest change, versions), its rubric, the panel's expertise (the
 * topics), its k, and who is in it. Decisions and status changes are not in it: they do not move
 * a score, and the pages join them live.
 */
function fingerprintOf(db: DB, round: StoredRound) {
  return sql<{ fingerprint: string; stored: string | null; summary: RankingSummary | null }>`
    select concat_ws('|',
      (select count(*) || ':' || coalesce(max(r.updated_at)::text, '') || ':' || coalesce(sum(r.version), 0)
         from reviews r join review_assignments ra on ra.id = r.assignment_id
         where ra.round_id = ${round.id} and r.submitted_at is not null),
      (select count(*) || ':' || coalesce(max(updated_at)::text, '') || ':' || coalesce(sum(version), 0)
         from rubric_criteria where round_id = ${round.id}),
      (select count(*) || ':' || coalesce(max(updated_at)::text, '') from cycle_reviewers where cycle_id = ${round.cycleId}),
      (select count(*) from applications where cycle_id = ${round.cycleId} and status <> 'draft'),
      ${String(round.reviewersPerApplication)}::text
    ) as fingerprint,
    (select fingerprint from round_rankings where round_id = ${round.id}) as stored,
    (select summary from round_rankings where round_id = ${round.id}) as summary`.execute(db);
}

/**
 * The round's stored ranking, refitted first when anything it is computed from changed. Reading a
 * current one is one query; a refit costs what the model costs (seconds at 5,000 applications ×
 * 3 reviews, on a worker thread) once per change, not once per page view. See the README's decision of 2026-12-02.
 */
export async function currentRanking(db: DB, round: StoredRound): Promise<RankingSummary> {
  const { rows } = await fingerprintOf(db, round);
  const { fingerprint, stored, summary } = rows[0]!;
  if (stored === fingerprint && summary) return summary;
  // One refit of a round at a time: views during it wait for it and then look again, so a burst
  // of reviews costs one refit after another, never one per view at once.
  const running = refitting.get(round.id);
  if (running) {
    await running.catch(() => {});
    return currentRanking(db, round);
  }
  const refit = refitRanking(db, round, fingerprint).finally(() => refitting.delete(round.id));
  refitting.set(round.id, refit);
  return refit;
}

const refitting = new Map<string, Promise<RankingSummary>>();

async function refitRanking(db: DB, round: StoredRound, fingerprint: string): Promise<RankingSummary> {
  const [criteriaRows, reviews, topics] = await Promise.all([
    listCriteria(db, round.id),
    submittedReviews(db, round.id),
    applicationTopics(db, round.cycleId),
  ]);
  const fitted = await fitRound(asCriteria(criteriaRows), scoredReviews(reviews), {
    minReviews: round.reviewersPerApplication,
    topics,
  });
  const summary: RankingSummary = {
    biases: fitted.biases.map(({ reviewerId, reviews: count, bias, low, high }) => ({
      reviewerId,
      reviews: count,
      bias,
      low,
      high,
    })),
    distribution: fitted.distribution,
    scored: fitted.applications.filter((row) => row.score !== null).length,
  };
  await db.transaction().execute(async (trx) => {
    // The upsert locks the round's row first, so two refits of one round take turns.
    await trx
      .insertInto("roundRankings")
      .values({ roundId: round.id, fingerprint, summary: JSON.stringify(summary), computedAt: sql`now()` })
      .onConflict((oc) =>
        oc.column("roundId").doUpdateSet({ fingerprint, summary: JSON.stringify(summary), computedAt: sql`now()` }),
      )
      .execute();
    await trx.deleteFrom("roundRankingRows").where("roundId", "=", round.id).execute();
    const values = fitted.applications.map((row, index) => ({
      roundId: round.id,
      applicationId: row.applicationId,
      rank: index + 1,
      score: row.score,
      low: row.low,
      high: row.high,
      rawMean: row.rawMean,
      reviewCount: row.reviewCount,
      residualSpread: row.residualSpread,
      disagreement: row.disagreement,
      fewReviews: row.fewReviews,
    }));
    for (let start = 0; start < values.length; start += 1000) {
      await trx
        .insertInto("roundRankingRows")
        .values(values.slice(start, start + 1000))
        .execute();
    }
  });
  return summary;
}
