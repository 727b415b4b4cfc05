/**
 * assignments_5000_p95 for `npm run bench:scale`: the staff assignments page of a round with 5,000
 * applications in review, 200 reviewers and k = 3 (15,000 assignments), on a PostgreSQL database of
 * its own on DATABASE_URL's server (created, seeded with set-based inserts, dropped after).
 * Prints server time (Server-Timing total) of the page's views and its HTML bytes, beside a baseline
 * from the same run: the same domain calls in process, without HTTP, Remix or React.
 * Alone: `BENCH_ONLY=assignments npm run bench:scale` (or run this file with node --import tsx).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { sql } from "kysely";
import { createDatabase, type DB } from "#db/client";
import { migrateToLatest } from "#db/migrate";
import { startSession } from "~/auth/session.server";
import { loadConfig } from "~/utils/config.server";
import { ensureBuild } from "~/server/build";
import { cookieHeader } from "../support/http";
import { freePort } from "../support/portal-process";

const APPLICATIONS = Number(process.env.BENCH_ASSIGN_APPLICATIONS ?? 5000);
const REVIEWERS = Number(process.env.BENCH_ASSIGN_REVIEWERS ?? 200);
const K = 3;
const SECRET = "bench-secret-that-is-long-enough-to-sign";

type Print = (name: string, value: number | string, unit?: string) => void;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

async function admin(serverUrl: string, statement: string) {
  const target = new URL(serverUrl);
  target.pathname = "/postgres";
  const client = new pg.Client({ connectionString: target.toString() });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A cycle in review with its round 1, applicants, a panel and k assignments each, in a few statements. */
export async function seed(db: DB): Promise<{ slug: string; applicationId: string; staffId: string }> {
  const staff = await db
    .insertInto("users")
    .values({ email: "bench-staff@assign.test", name: "Bench Staff", emailVerifiedAt: new Date() })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db.insertInto("userRoles").values({ userId: staff.id, role: "staff", grantedBy: null }).execute();
  const { createCycle } = await import("~/cycles/cycles.server");
  const slug = "bench-assign";
  const created = await createCycle(db, staff.id, {
    name: "Bench assignments",
    slug,
    description: "A cycle at scale",
    opensAt: "2026-01-01T00:00",
    closesAt: "2026-02-01T00:00",
    timezone: "UTC",
    status: "draft",
    blindReview: false,
    reviewersPerApplication: K,
    finalistTarget: undefined,
    decisionDelayMinutes: 10,
    referencesMin: 0,
    referencesMax: 0,
    version: undefined,
  });
  if (!created.ok) throw new Error(created.message);
  const cycle = await db.selectFrom("cycles").select("id").where("slug", "=", slug).executeTakeFirstOrThrow();
  await db.updateTable("cycles").set({ status: "reviewing" }).where("id", "=", cycle.id).execute();
  await sql`
    insert into users (email, name)
    select 'applicant' || i || '@assign.test', 'Applicant ' || lpad(i::text, 5, '0') from generate_series(1, ${APPLICATIONS}) i`.execute(
    db,
  );
  await sql`
    insert into applications (cycle_id, applicant_id, status, answers, submitted_at)
    select ${cycle.id}, id, 'in_review', '{}'::jsonb, now() from users where email like 'applicant%@assign.test'`.execute(
    db,
  );
  await sql`
    insert into users (email, name)
    select 'reviewer' || i || '@assign.test', 'Reviewer ' || lpad(i::text, 4, '0') from generate_series(1, ${REVIEWERS}) i`.execute(
    db,
  );
  await sql`
    insert into cycle_reviewers (cycle_id, user_id, capacity, expertise)
    select ${cycle.id}, id, ${Math.ceil((APPLICATIONS * K) / REVIEWERS) + 10}, '[]'::jsonb
    from users where email like 'reviewer%@assign.test'`.execute(db);
  // Application i gets reviewers i, i+1, i+2 (mod the panel): every load equal, like a finished run.
  await sql`
    with a as (select id, row_number() over (order by id) - 1 as n from applications where cycle_id = ${cycle.id}),
         r as (select user_id, row_number() over (order by user_id) - 1 as n from cycle_reviewers where cycle_id = ${cycle.id}),
         round as (select id from review_rounds where cycle_id = ${cycle.id} and position = 1)
    insert into review_assignments (cycle_id, round_id, application_id, reviewer_id, status)
    select ${cycle.id}, round.id, a.id, r.user_id, case when (a.n + j) % 4 = 0 then 'submitted' else 'assigned' end
    from a cross join generate_series(0, ${K - 1}) j cross join round
    join r on r.n = (a.n + j) % ${REVIEWERS}`.execute(db);
  await sql`analyze`.execute(db);
  const application = await db
    .selectFrom("applications")
    .select("id")
    .where("cycleId", "=", cycle.id)
    .orderBy("id")
    .executeTakeFirstOrThrow();
  return { slug, applicationId: application.id, staffId: staff.id };
}

async function startApp(url: string, port: number): Promise<ChildProcess> {
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

/** Server times and the last body's bytes of `rounds` GETs of one page. */
async function timePage(origin: string, path: string, cookie: string, rounds: number) {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < rounds; i++) {
    const response = await fetch(`${origin}${path}`, { headers: { Cookie: cookie } });
    const body = await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
    bytes = body.byteLength;
    times.push(Number(/total;dur=([\d.]+)/.exec(response.headers.get("Server-Timing") ?? "")?.[1]));
  }
  return { times, bytes };
}

/** The page's domain calls in process (the baseline): what the loader asks of the database. */
async function domainBaseline(db: DB, slug: string, rounds: number) {
  const { listRounds } = await import("~/review/rounds.server");
  const { assignmentsOverview } = await import("~/review/assignments-view.server");
  const cycle = await db.selectFrom("cycles").select("id").where("slug", "=", slug).executeTakeFirstOrThrow();
  const round = (await listRounds(db, cycle.id))[0]!;
  const times: number[] = [];
  for (let i = 0; i <= rounds; i++) {
    const started = performance.now();
    await assignmentsOverview(db, round, { view: "applications", after: null, reviewerId: null });
    if (i > 0) times.push(performance.now() - started);
  }
  return times;
}

export async function measureAssignments(print: Print, serverUrl: string) {
  const name = `owf_bench_assign_${Date.now().toString(36)}`;
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await admin(serverUrl, `create database "${name}"`);
  let app: ChildProcess | undefined;
  try {
    const { db, close } = await createDatabase({ url: url.toString(), statementTimeoutMs: 0 });
    let cookie: string;
    let seeded: Awaited<ReturnType<typeof seed>>;
    let baseline: number[];
    try {
      await migrateToLatest(db);
      const started = performance.now();
      seeded = await seed(db);
      print("assignments_seed_seconds", ((performance.now() - started) / 1000).toFixed(1), "s");
      const config = loadConfig({ NODE_ENV: "production", DATABASE_URL: url.toString(), SESSION_SECRET: SECRET });
      cookie = cookieHeader(
        await startSession(db, config, seeded.staffId, { userAgent: "bench", clientAddress: "127.0.0.1" }),
      );
      baseline = await domainBaseline(db, seeded.slug, 10);
    } finally {
      await close();
    }
    const port = await freePort();
    app = await startApp(url.toString(), port);
    const origin = `http://127.0.0.1:${port}`;
    const base = `/staff/cycles/${seeded.slug}/assignments`;
    await timePage(origin, base, cookie, 2); // warm-up
    const views = {
      applications: await timePage(origin, base, cookie, 20),
      reviewers: await timePage(origin, `${base}?view=reviewers`, cookie, 20),
      reassign: await timePage(origin, `${base}/${seeded.applicationId}?q=Reviewer%2001`, cookie, 20),
    };
    const all = [...views.applications.times, ...views.reviewers.times];
    const size = `${APPLICATIONS} applications × ${REVIEWERS} reviewers × k=${K}`;
    print(
      "assignments_5000_p95",
      percentile(all, 95).toFixed(1),
      `ms (${size}, server time, both views; target ≤ 500; baseline assignments_db_p95 below)`,
    );
    print("assignments_db_p95", percentile(baseline, 95).toFixed(1), "ms (baseline: the loader's queries in process)");
    print("assignments_reviewers_view_p95", percentile(views.reviewers.times, 95).toFixed(1), "ms");
    print("assignments_reassign_search_p95", percentile(views.reassign.times, 95).toFixed(1), "ms");
    print("assignments_html_bytes", views.applications.bytes, "bytes (per-application view, first page)");
    print("assignments_reviewers_html_bytes", views.reviewers.bytes, "bytes");
    print("assignments_reassign_html_bytes", views.reassign.bytes, "bytes");
  } finally {
    app?.kill("SIGKILL");
    if (!process.env.BENCH_KEEP) await admin(serverUrl, `drop database if exists "${name}" with (force)`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error("Set DATABASE_URL, e.g. postgres://postgres@127.0.0.1:5432/postgres");
  ensureBuild(process.cwd());
  await measureAssignments((n, v, u) => console.log(`${n}: ${v}${u ? ` ${u}` : ""}`), serverUrl);
}
