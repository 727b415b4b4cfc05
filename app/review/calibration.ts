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

import { invert, solveLinear } from "./linear-algebra";

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
  model: {
    mean: number;
    noiseSd: number;
    qualitySd: number;
    biasSd: number;
    /** Topic means the model kept (0: one common mean, or no topics given). */
    topicMeans: number;
  };
}

export interface CalibrationOptions {
  /** Fewer reviews than this flag an application; default 2. */
  minReviews?: number;
  /** A residual spread of this many points or more flags disagreement; default 30. */
  disagreementSpread?: number;
  /** Penalties to use instead of the estimated ones (see {@link Penalties}). */
  penalties?: Penalties;
  /**
   * Each application's topic (the portal: its answers to the cycle's single-choice questions). With
   * topics, quality is shrunk toward its topic's own mean (unpenalised) by an estimated variance; without
   * them quality is unpenalised. Applications missing from the map share one topic.
   */
  topics?: ReadonlyMap<string, string>;
}

export const DEFAULT_MIN_REVIEWS = 2;
/**
 * Without topics: quality unpenalised, bias penalty estimated from the data. With topics both penalties
 * are estimated (see the README's decision on the ranking).
 */
export const DEFAULT_PENALTIES: Penalties = { quality: 0 };
export const TOPIC_PENALTIES: Penalties = {};
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
    return { applications: [], reviewers: [], model: { mean: 0, noiseSd: 0, qualitySd: 0, biasSd: 0, topicMeans: 0 } };
  const applicationIds = distinct(reviews.map((r) => r.applicationId));
  const reviewerIds = distinct(reviews.map((r) => r.reviewerId)).sort(compareIds);
  const a = indexer(applicationIds);
  const r = indexer(reviewerIds);
  const data: Observation[] = reviews.map((review) => ({
    a: a(review.applicationId),
    r: r(review.reviewerId),
    y: review.score,
  }));
  const topicNames = options.topics
    ? distinct(applicationIds.map((id) => options.topics!.get(id) ?? "")).sort(compareIds)
    : [];
  const topicIndex = indexer(topicNames);
  const topicOf = options.topics
    ? Int32Array.from(applicationIds, (id) => topicIndex(options.topics!.get(id) ?? ""))
    : null;
  const fit = options.penalties
    ? fitModel(data, applicationIds.length, reviewerIds.length, options.penalties, topicOf, topicNames.length)
    : topicOf
      ? chooseTopicModel(data, applicationIds.length, reviewerIds.length, topicOf, topicNames.length)
      : fitModel(data, applicationIds.length, reviewerIds.length, DEFAULT_PENALTIES);
  const levelOf = (index: number) => fit.mean + (topicOf ? (fit.topicMean[topicOf[index]!] ?? 0) : 0);

  const byApplication = applicationIds.map((): Observation[] => []);
  for (const o of data) byApplication[o.a]!.push(o);
  const applications = applicationIds.map((applicationId, index) => {
    const own = byApplication[index]!;
    const n = own.length;
    const adjusted = own.map((o) => o.y - fit.bias[o.r]!);
    const residuals = own.map((o) => o.y - levelOf(index) - fit.quality[index]! - fit.bias[o.r]!);
    const localNoise = (PRIOR_REVIEWS * fit.noise + sumOf(residuals.map((e) => e * e))) / (PRIOR_REVIEWS + n);
    const precision = n / localNoise + fit.qualityPenalty / fit.noise;
    // Each reviewer's bias is uncertain too, and enters the estimate with weight 1/(n + λq).
    const shrink = 1 / (n + fit.qualityPenalty);
    const biasVariance = sumOf(own.map((o) => fit.biasPosteriorVariance[o.r]!)) * shrink * shrink;
    const se = Math.sqrt(1 / precision + biasVariance);
    const score = levelOf(index) + fit.quality[index]!;
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
      topicMeans: fit.topicMean.length,
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

/**
 * With topics, whether they differ at all is a question for the data: the model with a shrunk mean per
 * topic is kept only when a restricted likelihood-ratio test prefers it to one common mean at the 5 %
 * level (the statistic's null law is ½χ²₀ + ½χ²₁, a variance on its boundary: critical value 2.71).
 * Otherwise a topic's mean would absorb its own panel's leniency for nothing.
 */
export const TOPIC_TEST_CRITICAL_VALUE = 2.705543454095404;

function chooseTopicModel(data: Observation[], nA: number, nR: number, topicOf: Int32Array, nT: number): Fit {
  const common = fitModel(data, nA, nR, TOPIC_PENALTIES);
  if (nT < 2) return common;
  const byTopic = fitModel(data, nA, nR, TOPIC_PENALTIES, topicOf, nT);
  return common.deviance - byTopic.deviance > TOPIC_TEST_CRITICAL_VALUE ? byTopic : common;
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
  /** λt = σ²/τt²: how hard a topic's mean quality is shrunk toward the overall mean (with topics). */
  topic?: number;
}

interface Fit {
  /** −2 × the restricted log-likelihood (REML) at the fit, up to a constant shared by every model. */
  deviance: number;
  mean: number;
  /** Each topic's mean quality above μ (empty without topics). */
  topicMean: Float64Array;
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
function fitModel(
  data: Observation[],
  nA: number,
  nR: number,
  fixed: Penalties = {},
  topicOf: Int32Array | null = null,
  nT = 0,
): Fit {
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
  let topicVariance = spread / 4;
  const lambdaQ = () => fixed.quality ?? noise / qualityVariance;
  const lambdaB = () => fixed.bias ?? noise / biasVariance;
  const lambdaT = () => fixed.topic ?? noise / topicVariance;
  const topics = { of: topicOf, count: nT };
  let solution = ridge(data, nA, nR, lambdaQ(), lambdaB(), topics, lambdaT());
  const estimating = fixed.quality === undefined || fixed.bias === undefined;
  for (let iteration = 0; estimating && iteration < EM_ITERATIONS; iteration++) {
    const post = posteriorVariances(data, nA, solution, noise, lambdaQ());
    let residualSquares = 0;
    for (const o of data)
      residualSquares += (o.y - solution.level(o.a) - solution.quality[o.a]! - solution.bias[o.r]!) ** 2;
    const nextNoise = Math.max(floor, (residualSquares + post.fittedVariance) / data.length);
    const nextQuality = Math.max(floor, meanOf(solution.quality, post.quality));
    const nextBias = Math.max(floor, meanOf(solution.bias, post.bias));
    const nextTopic = Math.max(floor, meanOf(solution.topicMean, post.topic));
    const change =
      Math.abs(nextNoise - noise) +
      (fixed.quality === undefined ? Math.abs(nextQuality - qualityVariance) : 0) +
      (fixed.bias === undefined ? Math.abs(nextBias - biasVariance) : 0) +
      (fixed.topic === undefined && solution.topicMean.length > 0 ? Math.abs(nextTopic - topicVariance) : 0);
    noise = nextNoise;
    qualityVariance = nextQuality;
    biasVariance = nextBias;
    topicVariance = nextTopic;
    solution = ridge(data, nA, nR, lambdaQ(), lambdaB(), topics, lambdaT());
    if (change <= EM_TOLERANCE * spread) break;
  }
  return {
    ...solution,
    noise,
    qualityPenalty: lambdaQ(),
    deviance: restrictedDeviance(data, solution, noise, { quality: lambdaQ(), bias: lambdaB(), topic: lambdaT() }),
    qualityVariance,
    biasVariance,
    biasPosteriorVariance: posteriorVariances(data, nA, solution, noise, lambdaQ()).bias,
    reviewCount: perReviewer,
  };
}

/**
 * The E-step, exact: posterior variances given the current penalties, with the uncertainty of μ, the
 * biases and the topic means (σ² M⁻¹ of the reduced normal equations) carried into each quality and
 * each fitted value, so that the variance updates are those of restricted maximum likelihood (REML):
 * the mean is integrated out rather than taken as known.
 */
function posteriorVariances(
  data: readonly Observation[],
  nA: number,
  solution: ReturnType<typeof ridge>,
  noise: number,
  lambdaQ: number,
) {
  const { inverse, size, columnsOf } = solution;
  const nR = solution.bias.length;
  const form = (vector: Map<number, number>) => {
    let total = 0;
    for (const [i, vi] of vector) for (const [j, vj] of vector) total += vi * vj * inverse[i * size + j]!;
    return total;
  };
  const byApplication = Array.from({ length: nA }, (): Observation[] => []);
  for (const o of data) byApplication[o.a]!.push(o);
  const quality = new Float64Array(nA);
  let fittedVariance = 0;
  byApplication.forEach((own, a) => {
    if (own.length === 0) return;
    const s = own.length + lambdaQ;
    // q = (Σy − Σxᵀθ)/s, so q moves by −vᵀδθ with v = Σx/s.
    const v = new Map<number, number>();
    for (const o of own) for (const c of columnsOf(o)) v.set(c, (v.get(c) ?? 0) + 1 / s);
    quality[a] = noise * (1 / s + form(v));
    for (const o of own) {
      const d = new Map([...v].map(([c, value]) => [c, -value] as [number, number]));
      for (const c of columnsOf(o)) d.set(c, (d.get(c) ?? 0) + 1);
      fittedVariance += noise * (1 / s + form(d));
    }
  });
  const diagonal = (start: number, count: number) =>
    Float64Array.from({ length: count }, (_, i) => noise * inverse[(start + i) * size + start + i]!);
  return {
    quality,
    bias: diagonal(1, nR),
    topic: diagonal(1 + nR, size - 1 - nR),
    fittedVariance,
  };
}

function meanOf(estimates: Float64Array, posteriorVariances: Float64Array): number {
  let total = 0;
  estimates.forEach((value, i) => (total += value * value + posteriorVariances[i]!));
  return total / Math.max(1, estimates.length);
}

/**
 * Minimises Σ (y − μ − t − q − b)² + λq Σ q² + λb Σ b² exactly, t a topic's unpenalised mean (when
 * topics are given and quality is shrunk). q has a closed form given the rest, so the normal equations
 * shrink to (1 + reviewers + topics) unknowns, solved by Gaussian elimination.
 */
function ridge(
  data: Observation[],
  nA: number,
  nR: number,
  lambdaQ: number,
  lambdaB: number,
  topics: { of: Int32Array | null; count: number },
  lambdaT: number,
) {
  const withBias = Number.isFinite(lambdaB);
  // Topic means are only told apart from quality when quality is shrunk.
  const topicOf = lambdaQ > 0 ? topics.of : null;
  const nT = topicOf ? topics.count : 0;
  const size = 1 + nR + nT;
  const matrix = new Float64Array(size * size);
  const rhs = new Float64Array(size);
  const byApplication = Array.from({ length: nA }, (): Observation[] => []);
  for (const o of data) byApplication[o.a]!.push(o);
  // x = (1, one-hot reviewer, one-hot topic), by its non-zero columns.
  const columnsOf = (o: Observation) => [
    0,
    ...(withBias ? [1 + o.r] : []),
    ...(topicOf ? [1 + nR + topicOf[o.a]!] : []),
  ];
  byApplication.forEach((own) => {
    if (own.length === 0) return;
    const s = own.length + lambdaQ;
    // Σ xxᵀ − (Σx)(Σx)ᵀ/s and Σ xy − (Σx)(Σy)/s.
    const columns = columnsOf;
    const sumY = sumOf(own.map((o) => o.y));
    const counts = new Map<number, number>();
    for (const o of own) {
      const cs = columns(o);
      for (const i of cs) {
        counts.set(i, (counts.get(i) ?? 0) + 1);
        rhs[i]! += o.y;
        for (const j of cs) matrix[i * size + j]! += 1;
      }
    }
    for (const [i, ci] of counts) {
      rhs[i]! -= (ci * sumY) / s;
      for (const [j, cj] of counts) matrix[i * size + j]! -= (ci * cj) / s;
    }
  });
  for (let i = 1; i <= nR; i++) matrix[i * size + i]! += withBias ? lambdaB : 1;
  for (let t = 0; t < nT; t++) matrix[(1 + nR + t) * size + 1 + nR + t]! += lambdaT;
  // Unpenalised quality (or topic means) absorb any overall level: pin the split with a unit ridge on μ
  // (μ + t + q is unaffected).
  if (lambdaQ === 0 || (nT > 0 && lambdaT === 0)) matrix[0]! += 1;
  const theta = solveLinear(matrix, rhs, size);
  const mean = theta[0]!;
  const bias = withBias ? theta.slice(1, 1 + nR) : new Float64Array(nR);
  const topicMean = topics.of
    ? Float64Array.from({ length: topics.count }, (_, t) => (nT > 0 ? theta[1 + nR + t]! : 0))
    : new Float64Array(0);
  const { inverse, logDeterminant } = invert(matrix, size);
  const level = (a: number) => mean + (topicOf ? topicMean[topicOf[a]!]! : 0);
  const quality = Float64Array.from(byApplication, (own, a) => {
    let residual = 0;
    for (const o of own) residual += o.y - level(a) - bias[o.r]!;
    return own.length + lambdaQ > 0 ? residual / (own.length + lambdaQ) : 0;
  });
  return {
    mean,
    topicMean: nT > 0 ? topicMean : new Float64Array(0),
    level,
    quality,
    bias,
    inverse,
    logDeterminant,
    size,
    columnsOf,
  };
}

/**
 * −2 log L_R (Henderson's form, constants dropped): (N − 1) log σ² + log|C| − log|Λ| + (RSS + penalties)/σ²,
 * C the mixed-model equations (log|C| = Σ log(nₐ + λq) + log|M|, M the reduced system), Λ the penalties
 * of the random effects present. Comparable between models with the same fixed part (μ).
 */
function restrictedDeviance(
  data: readonly Observation[],
  solution: ReturnType<typeof ridge>,
  noise: number,
  penalties: { quality: number; bias: number; topic: number },
): number {
  let rss = 0;
  const perApplication = new Map<number, number>();
  for (const o of data) {
    rss += (o.y - solution.level(o.a) - solution.quality[o.a]! - solution.bias[o.r]!) ** 2;
    perApplication.set(o.a, (perApplication.get(o.a) ?? 0) + 1);
  }
  const squares = (values: Float64Array) => values.reduce((total, value) => total + value * value, 0);
  const nT = solution.topicMean.length;
  const penalty =
    penalties.quality * squares(solution.quality) +
    penalties.bias * squares(solution.bias) +
    (nT > 0 ? penalties.topic * squares(solution.topicMean) : 0);
  let logC = solution.logDeterminant;
  for (const n of perApplication.values()) logC += Math.log(n + penalties.quality);
  const logLambda =
    perApplication.size * Math.log(penalties.quality) +
    solution.bias.length * Math.log(penalties.bias) +
    (nT > 0 ? nT * Math.log(penalties.topic) : 0);
  return (data.length - 1) * Math.log(noise) + logC - logLambda + (rss + penalty) / noise;
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
