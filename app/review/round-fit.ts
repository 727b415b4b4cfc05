import { rankWithBiases, scoreDistribution, type Criterion, type SubmittedReview } from "./scoring";

export interface RoundFitOptions {
  minReviews: number;
  topics: ReadonlyMap<string, string>;
}

/**
 * The calibrated fit of a round's scored reviews on its rubric, with the score distribution: what
 * the stored ranking saves. Pure, so it can run on a worker thread (see fit-worker.server.ts). No
 * rubric, no fit.
 */
export function fitScoredRound(criteria: Criterion[], scored: SubmittedReview[], options: RoundFitOptions) {
  if (criteria.length === 0) return { criteria, applications: [], biases: [], distribution: [] };
  return { criteria, ...rankWithBiases(criteria, scored, options), distribution: scoreDistribution(criteria, scored) };
}

export type RoundFit = ReturnType<typeof fitScoredRound>;
