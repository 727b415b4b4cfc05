import type { AdvanceMethod } from "#db/types";
import { SCORE_TOLERANCE } from "./scoring";

/**
 * Rounds of review, pure: which round a page shows, and which applications a bulk advance takes into
 * the next round. The server (rounds.server.ts) supplies the current round's calibrated ranking.
 */

/** An application of the round being advanced from, in the calibrated order (best first). */
export interface RankedForAdvance {
  applicationId: string;
  /** Calibrated score (0–100), null without a scored review. */
  score: number | null;
  /** Fewer scored reviews than the round's k: its score is not yet a round's verdict. */
  short: boolean;
}

export type AdvanceRule =
  | { method: "top_n"; count: number }
  | { method: "cut_off"; minScore: number }
  | { method: "hand_picked"; applicationIds: readonly string[] };

export interface AdvanceSelection {
  method: AdvanceMethod;
  /** In the ranking's order. */
  selected: string[];
  /** Top N: how many beyond N were taken because they tie with the N-th (0 otherwise). */
  tiedBeyond: number;
  /** Applications an automatic rule passed over because they are short of reviews (staff may hand-pick them). */
  skippedShort: string[];
}

const sameScore = (a: number, b: number) => Math.abs(a - b) <= SCORE_TOLERANCE;

/**
 * The applications a rule advances. Automatic rules (top N, cut-off) only consider applications
 * with a score and their round's full k of reviews, so an application nobody has finished reading
 * is never advanced (or left behind) by a number it does not yet have. A tie at the N-th place takes
 * every tied application: equal scores are not told apart by the order they happen to be listed in.
 * Hand-picked takes exactly the ticked applications of the round (in ranking order; others ignored).
 */
export function selectForAdvance(ranked: readonly RankedForAdvance[], rule: AdvanceRule): AdvanceSelection {
  const scored = ranked.filter((row): row is RankedForAdvance & { score: number } => row.score !== null && !row.short);
  const skippedShort = ranked.filter((row) => row.score === null || row.short).map((row) => row.applicationId);
  switch (rule.method) {
    case "top_n": {
      // The ranking is best first already; sorting again keeps this function honest on any input.
      const ordered = [...scored].sort((a, b) => b.score - a.score);
      if (rule.count <= 0 || ordered.length === 0)
        return { method: rule.method, selected: [], tiedBeyond: 0, skippedShort };
      const count = Math.min(rule.count, ordered.length);
      const boundary = ordered[count - 1]!.score;
      const selected = ordered.filter((row, index) => index < count || sameScore(row.score, boundary));
      return {
        method: rule.method,
        selected: selected.map((row) => row.applicationId),
        tiedBeyond: selected.length - count,
        skippedShort,
      };
    }
    case "cut_off":
      return {
        method: rule.method,
        selected: scored
          .filter((row) => row.score > rule.minScore || sameScore(row.score, rule.minScore))
          .map((row) => row.applicationId),
        tiedBeyond: 0,
        skippedShort,
      };
    case "hand_picked": {
      const picked = new Set(rule.applicationIds);
      return {
        method: rule.method,
        selected: ranked.filter((row) => picked.has(row.applicationId)).map((row) => row.applicationId),
        tiedBeyond: 0,
        skippedShort: [],
      };
    }
  }
}

/** The round a staff page shows: the one asked for by position (`?round=2`), else the latest. */
export function pickRound<T extends { position: number }>(rounds: readonly T[], asked: string | null): T | null {
  const byPosition = rounds.find((round) => String(round.position) === asked);
  if (byPosition) return byPosition;
  return rounds.reduce<T | null>(
    (latest, round) => (!latest || round.position > latest.position ? round : latest),
    null,
  );
}
