import { sql, type RawBuilder, type SelectQueryBuilder, type SqlBool } from "kysely";
import { z } from "zod";
import { ApiError } from "./api-error";
import { decodeCursor, encodeCursor } from "./cursor";

/** A position in a list ordered by (a timestamp, id): the timestamp kept as PostgreSQL's text, to the microsecond. */
const KeyCursor = z.object({ t: z.string().max(64), id: z.uuid() });
export type Key = z.infer<typeof KeyCursor>;

export function readKeyCursor(url: URL): Key | null {
  const cursor = decodeCursor(url.searchParams.get("cursor"), KeyCursor);
  if (cursor === "invalid") throw new ApiError("bad_request", "The cursor is not valid.", { cursor: ["Not a cursor"] });
  if (cursor && Number.isNaN(Date.parse(cursor.t))) {
    throw new ApiError("bad_request", "The cursor is not valid.", { cursor: ["Not a cursor"] });
  }
  return cursor;
}

/** Rows after the cursor, for a table alias whose order is (`timeColumn`, id). */
export function afterKey(table: string, timeColumn: string, key: Key): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${sql.ref(`${table}.${timeColumn}`)}, ${sql.ref(`${table}.id`)}) > (${key.t}::timestamptz, ${key.id}::uuid)`;
}

export function keyText(table: string, timeColumn: string) {
  return sql<string>`${sql.ref(`${table}.${timeColumn}`)}::text`;
}

/** The page (rows beyond `limit` were fetched only to know there is more) and the cursor after it. */
export function pageOf<T extends { id: string; key: string }>(rows: T[], limit: number) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor({ t: last.key, id: last.id }) : null };
}

export type PageArgs = { after: Key | null; limit: number };

/**
 * One page of `query` in (`timeColumn`, id) order of `table`, after the cursor: the query selects
 * `id` and `keyText(table, timeColumn)` as `key`; one row beyond the page tells whether there is more.
 */
export async function keysetPage<DB, TB extends keyof DB, O extends { id: string; key: string }>(
  query: SelectQueryBuilder<DB, TB, O>,
  table: string,
  timeColumn: string,
  { after, limit }: PageArgs,
) {
  const rows = await (after ? query.where(afterKey(table, timeColumn, after)) : query)
    .orderBy(sql.ref(`${table}.${timeColumn}`))
    .orderBy(sql.ref(`${table}.id`))
    .limit(limit + 1)
    .execute();
  return pageOf(rows, limit);
}
