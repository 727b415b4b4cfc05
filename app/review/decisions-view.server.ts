import type { DB } from "#db/client";
import type { AppConfig } from "~/utils/config.server";
import { formatTime } from "~/utils/format";
import { groupBy } from "~/utils/group-by";
import { finaliseDueReleases, previewRelease, waitingRelease } from "./decision-release.server";
import { DECIDABLE_STATUSES } from "~/applications/lifecycle";
import { decisionCounts, decisionsPage } from "./decisions-list.server";
import type { DecisionFilter } from "./decisions.schema";
import { currentRanking } from "./ranking-store.server";
import { listRounds } from "./rounds.server";

/**
 * What the staff decisions page shows: one page of the ranked applications on the filter, their
 * marks, the counts (over the filter and the cycle, in SQL), and the release.
 */
export async function decisionsView(
  db: DB,
  config: AppConfig,
  cycle: { id: string; name: string; timezone: string; decisionDelayMinutes: number },
  filter: DecisionFilter,
  cursor: string | null,
) {
  // A release whose time has come is sent before the page is read, whatever the timer's rhythm.
  await finaliseDueReleases(db, { cycleId: cycle.id });
  const rounds = await listRounds(db, cycle.id);
  // Each round's stored ranking is brought up to date first (a no-op read when nothing changed).
  await Promise.all(rounds.map((round) => currentRanking(db, round)));
  const waiting = await waitingRelease(db, cycle.id);
  const [page, counts] = await Promise.all([
    decisionsPage(db, cycle.id, filter, waiting?.id ?? null, cursor),
    decisionCounts(db, cycle.id, waiting?.id ?? null),
  ]);
  const ids = page.items.map((row) => row.id);
  // The reviewers' comments of the page's rows only (an empty page asks for none, in as many queries).
  const comments = await db
    .selectFrom("reviews")
    .innerJoin("reviewAssignments", "reviewAssignments.id", "reviews.assignmentId")
    .select(["reviewAssignments.applicationId", "reviews.overallComment"])
    .where((eb) => (ids.length > 0 ? eb("reviewAssignments.applicationId", "in", ids) : eb.lit(false)))
    .where("reviews.submittedAt", "is not", null)
    .where("reviews.overallComment", "!=", "")
    .execute();
  const commentsByApplication = groupBy(comments, (comment) => comment.applicationId);
  const rows = page.items.map((row) => ({
    id: row.id,
    round: row.round,
    name: row.name,
    status: row.status,
    pendingDecision: row.pendingDecision,
    inRelease: Boolean(waiting && row.decisionReleaseId === waiting.id),
    decidable: (DECIDABLE_STATUSES as readonly string[]).includes(row.status),
    raw: row.rawMean,
    calibrated: row.score,
    reviews: row.reviewCount ?? 0,
    feedback: row.decisionFeedback,
    comments: (commentsByApplication.get(row.id) ?? []).map((comment) => comment.overallComment),
  }));
  return {
    rows,
    next: page.next,
    total: page.total,
    markable: page.markable,
    rounds: rounds.map(({ position, name }) => ({ position, name })),
    pending: counts.pending,
    finalists: counts.finalists,
    waiting: waiting ? { decisions: waiting.decisions, sendAt: formatTime(waiting.sendAt, cycle.timezone) } : null,
    preview: waiting ? [] : await previewRelease(db, config, cycle),
    delayMinutes: cycle.decisionDelayMinutes,
  };
}
