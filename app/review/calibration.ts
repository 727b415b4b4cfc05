/**
 * Calibrated ranking: every score is read as quality of the application + bias of the reviewer + noise,
 *   y = q(application) + b(reviewer) + ε,   b ~ N(0, τb²), ε ~ N(0, σ²),
 * fitted by regularised least squares: Σ (y − q − b)² + λb Σ b², λb = σ²/τb², with σ² and τb²
 * estimated from the reviews themselves (empirical Bayes, by expectation–maximisation). So a reviewer
 * seen on few applications is shrunk toward no bias, and nobody is left out. Quality is not shrunk by
 * default: shrinking it toward one global mean reads a strong topic, reviewed mostly by its own experts,
 * as lenient reviewers (measured in `npm run bench:rank`; see the README's decision). Pure and
 * deterministic.
 *
 * The interval is q ± 1.96 standard errors, from the application's own noise (its residuals, pooled
 * with σ² as if it had PRIOR_REVIEWS more reviews), its number of reviews, and the uncertainty of its
 * reviewers' biases: fewer or more discordant reviews make it wider.
 */

export interface ReviewScore {
  applicationId: string;
  reviewerId: string;
  /** Any finite number; the portal's are weighted rubric scores on 0–100. */
  score: number;
}

export interface CalibratedApplication {
  applicationId: string;
  /** μ + q: what an average reviewer would give it. */
  score: number;
  low: number;
  high: number;
  reviews: number;
  rawMean: number;
  /** Max − min of the reviews after removing each reviewer's bias; null below two reviews. */
  residualSpread: number | null;
  disagreement: boolean;
  /** Below the minimum number of reviews: shown, ranked, but marked as resting on too little. */
  fewReviews: boolean;
}

export interface ReviewerBias {
  reviewerId: string;
  /** Points this reviewer gives above (or below) an average reviewer. */
  bias: number;
  low: number;
  high: number;
  reviews: number;
}

export interface Calibration {
  /** In the documented order, see {@link compareCalibrated}. */
  applications: CalibratedApplication[];
  /** By reviewer id. */
  reviewers: ReviewerBias[];
  model: { mean: number; noiseSd: number; qualitySd: number; biasSd: number };
}

export interface CalibrationOptions {
  /** Fewer reviews than this flag an application; default 2. */
  minReviews?: number;
  /** A residual spread of this many points or more flags disagreement; default 30. */
  disagreementSpread?: number;
  /** Penalties to use instead of the estimated ones (see {@link Penalties}); the default is {@link DEFAULT_PENALTIES}. */
  penalties?: Penalties;
}

export const DEFAULT_MIN_REVIEWS = 2;
/** Quality unpenalised, bias penalty estimated from the data (see the README's decision on the ranking). */
export const DEFAULT_PENALTIES: Penalties = { quality: 0 };
export const DEFAULT_DISAGREEMENT_SPREAD = 30;
/** The application's own residual variance counts as much as this many reviews at the pooled σ². */
const PRIOR_REVIEWS = 4;
const Z_95 = 1.959963984540054;
/** Scores equal to this many decimals are ties; the arithmetic's last bits must not order them. */
const TIE_DECIMALS = 6;
const EM_ITERATIONS = 200;
const EM_TOLERANCE = 1e-9;

export function calibrate(input: readonly ReviewScore[], options: CalibrationOptions = {}): Calibration {
  const minReviews = options.minReviews ?? DEFAULT_MIN_REVIEWS;
  const spreadLimit = options.disagreementSpread ?? DEFAULT_DISAGREEMENT_SPREAD;
  for (const review of input) {
    if (!Number.isFinite(review.score))
      throw new RangeError(`Score of ${review.reviewerId} on ${review.applicationId} is not a finite number`);
  }
  // Sorted, so every sum runs in the same order whatever order the caller passed.
  const reviews = [...input].sort(
    (x, y) =>
      compareIds(x.applicationId, y.applicationId) || compareIds(x.reviewerId, y.reviewerId) || x.score - y.score,
  );
  if (reviews.length === 0)
    return { applications: [], reviewers: [], model: { mean: 0, noiseSd: 0, qualitySd: 0, biasSd: 0 } };
  const applicationIds = distinct(reviews.map((r) => r.applicationId));
  const reviewerIds = distinct(reviews.map((r) => r.reviewerId)).sort(compareIds);
  const a = indexer(applicationIds);
  const r = indexer(reviewerIds);
  const data: Observation[] = reviews.map((review) => ({
    a: a(review.applicationId),
    r: r(review.reviewerId),
    y: review.score,
  }));
  const fit = fitModel(data, applicationIds.length, reviewerIds.length, options.penalties ?? DEFAULT_PENALTIES);

  const byApplication = applicationIds.map((): Observation[] => []);
  for (const o of data) byApplication[o.a]!.push(o);
  const applications = applicationIds.map((applicationId, index) => {
    const own = byApplication[index]!;
    const n = own.length;
    const adjusted = own.map((o) => o.y - fit.bias[o.r]!);
    const residuals = own.map((o) => o.y - fit.mean - fit.quality[index]! - fit.bias[o.r]!);
    const localNoise = (PRIOR_REVIEWS * fit.noise + sumOf(residuals.map((e) => e * e))) / (PRIOR_REVIEWS + n);
    const precision = n / localNoise + fit.qualityPenalty / fit.noise;
    // Each reviewer's bias is uncertain too, and enters the estimate with weight 1/(n + λq).
    const shrink = 1 / (n + fit.qualityPenalty);
    const biasVariance = sumOf(own.map((o) => fit.biasPosteriorVariance[o.r]!)) * shrink * shrink;
    const se = Math.sqrt(1 / precision + biasVariance);
    const score = fit.mean + fit.quality[index]!;
    const residualSpread = n >= 2 ? Math.max(...adjusted) - Math.min(...adjusted) : null;
    return {
      applicationId,
      score,
      low: score - Z_95 * se,
      high: score + Z_95 * se,
      reviews: n,
      rawMean: sumOf(own.map((o) => o.y)) / n,
      residualSpread,
      disagreement: residualSpread !== null && rounded(residualSpread) >= rounded(spreadLimit),
      fewReviews: n < minReviews,
    };
  });
  const scores = applications.map((row) => row.score);
  const levelMean = sumOf(scores) / scores.length;
  const levels = { mean: levelMean, sd: Math.sqrt(sumOf(scores.map((x) => (x - levelMean) ** 2)) / scores.length) };
  const reviewers = reviewerIds.map((reviewerId, index) => {
    const se = Math.sqrt(fit.biasPosteriorVariance[index]!);
    return {
      reviewerId,
      bias: fit.bias[index]!,
      low: fit.bias[index]! - Z_95 * se,
      high: fit.bias[index]! + Z_95 * se,
      reviews: fit.reviewCount[index]!,
    };
  });
  return {
    applications: applications.sort(compareCalibrated),
    reviewers,
    model: {
      mean: levels.mean,
      noiseSd: Math.sqrt(fit.noise),
      qualitySd: levels.sd,
      biasSd: Number.isFinite(fit.biasVariance) ? Math.sqrt(fit.biasVariance) : 0,
    },
  };
}

/**
 * The documented order: calibrated score, best first — except that an application below the minimum
 * number of reviews is placed by the low end of its interval, so that a single review cannot carry it
 * to the top; then more reviews, then raw mean (higher first), then application id. Values equal to
 * six decimals count as equal, so floating-point noise never decides.
 */
export function compareCalibrated(x: CalibratedApplication, y: CalibratedApplication): number {
  return (
    rounded(placement(y)) - rounded(placement(x)) ||
    y.reviews - x.reviews ||
    rounded(y.rawMean) - rounded(x.rawMean) ||
    compareIds(x.applicationId, y.applicationId)
  );
}

function placement(row: CalibratedApplication): number {
  return row.fewReviews ? row.low : row.score;
}

interface Observation {
  a: number;
  r: number;
  y: number;
}

interface Penalties {
  /** λq = σ²/τq²: how hard application quality is shrunk toward the mean. */
  quality?: number;
  /** λb = σ²/τb²: how hard reviewer bias is shrunk toward zero. */
  bias?: number;
}

interface Fit {
  mean: number;
  qualityPenalty: number;
  quality: Float64Array;
  bias: Float64Array;
  noise: number;
  qualityVariance: number;
  biasVariance: number;
  biasPosteriorVariance: Float64Array;
  reviewCount: Int32Array;
}

/**
 * Empirical Bayes: alternate the ridge solution and the variance updates (mean-field EM) until stable.
 * A penalty given in `fixed` is kept; the others are estimated.
 */
function fitModel(data: Observation[], nA: number, nR: number, fixed: Penalties = {}): Fit {
  const ys = data.map((o) => o.y);
  const grand = sumOf(ys) / ys.length;
  const spread = Math.max(sumOf(ys.map((y) => (y - grand) ** 2)) / ys.length, 1e-6);
  const floor = spread * 1e-8;
  const perApplication = new Int32Array(nA);
  const perReviewer = new Int32Array(nR);
  for (const o of data) {
    perApplication[o.a]!++;
    perReviewer[o.r]!++;
  }
  let noise = spread / 2;
  let qualityVariance = spread / 2;
  let biasVariance = spread / 4;
  const lambdaQ = () => fixed.quality ?? noise / qualityVariance;
  const lambdaB = () => fixed.bias ?? noise / biasVariance;
  let solution = ridge(data, nA, nR, lambdaQ(), lambdaB());
  const estimating = fixed.quality === undefined || fixed.bias === undefined;
  for (let iteration = 0; estimating && iteration < EM_ITERATIONS; iteration++) {
    const qualityPost = Float64Array.from(perApplication, (n) => noise / (n + lambdaQ()));
    const biasPost = Float64Array.from(perReviewer, (m) => noise / (m + lambdaB()));
    let residualSquares = 0;
    for (const o of data) residualSquares += (o.y - solution.mean - solution.quality[o.a]! - solution.bias[o.r]!) ** 2;
    let qualityTrace = 0;
    perApplication.forEach((n, i) => (qualityTrace += n * qualityPost[i]!));
    let biasTrace = 0;
    perReviewer.forEach((m, i) => (biasTrace += m * biasPost[i]!));
    const nextNoise = Math.max(floor, (residualSquares + qualityTrace + biasTrace) / data.length);
    const nextQuality = Math.max(floor, meanOf(solution.quality, qualityPost));
    const nextBias = Math.max(floor, meanOf(solution.bias, biasPost));
    const change =
      Math.abs(nextNoise - noise) +
      (fixed.quality === undefined ? Math.abs(nextQuality - qualityVariance) : 0) +
      (fixed.bias === undefined ? Math.abs(nextBias - biasVariance) : 0);
    noise = nextNoise;
    qualityVariance = nextQuality;
    biasVariance = nextBias;
    solution = ridge(data, nA, nR, lambdaQ(), lambdaB());
    if (change <= EM_TOLERANCE * spread) break;
  }
  return {
    ...solution,
    noise,
    qualityPenalty: lambdaQ(),
    qualityVariance,
    biasVariance,
    biasPosteriorVariance: Float64Array.from(perReviewer, (m) => noise / (m + lambdaB())),
    reviewCount: perReviewer,
  };
}

function meanOf(estimates: Float64Array, posteriorVariances: Float64Array): number {
  let total = 0;
  estimates.forEach((value, i) => (total += value * value + posteriorVariances[i]!));
  return total / Math.max(1, estimates.length);
}

/**
 * Minimises Σ (y − μ − q − b)² + λq Σ q² + λb Σ b² exactly. q has a closed form given μ and b, so the
 * normal equations shrink to (1 + reviewers) unknowns, solved by Gaussian elimination.
 */
function ridge(data: Observation[], nA: number, nR: number, lambdaQ: number, lambdaB: number) {
  const size = 1 + nR;
  const matrix = new Float64Array(size * size);
  const rhs = new Float64Array(size);
  const byApplication = Array.from({ length: nA }, (): Observation[] => []);
  for (const o of data) byApplication[o.a]!.push(o);
  const withBias = Number.isFinite(lambdaB);
  for (const own of byApplication) {
    const s = own.length + lambdaQ;
    const column = (o: Observation) => (withBias ? 1 + o.r : -1);
    // Σ xxᵀ − (Σx)(Σx)ᵀ/s and Σ xy − (Σx)(Σy)/s, with x = (1, one-hot reviewer).
    const sumY = sumOf(own.map((o) => o.y));
    const counts = new Map<number, number>([[0, own.length]]);
    for (const o of own) if (withBias) counts.set(column(o), (counts.get(column(o)) ?? 0) + 1);
    for (const o of own) {
      for (const index of withBias ? [0, column(o)] : [0]) rhs[index]! += o.y;
      matrix[0]! += 1;
      if (withBias) {
        const c = column(o);
        matrix[c]! += 1;
        matrix[c * size]! += 1;
        matrix[c * size + c]! += 1;
      }
    }
    for (const [i, ci] of counts) {
      rhs[i]! -= (ci * sumY) / s;
      for (const [j, cj] of counts) matrix[i * size + j]! -= (ci * cj) / s;
    }
  }
  if (withBias) for (let i = 1; i < size; i++) matrix[i * size + i]! += lambdaB;
  else for (let i = 1; i < size; i++) matrix[i * size + i] = 1;
  // Unpenalised quality absorbs any overall level: pin the split with a unit ridge on μ (μ + q is unaffected).
  if (lambdaQ === 0) matrix[0]! += 1;
  const theta = solveLinear(matrix, rhs, size);
  const mean = theta[0]!;
  const bias = withBias ? theta.slice(1) : new Float64Array(nR);
  const quality = Float64Array.from(byApplication, (own) => {
    let residual = 0;
    for (const o of own) residual += o.y - mean - bias[o.r]!;
    return residual / (own.length + lambdaQ);
  });
  return { mean, quality, bias };
}

/** Gaussian elimination with partial pivoting; the matrix is symmetric positive definite here. */
function solveLinear(matrix: Float64Array, rhs: Float64Array, size: number): Float64Array {
  const m = Float64Array.from(matrix);
  const b = Float64Array.from(rhs);
  for (let col = 0; col < size; col++) {
    let pivot = col;
    for (let row = col + 1; row < size; row++)
      if (Math.abs(m[row * size + col]!) > Math.abs(m[pivot * size + col]!)) pivot = row;
    if (pivot !== col) {
      for (let k = 0; k < size; k++)
        [m[col * size + k], m[pivot * size + k]] = [m[pivot * size + k]!, m[col * size + k]!];
      [b[col], b[pivot]] = [b[pivot]!, b[col]!];
    }
    const diagonal = m[col * size + col]! || 1e-12;
    for (let row = col + 1; row < size; row++) {
      const factor = m[row * size + col]! / diagonal;
      if (factor === 0) continue;
      for (let k = col; k < size; k++) m[row * size + k]! -= factor * m[col * size + k]!;
      b[row]! -= factor * b[col]!;
    }
  }
  const x = new Float64Array(size);
  for (let row = size - 1; row >= 0; row--) {
    let total = b[row]!;
    for (let k = row + 1; k < size; k++) total -= m[row * size + k]! * x[k]!;
    x[row] = total / (m[row * size + row]! || 1e-12);
  }
  return x;
}

function rounded(value: number): number {
  return Math.round(value * 10 ** TIE_DECIMALS);
}

function sumOf(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

function distinct(values: string[]): string[] {
  return [...new Set(values)];
}

function indexer(ids: string[]): (id: string) => number {
  const map = new Map(ids.map((id, index) => [id, index]));
  return (id) => map.get(id)!;
}

// Code-unit order rather than localeCompare, so the ranking does not depend on the server's locale.
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
