/**
 * `npm run bench:match`: timings of the matching engine and its command, one `name: value unit`
 * per line. Not a test: nothing is asserted; read the figures against the targets (algorithm
 * ≤ 150 ms, whole command ≤ 2 s, doubling ratio ≤ 2.3 x).
 *
 * Instances are generated from a seeded PRNG, so every run measures the same input:
 * - each position has 1–3 seats;
 * - each applicant ranks 20 distinct positions, drawn with a skew towards popular positions
 *   (index ⌊n·u²⌋), in random order;
 * - each position ranks 20 applicants: up to 16 drawn from those who ranked it, the rest from
 *   anyone, in random order. So many pairs are mutually acceptable, popular positions turn many
 *   down, and proposals get displaced: the algorithm does real work.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  findBlockingPairs,
  matchApplicantProposing,
  matchPositionProposing,
  type MatchingInput,
} from "~/matching/engine";

const LIST_LENGTH = 20;
const FROM_APPLICATIONS = 16;

/** mulberry32: tiny, fast, and good enough to draw benchmark instances. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

function drawDistinct(count: number, draw: () => number, exclude: ReadonlySet<number> = new Set()): number[] {
  const chosen = new Set<number>();
  while (chosen.size < count) {
    const value = draw();
    if (!exclude.has(value)) chosen.add(value);
  }
  return [...chosen];
}

function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

function generateInstance(applicantCount: number, positionCount: number, seed: number): MatchingInput {
  const random = seededRandom(seed);
  const rankingsOfApplicants = Array.from({ length: applicantCount }, () =>
    drawDistinct(LIST_LENGTH, () => Math.floor(positionCount * random() ** 2)),
  );
  const applicationsTo = Array.from({ length: positionCount }, (): number[] => []);
  rankingsOfApplicants.forEach((ranking, a) => ranking.forEach((p) => applicationsTo[p]!.push(a)));
  const rankingsOfPositions = applicationsTo.map((applications) => {
    const fromApplications = shuffle([...applications], random).slice(0, FROM_APPLICATIONS);
    const others = drawDistinct(
      LIST_LENGTH - fromApplications.length,
      () => Math.floor(applicantCount * random()),
      new Set(fromApplications),
    );
    return shuffle([...fromApplications, ...others], random);
  });
  return {
    applicants: rankingsOfApplicants.map((ranking, a) => ({ id: `a${a}`, ranking: ranking.map((p) => `p${p}`) })),
    positions: rankingsOfPositions.map((ranking, p) => ({
      id: `p${p}`,
      seats: 1 + Math.floor(random() * 3),
      ranking: ranking.map((a) => `a${a}`),
    })),
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function medianTime(run: () => unknown, { warmups, runs }: { warmups: number; runs: number }): number {
  for (let i = 0; i < warmups; i++) run();
  const times = Array.from({ length: runs }, () => {
    const startedAt = performance.now();
    run();
    return performance.now() - startedAt;
  });
  return median(times);
}

/** The floor for any matcher: one pass over every rank list, resolving each id to an index. */
function resolveEveryRankList(input: MatchingInput): number {
  const indexOf = new Map<string, number>();
  input.applicants.forEach(({ id }, i) => indexOf.set(id, i));
  input.positions.forEach(({ id }, i) => indexOf.set(id, i));
  let checksum = 0;
  for (const { ranking } of [...input.applicants, ...input.positions]) {
    for (const id of ranking) checksum += indexOf.get(id) ?? 0;
  }
  return checksum;
}

function countMutuallyAcceptablePairs(input: MatchingInput): number {
  const rankers = new Map(input.positions.map((p) => [p.id, new Set(p.ranking)]));
  return input.applicants.reduce((sum, a) => sum + a.ranking.filter((p) => rankers.get(p)?.has(a.id)).length, 0);
}

const root = fileURLToPath(new URL("../..", import.meta.url));

function commandTime(args: string[]): number {
  return medianTime(
    () => {
      const run = spawnSync(process.execPath, args, { cwd: root, maxBuffer: 64 * 2 ** 20 });
      if (run.status !== 0) throw new Error(`node ${args.join(" ")} failed: ${run.stderr.toString()}`);
    },
    { warmups: 1, runs: 5 },
  );
}

function report(name: string, value: number, unit: string, digits = 1): void {
  console.log(`${name}: ${value.toFixed(digits)} ${unit}`);
}

const instance = generateInstance(10_000, 1_000, 2024);
const doubled = generateInstance(20_000, 2_000, 2025);
const repeat = { warmups: 3, runs: 11 };

const algorithmTime = medianTime(() => matchApplicantProposing(instance), repeat);
const baselineTime = medianTime(() => resolveEveryRankList(instance), repeat);
const hostProposingTime = medianTime(() => matchPositionProposing(instance), repeat);
report("match_algorithm_10000x1000", algorithmTime, "ms");
report("match_baseline_rank_list_pass_10000x1000", baselineTime, "ms");
report("match_host_proposing_10000x1000", hostProposingTime, "ms");
const doubledTime = medianTime(() => matchApplicantProposing(doubled), repeat);
const doubledBaselineTime = medianTime(() => resolveEveryRankList(doubled), repeat);
report("match_algorithm_20000x2000", doubledTime, "ms");
report("match_baseline_rank_list_pass_20000x2000", doubledBaselineTime, "ms");
report("match_doubling_ratio", doubledTime / algorithmTime, "x", 2);
// How much of the ratio is the machine's: the baseline does no matching, only reads the input.
report("match_baseline_doubling_ratio", doubledBaselineTime / baselineTime, "x", 2);

const result = matchApplicantProposing(instance);
report("match_mutually_acceptable_pairs_10000x1000", countMutuallyAcceptablePairs(instance), "count", 0);
report("match_matched_10000x1000", result.matches.length, "count", 0);
report("match_blocking_pairs_10000x1000", findBlockingPairs(instance, result.matches).length, "count", 0);

const dir = mkdtempSync(path.join(tmpdir(), "bench-match-"));
try {
  const file = path.join(dir, "instance.json");
  writeFileSync(file, JSON.stringify(instance));
  report("match_cli_10000x1000", commandTime(["--import", "tsx", "app/matching/cli.ts", file]), "ms", 0);
  report("node_startup_baseline", commandTime(["--import", "tsx", "-e", ""]), "ms", 0);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
