import path from "node:path";
import type { AddressInfo } from "node:net";
import type { ServerBuild } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import pg from "pg";
import { createDatabase } from "#db/client";
import { createApp } from "~/server/app";
import { loadConfig } from "~/utils/config.server";
import { drivers } from "../../support/db";
import { describeServer, get } from "../../support/server";

describe("health when the database is unreachable", () => {
  it("answers 503 fast instead of hanging or crashing", async () => {
    // Nothing listens on port 1: every connection attempt fails at once.
    const handle = await createDatabase({ url: "postgres://postgres@127.0.0.1:1/none", connectionTimeoutMs: 1000 });
    const config = loadConfig({ NODE_ENV: "production", SESSION_SECRET: "x".repeat(40) });
    const build = (await import(path.join(process.cwd(), "build", "server", "index.js"))) as ServerBuild;
    const app = createApp({ db: handle.db, config, build });
    const server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const started = Date.now();
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: "unavailable", database: "unreachable" });
      expect(Date.now() - started).toBeLessThan(3000);
    } finally {
      server.close();
      await handle.close();
    }
  });
});

if (drivers.includes("pg")) {
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
