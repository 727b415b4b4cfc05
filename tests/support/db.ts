import { readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, inject } from "vitest";
import { createDatabase, type DatabaseHandle, type DatabaseOptions, type DB, type Driver } from "#db/client";
import { adminPool } from "./pg-admin";

/** The drivers every database test runs on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const drivers: Driver[] = inject("pgTemplate") ? ["pglite", "pg"] : ["pglite"];

/**
 * The one driver for tests of the app's own rules, which do not depend on the database (the
 * route × persona authorization matrix): PostgreSQL, what production runs, when it is there.
 */
export const primaryDriver: Driver = drivers.includes("pg") ? "pg" : "pglite";

/** A migrated database of its own for one test file, on the given driver (pool options for PostgreSQL). */
export async function createTestDatabase(
  driver: Driver,
  options: Pick<DatabaseOptions, "maxConnections" | "connectionTimeoutMs" | "statementTimeoutMs"> = {},
): Promise<DatabaseHandle> {
  if (driver === "pglite") {
    const dump = new Blob([readFileSync(inject("pgliteTemplate"))]);
    return createDatabase({ pgliteDataDir: "memory://", pgliteLoadDataDir: dump });
  }
  const template = inject("pgTemplate");
  const admin = adminPool();
  if (!template || !admin) throw new Error("TEST_DATABASE_URL is not set");
  const name = `owf_test_${inject("runId")}_${randomBytes(4).toString("hex")}`;
  try {
    await admin.query(`create database ${name} template ${template}`);
  } finally {
    await admin.end();
  }
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  return createDatabase({ url: url.toString(), maxConnections: 20, ...options });
}

export interface DbTestContext {
  readonly db: DB;
  readonly driver: Driver;
  readonly handle: DatabaseHandle;
}

/** Runs the same tests once per driver, each with a database created for this file. */
export function describeDb(name: string, body: (t: DbTestContext) => void): void {
  describe.each(drivers)(`${name} [%s]`, (driver) => {
    let handle: DatabaseHandle | undefined;
    beforeAll(async () => {
      handle = await createTestDatabase(driver);
    });
    afterAll(async () => {
      await handle?.close();
    });
    body({
      get db() {
        if (!handle) throw new Error("database not ready");
        return handle.db;
      },
      get handle() {
        if (!handle) throw new Error("database not ready");
        return handle;
      },
      driver,
    });
  });
}

export { uniqueEmail } from "./ids";
