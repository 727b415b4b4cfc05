/**
 * `npm run bench:directory`: the network directory at scale, on the PostgreSQL that DATABASE_URL
 * names (its own database, e.g. postgres://postgres@127.0.0.1:5432/owf_bench_directory). Seeds
 * 100,000 allies if they are not there, then prints one `name: value unit` per line:
 * - server time of each page of a fixed mix of 20 searches with facets (Server-Timing of the real
 *   app, requests one at a time), p50 and p95 (target p95 ≤ 50 ms);
 * - database queries per page (must not grow with the results);
 * - HTTP throughput with autocannon (10 connections, cycling through the mix) of the app, of a
 *   bare node:http server running the same search and rendering the same list with
 *   renderToString (the baseline; target app ≥ 50 % of it), and of bare node:http + pg returning
 *   rows as JSON (the floor). Nothing is asserted: read the figures against the targets.
 */
import { spawn, type ChildProcess } from "node:child_process";
import autocannon from "autocannon";
import pg from "pg";
import { sql } from "kysely";
import { createDatabase } from "#db/client";
import { migrateToLatest } from "#db/migrate";
import { seedScaleAllies } from "#db/seed/scale";
import { ensureBuild } from "~/server/build";
import { DIRECTORY_MIX } from "./directory-queries";

const ALLIES = Number(process.env.BENCH_ALLIES ?? 100_000);
const ROUNDS = 10;
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 15);
const url = process.env.DATABASE_URL;
if (!url) {
  console.error(
    "Set DATABASE_URL to a PostgreSQL database of its own, e.g. postgres://postgres@127.0.0.1:5432/owf_bench_directory",
  );
  process.exit(1);
}

const print = (name: string, value: number | string, unit = "") =>
  console.log(`${name}: ${value}${unit ? ` ${unit}` : ""}`);
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

/** Creates the benchmark's database when the server does not have it yet. */
async function ensureDatabase(target: string) {
  const name = decodeURIComponent(new URL(target).pathname.slice(1));
  const admin = new URL(target);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [name]);
    if (!rowCount) await client.query(`create database "${name.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}

async function prepare() {
  await ensureDatabase(url!);
  const { db, close } = await createDatabase({ url });
  try {
    await migrateToLatest(db);
    const { n } = await db
      .selectFrom("allyProfiles")
      .select(sql<number>`count(*)`.as("n"))
      .where("withdrawnAt", "is", null)
      .executeTakeFirstOrThrow();
    if (n < ALLIES) {
      const started = performance.now();
      await seedScaleAllies(db, ALLIES);
      print("seed_seconds", ((performance.now() - started) / 1000).toFixed(1), "s");
    }
    await sql`vacuum analyze ally_profiles`.execute(db);
    const { n: listed } = await db
      .selectFrom("allyProfiles")
      .select(sql<number>`count(*)`.as("n"))
      .where("withdrawnAt", "is", null)
      .executeTakeFirstOrThrow();
    print("allies", listed);
  } finally {
    await close();
  }
}

let nextPort = 3400 + Math.floor(Math.random() * 400);
async function startServer(kind: "app" | "baseline" | "floor"): Promise<{ child: ChildProcess; origin: string }> {
  const port = nextPort++;
  const child = spawn(process.execPath, ["--import", "tsx", "tests/bench/directory-servers.ts", kind, String(port)], {
    env: { ...process.env, DATABASE_URL: url, NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("ready") && resolve());
    child.once("exit", (code) => reject(new Error(`${kind} server exited with ${code}`)));
  });
  return { child, origin: `http://127.0.0.1:${port}` };
}

async function stopServer(child: ChildProcess) {
  await new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });
}

function pathOf(query: string, base: "/directory" | "/") {
  return query ? `${base}?${query}` : base;
}

/** Server time and query count of every page of the mix, one request at a time. */
async function measureServerTime(origin: string) {
  const times: number[] = [];
  const byQuery = new Map<string, number[]>();
  const queries = new Set<number>();
  let rows = 0;
  for (let round = 0; round <= ROUNDS; round++) {
    for (const query of DIRECTORY_MIX) {
      const response = await fetch(`${origin}${pathOf(query, "/directory")}`);
      await response.text();
      if (response.status !== 200) throw new Error(`${query}: ${response.status}`);
      const timing = response.headers.get("Server-Timing") ?? "";
      const total = Number(/total;dur=([\d.]+)/.exec(timing)?.[1]);
      const count = Number(/db;desc="(\d+) queries"/.exec(timing)?.[1]);
      if (round === 0) continue; // warm-up
      times.push(total);
      byQuery.set(query, [...(byQuery.get(query) ?? []), total]);
      queries.add(count);
      rows++;
    }
  }
  return { times, byQuery, queries: [...queries].sort(), rows };
}

async function throughput(origin: string, base: "/directory" | "/") {
  const result = await autocannon({
    url: origin,
    connections: 10,
    duration: DURATION_S,
    requests: DIRECTORY_MIX.map((query) => ({ method: "GET" as const, path: pathOf(query, base) })),
  });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${origin}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return result.requests.average;
}

async function main() {
  ensureBuild(process.cwd(), () => {});
  await prepare();

  const app = await startServer("app");
  let appRps: number;
  try {
    const { times, byQuery, queries, rows } = await measureServerTime(app.origin);
    print("pages_measured", rows);
    print("server_time_p50", percentile(times, 50).toFixed(1), "ms");
    print("server_time_p95", percentile(times, 95).toFixed(1), "ms");
    print("server_time_max", Math.max(...times).toFixed(1), "ms");
    print("db_queries_per_page", queries.join("–"), "queries");
    for (const [query, values] of byQuery)
      print(`server_time_p50 [${query || "(first page)"}]`, percentile(values, 50).toFixed(1), "ms");
    // Same search, one result versus a full page and more: the count must not move.
    const counts = [];
    for (const query of ["q=amina+okafor+zulu", "q=encryption", "q=encryption&page=3"]) {
      const response = await fetch(`${app.origin}${pathOf(query, "/directory")}`);
      await response.text();
      counts.push(/db;desc="(\d+) queries"/.exec(response.headers.get("Server-Timing") ?? "")?.[1]);
    }
    print("db_queries_few_vs_many_results", counts.join(" / "), "queries");
    appRps = await throughput(app.origin, "/directory");
    print("app_throughput", appRps.toFixed(0), "req/s");
  } finally {
    await stopServer(app.child);
  }

  const baseline = await startServer("baseline");
  let baselineRps: number;
  try {
    baselineRps = await throughput(baseline.origin, "/");
    print("baseline_throughput", baselineRps.toFixed(0), "req/s");
  } finally {
    await stopServer(baseline.child);
  }

  const floor = await startServer("floor");
  let floorRps: number;
  try {
    floorRps = await throughput(floor.origin, "/");
    print("floor_throughput", floorRps.toFixed(0), "req/s");
  } finally {
    await stopServer(floor.child);
  }
  print("app_to_baseline_ratio", (appRps / baselineRps).toFixed(2), "x");
  print("app_to_floor_ratio", (appRps / floorRps).toFixed(2), "x");
}

await main();
