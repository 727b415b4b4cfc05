// Benchmark of automatic reviewer assignment (`npm run bench:assign`). Prints `name: value unit` lines;
// nothing here fails on timing. The instance is generated from a fixed seed so runs are comparable.
import { performance } from "node:perf_hooks";
import { assignReviewers, type AssignmentInput, type AssignmentResult } from "~/review/assignment";

const APPLICATIONS = 5_000;
const REVIEWERS = 200;
const K = 3;
const CONFLICT_RATE = 0.02;
const TOPICS = Array.from({ length: 10 }, (_, index) => `topic-${index}`);
const WARM_UP_RUNS = 3;
const MEASURED_RUNS = 9;

/** mulberry32: tiny, seedable, good enough to generate test data. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function generateInstance(random: () => number): AssignmentInput {
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const someTopics = (low: number, high: number) => {
    const pool = [...TOPICS];
    return Array.from({ length: between(low, high) }, () => pool.splice(between(0, pool.length - 1), 1)[0]!);
  };
  const pad = (index: number) => String(index).padStart(4, "0");
  const applications = Array.from({ length: APPLICATIONS }, (_, index) => ({
    id: `application-${pad(index)}`,
    tags: someTopics(1, 3),
  }));
  const reviewers = Array.from({ length: REVIEWERS }, (_, index) => ({
    id: `reviewer-${pad(index)}`,
    capacity: between(75, 100),
    expertise: someTopics(1, 4),
  }));
  const conflicts = applications.flatMap((application) =>
    reviewers
      .filter(() => random() < CONFLICT_RATE)
      .map((reviewer) => ({ reviewerId: reviewer.id, applicationId: application.id })),
  );
  return { applications, reviewers, conflicts, existing: [], k: K };
}

/**
 * The floor: each application takes the next reviewers in turn who are free of conflict and not full.
 * It ignores existing assignments, which this instance has none of. Returns how many it added.
 */
function assignRoundRobin(input: AssignmentInput): number {
  const conflicted = new Set(input.conflicts.map((pair) => `${pair.reviewerId}\n${pair.applicationId}`));
  const load = input.reviewers.map(() => 0);
  let next = 0;
  let added = 0;
  for (const application of input.applications) {
    // At most one lap of the reviewers per application, so no reviewer is taken twice.
    let taken = 0;
    for (let tries = 0; tries < input.reviewers.length && taken < input.k; tries++) {
      const r = next;
      next = (next + 1) % input.reviewers.length;
      const reviewer = input.reviewers[r]!;
      if (load[r]! >= reviewer.capacity || conflicted.has(`${reviewer.id}\n${application.id}`)) continue;
      load[r]!++;
      taken++;
    }
    added += taken;
  }
  return added;
}

function medianMs(run: () => unknown): number {
  for (let i = 0; i < WARM_UP_RUNS; i++) run();
  const times = Array.from({ length: MEASURED_RUNS }, () => {
    const start = performance.now();
    run();
    return performance.now() - start;
  }).sort((x, y) => x - y);
  return times[Math.floor(times.length / 2)]!;
}

interface Quality {
  violations: number;
  loadSpread: number;
  meanOverlap: number;
}

/** Checks the hard rules, full coverage (this instance is feasible) and the balance guarantee. */
function measureQuality(input: AssignmentInput, result: AssignmentResult): Quality {
  const pairKey = (reviewerId: string, applicationId: string) => `${reviewerId}\n${applicationId}`;
  const conflicted = new Set(input.conflicts.map((pair) => pairKey(pair.reviewerId, pair.applicationId)));
  const taken = new Set(input.existing.map((pair) => pairKey(pair.reviewerId, pair.applicationId)));
  const load = new Map(input.reviewers.map((reviewer) => [reviewer.id, 0]));
  const coverage = new Map(input.applications.map((application) => [application.id, 0]));
  const tags = new Map(input.applications.map((application) => [application.id, application.tags]));
  const expertise = new Map(input.reviewers.map((reviewer) => [reviewer.id, reviewer.expertise]));
  const count = (reviewerId: string, applicationId: string) => {
    load.set(reviewerId, (load.get(reviewerId) ?? 0) + 1);
    coverage.set(applicationId, (coverage.get(applicationId) ?? 0) + 1);
  };
  for (const key of taken) count(...(key.split("\n") as [string, string]));
  let violations = 0;
  let overlapTotal = 0;
  for (const { reviewerId, applicationId } of result.added) {
    const key = pairKey(reviewerId, applicationId);
    if (conflicted.has(key) || taken.has(key) || !load.has(reviewerId) || !coverage.has(applicationId)) violations++;
    taken.add(key);
    count(reviewerId, applicationId);
    const known = expertise.get(reviewerId) ?? [];
    overlapTotal += (tags.get(applicationId) ?? []).filter((tag) => known.includes(tag)).length;
  }
  for (const reviewer of input.reviewers) if (load.get(reviewer.id)! > reviewer.capacity) violations++;
  for (const count of coverage.values()) if (count < input.k) violations++;
  for (const { reviewerId: from, applicationId } of result.added) {
    for (const to of input.reviewers) {
      const toLoad = load.get(to.id)!;
      if (toLoad >= to.capacity || load.get(from)! < toLoad + 2) continue;
      const key = pairKey(to.id, applicationId);
      if (!conflicted.has(key) && !taken.has(key)) violations++;
    }
  }
  const loads = [...load.values()];
  return {
    violations,
    loadSpread: Math.max(...loads) - Math.min(...loads),
    meanOverlap: overlapTotal / Math.max(1, result.added.length),
  };
}

const input = generateInstance(seededRandom(20_240_601));
const label = `${APPLICATIONS}x${REVIEWERS}_k${K}`;
const assignMs = medianMs(() => assignReviewers(input));
const baselineMs = medianMs(() => assignRoundRobin(input));
const quality = measureQuality(input, assignReviewers(input));

console.log(`assign_${label}: ${Math.round(assignMs)} ms`);
console.log(`assign_baseline_round_robin_${label}: ${Math.round(baselineMs)} ms`);
console.log(`assign_invariant_violations: ${quality.violations} count`);
console.log(`assign_load_spread: ${quality.loadSpread} assignments`);
console.log(`assign_mean_expertise_overlap: ${quality.meanOverlap.toFixed(2)} tags`);
