import type { DB } from "#db/client";
import type { AppConfig } from "~/utils/config.server";
import { formatTime } from "~/utils/format";
import { groupBy } from "~/utils/group-by";
import { finaliseDueReleases, previewRelease, waitingRelease } from "./decision-release.server";
import { DECIDABLE_STATUSES } from "~/applications/lifecycle";
import { cycleRanking } from "./ranking.server";
import { listRounds } from "./rounds.server";

/** What the staff decisions page shows: the ranked applications, their marks, and the release. */
export async function decisionsView(
  db: DB,
  config: AppConfig,
  cycle: { id: string; name: string; timezone: string; decisionDelayMinutes: number },
) {
  // A release whose time has come is sent before the page is read, whatever the timer's rhythm.
  await finaliseDueReleases(db, { cycleId: cycle.id });
  const rounds = await listRounds(db, cycle.id);
  const [rankings, details, comments, waiting] = await Promise.all([
    // Latest round first: an application is listed once, where it got furthest, by that round's ranking.
    Promise.all([...rounds].reverse().map((round) => cycleRanking(db, round))),
    db
      .selectFrom("applications")
      .select(["id", "decisionFeedback", "decisionReleaseId"])
      .where("cycleId", "=", cycle.id)
      .where("status", "in", DECIDABLE_STATUSES)
      .execute(),
    db
      .selectFrom("reviews")
      .innerJoin("reviewAssignments", "reviewAssignments.id", "reviews.assignmentId")
      .select(["reviewAssignments.applicationId", "reviews.overallComment"])
      .where("reviewAssignments.cycleId", "=", cycle.id)
      .where("reviews.submittedAt", "is not", null)
      .where("reviews.overallComment", "!=", "")
      .execute(),
    waitingRelease(db, cycle.id),
  ]);
  const detailsById = new Map(details.map((row) => [row.id, row]));
  const commentsByApplication = groupBy(comments, (comment) => comment.applicationId);
  // The ranking's own order (calibrated score, then its documented tie-break) is the page's order.
  const seen = new Set<string>();
  const furthest = rankings.flatMap((ranking, index) => {
    const round = rounds[rounds.length - 1 - index]!;
    const fresh = ranking.applications.filter((row) => !seen.has(row.id));
    for (const row of fresh) seen.add(row.id);
    return fresh.map((row) => ({ ...row, round: round.name }));
  });
  const rows = furthest.map((row) => ({
    id: row.id,
    round: row.round,
    name: row.name,
    status: row.status,
    pendingDecision: row.pendingDecision,
    inRelease: Boolean(waiting && detailsById.get(row.id)?.decisionReleaseId === waiting.id),
    raw: row.score?.rawMean ?? null,
    calibrated: row.score?.score ?? null,
    reviews: row.score?.reviewCount ?? 0,
    feedback: detailsById.get(row.id)?.decisionFeedback ?? null,
    comments: (commentsByApplication.get(row.id) ?? []).map((comment) => comment.overallComment),
  }));
  return {
    rows,
    rounds: rounds.length,
    pending: rows.filter(
      (row) => (DECIDABLE_STATUSES as readonly string[]).includes(row.status) && row.pendingDecision && !row.inRelease,
    ).length,
    finalists: rows.filter((row) => row.status === "finalist" || row.pendingDecision === "finalist").length,
    waiting: waiting ? { decisions: waiting.decisions, sendAt: formatTime(waiting.sendAt, cycle.timezone) } : null,
    preview: waiting ? [] : await previewRelease(db, config, cycle),
    delayMinutes: cycle.decisionDelayMinutes,
  };
}
