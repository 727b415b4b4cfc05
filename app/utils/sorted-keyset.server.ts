import { sql, type Expression, type RawBuilder, type SqlBool } from "kysely";
import { z } from "zod";
import { decodeCursor, encodeCursor } from "~/api/cursor";

/**
 * Keyset pagination for staff lists sorted by a number (a score, a count) with the applicant's
 * name and the id as tie-breaks: the order is the tuple (key, name, id), all ascending or all
 * descending, so "after this row" is one row comparison. A missing number sorts last either way
 * (±Infinity), so every row has a key and pages never skip or repeat a row while the data stand.
 */
const SortCursor = z.object({ k: z.string().max(40), n: z.string().max(400), id: z.uuid() });
export type SortCursor = z.infer<typeof SortCursor>;

/** A cursor from the query string; one that does not decode starts from the first page. */
export function readSortCursor(value: string | null | undefined): SortCursor | null {
  const cursor = decodeCursor(value ?? null, SortCursor);
  return cursor === "invalid" || (cursor && Number.isNaN(Number(cursor.k))) ? null : cursor;
}

/** The sort key: the number, or ±Infinity where it is missing so that such rows come last. */
export function sortKey(value: Expression<unknown> | RawBuilder<unknown>, order: "asc" | "desc"): RawBuilder<number> {
  return sql<number>`coalesce((${value})::float8, ${order === "asc" ? "Infinity" : "-Infinity"}::float8)`;
}

export function afterCursor(
  key: RawBuilder<number>,
  name: string,
  id: string,
  order: "asc" | "desc",
  cursor: SortCursor,
): RawBuilder<SqlBool> {
  const tuple = sql`(${key}, ${sql.ref(name)}, ${sql.ref(id)})`;
  const after = sql`(${cursor.k}::float8, ${cursor.n}::text, ${cursor.id}::uuid)`;
  return order === "asc" ? sql<SqlBool>`${tuple} > ${after}` : sql<SqlBool>`${tuple} < ${after}`;
}

/** The page (a row beyond `size` was fetched only to know there is more) and the cursor after it. */
export function sortedPage<T extends { id: string; name: string; sortKey: string }>(rows: T[], size: number) {
  const items = rows.slice(0, size);
  const last = items[items.length - 1];
  return {
    items,
    next: rows.length > size && last ? encodeCursor({ k: last.sortKey, n: last.name, id: last.id }) : null,
  };
}
