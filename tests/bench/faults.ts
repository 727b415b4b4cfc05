// Reliability benchmark (`npm run bench:faults`). Three instances on a PostgreSQL server of its
// own behind Debian's haproxy, under mixed load: first without faults (the baseline), then
// through a PostgreSQL restart, a rolling restart of one instance and a postmaster crash; then
// 200 applicants submitting at once to one instance. Prints `name: value unit` lines; nothing
// here fails on timing. Needs haproxy and PostgreSQL's server binaries (installed by .ci/run).
import { auditLoad, postForm, prepareApplicants, runMixedLoad, succeeded, type Outcome } from "../support/mixed-load";
import { startScaleOut, type ScaleOut } from "../support/scale-out";

const USERS = 8;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const print = (name: string, value: number, unit: string) => console.log(`${name}: ${value} ${unit}`);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0);
}

/** Seconds from `since` until every instance answers its health check with 200 again. */
async function secondsUntilHealthy(cluster: ScaleOut, since: number): Promise<number> {
  while ((await cluster.health()).some((status) => status !== 200)) await pause(50);
  return (Date.now() - since) / 1000;
}

const failuresBetween = (outcomes: Outcome[], from: number, to: number) =>
  outcomes.filter((outcome) => !succeeded(outcome) && outcome.at >= from && outcome.at <= to);

async function mixedLoad(cluster: ScaleOut, seconds: number, faults: (cluster: ScaleOut) => Promise<void>) {
  const { cycle, applicants } = await prepareApplicants(cluster.db, 80, cluster.env);
  let stop!: () => void;
  const until = new Promise<void>((resolve) => (stop = resolve));
  const load = runMixedLoad(cluster.proxy.url, { users: USERS, cycleSlug: cycle.slug, applicants, until });
  const started = Date.now();
  await faults(cluster);
  await pause(Math.max(0, seconds * 1000 - (Date.now() - started)));
  stop();
  return load;
}

const cluster = await startScaleOut(3);
try {
  // Baseline: the same load, no faults.
  const baseline = await mixedLoad(cluster, 12, async () => {});
  const baselineAudit = await auditLoad(cluster.db, cluster.smtp, baseline);
  print("baseline_requests", baseline.outcomes.length, "requests");
  print("baseline_requests_failed", baseline.outcomes.filter((o) => !succeeded(o)).length, "requests");
  print(
    "baseline_p95_ms",
    percentile(
      baseline.outcomes.map((o) => o.ms),
      95,
    ),
    "ms",
  );
  print("baseline_writes_lost", baselineAudit.writesLost, "writes");
  print("baseline_emails_sent_twice", baselineAudit.emailsSentTwice, "emails");

  const windows: Record<string, { from: number; to: number; recovery: number }> = {};
  /** Runs one fault, and notes when it began, when every instance was healthy again, and a second of margin. */
  const fault = async (name: string, act: () => Promise<unknown>) => {
    await pause(2000);
    const from = Date.now();
    await act();
    const recovery = await secondsUntilHealthy(cluster, from);
    windows[name] = { from, recovery, to: Date.now() + 1000 };
  };
  const faulted = await mixedLoad(cluster, 16, async () => {
    await fault("pg_restart", () => cluster.pg.restart());
    await fault("app_restart", () => cluster.restartInstance(1));
    await fault("pg_crash", () => cluster.pg.crashAndStart());
  });
  const audit = await auditLoad(cluster.db, cluster.smtp, faulted);
  const failed = faulted.outcomes.filter((o) => !succeeded(o));
  print("requests", faulted.outcomes.length, "requests");
  print("requests_failed", failed.length, "requests");
  print("requests_failed_not_503", failed.filter((o) => o.status !== 503).length, "requests");
  const pg = windows.pg_restart!;
  print("requests_failed_during_restart", failuresBetween(faulted.outcomes, pg.from, pg.to).length, "requests");
  print("recovery_s", Number(pg.recovery.toFixed(2)), "s");
  const app = windows.app_restart!;
  print("requests_failed_during_app_restart", failuresBetween(faulted.outcomes, app.from, app.to).length, "requests");
  const crash = windows.pg_crash!;
  print("requests_failed_during_crash", failuresBetween(faulted.outcomes, crash.from, crash.to).length, "requests");
  print("recovery_after_crash_s", Number(crash.recovery.toFixed(2)), "s");
  print(
    "p95_ms",
    percentile(
      faulted.outcomes.map((o) => o.ms),
      95,
    ),
    "ms",
  );
  print("writes_lost", audit.writesLost, "writes");
  print("emails_missing", audit.emailsMissing, "emails");
  print("emails_sent_twice", audit.emailsSentTwice, "emails");
  print("process_exits", cluster.unexpectedExits(), "processes");

  // Deadline day: 200 applicants press "Submit" at once on one instance (pool of 10).
  const { cycle, applicants } = await prepareApplicants(cluster.db, 220, cluster.env);
  const direct = `http://127.0.0.1:${cluster.instances[0]!.port}`;
  const submit = (applicant: (typeof applicants)[number]) =>
    postForm(direct, `/apply/${cycle.slug}/review`, { intent: "submit", version: "1" }, applicant.cookie);
  const alone: Outcome[] = [];
  for (const applicant of applicants.slice(0, 20)) alone.push(await submit(applicant));
  print(
    "baseline_applicant_alone_p50_ms",
    percentile(
      alone.map((o) => o.ms),
      50,
    ),
    "ms",
  );
  const crowd = applicants.slice(20);
  const outcomes = await Promise.all(crowd.map(submit));
  const acknowledged = crowd.filter(
    (_, i) => outcomes[i]!.status === 302 && outcomes[i]!.location === "/me/applications",
  );
  const crowdAudit = await auditLoad(cluster.db, cluster.smtp, { outcomes, signups: [], submitted: acknowledged });
  print("applicants_concurrent", crowd.length, "applicants");
  print("applicants_submitted", acknowledged.length, "applicants");
  print("applicants_answered_500", outcomes.filter((o) => o.status === 500).length, "applicants");
  print("applicants_answered_503", outcomes.filter((o) => o.status === 503).length, "applicants");
  print("applicants_lost", crowdAudit.writesLost, "applicants");
  print(
    "applicants_p50_ms",
    percentile(
      outcomes.map((o) => o.ms),
      50,
    ),
    "ms",
  );
  print(
    "applicants_p95_ms",
    percentile(
      outcomes.map((o) => o.ms),
      95,
    ),
    "ms",
  );
} finally {
  await cluster.stop();
}
