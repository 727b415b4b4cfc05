import { sql, type Kysely } from "kysely";
import { msg } from "~/i18n/message";
import type { DB } from "#db/client";
import type { Database } from "#db/types";
import { audit } from "~/audit/audit.server";
import type { PairPreference, ReviewerApplicationPair } from "./assignment-instance";
import { bidsToAssignmentTerms, type Bid } from "./bids";
import { blindLabelMessage } from "./reviews.server";

/**
 * Reviewers bid on a cycle's applications before assignment (eager / willing / not willing /
 * conflict); the assignment reads the bids as pair costs and hard conflicts (bids.ts). A reviewer
 * sees each application only as far as bidding needs: its label (a blind label in a blind cycle)
 * and its topics (the options chosen on non-identifying choice questions).
 */

export interface BiddingCycle {
  id: string;
  slug: string;
  name: string;
  blind: boolean;
}

/** The cycle if the user is on its active panel and it is in review (bids are taken then), else null. */
export async function biddingCycle(
  db: Kysely<Database>,
  cycleId: string,
  reviewerId: string,
): Promise<BiddingCycle | null> {
  const cycle = await db
    .selectFrom("cycles")
    .innerJoin("cycleReviewers", "cycleReviewers.cycleId", "cycles.id")
    .select(["cycles.id", "cycles.slug", "cycles.name", "cycles.blindReview"])
    .where("cycles.id", "=", cycleId)
    .where("cycles.status", "=", "reviewing")
    .where("cycleReviewers.userId", "=", reviewerId)
    .where("cycleReviewers.active", "=", true)
    .executeTakeFirst();
  return cycle ? { id: cycle.id, slug: cycle.slug, name: cycle.name, blind: cycle.blindReview } : null;
}

export interface BiddableApplication {
  id: string;
  label: string;
  topics: string[];
  bid: Bid | null;
  assigned: boolean;
}

/** Applications in review, with the reviewer's bid on each and whether they already review it. */
export async function biddableApplications(
  db: Kysely<Database>,
  cycle: BiddingCycle,
  reviewerId: string,
): Promise<BiddableApplication[]> {
  const [applications, questions, bids, assignments] = await Promise.all([
    db
      .selectFrom("applications")
      .innerJoin("users", "users.id", "applications.applicantId")
      .select(["applications.id", "applications.answers", "users.name"])
      .where("applications.cycleId", "=", cycle.id)
      .where("applications.status", "=", "in_review")
      .orderBy("applications.submittedAt")
      .orderBy("applications.id")
      .execute(),
    db
      .selectFrom("cycleQuestions")
      .select("id")
      .where("cycleId", "=", cycle.id)
      .where("kind", "in", ["single_choice", "multi_choice"])
      .where("identifying", "=", false)
      .orderBy("position")
      .execute(),
    db
      .selectFrom("reviewBids")
      .select(["applicationId", "bid"])
      .where("cycleId", "=", cycle.id)
      .where("reviewerId", "=", reviewerId)
      .execute(),
    db
      .selectFrom("reviewAssignments")
      .select("applicationId")
      .where("cycleId", "=", cycle.id)
      .where("reviewerId", "=", reviewerId)
      .execute(),
  ]);
  const bidOf = new Map(bids.map((row) => [row.applicationId, row.bid]));
  const assigned = new Set(assignments.map((row) => row.applicationId));
  return applications.map((application) => ({
    id: application.id,
    label: cycle.blind ? blindLabelMessage(application.id) : application.name,
    topics: questions.flatMap((question) => {
      const value = application.answers[question.id];
      return Array.isArray(value) ? value : typeof value === "string" && value ? [value] : [];
    }),
    bid: bidOf.get(application.id) ?? null,
    assigned: assigned.has(application.id),
  }));
}

export type BidsWrite = { ok: true; saved: number } | { ok: false; status: 404; message: string };

/**
 * Saves the reviewer's bids on the cycle's applications as given (null clears one). Saving the same
 * form twice leaves the same bids: each is a row per reviewer and application, set to the value sent.
 */
export async function saveBids(
  db: DB,
  cycle: BiddingCycle,
  reviewerId: string,
  bids: { applicationId: string; bid: Bid | null }[],
): Promise<BidsWrite> {
  return db.transaction().execute(async (trx) => {
    const ids = bids.map((entry) => entry.applicationId);
    if (ids.length === 0) return { ok: true, saved: 0 };
    const known = await trx
      .selectFrom("applications")
      .select("id")
      .where("cycleId", "=", cycle.id)
      .where("status", "=", "in_review")
      .where("id", "in", ids)
      .execute();
    // Another cycle's application (or one that left review) answers like a missing one.
    if (known.length !== new Set(ids).size)
      return { ok: false, status: 404, message: msg("reviewBids.errors.notFound") };
    const cleared = bids.filter((entry) => entry.bid === null).map((entry) => entry.applicationId);
    const set = bids.flatMap((entry) => (entry.bid ? [{ applicationId: entry.applicationId, bid: entry.bid }] : []));
    if (cleared.length)
      await trx
        .deleteFrom("reviewBids")
        .where("reviewerId", "=", reviewerId)
        .where("applicationId", "in", cleared)
        .execute();
    if (set.length)
      await trx
        .insertInto("reviewBids")
        .values(set.map((entry) => ({ cycleId: cycle.id, reviewerId, ...entry })))
        .onConflict((oc) =>
          oc.columns(["reviewerId", "applicationId"]).doUpdateSet({ bid: sql`excluded.bid`, updatedAt: sql`now()` }),
        )
        .execute();
    await audit(trx, {
      actorId: reviewerId,
      action: "bids.save",
      subjectType: "cycle",
      subjectId: cycle.id,
      data: { set: set.length, cleared: cleared.length },
    });
    return { ok: true, saved: set.length };
  });
}

/** The cycle's bids as the assignment reads them (active reviewers only). */
export async function bidTerms(
  db: Kysely<Database>,
  cycleId: string,
): Promise<{ preferences: PairPreference[]; conflicts: ReviewerApplicationPair[] }> {
  const rows = await db
    .selectFrom("reviewBids")
    .innerJoin("cycleReviewers", (join) =>
      join
        .onRef("cycleReviewers.cycleId", "=", "reviewBids.cycleId")
        .onRef("cycleReviewers.userId", "=", "reviewBids.reviewerId"),
    )
    .select(["reviewBids.reviewerId", "reviewBids.applicationId", "reviewBids.bid"])
    .where("reviewBids.cycleId", "=", cycleId)
    .where("cycleReviewers.active", "=", true)
    .execute();
  return bidsToAssignmentTerms(rows);
}

/** How many bids of each kind the cycle has (for the assignments page). */
export async function bidCounts(db: Kysely<Database>, cycleId: string): Promise<Record<Bid, number>> {
  const rows = await db
    .selectFrom("reviewBids")
    .select(["bid", db.fn.countAll<string>().as("count")])
    .where("cycleId", "=", cycleId)
    .groupBy("bid")
    .execute();
  const counts: Record<Bid, number> = { eager: 0, willing: 0, not_willing: 0, conflict: 0 };
  for (const row of rows) counts[row.bid] = Number(row.count);
  return counts;
}
