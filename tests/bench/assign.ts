// Benchmark of automatic reviewer assignment (`npm run bench:assign`). Prints `name: value unit` lines;
// nothing here fails on timing. Instances are generated from fixed seeds so runs are comparable. Beside
// the optimal assignment: the greedy it replaced (tests/bench/greedy-assignment.ts) and a round robin.
import { performance } from "node:perf_hooks";
import { assignReviewers, type AssignmentInput } from "~/review/assignment";
import { checkAssignment } from "~/review/assignment-check";
import { seededRandom } from "../support/seeded-random";
import { assignGreedily } from "./greedy-assignment";

const APPLICATIONS = 5_000;
const REVIEWERS = 200;
const K = 3;
const CONFLICT_RATE = 0.02;
const TOPICS = Array.from({ length: 10 }, (_, index) => `topic-${index}`);
const WARM_UP_RUNS = 3;
const MEASURED_RUNS = 9;

function generateInstance(random: () => number, halfConflicts = false): AssignmentInput {
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
  // The pattern that made the greedy quadratic: half the applications conflict with half the reviewers.
  const conflicts = halfConflicts
    ? applications
        .slice(0, APPLICATIONS / 2)
        .flatMap((application) =>
          reviewers
            .slice(0, REVIEWERS / 2)
            .map((reviewer) => ({ reviewerId: reviewer.id, applicationId: application.id })),
        )
    : applications.flatMap((application) =>
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
  return medianOf(run).wall;
}

/** Median wall time and median CPU time of this process (less sensitive to other load on the machine). */
function medianOf(run: () => unknown): { wall: number; cpu: number } {
  for (let i = 0; i < WARM_UP_RUNS; i++) run();
  const samples = Array.from({ length: MEASURED_RUNS }, () => {
    const start = performance.now();
    const cpu = process.cpuUsage();
    run();
    const used = process.cpuUsage(cpu);
    return { wall: performance.now() - start, cpu: (used.user + used.system) / 1000 };
  });
  const middle = (values: number[]) => values.sort((x, y) => x - y)[Math.floor(values.length / 2)]!;
  return { wall: middle(samples.map((s) => s.wall)), cpu: middle(samples.map((s) => s.cpu)) };
}

interface Quality {
  violations: number;
  loadSpread: number;
  sumSquaredLoads: number;
  overlap: number;
  meanOverlap: number;
}

/** Checks the hard rules, full coverage (this instance is feasible) and the balance guarantee. */
function measureQuality(input: AssignmentInput, result: { added: AssignmentInput["existing"] }): Quality {
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
    sumSquaredLoads: loads.reduce((sum, value) => sum + value * value, 0),
    overlap: overlapTotal,
    meanOverlap: overlapTotal / Math.max(1, result.added.length),
  };
}

function report(label: string, input: AssignmentInput): void {
  const assignTime = medianOf(() => assignReviewers(input));
  const greedyTime = medianOf(() => assignGreedily(input));
  const result = assignReviewers(input);
  const checkStart = performance.now();
  const check = checkAssignment(input, result);
  const checkMs = performance.now() - checkStart;
  const quality = measureQuality(input, result);
  const greedy = measureQuality(input, assignGreedily(input));
  console.log(`assign_${label}: ${Math.round(assignTime.wall)} ms`);
  console.log(`assign_baseline_greedy_${label}: ${Math.round(greedyTime.wall)} ms`);
  console.log(`assign_${label}_cpu: ${Math.round(assignTime.cpu)} ms`);
  console.log(`assign_baseline_greedy_${label}_cpu: ${Math.round(greedyTime.cpu)} ms`);
  console.log(`assign_${label}_duality_gap: ${check.primal - check.dual} cost`);
  console.log(`assign_${label}_certificate_valid: ${check.valid ? 1 : 0} bool`);
  console.log(`assign_${label}_coverage_gap: ${result.certificate.coverage.gap} applications`);
  console.log(`assign_${label}_check: ${Math.round(checkMs)} ms`);
  console.log(`assign_${label}_invariant_violations: ${quality.violations} count`);
  console.log(`assign_${label}_sum_squared_loads: ${quality.sumSquaredLoads} assignments²`);
  console.log(`assign_baseline_greedy_${label}_sum_squared_loads: ${greedy.sumSquaredLoads} assignments²`);
  console.log(`assign_${label}_expertise_overlap: ${quality.overlap} tags`);
  console.log(`assign_baseline_greedy_${label}_expertise_overlap: ${greedy.overlap} tags`);
  console.log(`assign_${label}_load_spread: ${quality.loadSpread} assignments`);
}

const input = generateInstance(seededRandom(20_240_601));
const label = `${APPLICATIONS}x${REVIEWERS}_k${K}`;
report(label, input);
console.log(`assign_baseline_round_robin_${label}: ${Math.round(medianMs(() => assignRoundRobin(input)))} ms`);
console.log(
  `assign_mean_expertise_overlap: ${measureQuality(input, assignReviewers(input)).meanOverlap.toFixed(2)} tags`,
);
report(`${label}_half_conflicts`, generateInstance(seededRandom(20_240_602), true));

// Capacity short by 10 %: how many applications are left below k.
const tight: AssignmentInput = {
  applications: Array.from({ length: 200 }, (_, index) => ({ id: `a${String(index).padStart(3, "0")}`, tags: [] })),
  reviewers: Array.from({ length: 20 }, (_, index) => ({ id: `r${index}`, capacity: 27, expertise: [] })),
  conflicts: [],
  existing: [],
  k: 3,
};
console.log(`assign_200x20_k3_90pct_capacity_short: ${assignReviewers(tight).uncovered.length} applications`);
console.log(
  `assign_baseline_greedy_200x20_k3_90pct_capacity_short: ${assignGreedily(tight).uncovered.length} applications`,
);
