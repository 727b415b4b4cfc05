import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { Criterion, SubmittedReview } from "./scoring";
import { fitScoredRound, type RoundFit, type RoundFitOptions } from "./round-fit";

/**
 * Where this module runs from: source (app/review, under tsx or Vitest: the root is two up) or
 * compiled, somewhere under the root's build/ (build/server/assets/… for the server bundle,
 * build/cli/ for a command: the root is build's parent).
 */
export function moduleLayout(moduleDir: string): { root: string; compiled: boolean } {
  if (moduleDir.endsWith(path.join("app", "review")))
    return { root: path.resolve(moduleDir, "..", ".."), compiled: false };
  const parts = moduleDir.split(path.sep);
  const build = parts.lastIndexOf("build");
  if (build < 1) throw new Error(`The ranking's fit runs from an unexpected place: ${moduleDir}`);
  return { root: parts.slice(0, build).join(path.sep) || path.sep, compiled: true };
}

// Worked out when a worker is first needed, so an unexpected layout fails that fit, not the server.
let layoutOnce: { root: string; compiled: boolean } | undefined;
const layout = () => (layoutOnce ??= moduleLayout(path.dirname(fileURLToPath(import.meta.url))));
const compiledWorker = () => path.join(layout().root, "build", "cli", "calibration-worker.js");

/**
 * The worker from source, loaded through tsx's ES module API (a worker thread does not take
 * `--import tsx`; the file is the one tsx's package exports as `tsx/esm/api`, named by path because
 * a worker's eval code resolves bare names from nowhere).
 */
function sourceWorker(): string {
  const { root } = layout();
  const api = pathToFileURL(path.join(root, "node_modules", "tsx", "dist", "esm", "api", "index.mjs")).href;
  const entry = pathToFileURL(path.join(root, "app", "review", "calibration-worker.ts")).href;
  return `import(${JSON.stringify(api)}).then(({ tsImport }) => tsImport(${JSON.stringify(entry)}, ${JSON.stringify(entry)}));`;
}

/**
 * Below this many reviews a fit takes milliseconds, less than starting a thread. RANKING_WORKER_ABOVE
 * sets it (checked at start-up by config.server.ts); read here because the server bundle has its
 * own copy of this module, apart from the process that loads the configuration.
 */
export const OFF_THREAD_REVIEWS = Number(process.env.RANKING_WORKER_ABOVE ?? 1500);

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

/** A fit that has not finished by then is stopped (its thread terminated) and the view fails. */
const FIT_TIMEOUT_MS = 5 * 60_000;
/** Fits run one at a time per process: on two cores, more would starve the requests they spare. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * Fits a round on a worker thread. The fit is seconds of arithmetic at 5,000 applications × 3
 * reviews; on the main thread it would stop every other request for that long (the issue 13
 * measurement: 35 s under load). Compiled code runs the worker compiled with the commands (and
 * says so if it is missing, rather than reaching for sources a deployment may not have); source
 * (development, tests) runs it through tsx.
 */
function fitRoundOnWorker(
  criteria: Criterion[],
  scored: SubmittedReview[],
  options: RoundFitOptions,
): Promise<RoundFit> {
  const run = queue.then(() => runWorker({ criteria, scored, options }));
  queue = run.catch(() => {});
  return run;
}

function runWorker(workerData: { criteria: Criterion[]; scored: SubmittedReview[]; options: RoundFitOptions }) {
  let compiled: string | null;
  try {
    compiled = layout().compiled ? compiledWorker() : null;
  } catch (error) {
    return Promise.reject(error as Error);
  }
  if (compiled && !existsSync(compiled)) return Promise.reject(new Error(`${compiled} is missing: run npm run build`));
  const worker = compiled
    ? new Worker(compiled, { workerData })
    : new Worker(sourceWorker(), { eval: true, workerData });
  return new Promise<RoundFit>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`The ranking's fit took more than ${FIT_TIMEOUT_MS / 1000} s and was stopped`));
      void worker.terminate();
    }, FIT_TIMEOUT_MS);
    worker.once("message", (fit: RoundFit) => resolve(fit));
    worker.once("error", reject);
    worker.once("exit", (code) => {
      clearTimeout(timer);
      if (code !== 0) reject(new Error(`The ranking's fit stopped with code ${code}`));
    });
  });
}
