import { mkdirSync } from "node:fs";
import { CamelCasePlugin, Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import type { Database } from "./types";
import { recordQuery } from "./query-stats";

export type DB = Kysely<Database>;
export type Driver = "pg" | "pglite";

export interface DatabaseOptions {
  /** A PostgreSQL connection string; when absent the embedded PGlite database is used. */
  url?: string | undefined;
  /** PGlite's data directory, or `memory://` for a database that lives only in this process. */
  pgliteDataDir?: string | undefined;
  /** A PGlite data directory dump to start from (tests clone a migrated template this way). */
  pgliteLoadDataDir?: Blob | undefined;
  /** Pool size for PostgreSQL. */
  maxConnections?: number | undefined;
  statementTimeoutMs?: number | undefined;
  connectionTimeoutMs?: number | undefined;
  onPoolError?: (error: Error) => void;
}

export interface DatabaseHandle {
  db: DB;
  driver: Driver;
  /** Answers whether the database can run a query right now. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
  /** Dumps an embedded database (PGlite only), for cloning in tests. */
  dumpDataDir?: () => Promise<Blob>;
}

// pg hands back bigint (int8) and numeric as strings; counts come back as int8, and they
// always fit in a JS number here, so parse them once for every query.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10));
// A date (no time of day) stays the `YYYY-MM-DD` it is; a JS Date would shift it by the server's zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

function createKysely(pool: pg.Pool): DB {
  return new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    // maintainNestedObjectKeys: jsonb values (answers keyed by question id) keep their keys.
    plugins: [new CamelCasePlugin({ maintainNestedObjectKeys: true })],
    log: (event) => recordQuery(event),
  });
}

export async function createDatabase(options: DatabaseOptions = {}): Promise<DatabaseHandle> {
  if (options.url) return createPostgres(options.url, options);
  return createPglite(options);
}

async function createPostgres(url: string, options: DatabaseOptions): Promise<DatabaseHandle> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    // Without a connection timeout pg waits forever for a server that is down.
    connectionTimeoutMillis: options.connectionTimeoutMs ?? 5_000,
    statement_timeout: options.statementTimeoutMs ?? 15_000,
    idleTimeoutMillis: 30_000,
  });
  // Without this handler an idle client's error (e.g. a server restart, 57P01) kills the process.
  pool.on("error", options.onPoolError ?? (() => {}));
  const db = createKysely(pool);
  return {
    db,
    driver: "pg",
    ping: () => ping(db),
    close: () => db.destroy(),
  };
}

async function createPglite(options: DatabaseOptions): Promise<DatabaseHandle> {
  const [{ PGlite }, { citext }, { pg_trgm }, { createPgConfig }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("@electric-sql/pglite/contrib/citext"),
    import("@electric-sql/pglite/contrib/pg_trgm"),
    import("@electric-sql/pglite/node-postgres"),
  ]);
  const dataDir = options.pgliteDataDir ?? "./data/pglite";
  // PGlite does not create missing parent folders.
  if (!dataDir.startsWith("memory://")) mkdirSync(dataDir, { recursive: true });
  // Extensions must be registered every time the database is opened, not only when created.
  const pglite = await PGlite.create({
    dataDir,
    extensions: { citext, pg_trgm },
    ...(options.pgliteLoadDataDir ? { loadDataDir: options.pgliteLoadDataDir } : {}),
  });
  // PGlite is a single connection: a pool of one queues queries in order.
  const pool = new pg.Pool({ ...createPgConfig(pglite), max: 1 });
  pool.on("error", options.onPoolError ?? (() => {}));
  const db = createKysely(pool);
  return {
    db,
    driver: "pglite",
    ping: () => ping(db),
    close: async () => {
      await db.destroy();
      await pglite.close();
    },
    dumpDataDir: async () => {
      const dump = await pglite.dumpDataDir("none");
      return dump;
    },
  };
}

async function ping(db: DB): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
