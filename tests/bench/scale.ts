/**
 * `npm run bench:scale`: the directory at a million allies, what a large export costs everyone
 * else, start-up and the match command, on the PostgreSQL server that DATABASE_URL names (e.g.
 * postgres://postgres@127.0.0.1:5432/postgres), in a throwaway database it creates and drops
 * (BENCH_KEEP=1 keeps it; BENCH_DATABASE=<name> uses and keeps that one, so a second run need not
 * seed again). Seeds BENCH_ALLIES allies (default 1,000,000) if they are not there, starts the
 * production build in a process of its own, and prints `name: value unit` lines, each beside a
 * baseline from the same run:
 * - directory_1m_p95: server time of the directory's fixed search mix (target ≤ 100 ms), beside
 *   directory_db_p95, the same searches in process without HTTP, Remix or React;
 * - directory_lossy_blocks: the lossy heap blocks of the broadest searches (EXPLAIN (ANALYZE,
 *   BUFFERS)) at the directory's work_mem, beside those at PostgreSQL's default 4 MB;
 * - directory_p95_during_export: the same mix while staff download the allies CSV without pause
 *   (target ≤ 2 × alone), with the export's size and rate;
 * - startup_warm_s (`npm start`'s command, build current, data there; target ≤ 3 s) beside bare
 *   Node, and match_cli_10k_ms (target ≤ 500 ms) beside bare Node reading the file (scale-startup.ts).
 * - the staff pages at 5,000 applications (scale-staff-lists.ts, scale-assignments.ts): p95 server
 *   time and HTML bytes of the ranking, decisions and applications lists, and of the assignments page.
 * BENCH_ONLY=lists | assignments | startup measures one group alone.
 */
import { spawn, type ChildProcess } from "node:child_process";
import pg from "pg";
import { sql } from "kysely";
import { createDatabase } from "#db/client";
import { migrateToLatest } from "#db/migrate";
import { seedScaleAllies } from "#db/seed/scale";
import { startSession } from "~/auth/session.server";
import { loadConfig } from "~/utils/config.server";
import { ensureBuild } from "~/server/build";
import { cookieHeader } from "../support/http";
import { DIRECTORY_MIX } from "./directory-queries";
import { explainDirectory } from "./scale-explain";
import { measureAssignments } from "./scale-assignments";
import { measureMatchCli, measureStartup } from "./scale-startup";
import { measureStaffLists } from "./scale-staff-lists";

const ALLIES = Number(process.env.BENCH_ALLIES ?? 1_000_000);
/** BENCH_ONLY=lists: only the staff lists (no allies seeded, no directory or start-up figures). */
const LISTS_ONLY = process.env.BENCH_ONLY === "lists";
const SECRET = "bench-secret-that-is-long-enough-to-sign";
const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) {
  console.error(
    "Set DATABASE_URL to a PostgreSQL database of its own, e.g. postgres://postgres@127.0.0.1:5432/owf_bench_scale",
  );
  process.exit(1);
}
// A throwaway database on DATABASE_URL's server, dropped at the end (BENCH_KEEP=1 keeps it), or
// the one BENCH_DATABASE names (kept, and seeded only up to BENCH_ALLIES), to measure again
// without seeding a million allies again.
const reused = process.env.BENCH_DATABASE;
const url = (() => {
  const target = new URL(serverUrl);
  target.pathname = `/${reused ?? `owf_bench_scale_${Date.now().toString(36)}`}`;
  return target.toString();
})();

const print = (name: string, value: number | string, unit = "") =>
  console.log(`${name}: ${value}${unit ? ` ${unit}` : ""}`);
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

async function dropDatabase(target: string) {
  const name = decodeURIComponent(new URL(target).pathname.slice(1));
  const admin = new URL(target);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`drop database if exists "${name.replaceAll('"', '""')}" with (force)`);
  } finally {
    await client.end();
  }
}

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

/** Seeds what is missing and signs a staff member in; returns the Cookie header. */
async function prepare(): Promise<string> {
  await ensureDatabase(url);
  // Seeding, VACUUM and EXPLAIN ANALYZE at a million rows outlast the app's statement timeout.
  const { db, close } = await createDatabase({ url, statementTimeoutMs: 0 });
  try {
    await migrateToLatest(db);
    const { n } = await db
      .selectFrom("allyProfiles")
      .select(sql<number>`count(*)`.as("n"))
      .executeTakeFirstOrThrow();
    if (!LISTS_ONLY && n < ALLIES) {
      const started = performance.now();
      await seedScaleAllies(db, ALLIES);
      print("seed_seconds", ((performance.now() - started) / 1000).toFixed(1), "s");
    }
    if (!LISTS_ONLY) {
      await sql`vacuum analyze ally_profiles`.execute(db);
      print("allies", ALLIES);
      await directoryExplain(db);
      await directoryDbBaseline(db);
    }
    const staff = await db
      .insertInto("users")
      .values({ email: `bench-staff-${Date.now()}@scale.test`, name: "Bench Staff", emailVerifiedAt: new Date() })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db.insertInto("userRoles").values({ userId: staff.id, role: "staff", grantedBy: null }).execute();
    const config = loadConfig({ NODE_ENV: "production", DATABASE_URL: url!, SESSION_SECRET: SECRET });
    return cookieHeader(await startSession(db, config, staff.id, { userAgent: "bench", clientAddress: "127.0.0.1" }));
  } finally {
    await close();
  }
}

async function startApp(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/bench/directory-servers.ts", "app", String(port)], {
    env: { ...process.env, DATABASE_URL: url, NODE_ENV: "production", SESSION_SECRET: SECRET },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("ready") && resolve());
    child.once("exit", (code) => reject(new Error(`app exited with ${code}`)));
  });
  return child;
}

/** Server time (Server-Timing total) of each page of the directory mix, one request at a time. */
async function directoryTimes(origin: string, rounds: number, keepGoing: () => boolean = () => true) {
  const times: number[] = [];
  for (let round = 0; round < rounds && keepGoing(); round++) {
    for (const query of DIRECTORY_MIX) {
      const response = await fetch(`${origin}/directory${query ? `?${query}` : ""}`);
      await response.text();
      if (response.status !== 200) throw new Error(`${query}: ${response.status}`);
      times.push(Number(/total;dur=([\d.]+)/.exec(response.headers.get("Server-Timing") ?? "")?.[1]));
    }
  }
  return times;
}

async function main() {
  ensureBuild(process.cwd());
  const cookie = await prepare();
  const port = Number(process.env.BENCH_PORT ?? 3333);
  const origin = `http://127.0.0.1:${port}`;
  const app = await startApp(port);
  try {
    if (LISTS_ONLY) return await measureStaffLists(url!, origin, cookie, print);
    await directoryTimes(origin, 1); // warm-up
    const alone = await directoryTimes(origin, 3);
    print(
      "directory_1m_p95",
      percentile(alone, 95).toFixed(1),
      `ms (${ALLIES} allies, server time, anonymous; target ≤ 100; baseline directory_db_p95 above)`,
    );

    let exporting = true;
    let exportBytes = 0;
    let exports = 0;
    const exportStarted = performance.now();
    const exportLoop = (async () => {
      while (exporting) {
        const response = await fetch(`${origin}/staff/allies.csv`, { headers: { Cookie: cookie } });
        if (response.status !== 200) throw new Error(`export: ${response.status}`);
        const reader = response.body!.getReader();
        for (let read = await reader.read(); !read.done; read = await reader.read()) exportBytes += read.value.length;
        exports++;
      }
    })();
    const during = await directoryTimes(origin, 3);
    exporting = false;
    await exportLoop;
    const exportSeconds = (performance.now() - exportStarted) / 1000;
    print("directory_p95_during_export", percentile(during, 95).toFixed(1), "ms");
    print(
      "directory_during_export_ratio",
      (percentile(during, 95) / percentile(alone, 95)).toFixed(2),
      "× (target ≤ 2)",
    );
    print("export_mb_per_s", (exportBytes / 1024 / 1024 / exportSeconds).toFixed(1), "MB/s");
    print("export_size", (exportBytes / Math.max(1, exports) / 1024 / 1024).toFixed(1), "MB");
    await measureStaffLists(url!, origin, cookie, print);
    await measureAssignments(print, serverUrl!);
  } finally {
    app.kill("SIGKILL");
  }
  await startupFigures();
}

/** The bitmap heap blocks (exact, lossy) of the broadest searches, at the default work_mem and the directory's. */
async function directoryExplain(db: Awaited<ReturnType<typeof createDatabase>>["db"]) {
  const broad = ["q=encryption", "q=mesh&available=now", "q=accessibility&page=2", "language=Swahili&available=now"];
  const figures = await explainDirectory(db, broad, (line) => console.log(line));
  const lossy = (workMem: string) =>
    figures.filter((figure) => figure.workMem === workMem).reduce((sum, figure) => sum + figure.lossyBlocks, 0);
  print("directory_lossy_blocks_default_work_mem", lossy("4MB"), "blocks (baseline)");
  print("directory_lossy_blocks", lossy(figures.find((f) => f.workMem !== "4MB")!.workMem), "blocks (target 0)");
}

/** Baseline for directory_1m_p95: the same statements straight through pg, no HTTP, Remix or React. */
async function directoryDbBaseline(db: Awaited<ReturnType<typeof createDatabase>>["db"]) {
  const { parseDirectoryQuery } = await import("~/network/directory-query");
  const { searchDirectory } = await import("~/network/directory.server");
  const times: number[] = [];
  for (let round = 0; round < 4; round++)
    for (const query of DIRECTORY_MIX) {
      const started = performance.now();
      await searchDirectory(db, parseDirectoryQuery(new URLSearchParams(query)), "public");
      if (round > 0) times.push(performance.now() - started);
    }
  print("directory_db_p95", percentile(times, 95).toFixed(1), "ms (baseline: the search alone, in process)");
}

/** startup_warm_s and match_cli_10k_ms, each with its bare-Node baseline. */
async function startupFigures() {
  const printFigure = (name: string, value: string, unit: string) => print(name, value, unit);
  await measureStartup(printFigure);
  measureMatchCli(printFigure, ["build/cli/match.js"]);
}

if (process.env.BENCH_ONLY === "startup") {
  // Only start-up and the match command (no database server needed beyond DATABASE_URL's check).
  ensureBuild(process.cwd());
  await startupFigures();
  process.exit(0);
}

if (process.env.BENCH_ONLY === "assignments") {
  // Only the assignments figures, on a database of their own (no million allies to seed).
  ensureBuild(process.cwd());
  await measureAssignments(print, serverUrl);
  process.exit(0);
}

try {
  await main();
} finally {
  if (!process.env.BENCH_KEEP && !reused) await dropDatabase(url);
}
