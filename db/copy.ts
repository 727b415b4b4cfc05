import { sql } from "kysely";
import type { DB } from "./client";
import { migrateToLatest } from "./migrate";

const PAGE_ROWS = 1000;

interface Table {
  name: string;
  /** Columns to copy: generated ones are computed again by the target. */
  columns: string[];
}

/** The application's tables, parents before children (by foreign keys), with their copyable columns. */
async function tablesInDependencyOrder(db: DB): Promise<Table[]> {
  const { rows: tables } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
     where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like 'kysely_migration%'
     order by table_name`.execute(db);
  const { rows: edges } = await sql<{ child: string; parent: string }>`
    select conrelid::regclass::text as child, confrelid::regclass::text as parent
      from pg_constraint where contype = 'f' and conrelid <> confrelid`.execute(db);
  const { rows: columns } = await sql<{ table: string; column: string }>`
    select table_name as table, column_name as column from information_schema.columns
     where table_schema = 'public' and is_generated = 'NEVER' order by table_name, ordinal_position`.execute(db);
  const ordered: string[] = [];
  const visit = (name: string, path: Set<string>) => {
    if (ordered.includes(name)) return;
    if (path.has(name)) throw new Error(`Foreign keys form a cycle through ${name}`);
    for (const edge of edges.filter((e) => e.child === name)) visit(edge.parent, new Set([...path, name]));
    ordered.push(name);
  };
  for (const table of tables) visit(table.name, new Set());
  return ordered.map((name) => ({
    name,
    columns: columns.filter((column) => column.table === name).map((column) => column.column),
  }));
}

/**
 * Copies every row of an embedded (PGlite) database into an empty PostgreSQL database, in one
 * transaction on the target: all of it or nothing. Both are first migrated to the same schema;
 * rows travel as JSON in pages, so every type (jsonb, arrays, bytea, citext, timestamps) arrives
 * through PostgreSQL's own input functions. Returns the number of rows per table.
 */
export async function copyDatabase(
  source: DB,
  target: DB,
  log: (line: string) => void = () => {},
): Promise<Record<string, number>> {
  await migrateToLatest(source);
  await migrateToLatest(target);
  const tables = await tablesInDependencyOrder(source);
  const counts: Record<string, number> = {};
  await target.transaction().execute(async (trx) => {
    for (const table of tables) {
      const { rows } = await sql`select 1 from ${sql.table(table.name)} limit 1`.execute(trx);
      if (rows.length > 0)
        throw new Error(`The target database already has rows in ${table.name}: copy only into an empty one.`);
    }
    for (const table of tables) {
      const list = sql.join(table.columns.map((column) => sql.ref(column)));
      // json_agg writes SQL NULL and JSON null alike, and json_populate_recordset reads both back into a
      // jsonb column as JSON null: a nullable jsonb column (a question's condition) is given SQL NULL back.
      const { rows: jsonbColumns } = await sql<{ name: string }>`
        select column_name as name from information_schema.columns
        where table_schema = current_schema() and table_name = ${table.name} and data_type = 'jsonb'`.execute(trx);
      const jsonb = new Set(jsonbColumns.map((column) => column.name));
      const values = sql.join(
        table.columns.map((column) =>
          jsonb.has(column) ? sql`nullif(${sql.ref(column)}, 'null'::jsonb)` : sql.ref(column),
        ),
      );
      let copied = 0;
      for (let offset = 0; ; offset += PAGE_ROWS) {
        const { rows } = await sql<{ page: unknown[] | null }>`
          select json_agg(t) as page from (
            select ${list} from ${sql.table(table.name)} order by ctid limit ${PAGE_ROWS} offset ${offset}) t`.execute(
          source,
        );
        const page = rows[0]?.page;
        if (!page || page.length === 0) break;
        await sql`insert into ${sql.table(table.name)} (${list})
          select ${values} from json_populate_recordset(null::${sql.table(table.name)}, ${JSON.stringify(page)}::json)`.execute(
          trx,
        );
        copied += page.length;
        if (page.length < PAGE_ROWS) break;
      }
      counts[table.name] = copied;
      log(`${table.name}: ${copied} rows`);
    }
  });
  return counts;
}
