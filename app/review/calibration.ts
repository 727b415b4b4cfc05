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

import { factorize } from "./linear-algebra";

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
const DEVIANCE_TOLERANCE = 1e-3;

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
  const topics = { of: topicOf, count: nT };
  // The variance components (σ², τq², τb², τt²); a penalty given in `fixed` is not estimated.
  const penaltiesAt = (x: Float64Array) => ({
    quality: fixed.quality ?? x[0]! / x[1]!,
    bias: fixed.bias ?? x[0]! / x[2]!,
    topic: fixed.topic ?? x[0]! / x[3]!,
  });
  const solveAt = (x: Float64Array) => {
    const penalties = penaltiesAt(x);
    return ridge(data, nA, nR, penalties.quality, penalties.bias, topics, penalties.topic);
  };
  /** Which of the components this model estimates (topics only when quality is shrunk). */
  const estimatedOf = (solution: ReturnType<typeof ridge>) => [
    true,
    fixed.quality === undefined,
    fixed.bias === undefined,
    fixed.topic === undefined && solution.topicMean.length > 0,
  ];
  /** One EM step from x: the next components, how far they moved, and the deviance at x. */
  const emStep = (x: Float64Array) => {
    const solution = solveAt(x);
    const penalties = penaltiesAt(x);
    const post = posteriorVariances(data, nA, solution, x[0]!, penalties.quality);
    let residualSquares = 0;
    for (const o of data)
      residualSquares += (o.y - solution.level(o.a) - solution.quality[o.a]! - solution.bias[o.r]!) ** 2;
    const next = Float64Array.of(
      Math.max(floor, (residualSquares + post.fittedVariance) / data.length),
      Math.max(floor, meanOf(solution.quality, post.quality)),
      Math.max(floor, meanOf(solution.bias, post.bias)),
      Math.max(floor, meanOf(solution.topicMean, post.topic)),
    );
    let change = 0;
    estimatedOf(solution).forEach((on, i) => on && (change += Math.abs(next[i]! - x[i]!)));
    return {
      next,
      estimated: estimatedOf(solution),
      converged: change <= EM_TOLERANCE * spread,
      deviance: restrictedDeviance(data, solution, x[0]!, penalties),
    };
  };
  let x = Float64Array.of(spread / 2, spread / 2, spread / 4, spread / 4);
  const estimating = fixed.quality === undefined || fixed.bias === undefined;
  // EM, accelerated by SQUAREM (Varadhan & Roland 2008): two EM steps give a direction and a step
  // length along which to extrapolate (on the log scale, so variances stay positive), then one EM
  // step from there; the extrapolation is kept only when it does not raise the deviance. Same fixed
  // point as plain EM, in tens of steps instead of hundreds when a variance heads for zero (a topic
  // model whose topics do not differ hit the 200-step cap and took 40 s at 5,000 applications).
  let previousDeviance = Infinity;
  for (let steps = 0; estimating && steps < EM_ITERATIONS;) {
    const first = emStep(x);
    steps++;
    if (first.converged) {
      x = first.next;
      break;
    }
    const second = emStep(first.next);
    steps++;
    if (second.converged) {
      x = second.next;
      break;
    }
    // Only the estimated components move; the others are carried along unchanged.
    const on = (i: number) => (second.estimated[i] ? 1 : 0);
    const r = x.map((value, i) => on(i) * (Math.log(first.next[i]!) - Math.log(value)));
    const v = x.map((_, i) => on(i) * (Math.log(second.next[i]!) - Math.log(first.next[i]!)) - r[i]!);
    const alpha = Math.min(
      -1,
      -Math.sqrt(sumOf([...r].map((e) => e * e)) / Math.max(1e-300, sumOf([...v].map((e) => e * e)))),
    );
    const extrapolated = x.map((value, i) =>
      Math.max(floor, Math.exp(Math.log(value) - 2 * alpha * r[i]! + alpha * alpha * v[i]!)),
    );
    const third = extrapolated.every(Number.isFinite) ? emStep(extrapolated) : null;
    steps++;
    const kept = third && !(third.deviance > second.deviance) ? third : second;
    x = kept.next;
    // A variance heading for zero (topics that do not differ) approaches its bound ever more slowly;
    // once a cycle lowers the deviance by less than this, what is left cannot change a likelihood-
    // ratio test (critical value 2.71) nor a score at six decimals.
    if (kept.converged || previousDeviance - kept.deviance < DEVIANCE_TOLERANCE) break;
    previousDeviance = kept.deviance;
  }
  const solution = solveAt(x);
  const noise = x[0]!;
  const qualityVariance = x[1]!;
  const biasVariance = x[2]!;
  const lambdaQ = () => penaltiesAt(x).quality;
  const lambdaB = () => penaltiesAt(x).bias;
  const lambdaT = () => penaltiesAt(x).topic;
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
  const { inverse, size, columnsOf, byApplication } = solution;
  const nR = solution.bias.length;
  const quality = new Float64Array(nA);
  let fittedVariance = 0;
  // Per application: the distinct columns of its reviews with their counts (a handful), v = Σx/s on
  // them, and w = M⁻¹v on them; then vᵀM⁻¹v and, per review, (x − v)ᵀM⁻¹(x − v) expanded, so no
  // vector is built per review.
  const columns = new Int32Array(3);
  const own = { cols: [] as number[], counts: [] as number[] };
  byApplication.forEach((reviews, a) => {
    if (reviews.length === 0) return;
    const s = reviews.length + lambdaQ;
    own.cols.length = 0;
    own.counts.length = 0;
    for (const o of reviews)
      for (let k = 0, n = columnsOf(o, columns); k < n; k++) {
        const at = own.cols.indexOf(columns[k]!);
        if (at >= 0) own.counts[at]!++;
        else {
          own.cols.push(columns[k]!);
          own.counts.push(1);
        }
      }
    const width = own.cols.length;
    const v = own.counts.map((count) => count / s);
    const w = own.cols.map((ci) => {
      let total = 0;
      for (let j = 0; j < width; j++) total += inverse[ci * size + own.cols[j]!]! * v[j]!;
      return total;
    });
    let vMv = 0;
    for (let i = 0; i < width; i++) vMv += v[i]! * w[i]!;
    quality[a] = noise * (1 / s + vMv);
    for (const o of reviews) {
      const n = columnsOf(o, columns);
      let xMx = 0;
      let xMv = 0;
      for (let i = 0; i < n; i++) {
        const ci = columns[i]!;
        xMv += w[own.cols.indexOf(ci)]!;
        for (let j = 0; j < n; j++) xMx += inverse[ci * size + columns[j]!]!;
      }
      fittedVariance += noise * (1 / s + xMx - 2 * xMv + vMv);
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
const groups = new WeakMap<readonly Observation[], Observation[][]>();

/** The reviews of each application, grouped once per data set (an EM fit solves hundreds of times). */
function groupedByApplication(data: readonly Observation[], nA: number): Observation[][] {
  let grouped = groups.get(data);
  if (!grouped) {
    grouped = Array.from({ length: nA }, (): Observation[] => []);
    for (const o of data) grouped[o.a]!.push(o);
    groups.set(data, grouped);
  }
  return grouped;
}

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
  const byApplication = groupedByApplication(data, nA);
  // x = (1, one-hot reviewer, one-hot topic), by its non-zero columns (written into `out`, so a
  // refit at thousands of reviews allocates nothing per review).
  const columnsOf = (o: Observation, out: Int32Array): number => {
    let n = 0;
    out[n++] = 0;
    if (withBias) out[n++] = 1 + o.r;
    if (topicOf) out[n++] = 1 + nR + topicOf[o.a]!;
    return n;
  };
  const columns = new Int32Array(3);
  const counts = new Map<number, number>();
  byApplication.forEach((own) => {
    if (own.length === 0) return;
    const s = own.length + lambdaQ;
    // Σ xxᵀ − (Σx)(Σx)ᵀ/s and Σ xy − (Σx)(Σy)/s.
    let sumY = 0;
    for (const o of own) sumY += o.y;
    counts.clear();
    for (const o of own) {
      const n = columnsOf(o, columns);
      for (let k = 0; k < n; k++) {
        const i = columns[k]!;
        counts.set(i, (counts.get(i) ?? 0) + 1);
        rhs[i]! += o.y;
        for (let l = 0; l < n; l++) matrix[i * size + columns[l]!]! += 1;
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
  const { inverse, logDeterminant, solve } = factorize(matrix, size);
  const theta = solve(rhs);
  const mean = theta[0]!;
  const bias = withBias ? theta.slice(1, 1 + nR) : new Float64Array(nR);
  const topicMean = topics.of
    ? Float64Array.from({ length: topics.count }, (_, t) => (nT > 0 ? theta[1 + nR + t]! : 0))
    : new Float64Array(0);
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
    byApplication,
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
