import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { Criterion, SubmittedReview } from "./scoring";
import { fitScoredRound, type RoundFit, type RoundFitOptions } from "./round-fit";

// Two directories below the root whether this runs from app/review (tsx, Vitest), from the server
// bundle (build/server/index.js) or from a compiled command (build/cli/*.js).
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..", "..");
const compiled = path.join(root, "build", "cli", "calibration-worker.js");

/**
 * The worker from source, loaded through tsx's ES module API (a worker thread does not take
 * `--import tsx`; the file is the one tsx's package exports as `tsx/esm/api`, named by path because
 * a worker's eval code resolves bare names from nowhere).
 */
function sourceWorker(): string {
  const api = pathToFileURL(path.join(root, "node_modules", "tsx", "dist", "esm", "api", "index.mjs")).href;
  const entry = pathToFileURL(path.join(root, "app", "review", "calibration-worker.ts")).href;
  return `import(${JSON.stringify(api)}).then(({ tsImport }) => tsImport(${JSON.stringify(entry)}, ${JSON.stringify(entry)}));`;
}

/** Below this many reviews a fit takes milliseconds, less than starting a thread. */
export const OFF_THREAD_REVIEWS = 1500;

/**
 * A round's calibrated fit, on a worker thread when it is large (see {@link fitRoundOnWorker}).
 * `offThreadAbove` is for tests.
 */
export async function fitRound(
  criteria: Criterion[],
  scored: SubmittedReview[],
  options: RoundFitOptions,
  offThreadAbove = OFF_THREAD_REVIEWS,
): Promise<RoundFit> {
  if (scored.length <= offThreadAbove) return fitScoredRound(criteria, scored, options);
  return fitRoundOnWorker(criteria, scored, options);
}

/**
 * Fits a round on a worker thread. The fit is seconds of arithmetic at 5,000 applications × 3
 * reviews; on the main thread it would stop every other request for that long (the issue 13
 * measurement: 35 s under load). Compiled code runs the worker compiled with the commands; source
 * (development, tests) runs it through tsx.
 */
function fitRoundOnWorker(
  criteria: Criterion[],
  scored: SubmittedReview[],
  options: RoundFitOptions,
): Promise<RoundFit> {
  const fromBuild = here.split(path.sep).includes("build") && existsSync(compiled);
  const worker = fromBuild
    ? new Worker(compiled, { workerData: { criteria, scored, options } })
    : new Worker(sourceWorker(), { eval: true, workerData: { criteria, scored, options } });
  return new Promise<RoundFit>((resolve, reject) => {
    worker.once("message", (fit: RoundFit) => resolve(fit));
    worker.once("error", reject);
    worker.once("exit", (code) => code !== 0 && reject(new Error(`The ranking's fit stopped with code ${code}`)));
  });
}
