import {
  Kysely,
  PostgresAdapter,
  PostgresDialect,
  sql,
  type DialectAdapter,
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type KyselyConfig,
  type QueryResult,
  type Transaction,
  type TransactionBuilder,
  type TransactionSettings,
} from "kysely";
import { AmbiguousCommitError, isConnectionError, isRetryableTransactionError } from "./connection-errors";

/**
 * A connection that knows whether it is inside a transaction. Outside one, a SELECT that fails
 * because its connection broke runs once more on a fresh connection: nothing was written, so
 * nothing can happen twice.
 */
class ResilientConnection implements DatabaseConnection {
  inTransaction = false;
  constructor(
    public inner: DatabaseConnection,
    private readonly driver: Driver,
  ) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    try {
      return await this.inner.executeQuery<R>(query);
    } catch (error) {
      if (this.inTransaction || query.query.kind !== "SelectQueryNode" || !isConnectionError(error)) throw error;
      await this.driver.releaseConnection(this.inner).catch(() => {});
      this.inner = await this.driver.acquireConnection();
      return this.inner.executeQuery<R>(query);
    }
  }

  streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(query, chunkSize);
  }
}

/**
 * Wraps Kysely's PostgreSQL driver (over `pg` or PGlite) so that connection trouble is told
 * apart precisely: a COMMIT whose connection breaks is an AmbiguousCommitError (never retried),
 * and a ROLLBACK on a dead connection does not hide the error that caused it.
 */
export class ResilientDriver implements Driver {
  constructor(private readonly inner: Driver) {}

  init(): Promise<void> {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    return new ResilientConnection(await this.inner.acquireConnection(), this.inner);
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const resilient = connection as ResilientConnection;
    await this.inner.beginTransaction(resilient.inner, settings);
    resilient.inTransaction = true;
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const resilient = connection as ResilientConnection;
    try {
      await this.inner.commitTransaction(resilient.inner);
    } catch (error) {
      if (isConnectionError(error)) throw new AmbiguousCommitError(error);
      throw error;
    } finally {
      resilient.inTransaction = false;
    }
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const resilient = connection as ResilientConnection;
    resilient.inTransaction = false;
    try {
      await this.inner.rollbackTransaction(resilient.inner);
    } catch (error) {
      // The server already rolled back when the connection died; the caller's error is the news.
      if (!isConnectionError(error)) throw error;
    }
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.inner.releaseConnection((connection as ResilientConnection).inner);
  }

  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}

const MIGRATION_LOCK = 3_853_314_791;

/**
 * Kysely takes a session-level advisory lock around migrations, which PgBouncer in transaction
 * mode breaks: the unlock can reach another server connection, and the lock stays held on the
 * first one, so the next instance to start waits for it for an hour. This lock is transaction-
 * scoped instead: the lock connection opens a transaction and takes the lock, the migrations then
 * run in that same transaction (Kysely's own BEGIN on the connection is only a warning), and the
 * lock ends with their COMMIT or ROLLBACK; the release is a COMMIT of nothing.
 */
class TransactionScopedMigrationLock extends PostgresAdapter {
  override async acquireMigrationLock(db: Kysely<unknown>): Promise<void> {
    await sql`begin`.execute(db);
    // Waiting for another instance's migrations is not a runaway statement.
    await sql`select set_config('statement_timeout', '0', true)`.execute(db);
    await sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(db);
  }

  override async releaseMigrationLock(db: Kysely<unknown>): Promise<void> {
    await sql`commit`.execute(db);
  }
}

/** Kysely's PostgreSQL dialect with the driver above and a migration lock PgBouncer can keep. */
export class ResilientPostgresDialect extends PostgresDialect {
  override createDriver(): Driver {
    return new ResilientDriver(super.createDriver());
  }

  override createAdapter(): DialectAdapter {
    return new TransactionScopedMigrationLock();
  }
}

/** How long to wait before running a failed transaction again. */
const RETRY_DELAY_MS = 100;

/**
 * Kysely whose transactions run once more when the first run failed in a way a second run can
 * cure (see isRetryableTransactionError): a serialization failure, a deadlock, or a connection
 * lost before COMMIT. A transaction must therefore only touch the database (email goes through
 * the outbox), which is this code base's rule anyway.
 */
export class RetryingKysely<DB> extends Kysely<DB> {
  constructor(config: KyselyConfig) {
    super(config);
  }

  override transaction(): TransactionBuilder<DB> {
    return retrying(super.transaction());
  }
}

function retrying<DB>(builder: TransactionBuilder<DB>): TransactionBuilder<DB> {
  const wrapper = {
    setAccessMode: (mode: Parameters<TransactionBuilder<DB>["setAccessMode"]>[0]) =>
      retrying(builder.setAccessMode(mode)),
    setIsolationLevel: (level: Parameters<TransactionBuilder<DB>["setIsolationLevel"]>[0]) =>
      retrying(builder.setIsolationLevel(level)),
    async execute<T>(callback: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
      try {
        return await builder.execute(callback);
      } catch (error) {
        if (!isRetryableTransactionError(error)) throw error;
        await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
        return builder.execute(callback);
      }
    },
  };
  return wrapper as unknown as TransactionBuilder<DB>;
}
