import { setImmediate as nextTurn } from "node:timers/promises";
import { driverOf, type DB } from "#db/client";

/** Rows in a stable order that a batch can resume after (its ORDER BY is the key, unique). */
export interface KeysetQuery<Row, Key> {
  /** The export's query in key order, starting after `after` (every row when null), without a limit. */
  after(key: Key | null): {
    stream(chunkSize?: number): AsyncIterableIterator<Row>;
    limit(limit: number): { execute(): Promise<Row[]> };
  };
  /** The key of a row, to start the next batch after it. */
  keyOf(row: Row): Key;
}

/** Rows fetched per round trip: a few hundred kilobytes of CSV at most in memory at a time. */
export const EXPORT_BATCH_ROWS = 500;

/**
 * Every row of an export, a batch at a time and only as fast as the reader takes them (an async
 * generator is pulled, never pushed). On PostgreSQL one server-side cursor (pg-cursor through
 * Kysely's `.stream()`) holds one pool connection and one snapshot; on PGlite, whose single
 * connection everyone shares, each batch is its own short query resuming after the last key, so
 * other requests' queries run between batches. After every batch the generator waits for the
 * event loop's next turn: rows already in memory resolve as microtasks, so without it a batch's
 * stringifying and compressing would run back to back with the next one's (PGlite answers
 * in-process) and keep other requests' I/O waiting.
 */
export async function* exportRows<Row, Key>(
  db: DB,
  query: KeysetQuery<Row, Key>,
  batchRows = EXPORT_BATCH_ROWS,
): AsyncGenerator<Row> {
  if (driverOf(db) === "pg") {
    let inBatch = 0;
    for await (const row of query.after(null).stream(batchRows)) {
      yield row;
      if (++inBatch === batchRows) {
        inBatch = 0;
        await nextTurn();
      }
    }
    return;
  }
  let after: Key | null = null;
  for (;;) {
    const rows = await query.after(after).limit(batchRows).execute();
    yield* rows;
    await nextTurn();
    const last = rows.at(-1);
    if (rows.length < batchRows || last === undefined) return;
    after = query.keyOf(last);
  }
}
