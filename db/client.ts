import { mkdirSync } from "node:fs";
import { CamelCasePlugin, sql, type Kysely, type PostgresPool } from "kysely";
import pg from "pg";
import Cursor from "pg-cursor";
import { isConnectionError } from "./connection-errors";
import { lockDataDir } from "./data-dir-lock";
import type { Database } from "./types";
import { recordQuery } from "./query-stats";
import { ResilientPostgresDialect, RetryingKysely } from "./resilient-driver";

export type DB = Kysely<Database>;
export type Driver = "pg" | "pglite";

export interface DatabaseOptions {
  /** A PostgreSQL connection string; when absent the embedded PGlite database is used. */
  url?: string | undefined;
  /** PGlite's data directory, or `memory://` for a database that lives only in this process. */
  pgliteDataDir?: string | undefined;
  /** A PGlite data directory dump to start from (tests clone a migrated template this way). */
  pgliteLoadDataDir?: Blob | undefined;
  /** Pool size for PostgreSQL (default 10). */
  maxConnections?: number | undefined;
  /** Sent as the `statement_timeout` start-up parameter (default 15 s); 0 sends none (PgBouncer, see README). */
  statementTimeoutMs?: number | undefined;
  /**
   * How long to wait for a connection (default 5 s): for a free one from the pool, and for a
   * server that is restarting. Past it the request fails with a 503.
   */
  connectionTimeoutMs?: number | undefined;
  /** Called when an idle connection breaks (a server restart); the pool replaces it. */
  onPoolError?: (error: Error) => void;
}

export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
  max: number;
}

const statsOf = (pool: pg.Pool): PoolStats => ({
  total: pool.totalCount,
  idle: pool.idleCount,
  waiting: pool.waitingCount,
  max: pool.options.max ?? 10,
});

export interface DatabaseHandle {
  db: DB;
  driver: Driver;
  /** Answers whether the database can run a query right now. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
  /** The connection pool's counts, for metrics. */
  poolStats(): PoolStats;
  /** Dumps an embedded database (PGlite only), for cloning in tests. */
  dumpDataDir?: () => Promise<Blob>;
}

// pg hands back bigint (int8) and numeric as strings; counts come back as int8, and they
// always fit in a JS number here, so parse them once for every query.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10));
// A date (no time of day) stays the `YYYY-MM-DD` it is; a JS Date would shift it by the server's zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

const drivers = new WeakMap<DB, Driver>();

/** Which driver a handle runs on: exports stream from a cursor on PostgreSQL and in keyset batches on PGlite. */
export function driverOf(db: DB): Driver {
  return drivers.get(db) ?? "pglite";
}

function createKysely(pool: PostgresPool, driver: Driver): DB {
  const db = new RetryingKysely<Database>({
    // A server-side cursor (Kysely's `.stream()`) only on PostgreSQL: on PGlite it would hold the
    // one connection for the whole export and stall every other request.
    dialect: new ResilientPostgresDialect(driver === "pg" ? { pool, cursor: Cursor } : { pool }),
    // maintainNestedObjectKeys: jsonb values (answers keyed by question id) keep their keys.
    plugins: [new CamelCasePlugin({ maintainNestedObjectKeys: true })],
    log: (event) => recordQuery(event),
  });
  drivers.set(db, driver);
  return db;
}

export async function createDatabase(options: DatabaseOptions = {}): Promise<DatabaseHandle> {
  if (options.url) return createPostgres(options.url, options);
  return createPglite(options);
}

/**
 * Every client gets an error listener for its whole life. pg-pool listens only while a client is
 * idle; a checked-out client whose server goes away (a restart, pg_terminate_backend on a
 * connection idle in a transaction) emits `error` with no listener, and Node ends the process.
 * The error needs no handling here: the client is unusable, its next query fails, and that
 * request's transaction is retried or answered with a 503; the pool drops it on release.
 */
function listenForClientErrors(pool: pg.Pool, onPoolError: (error: Error) => void) {
  pool.on("error", onPoolError);
  pool.on("connect", (client) => client.on("error", () => {}));
}

/**
 * Hands out pool connections, waiting out a server that is restarting (connection refused,
 * "the database system is starting up") until the connection timeout, instead of failing the
 * request at once. A full pool is not waited out twice: pg-pool's own timeout covers that.
 */
function patientPool(pool: pg.Pool, budgetMs: number): PostgresPool {
  return {
    async connect() {
      const deadline = Date.now() + budgetMs;
      for (let delay = 50; ; delay = Math.min(delay * 2, 500)) {
        try {
          return await pool.connect();
        } catch (error) {
          if (!isConnectionError(error) || Date.now() + delay > deadline) throw error;
          await new Promise((resolve) => setTimeout(resolve, delay));
        }
      }
    },
    end: () => pool.end(),
  };
}

export const DATABASE_DEFAULTS = { maxConnections: 10, statementTimeoutMs: 15_000, connectionTimeoutMs: 5_000 };

async function createPostgres(url: string, options: DatabaseOptions): Promise<DatabaseHandle> {
  const connectionTimeoutMs = options.connectionTimeoutMs ?? DATABASE_DEFAULTS.connectionTimeoutMs;
  const statementTimeoutMs = options.statementTimeoutMs ?? DATABASE_DEFAULTS.statementTimeoutMs;
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? DATABASE_DEFAULTS.maxConnections,
    // Without a connection timeout pg waits forever for a server that is down.
    connectionTimeoutMillis: connectionTimeoutMs,
    ...(statementTimeoutMs > 0 ? { statement_timeout: statementTimeoutMs } : {}),
    idleTimeoutMillis: 30_000,
    application_name: "open-web-fellows",
  });
  listenForClientErrors(pool, options.onPoolError ?? (() => {}));
  const db = createKysely(patientPool(pool, connectionTimeoutMs), "pg");
  return {
    db,
    driver: "pg",
    ping: () => ping(db),
    poolStats: () => statsOf(pool),
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
  let unlock = () => {};
  if (!dataDir.startsWith("memory://")) {
    // PGlite does not create missing parent folders, nor stop a second process from opening the folder.
    mkdirSync(dataDir, { recursive: true });
    unlock = lockDataDir(dataDir);
  }
  let pglite: InstanceType<typeof PGlite>;
  try {
    // Extensions must be registered every time the database is opened, not only when created.
    pglite = await PGlite.create({
      dataDir,
      extensions: { citext, pg_trgm },
      ...(options.pgliteLoadDataDir ? { loadDataDir: options.pgliteLoadDataDir } : {}),
    });
  } catch (error) {
    unlock();
    throw error;
  }
  // PGlite is a single connection: a pool of one queues queries in order.
  const pool = new pg.Pool({ ...createPgConfig(pglite), max: 1 });
  listenForClientErrors(pool, options.onPoolError ?? (() => {}));
  const db = createKysely(pool, "pglite");
  return {
    db,
    driver: "pglite",
    ping: () => ping(db),
    poolStats: () => statsOf(pool),
    close: async () => {
      await db.destroy();
      await pglite.close();
      unlock();
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
