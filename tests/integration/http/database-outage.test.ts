import path from "node:path";
import type { AddressInfo } from "node:net";
import type { ServerBuild } from "@remix-run/node";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import pg from "pg";
import { createDatabase, type DatabaseHandle } from "#db/client";
import { createApp } from "~/server/app";
import { loadConfig } from "~/utils/config.server";
import { drivers } from "../../support/db";
import { describeServer, get, pageText } from "../../support/server";

/** The built app on a database that cannot be reached: nothing listens on port 1. */
async function withUnreachableDatabase(run: (origin: string) => Promise<void>) {
  const handle: DatabaseHandle = await createDatabase({
    url: "postgres://postgres@127.0.0.1:1/none",
    connectionTimeoutMs: 1000,
  });
  const config = loadConfig({ NODE_ENV: "production", SESSION_SECRET: "x".repeat(40) });
  const build = (await import(path.join(process.cwd(), "build", "server", "index.js"))) as ServerBuild;
  const app = createApp({ db: handle.db, config, build });
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  try {
    await run(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  } finally {
    server.close();
    await handle.close();
  }
}

describe("when the database is unreachable", () => {
  it("health answers 503 fast instead of hanging or crashing", async () => {
    await withUnreachableDatabase(async (origin) => {
      const started = Date.now();
      const response = await fetch(`${origin}/healthz`);
      expect(response.status).toBe(503);
      expect(response.headers.get("Retry-After")).toBe("5");
      expect(await response.json()).toEqual({ status: "unavailable", database: "unreachable" });
      expect(Date.now() - started).toBeLessThan(3000);
    });
  });

  it("pages and forms answer 503 with Retry-After and a page that says so, never 500", async () => {
    await withUnreachableDatabase(async (origin) => {
      const page = await fetch(`${origin}/`);
      expect(page.status).toBe(503);
      expect(page.headers.get("Retry-After")).toBe("5");
      const text = await pageText(page);
      expect(text).toContain("The portal is briefly unavailable");
      expect(text).toContain("cannot reach its database for a moment");
      expect(text).toContain("Try again");
      const form = await fetch(`${origin}/login`, {
        method: "POST",
        headers: { Origin: origin },
        body: new URLSearchParams({ email: "someone@example.org", password: "a password" }),
      });
      expect(form.status).toBe(503);
      expect(form.headers.get("Retry-After")).toBe("5");
    });
  });
});

if (drivers.includes("pg")) {
  describeServer(
    "when every database connection is busy",
    (t) => {
      it("answers 503 with Retry-After once the wait for a connection runs out, never 500", async () => {
        if (t.driver !== "pg") {
          expect(t.driver).toBe("pglite");
          return;
        }
        // The pool's only connection is held for a while by a slow statement.
        const slow = t.server.db.connection().execute((connection) => sql`select pg_sleep(1.5)`.execute(connection));
        await new Promise((resolve) => setTimeout(resolve, 100));
        const page = await get(t.server, "/");
        expect(page.status).toBe(503);
        expect(page.headers.get("Retry-After")).toBe("5");
        expect(await pageText(page)).toContain("cannot reach its database for a moment");
        await slow;
        expect((await get(t.server, "/")).status).toBe(200);
      });
    },
    { DATABASE_POOL_SIZE: "1", DATABASE_CONNECT_TIMEOUT_MS: "300" },
  );

  describeServer("recovery after the database drops its connections", (t) => {
    it("keeps serving once PostgreSQL terminates every connection", async () => {
      if (t.driver !== "pg") {
        expect(t.driver).toBe("pglite");
        return;
      }
      expect((await get(t.server, "/healthz")).status).toBe(200);
      const dbName = (
        await t.server.db
          .selectNoFrom((eb) => eb.fn<string>("current_database", []).as("name"))
          .executeTakeFirstOrThrow()
      ).name;
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      // What a restart does to the pool's idle connections (57P01); without an error handler the process would exit.
      await admin.query(
        "select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()",
        [dbName],
      );
      await admin.end();
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) statuses.push((await get(t.server, "/healthz")).status);
      expect(statuses.at(-1)).toBe(200);
    });
  });
}
