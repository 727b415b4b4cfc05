// Benchmark of form parsing (`npm run bench:parse`): the time to turn a form of N fields into a
// conform submission, for N from 1,000 to 16,000, by the portal's parser (`parseSubmission`) and,
// as the baseline in the same run, conform's `parseWithZod` alone (the path the penetration test
// froze with 20,000 repeated fields). Two shapes: one name repeated N times (the attack) and N
// distinct names. The growth exponent is the slope of log(time) against log(N) by least squares:
// 1 is linear, 2 quadratic. Prints `name: value unit` lines; nothing here fails on a figure.
import { parseWithZod } from "@conform-to/zod/v4";
import { LoginSchema } from "~/auth/auth.schema";
import { parseSubmission } from "~/utils/parse-submission";

const SIZES = [1_000, 2_000, 4_000, 8_000, 16_000];
const RUNS = 7;
/** Collects garbage between runs when node runs with --expose-gc (the npm script does), so one run's garbage is not timed in the next. */
const collectGarbage = (globalThis as { gc?: () => void }).gc ?? (() => {});

type Parser = (form: URLSearchParams) => unknown;
const PARSERS: Record<string, Parser> = {
  portal: (form) => parseSubmission(form, { schema: LoginSchema }),
  baseline_conform: (form) => parseWithZod(form, { schema: LoginSchema }),
};

const SHAPES: Record<string, (n: number) => URLSearchParams> = {
  repeated: (n) => new URLSearchParams(Array.from({ length: n }, () => ["email", "a@b.c"])),
  distinct: (n) => new URLSearchParams(Array.from({ length: n }, (_, i) => [`f${i}`, "a@b.c"])),
};

/** The fastest of a few runs, in milliseconds: on a shared machine, the run least disturbed by others. */
function timeMs(parse: Parser, form: URLSearchParams, runs: number): number {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    collectGarbage();
    const started = process.hrtime.bigint();
    parse(form);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return Math.min(...times);
}

/** Least-squares slope of log(time) on log(size). */
function growthExponent(points: Array<[number, number]>): number {
  const xs = points.map(([n]) => Math.log(n));
  const ys = points.map(([, ms]) => Math.log(ms));
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const mx = mean(xs);
  const my = mean(ys);
  const covariance = xs.reduce((sum, x, i) => sum + (x - mx) * (ys[i]! - my), 0);
  const variance = xs.reduce((sum, x) => sum + (x - mx) ** 2, 0);
  return covariance / variance;
}

for (const [shape, build] of Object.entries(SHAPES)) {
  for (const [parser, parse] of Object.entries(PARSERS)) {
    parse(build(1_000)); // warm up the JIT
    const points: Array<[number, number]> = [];
    for (const size of SIZES) {
      // The quadratic baseline takes seconds at the top sizes: three runs are enough.
      const ms = timeMs(parse, build(size), parser === "portal" ? RUNS : 3);
      points.push([size, ms]);
      console.log(`parse_${shape}_${parser}_${size}_fields: ${ms.toFixed(2)} ms`);
    }
    const suffix = parser === "portal" ? "" : `_${parser}`;
    console.log(`parse_growth_exponent_${shape}${suffix}: ${growthExponent(points).toFixed(2)}x`);
  }
}
