/**
 * The three servers `npm run bench:directory` compares, one per process (so the load generator
 * never shares their event loop): `app` (the production build behind createApp), `baseline`
 * (bare node:http running the same search and rendering the same result list with React's
 * renderToString) and `floor` (bare node:http + pg returning the rows as JSON).
 * Usage: node --import tsx tests/bench/directory-servers.ts <app|baseline|floor> <port>
 */
import { createServer } from "node:http";
import path from "node:path";
import type { ServerBuild } from "@remix-run/node";
import pg from "pg";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { createDatabase } from "#db/client";
import { DirectoryResults } from "~/components/directory-results";
import { createI18n } from "~/i18n/i18n";
import { parseDirectoryQuery } from "~/network/directory-query";
import { directoryQueries, searchDirectory } from "~/network/directory.server";
import { createApp } from "~/server/app";
import { loadConfig } from "~/utils/config.server";

const [kind, portText] = process.argv.slice(2);
const port = Number(portText);
const url = process.env.DATABASE_URL!;
const POOL = 10;

if (kind === "app") {
  const { db } = await createDatabase({ url, maxConnections: POOL });
  const config = loadConfig({
    NODE_ENV: "production",
    DATABASE_URL: url,
    SESSION_SECRET: "bench-secret-that-is-long-enough-to-sign",
    SERVER_TIMING: "1",
    PORT: String(port),
    HOST: "127.0.0.1",
  });
  const build = (await import(path.join(process.cwd(), "build", "server", "index.js"))) as ServerBuild;
  createApp({ db, config, build, clientDir: path.join(process.cwd(), "build", "client") }).listen(port, "127.0.0.1");
} else if (kind === "baseline") {
  const { db } = await createDatabase({ url, maxConnections: POOL });
  const { t } = await createI18n("en");
  createServer((req, res) => {
    const query = parseDirectoryQuery(new URL(req.url ?? "/", "http://bench").searchParams);
    searchDirectory(db, query, "public").then(
      ({ profiles, facets }) => {
        const list = renderToString(createElement(DirectoryResults, { profiles, t }));
        res.setHeader("Content-Type", "text/html; charset=utf-8");
        res.end(`<!DOCTYPE html><html lang="en"><title>Directory</title><h1>${facets.total} allies</h1>${list}</html>`);
      },
      (error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      },
    );
  }).listen(port, "127.0.0.1");
} else if (kind === "floor") {
  // Only to compile the SQL the page runs; the requests go to pg directly.
  const { db } = await createDatabase({ url, maxConnections: 1 });
  const pool = new pg.Pool({ connectionString: url, max: POOL });
  createServer((req, res) => {
    const query = parseDirectoryQuery(new URL(req.url ?? "/", "http://bench").searchParams);
    const statements = directoryQueries(db, query, "public");
    Promise.all(statements.map((statement) => pool.query(statement.sql, [...statement.parameters]))).then(
      (results) => {
        res.setHeader("Content-Type", "application/json");
        res.end(JSON.stringify(results.map((result) => result.rows)));
      },
      (error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      },
    );
  }).listen(port, "127.0.0.1");
} else {
  console.error("usage: directory-servers.ts <app|baseline|floor> <port>");
  process.exit(1);
}
console.log("ready");
