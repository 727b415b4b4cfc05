import { calibrate, DEFAULT_MIN_REVIEWS, type CalibratedApplication, type ReviewerBias } from "./calibration";

/**
 * The arithmetic behind the staff ranking of one cycle's applications. Pure functions over the
 * cycle's submitted reviews; every number is returned at full precision, rounding is the UI's job.
 */

export interface Criterion {
  id: string;
  name: string;
  weight: number;
  scaleMin: number;
  scaleMax: number;
}

export interface SubmittedReview {
  id: string;
  reviewerId: string;
  applicationId: string;
  /** criterion id → score */
  scores: Record<string, number | null | undefined>;
}

export interface ApplicationScore {
  applicationId: string;
  /** Submitted reviews, including any that cannot be scored. */
  reviewCount: number;
  /** Reviews with a weighted score; every other figure rests on these. */
  scoredCount: number;
  rawMean: number | null;
  /** Calibrated score (calibration.ts) with its 95 % interval; null without a scored review. */
  score: number | null;
  low: number | null;
  high: number | null;
  /** Max − min raw score (null below 2 scored reviews). */
  spread: number | null;
  /** Max − min after removing each reviewer's bias: what disagreement is measured on. */
  residualSpread: number | null;
  disagreement: boolean;
  /** Fewer scored reviews than the minimum: ranked, but flagged. */
  fewReviews: boolean;
}

/** Plain z-scores (a baseline for the ranking benchmark) need this many scored reviews per reviewer. */
export const MIN_REVIEWS_FOR_NORMALISATION = 3;

/**
 * Measured on residuals, after each reviewer's bias is removed. On a 1–5 rubric one step on every
 * criterion is 25 points, the usual calibration gap between two
 * careful reviewers. 30 points means more than a full step across the whole rubric: they read the
 * application differently, and staff should look before trusting its mean.
 */
export const DISAGREEMENT_SPREAD = 30;

/**
 * Weighted scores that are equal on paper can differ in the last bits (decimal weights such as 0.1
 * are not exact in binary), so scores closer than this on the 0–100 scale count as equal.
 */
export const SCORE_TOLERANCE = 1e-9;

/** Problems that would make the arithmetic meaningless (NaN, division by zero); empty when the rubric is usable. */
export function validateRubric(criteria: readonly Criterion[]): string[] {
  const problems: string[] = [];
  if (criteria.length === 0) problems.push("The rubric has no criteria.");
  const seenIds = new Set<string>();
  for (const criterion of criteria) {
    const label = `Criterion "${criterion.name}"`;
    if (seenIds.has(criterion.id)) problems.push(`${label} reuses the id "${criterion.id}".`);
    seenIds.add(criterion.id);
    if (!(criterion.weight > 0 && Number.isFinite(criterion.weight))) problems.push(`${label} needs a weight above 0.`);
    if (!Number.isInteger(criterion.scaleMin) || !Number.isInteger(criterion.scaleMax)) {
      problems.push(`${label} needs whole numbers at both ends of its scale.`);
    } else if (criterion.scaleMax <= criterion.scaleMin) {
      problems.push(`${label} needs a scale maximum above its minimum.`);
    }
  }
  return problems;
}

/**
 * Σ wᵢ·(sᵢ − minᵢ)/(maxᵢ − minᵢ) / Σ wᵢ × 100, on 0–100. Null when a criterion has no usable score.
 * A score off the criterion's whole-number scale (out of range, fractional, NaN) counts as missing:
 * clamping would turn a data error into a confident extreme score.
 */
export function weightedScore(criteria: readonly Criterion[], scores: SubmittedReview["scores"]): number | null {
  assertValidRubric(criteria);
  return rawScore(criteria, scores);
}

/**
 * Each review's raw score as a z-score among its reviewer's scored reviews, using the population
 * standard deviation (the reviews are all of that reviewer's work in the cycle, not a sample).
 * Null for reviews that cannot be scored and for every review of a reviewer with fewer than
 * MIN_REVIEWS_FOR_NORMALISATION scored reviews; 0 when all of a reviewer's scores are equal.
 */
export function normaliseByReviewer(
  criteria: readonly Criterion[],
  reviews: readonly SubmittedReview[],
): Map<string, number | null> {
  return zScores(scoreAll(criteria, reviews));
}

/**
 * One row per reviewed application, best first by the calibrated model (calibration.ts): every scored
 * review counts, reviewer bias is removed, ties follow {@link compareCalibrated}; applications none of
 * whose reviews can be scored come last, by id. Disagreement is a residual spread (after bias) of
 * DISAGREEMENT_SPREAD points or more.
 */
export function rankApplications(
  criteria: readonly Criterion[],
  reviews: readonly SubmittedReview[],
  options: { minReviews?: number; topics?: ReadonlyMap<string, string> } = {},
): ApplicationScore[] {
  return rankWithBiases(criteria, reviews, options).applications;
}

/**
 * {@link rankApplications} and {@link reviewerBiases} from one fit of the model: the fit is the
 * expensive part (seconds at 5,000 applications), so the stored ranking runs it once.
 */
export function rankWithBiases(
  criteria: readonly Criterion[],
  reviews: readonly SubmittedReview[],
  options: { minReviews?: number; topics?: ReadonlyMap<string, string> } = {},
): { applications: ApplicationScore[]; biases: ReviewerBias[] } {
  const scored = scoreAll(criteria, reviews);
  const calibration = calibrate(
    scored.flatMap(({ review, raw }) =>
      raw === null ? [] : [{ applicationId: review.applicationId, reviewerId: review.reviewerId, score: raw }],
    ),
    {
      minReviews: options.minReviews ?? DEFAULT_MIN_REVIEWS,
      disagreementSpread: DISAGREEMENT_SPREAD,
      ...(options.topics ? { topics: options.topics } : {}),
    },
  );
  const groups = groupBy(scored, (s) => s.review.applicationId);
  const rowOf = (applicationId: string, calibrated?: CalibratedApplication): ApplicationScore => {
    const raws = presentValues(groups.get(applicationId)!.map((s) => s.raw));
    return {
      applicationId,
      reviewCount: groups.get(applicationId)!.length,
      scoredCount: raws.length,
      rawMean: calibrated?.rawMean ?? null,
      score: calibrated?.score ?? null,
      low: calibrated?.low ?? null,
      high: calibrated?.high ?? null,
      spread: raws.length >= 2 ? Math.max(...raws) - Math.min(...raws) : null,
      residualSpread: calibrated?.residualSpread ?? null,
      disagreement: calibrated?.disagreement ?? false,
      fewReviews: calibrated?.fewReviews ?? true,
    };
  };
  const ranked = calibration.applications.map((row) => rowOf(row.applicationId, row));
  const calibrated = new Set(calibration.applications.map((row) => row.applicationId));
  const unscored = [...groups.keys()]
    .filter((id) => !calibrated.has(id))
    .sort(compareIds)
    .map((id) => rowOf(id));
  return { applications: [...ranked, ...unscored], biases: calibration.reviewers };
}

/** Each reviewer's estimated bias in points (0–100 scale) with its interval, by reviewer id. */
export function reviewerBiases(
  criteria: readonly Criterion[],
  reviews: readonly SubmittedReview[],
  options: { topics?: ReadonlyMap<string, string> } = {},
): ReviewerBias[] {
  const scored = scoreAll(criteria, reviews);
  return calibrate(
    scored.flatMap(({ review, raw }) =>
      raw === null ? [] : [{ applicationId: review.applicationId, reviewerId: review.reviewerId, score: raw }],
    ),
    options.topics ? { topics: options.topics } : {},
  ).reviewers;
}

/**
 * For each criterion in rubric order, counts[v − scaleMin] = reviews scoring v. A review's usable
 * scores count even when another criterion of it is missing; off-scale scores are left out.
 */
export function scoreDistribution(
  criteria: readonly Criterion[],
  reviews: readonly SubmittedReview[],
): { criterionId: string; counts: number[] }[] {
  assertValidRubric(criteria);
  return criteria.map((criterion) => {
    const counts = new Array<number>(criterion.scaleMax - criterion.scaleMin + 1).fill(0);
    for (const review of reviews) {
      const score = review.scores[criterion.id];
      if (isOnScale(criterion, score)) {
        const index = score - criterion.scaleMin;
        counts[index] = (counts[index] ?? 0) + 1;
      }
    }
    return { criterionId: criterion.id, counts };
  });
}

interface ScoredReview {
  review: SubmittedReview;
  raw: number | null;
}

function assertValidRubric(criteria: readonly Criterion[]): void {
  const problems = validateRubric(criteria);
  if (problems.length > 0) throw new RangeError(`Invalid rubric: ${problems.join(" ")}`);
}

/** Sorted by review id so every sum runs in the same order whatever order the caller passed. */
function scoreAll(criteria: readonly Criterion[], reviews: readonly SubmittedReview[]): ScoredReview[] {
  assertValidRubric(criteria);
  return [...reviews]
    .sort((a, b) => compareIds(a.id, b.id))
    .map((review) => ({ review, raw: rawScore(criteria, review.scores) }));
}

function rawScore(criteria: readonly Criterion[], scores: SubmittedReview["scores"]): number | null {
  let weighted = 0;
  let totalWeight = 0;
  for (const criterion of criteria) {
    const score = scores[criterion.id];
    if (!isOnScale(criterion, score)) return null;
    // Multiplying before dividing keeps whole-number inputs exact: 29 on a 0–100 scale is 29, not 0.29 × 100.
    weighted += (criterion.weight * (score - criterion.scaleMin) * 100) / (criterion.scaleMax - criterion.scaleMin);
    totalWeight += criterion.weight;
  }
  // Rounding can carry a perfect score a last bit past 100.
  return Math.min(100, weighted / totalWeight);
}

function isOnScale(criterion: Criterion, score: number | null | undefined): score is number {
  return (
    typeof score === "number" && Number.isInteger(score) && score >= criterion.scaleMin && score <= criterion.scaleMax
  );
}

function zScores(scored: readonly ScoredReview[]): Map<string, number | null> {
  const result = new Map<string, number | null>(scored.map((s) => [s.review.id, null]));
  for (const own of groupBy(scored, (s) => s.review.reviewerId).values()) {
    const usable = own.filter((s): s is { review: SubmittedReview; raw: number } => s.raw !== null);
    if (usable.length < MIN_REVIEWS_FOR_NORMALISATION) continue;
    const raws = usable.map((s) => s.raw);
    const mean = meanOf(raws);
    const sd = Math.sqrt(meanOf(raws.map((raw) => (raw - mean) ** 2)));
    const allEqual = Math.max(...raws) - Math.min(...raws) <= SCORE_TOLERANCE;
    for (const { review, raw } of usable) result.set(review.id, allEqual ? 0 : (raw - mean) / sd);
  }
  return result;
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

function presentValues(values: readonly (number | null | undefined)[]): number[] {
  return values.filter((value): value is number => value !== null && value !== undefined);
}

function meanOf(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

// Code-unit order rather than localeCompare, so the ranking does not depend on the server's locale.
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
