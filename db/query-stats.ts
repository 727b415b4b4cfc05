import { AsyncLocalStorage } from "node:async_hooks";
import type { LogEvent } from "kysely";

/** Queries run and time spent in the database during one unit of work (a request, a bench step). */
export interface QueryStats {
  count: number;
  durationMs: number;
}

const storage = new AsyncLocalStorage<QueryStats>();

/** Runs `fn` and counts every query Kysely executes inside it, however deep. */
export function withQueryStats<T>(fn: () => T): { stats: QueryStats; result: T } {
  const stats: QueryStats = { count: 0, durationMs: 0 };
  const result = storage.run(stats, fn);
  return { stats, result };
}

export function currentQueryStats(): QueryStats | undefined {
  return storage.getStore();
}

export function recordQuery(event: LogEvent): void {
  const stats = storage.getStore();
  if (!stats) return;
  stats.count += 1;
  stats.durationMs += event.queryDurationMillis;
}
