import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle, DB } from "#db/client";
import { AmbiguousCommitError } from "#db/connection-errors";
import { createTestDatabase, drivers } from "../../support/db";

/** Ends this database's server connections that are idle in a transaction, as a failover or a DBA would. */
async function terminateIdleInTransaction(db: DB): Promise<number> {
  const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(db);
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  try {
    const result = await admin.query(
      `select pg_terminate_backend(pid) from pg_stat_activity
        where datname = $1 and state like 'idle in transaction%'`,
      [rows[0]!.name],
    );
    return result.rowCount ?? 0;
  } finally {
    await admin.end();
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// PostgreSQL only: PGlite has no server connection to lose.
describe.runIf(drivers.includes("pg"))("connection loss on PostgreSQL", () => {
  let handle: DatabaseHandle;
  const table = `fault_${randomBytes(4).toString("hex")}`;
  beforeAll(async () => {
    handle = await createTestDatabase("pg");
    await sql`create table ${sql.table(table)} (id serial primary key, note text not null)`.execute(handle.db);
  });
  afterAll(() => handle?.close());

  const notes = async (note: string) =>
    (
      await sql<{ count: number }>`select count(*)::int as count from ${sql.table(table)} where note = ${note}`.execute(
        handle.db,
      )
    ).rows[0]!.count;

  it("keeps the process up when a connection idle in a transaction is terminated, and runs the transaction again", async () => {
    let runs = 0;
    await handle.db.transaction().execute(async (trx) => {
      runs += 1;
      await sql`insert into ${sql.table(table)} (note) values ('idle-in-transaction')`.execute(trx);
      if (runs === 1) {
        expect(await terminateIdleInTransaction(handle.db)).toBe(1);
        // The client learns of it while it waits here, with no query of its own running.
        await pause(200);
      }
      await sql`select 1`.execute(trx);
    });
    expect(runs).toBe(2);
    expect(await notes("idle-in-transaction")).toBe(1);
  });

  it("keeps the process up when a checked-out connection outside a transaction is terminated", async () => {
    await handle.db.connection().execute(async (connection) => {
      await sql`begin`.execute(connection);
      expect(await terminateIdleInTransaction(handle.db)).toBe(1);
      await pause(200);
      await expect(sql`select 1`.execute(connection)).rejects.toThrow();
    });
    expect((await sql<{ one: number }>`select 1 as one`.execute(handle.db)).rows).toEqual([{ one: 1 }]);
  });

  it("runs a transaction again after a serialization failure", async () => {
    let runs = 0;
    await handle.db.transaction().execute(async (trx) => {
      runs += 1;
      await sql`insert into ${sql.table(table)} (note) values ('serialization')`.execute(trx);
      if (runs === 1) await sql`do $$ begin raise exception 'conflict' using errcode = '40001'; end $$`.execute(trx);
    });
    expect(runs).toBe(2);
    expect(await notes("serialization")).toBe(1);
  });

  it("never runs a transaction again when the connection breaks during COMMIT", async () => {
    // A deferred trigger runs inside COMMIT; ending its own connection there is a commit whose outcome the client cannot know.
    const trap = `${table}_trap`;
    await sql`create table ${sql.table(trap)} (id int)`.execute(handle.db);
    await sql
      .raw(
        `create function ${trap}_fn() returns trigger language plpgsql as $$
         begin perform pg_terminate_backend(pg_backend_pid()); perform pg_sleep(1); return null; end $$`,
      )
      .execute(handle.db);
    await sql
      .raw(
        `create constraint trigger ${trap}_trg after insert on ${trap} deferrable initially deferred
         for each row execute function ${trap}_fn()`,
      )
      .execute(handle.db);
    let runs = 0;
    const outcome = handle.db.transaction().execute(async (trx) => {
      runs += 1;
      await sql`insert into ${sql.table(trap)} values (1)`.execute(trx);
    });
    await expect(outcome).rejects.toBeInstanceOf(AmbiguousCommitError);
    expect(runs).toBe(1);
  });
});
