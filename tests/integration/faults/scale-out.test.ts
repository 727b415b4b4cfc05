import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLoad, prepareApplicants, runMixedLoad, succeeded, type LoadRecord } from "../../support/mixed-load";
import { startScaleOut, type ScaleOut } from "../../support/scale-out";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Three instances on one PostgreSQL server behind haproxy, under mixed load, while PostgreSQL
 * restarts, one instance is restarted (a rolling deploy) and PostgreSQL crashes (kill -9).
 * Afterwards SQL and the SMTP server say whether anything acknowledged was lost or sent twice.
 */
describe("scale-out: three instances behind haproxy survive restarts under load", () => {
  let cluster: ScaleOut;
  beforeAll(async () => {
    cluster = await startScaleOut(3);
  }, 240_000);
  afterAll(() => cluster?.stop(), 60_000);

  it("seeds the demo once and completely when all instances start together", async () => {
    const { rows } = await sql<{ allies: number; campaigns: number; organizations: number; staff: number }>`
      select (select count(*)::int from ally_profiles) as allies,
             (select count(*)::int from campaigns) as campaigns,
             (select count(*)::int from organizations) as organizations,
             (select count(*)::int from users where email = 'staff@demo.test') as staff`.execute(cluster.db);
    expect(rows[0]).toEqual({ allies: 60, campaigns: 3, organizations: 6, staff: 1 });
  });

  it("loses no acknowledged write, sends no email twice, answers only 503 while PostgreSQL is away, and no process exits", async () => {
    const { cycle, applicants } = await prepareApplicants(cluster.db, 60, cluster.env);
    let stopLoad!: () => void;
    const until = new Promise<void>((resolve) => (stopLoad = resolve));
    const load: Promise<LoadRecord> = runMixedLoad(cluster.proxy.url, {
      users: 8,
      cycleSlug: cycle.slug,
      applicants,
      until,
    });

    await pause(2000);
    await cluster.pg.restart();
    await pause(3000);
    expect(await cluster.restartInstance(1)).toBe(0);
    await pause(2000);
    await cluster.pg.crashAndStart();
    await pause(4000);
    stopLoad();
    const record = await load;

    const failures = record.outcomes.filter((outcome) => !succeeded(outcome));
    expect(failures.filter((outcome) => outcome.status !== 503)).toEqual([]);
    expect(record.outcomes.filter(succeeded).length).toBeGreaterThan(100);
    expect(record.submitted.length).toBeGreaterThan(0);
    expect(record.signups.length).toBeGreaterThan(0);
    expect(cluster.unexpectedExits()).toBe(0);
    // Every instance serves again without having been restarted for it.
    await expect.poll(() => cluster.health(), { timeout: 10_000 }).toEqual([200, 200, 200]);
    expect(await auditLoad(cluster.db, cluster.smtp, record)).toEqual({
      writesLost: 0,
      emailsMissing: 0,
      emailsSentTwice: 0,
    });
  }, 120_000);
});
