/**
 * The staff lists at 5,000 applications × 3 reviews, for `npm run bench:scale` (`BENCH_ONLY=lists`
 * runs only these): seeds a cycle in review with INSERT … SELECT (seconds), then prints
 * - ranking_refit_sql_ms / ranking_refit_math_ms: where a refit of the stored ranking spends its time
 *   (reading every review of the round, then fitting the calibration model), in process;
 * - ranking_refit_5000_ms: server time of the first ranking view after a change (the refit);
 * - ranking_5000_p95, decisions_5000_p95 (target ≤ 300 ms): server time of their pages (first
 *   pages, a sort, a filter, a later page) once the ranking is stored, beside applications_5000_p95
 *   (the plain list of the same cycle: the baseline) and each page's HTML bytes.
 */
import { createDatabase } from "#db/client";
import { loadConfig } from "~/utils/config.server";
import { applicationTopics, asCriteria, submittedReviews } from "~/review/ranking.server";
import { listCriteria } from "~/review/rubric.server";
import { rankWithBiases } from "~/review/scoring";
import { addReviewedApplications } from "../support/bulk-reviews";
import { createReviewFixture } from "../support/review";

const APPLICATIONS = 5000;
const REPEATS = 8;

type Print = (name: string, value: number | string, unit?: string) => void;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

/** Seeds the cycle (through the test fixture and bulk inserts); returns its slug. */
async function seedCycle(url: string, print: Print): Promise<string> {
  const { db, close } = await createDatabase({ url, statementTimeoutMs: 0 });
  try {
    const config = loadConfig({ NODE_ENV: "production", DATABASE_URL: url, SESSION_SECRET: "x".repeat(40) });
    const started = performance.now();
    const fixture = await createReviewFixture(db, config, { applicants: 0, reviewers: 60, k: 3, capacity: 1000 });
    await addReviewedApplications(db, fixture, APPLICATIONS, { k: 3 });
    print("staff_lists_seed_seconds", ((performance.now() - started) / 1000).toFixed(1), "s");
    // Where a refit spends its time, in process (the page pays this once per change of the reviews).
    const sqlStarted = performance.now();
    const [criteria, reviews, topics] = await Promise.all([
      listCriteria(db, fixture.round.id),
      submittedReviews(db, fixture.round.id),
      applicationTopics(db, fixture.cycle.id),
    ]);
    print("ranking_refit_sql_ms", (performance.now() - sqlStarted).toFixed(0), `ms (${reviews.length} reviews read)`);
    const mathStarted = performance.now();
    rankWithBiases(asCriteria(criteria), reviews, { minReviews: 3, topics });
    print("ranking_refit_math_ms", (performance.now() - mathStarted).toFixed(0), "ms (the calibration model's fit)");
    return fixture.cycle.slug;
  } finally {
    await close();
  }
}

async function serverTime(origin: string, cookie: string, path: string) {
  const response = await fetch(`${origin}${path}`, { headers: { Cookie: cookie } });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
  const ms = Number(/total;dur=([\d.]+)/.exec(response.headers.get("Server-Timing") ?? "")?.[1]);
  const next = /href="[^"?]*(\?[^"]+)"[^>]*>Next page</.exec(body)?.[1]?.replaceAll("&amp;", "&") ?? null;
  return { ms, bytes: Buffer.byteLength(body), next };
}

async function p95Of(origin: string, cookie: string, paths: string[]) {
  const times: number[] = [];
  for (let round = 0; round < REPEATS; round++)
    for (const path of paths) times.push((await serverTime(origin, cookie, path)).ms);
  return percentile(times, 95);
}

export async function measureStaffLists(url: string, origin: string, cookie: string, print: Print): Promise<void> {
  const slug = await seedCycle(url, print);
  const base = `/staff/cycles/${slug}`;
  const refit = await serverTime(origin, cookie, `${base}/ranking`);
  print("ranking_refit_5000_ms", refit.ms.toFixed(0), "ms (first view after the reviews changed: the refit)");
  const ranking = await serverTime(origin, cookie, `${base}/ranking`);
  const decisions = await serverTime(origin, cookie, `${base}/decisions`);
  const applications = await serverTime(origin, cookie, `${base}/applications`);
  const rankingPaths = [
    `${base}/ranking`,
    `${base}/ranking?sort=raw&order=asc`,
    `${base}/ranking?disagreement=1`,
    `${base}/ranking${ranking.next ?? ""}`,
  ];
  const decisionPaths = [`${base}/decisions`, `${base}/decisions?min=50`, `${base}/decisions${decisions.next ?? ""}`];
  const applicationPaths = [`${base}/applications`, `${base}/applications${applications.next ?? ""}`];
  print(
    "applications_5000_p95",
    (await p95Of(origin, cookie, applicationPaths)).toFixed(1),
    "ms (baseline: the plain list of the same cycle)",
  );
  print("ranking_5000_p95", (await p95Of(origin, cookie, rankingPaths)).toFixed(1), "ms (target ≤ 300)");
  print("decisions_5000_p95", (await p95Of(origin, cookie, decisionPaths)).toFixed(1), "ms (target ≤ 300)");
  print("ranking_5000_html", (ranking.bytes / 1024).toFixed(1), "kB");
  print("decisions_5000_html", (decisions.bytes / 1024).toFixed(1), "kB");
  print("applications_5000_html", (applications.bytes / 1024).toFixed(1), "kB");
}
