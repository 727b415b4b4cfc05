// The entry of the worker thread that fits a round's calibrated ranking (see fit-worker.server.ts):
// one fit per worker, its inputs in workerData, its result posted back.
import { parentPort, workerData } from "node:worker_threads";
import { fitScoredRound } from "./round-fit";

const { criteria, scored, options } = workerData as {
  criteria: Parameters<typeof fitScoredRound>[0];
  scored: Parameters<typeof fitScoredRound>[1];
  options: Parameters<typeof fitScoredRound>[2];
};
parentPort!.postMessage(fitScoredRound(criteria, scored, options));
