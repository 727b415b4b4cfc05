// Benchmark of the calibrated ranking (`npm run bench:rank`): a simulated cycle of 600 applications and
// 40 reviewers with bias and noise, 3 reviews each, assigned by our own assignment (expertise: each
// reviewer knows one topic, each application has one, so reviewers are mostly on their own topic).
// For each regime and fixed seed, the Kendall τ and top-20 precision of each ranking against the true
// quality, averaged over the seeds. Prints `name: value unit` lines; nothing here fails on a figure.
import { assignReviewers } from "~/review/assignment";
import { calibrate, type CalibrationOptions, type ReviewScore } from "~/review/calibration";
import { normalFrom, seededRandom } from "../support/seeded-random";

const APPLICATIONS = 600;
const REVIEWERS = 40;
const K = 3;
const TOPICS = 8;
const SEEDS = [11, 23, 37, 41, 53, 67, 79, 83, 97, 101];
const QUALITY_SD = 12;

interface Regime {
  name: string;
  biasSd: number;
  noiseSd: number;
  /** Spread of the topics' mean quality: a strong topic is not a lenient reviewer. */
  topicSd: number;
}

const REGIMES: Regime[] = [
  { name: "no_bias", biasSd: 0, noiseSd: 8, topicSd: 0 },
  { name: "bias", biasSd: 10, noiseSd: 8, topicSd: 0 },
  { name: "bias_topics_differ", biasSd: 10, noiseSd: 8, topicSd: 10 },
  { name: "strong_bias_topics_differ", biasSd: 20, noiseSd: 8, topicSd: 10 },
  { name: "noisy_bias_topics_differ", biasSd: 10, noiseSd: 15, topicSd: 10 },
  { name: "topics_differ_no_bias", biasSd: 0, noiseSd: 8, topicSd: 10 },
];

function simulate(regime: Regime, seed: number) {
  const uniform = seededRandom(seed);
  const normal = normalFrom(uniform);
  const topicMean = Array.from({ length: TOPICS }, () => 55 + regime.topicSd * normal());
  const applications = Array.from({ length: APPLICATIONS }, (_, i) => {
    const topic = Math.floor(uniform() * TOPICS);
    return { id: `a${String(i).padStart(3, "0")}`, topic, quality: topicMean[topic]! + QUALITY_SD * normal() };
  });
  const reviewers = Array.from({ length: REVIEWERS }, (_, i) => ({
    id: `r${String(i).padStart(2, "0")}`,
    topic: i % TOPICS,
    bias: regime.biasSd * normal(),
  }));
  const plan = assignReviewers({
    applications: applications.map((a) => ({ id: a.id, tags: [`t${a.topic}`] })),
    reviewers: reviewers.map((r) => ({
      id: r.id,
      capacity: (APPLICATIONS * K) / REVIEWERS + 5,
      expertise: [`t${r.topic}`],
    })),
    conflicts: [],
    existing: [],
    k: K,
  });
  const byId = new Map(applications.map((a) => [a.id, a]));
  const biasOf = new Map(reviewers.map((r) => [r.id, r.bias]));
  const reviews: ReviewScore[] = plan.added.map(({ applicationId, reviewerId }) => ({
    applicationId,
    reviewerId,
    score: clamp(byId.get(applicationId)!.quality + biasOf.get(reviewerId)! + regime.noiseSd * normal()),
  }));
  const ownTopic = plan.added.filter(
    (pair) => byId.get(pair.applicationId)!.topic === reviewers[Number(pair.reviewerId.slice(1))]!.topic,
  ).length;
  return { applications, reviews, ownTopicShare: ownTopic / plan.added.length };
}

const clamp = (score: number) => Math.min(100, Math.max(0, score));

/** Ranks from the reviews; `topics` is what the portal knows of each application (its track). */
type Ranker = (reviews: ReviewScore[], topics: ReadonlyMap<string, string>) => string[];

function byMean(values: Map<string, number[]>): string[] {
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  return [...values].sort(([ia, a], [ib, b]) => mean(b) - mean(a) || (ia < ib ? -1 : 1)).map(([id]) => id);
}

const rawMean: Ranker = (reviews) => {
  const values = new Map<string, number[]>();
  for (const r of reviews) values.set(r.applicationId, [...(values.get(r.applicationId) ?? []), r.score]);
  return byMean(values);
};

/** Each reviewer's scores as z-scores over their own reviews (population sd), averaged per application. */
const zScores: Ranker = (reviews) => {
  const own = new Map<string, number[]>();
  for (const r of reviews) own.set(r.reviewerId, [...(own.get(r.reviewerId) ?? []), r.score]);
  const stats = new Map(
    [...own].map(([id, xs]) => {
      const m = xs.reduce((s, x) => s + x, 0) / xs.length;
      const sd = Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / xs.length) || 1;
      return [id, { m, sd }];
    }),
  );
  const values = new Map<string, number[]>();
  for (const r of reviews) {
    const { m, sd } = stats.get(r.reviewerId)!;
    values.set(r.applicationId, [...(values.get(r.applicationId) ?? []), (r.score - m) / sd]);
  }
  return byMean(values);
};

const calibrated =
  (options?: CalibrationOptions, withTopics = true): Ranker =>
  (reviews, topics) =>
    calibrate(reviews, { ...(withTopics ? { topics } : {}), ...options }).applications.map((row) => row.applicationId);

const METHODS: [string, Ranker][] = [
  ["raw_mean", rawMean],
  ["z_scores", zScores],
  ["calibrated", calibrated()],
  ["calibrated_without_topics", calibrated({}, false)],
  // Alternatives measured to choose the method (see the README's decision):
  ["both_shrunk_empirical_bayes", calibrated({ penalties: {} }, false)],
  ["both_fixed_penalty_1", calibrated({ penalties: { quality: 1, bias: 1 } }, false)],
  ["least_squares_no_shrinkage", calibrated({ penalties: { quality: 0, bias: 1e-9 } }, false)],
  ["quality_shrunk_bias_free", calibrated({ penalties: { bias: 1e-9 } }, false)],
];

/** Kendall's τ-b between two orderings of the same ids (no ties in either). */
function kendallTau(order: string[], truth: string[]): number {
  const rank = new Map(truth.map((id, i) => [id, i]));
  const seq = order.map((id) => rank.get(id)!);
  let concordant = 0;
  let discordant = 0;
  for (let i = 0; i < seq.length; i++) {
    for (let j = i + 1; j < seq.length; j++) {
      if (seq[i]! < seq[j]!) concordant++;
      else discordant++;
    }
  }
  return (concordant - discordant) / (concordant + discordant);
}

function topPrecision(order: string[], truth: string[], n: number): number {
  const best = new Set(truth.slice(0, n));
  return order.slice(0, n).filter((id) => best.has(id)).length / n;
}

let atLeastAsGood = 0;
for (const regime of REGIMES) {
  const totals = new Map(METHODS.map(([name]) => [name, { tau: 0, top: 0 }]));
  let ownTopic = 0;
  for (const seed of SEEDS) {
    const { applications, reviews, ownTopicShare } = simulate(regime, seed);
    ownTopic += ownTopicShare / SEEDS.length;
    const truth = [...applications].sort((x, y) => y.quality - x.quality).map((a) => a.id);
    const topics = new Map(applications.map((a) => [a.id, `t${a.topic}`]));
    for (const [name, ranker] of METHODS) {
      const order = ranker(reviews, topics);
      const total = totals.get(name)!;
      total.tau += kendallTau(order, truth) / SEEDS.length;
      total.top += topPrecision(order, truth, 20) / SEEDS.length;
    }
  }
  console.log(`rank_${regime.name}_reviews_on_own_topic: ${ownTopic.toFixed(2)} share`);
  for (const [name, total] of totals) {
    console.log(`rank_${regime.name}_${name}_kendall_tau: ${total.tau.toFixed(3)} tau`);
    console.log(`rank_${regime.name}_${name}_top20_precision: ${total.top.toFixed(3)} share`);
  }
  // Compared at the printed precision: differences below it are noise in these averages.
  const printed = (name: string, metric: "tau" | "top") => Number(totals.get(name)![metric].toFixed(3));
  const best = (metric: "tau" | "top") => Math.max(printed("raw_mean", metric), printed("z_scores", metric));
  if (printed("calibrated", "tau") >= best("tau") && printed("calibrated", "top") >= best("top")) atLeastAsGood++;
}
console.log(`rank_regimes_calibrated_at_least_best_baseline: ${atLeastAsGood} of ${REGIMES.length}`);
console.log(`rank_seeds_per_regime: ${SEEDS.length} count`);
