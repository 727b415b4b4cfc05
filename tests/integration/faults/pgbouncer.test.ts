import path from "node:path";
import type { AddressInfo } from "node:net";
import type { ServerBuild } from "@remix-run/node";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type DatabaseHandle } from "#db/client";
import { migrateToLatest } from "#db/migrate";
import { createApp } from "~/server/app";
import { loadConfig } from "~/utils/config.server";
import { drivers } from "../../support/db";
import { latestEmailTo } from "../../support/outbox";
import { createScratchDatabase, type ScratchDatabase } from "../../support/pg-database";
import { startPgbouncer, type Pgbouncer } from "../../support/pgbouncer";
import { codeIn } from "../../support/smtp";

/**
 * The portal through PgBouncer in transaction mode (what managed PostgreSQL offers as its
 * pooler): every advisory lock it takes is transaction-scoped and statements are unnamed, so it
 * works, provided the statement timeout is not sent as a start-up parameter.
 */
describe.runIf(drivers.includes("pg"))("behind PgBouncer in transaction mode", () => {
  let bouncer: Pgbouncer;
  let scratch: ScratchDatabase;
  let url: string;
  beforeAll(async () => {
    scratch = await createScratchDatabase();
    bouncer = await startPgbouncer(process.env.TEST_DATABASE_URL!);
    url = bouncer.url(new URL(scratch.url).pathname.slice(1));
  });
  afterAll(async () => {
    await bouncer?.stop();
    await scratch?.drop();
  });

  it("refuses statement_timeout as a start-up parameter, which is why DATABASE_STATEMENT_TIMEOUT_MS=0 exists", async () => {
    const handle = await createDatabase({ url, connectionTimeoutMs: 500 });
    try {
      await expect(migrateToLatest(handle.db)).rejects.toThrow(/unsupported startup parameter: statement_timeout/);
    } finally {
      await handle.close();
    }
  });

  it("lets several instances migrate at once and again later: the migration lock is transaction-scoped", async () => {
    const handles = await Promise.all(
      Array.from({ length: 3 }, () => createDatabase({ url, statementTimeoutMs: 0, maxConnections: 2 })),
    );
    try {
      await Promise.all(handles.map((handle) => migrateToLatest(handle.db)));
      for (const handle of handles) expect(await migrateToLatest(handle.db)).toEqual([]);
      const held = await handles[0]!.db
        .selectFrom("pg_locks" as never)
        .select(sql<number>`count(*)::int`.as("count"))
        .where(
          sql<boolean>`locktype = 'advisory' and database = (select oid from pg_database where datname = current_database())`,
        )
        .executeTakeFirstOrThrow();
      expect(held).toEqual({ count: 0 });
    } finally {
      await Promise.all(handles.map((handle) => handle.close()));
    }
  });

  it("migrates, signs up with a code and signs in twenty people at once (the statement timeout left to the server)", async () => {
    let handle: DatabaseHandle | undefined;
    const server = await (async () => {
      handle = await createDatabase({ url, statementTimeoutMs: 0, maxConnections: 10 });
      await migrateToLatest(handle.db);
      const config = loadConfig({
        NODE_ENV: "production",
        SESSION_SECRET: "pgbouncer-test-secret-long-enough",
        TRUST_PROXY: "1",
      });
      const build = (await import(path.join(process.cwd(), "build", "server", "index.js"))) as ServerBuild;
      const listening = createApp({ db: handle.db, config, build }).listen(0, "127.0.0.1");
      await new Promise((resolve) => listening.once("listening", resolve));
      config.appUrl = new URL(`http://127.0.0.1:${(listening.address() as AddressInfo).port}`);
      return { listening, origin: config.appUrl.origin };
    })();
    const post = (pathname: string, form: Record<string, string>, address = "10.90.0.1") =>
      fetch(`${server.origin}${pathname}`, {
        method: "POST",
        redirect: "manual",
        headers: { Origin: server.origin, "X-Forwarded-For": address },
        body: new URLSearchParams(form),
      });
    try {
      const email = "bouncer@example.org";
      expect((await post("/signup", { name: "Pooled Person", email, password: "a long enough password" })).status).toBe(
        302,
      );
      const code = codeIn((await latestEmailTo(handle!.db, email))!.text);
      expect((await post("/verify", { intent: "verify", email, code })).status).toBe(302);
      const signIns = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          post("/login", { email, password: "a long enough password" }, `10.91.0.${i}`),
        ),
      );
      expect(signIns.map((response) => response.status)).toEqual(Array(20).fill(302));
    } finally {
      server.listening.close();
      await handle?.close();
    }
  });
});
