import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { createDatabase, type DB } from "#db/client";
import { migrateToLatest } from "#db/migrate";
import { seedNetwork } from "#db/seed/network";
import { enqueueEmail } from "~/email/outbox.server";
import { drivers } from "../support/db";
import { prepareApplicants } from "../support/mixed-load";
import { createScratchDatabase } from "../support/pg-database";
import { runNode } from "../support/portal-process";

/** Every table's rows as one fingerprint, read the same way on both sides (UTC, sorted). */
async function fingerprints(db: DB): Promise<Record<string, string>> {
  return db.transaction().execute(async (trx) => {
    await sql`set local timezone = 'UTC'`.execute(trx);
    const { rows: tables } = await sql<{ name: string }>`
      select table_name as name from information_schema.tables
       where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like 'kysely_%'
       order by table_name`.execute(trx);
    const result: Record<string, string> = {};
    for (const { name } of tables) {
      const { rows } = await sql<{ count: number; digest: string | null }>`
        select count(*)::int as count, md5(string_agg(t::text, '|' order by t::text)) as digest
          from ${sql.table(name)} t`.execute(trx);
      result[name] = `${rows[0]!.count}:${rows[0]!.digest ?? "-"}`;
    }
    return result;
  });
}

describe.runIf(drivers.includes("pg"))("moving an embedded install to PostgreSQL", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "owf-copy-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("npm run db:copy-to-postgres copies every row of every table, and refuses a database that is not empty", async () => {
    const dataDir = path.join(dir, "pglite");
    const embedded = await createDatabase({ pgliteDataDir: dataDir });
    await migrateToLatest(embedded.db);
    // Allies (arrays, generated search columns), applications (jsonb answers, PDF bytes), sessions, email.
    await seedNetwork(embedded.db, "not-a-real-hash");
    await prepareApplicants(embedded.db, 2, { SESSION_SECRET: "copy-test-secret-that-is-long-enough" });
    await enqueueEmail(embedded.db, {
      to: "someone@example.org",
      template: "existing-account",
      props: { name: "Zoë Ñúñez", loginUrl: "http://x/login", resetUrl: "http://x/forgot-password" },
      idempotencyKey: "copy-test",
    });
    const before = await fingerprints(embedded.db);
    await embedded.close();
    expect(before.ally_profiles).toMatch(/^60:/);

    const target = await createScratchDatabase();
    try {
      const copy = runNode("db/cli/copy-to-postgres.ts", { DATABASE_URL: target.url }, ["--from", dataDir]);
      expect(await copy.exited, copy.output()).toBe(0);
      expect(copy.output()).toContain("ally_profiles: 60 rows");
      const handle = await createDatabase({ url: target.url });
      try {
        expect(await fingerprints(handle.db)).toEqual(before);
      } finally {
        await handle.close();
      }
      const again = runNode("db/cli/copy-to-postgres.ts", { DATABASE_URL: target.url }, ["--from", dataDir]);
      expect(await again.exited).toBe(1);
      expect(again.output()).toContain("already has rows");
    } finally {
      await target.drop();
    }
  }, 120_000);
});
