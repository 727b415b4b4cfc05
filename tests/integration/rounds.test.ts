import { randomBytes } from "node:crypto";
import { Migrator, sql } from "kysely";
import { afterAll, expect, inject, it } from "vitest";
import { createDatabase, type DatabaseHandle } from "#db/client";
import { migrationProvider } from "#db/migrations/index";
import { moveApplications } from "~/applications/lifecycle.server";
import { planAssignment, runAssignment } from "~/review/assignments.server";
import { cancelRelease, scheduleRelease } from "~/review/decision-release.server";
import { setPendingDecisions } from "~/review/decisions.server";
import { cycleRanking } from "~/review/ranking.server";
import { advanceApplications, createRound, listRounds } from "~/review/rounds.server";
import { addCriterion } from "~/review/rubric.server";
import { saveReview } from "~/review/reviews.server";
import { loadConfig } from "~/utils/config.server";
import { describeDb, drivers } from "../support/db";
import { adminPool } from "../support/pg-admin";
import { createReviewFixture } from "../support/review";

const config = loadConfig({ SESSION_SECRET: "integration-secret-long-enough-for-hmac-use" });

/** A database of its own with no migration run yet, so a migration can be watched on old rows. */
async function emptyDatabase(
  driver: (typeof drivers)[number],
): Promise<{ handle: DatabaseHandle; drop: () => Promise<void> }> {
  if (driver === "pglite") {
    const handle = await createDatabase({ pgliteDataDir: "memory://" });
    return { handle, drop: async () => handle.close() };
  }
  const name = `owf_backfill_${inject("runId")}_${randomBytes(4).toString("hex")}`;
  const admin = adminPool()!;
  await admin.query(`create database ${name}`);
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  const handle = await createDatabase({ url: url.toString(), maxConnections: 2 });
  return {
    handle,
    drop: async () => {
      await handle.close();
      await admin.query(`drop database if exists ${name}`);
      await admin.end();
    },
  };
}

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

for (const driver of drivers)
  it(`migration 0023 gives every existing cycle round 1 with its settings, and its criteria and assignments that round [${driver}]`, async () => {
    const { handle, drop } = await emptyDatabase(driver);
    cleanups.push(drop);
    const db = handle.db;
    const migrator = new Migrator({ db, provider: migrationProvider });
    expect((await migrator.migrateTo("0020_integrations")).error).toBeUndefined();
    const [user] = (
      await sql<{
        id: string;
      }>`insert into users (email, name) values ('old@example.org', 'Old Reviewer') returning id`.execute(db)
    ).rows;
    const [cycle] = (
      await sql<{
        id: string;
      }>`insert into cycles (slug, name, opens_at, closes_at, blind_review, reviewers_per_application, review_due_at)
        values ('old-cycle', 'Old', now() - interval '30 days', now() - interval '1 day', false, 2, '2026-12-24T12:00:00Z') returning id`.execute(
        db,
      )
    ).rows;
    const [application] = (
      await sql<{
        id: string;
      }>`insert into applications (cycle_id, applicant_id, status) values (${cycle!.id}, ${user!.id}, 'in_review') returning id`.execute(
        db,
      )
    ).rows;
    await sql`insert into rubric_criteria (cycle_id, position, name, weight) values (${cycle!.id}, 1, 'Impact', 100)`.execute(
      db,
    );
    await sql`insert into review_assignments (cycle_id, application_id, reviewer_id) values (${cycle!.id}, ${application!.id}, ${user!.id})`.execute(
      db,
    );

    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    const rounds = await db.selectFrom("reviewRounds").selectAll().where("cycleId", "=", cycle!.id).execute();
    expect(rounds).toHaveLength(1);
    expect(rounds[0]).toMatchObject({ position: 1, reviewersPerApplication: 2, blindReview: false });
    expect(rounds[0]!.reviewDueAt?.toISOString()).toBe("2026-12-24T12:00:00.000Z");
    const criteria = await db.selectFrom("rubricCriteria").select("roundId").where("cycleId", "=", cycle!.id).execute();
    const assignments = await db
      .selectFrom("reviewAssignments")
      .select("roundId")
      .where("cycleId", "=", cycle!.id)
      .execute();
    expect([...criteria, ...assignments].map((row) => row.roundId)).toEqual([rounds[0]!.id, rounds[0]!.id]);
    // The waitlist is a status the database now takes.
    await sql`update applications set status = 'waitlisted', pending_decision = 'waitlisted' where id = ${application!.id}`.execute(
      db,
    );
    // Every migration from an empty database: slow on PGlite when the machine is loaded.
  }, 120_000);

describeDb("review rounds", (t) => {
  /** Six applications in review, screened on round 1 by four reviewers; application i scores 5 − i/2. */
  async function screened() {
    const fixture = await createReviewFixture(t.db, config, { applicants: 6, reviewers: 4 });
    const run = await runAssignment(t.db, config, fixture.staffId, fixture.cycle);
    expect(run).toMatchObject({ ok: true });
    const assignments = await t.db
      .selectFrom("reviewAssignments")
      .select(["id", "applicationId", "reviewerId"])
      .where("cycleId", "=", fixture.cycle.id)
      .execute();
    const order = fixture.applicants.map((applicant) => applicant.applicationId);
    for (const assignment of assignments) {
      const level = 5 - Math.floor(order.indexOf(assignment.applicationId) / 1.5);
      const result = await saveReview(t.db, {
        assignmentId: assignment.id,
        reviewerId: assignment.reviewerId,
        version: 0,
        values: {
          scores: Object.fromEntries(fixture.criteria.map((criterion) => [criterion.id, Math.max(1, level)])),
          comments: {},
          recommendation: "yes",
          confidence: 2,
          overallComment: "",
        },
        submit: true,
      });
      expect(result).toMatchObject({ ok: true });
    }
    return { fixture, order };
  }

  it("advances the top N into a new round (ties taken, audited with method and reason), and nothing else moves", async () => {
    const { fixture, order } = await screened();
    const panel = fixture.reviewers.slice(0, 3).map((reviewer) => reviewer.id);
    const created = await createRound(t.db, fixture.staffId, fixture.cycle.id, {
      name: "Panel",
      reviewersPerApplication: 3,
      blindReview: true,
      reviewDueAt: null,
      reviewerIds: panel,
    });
    expect(created).toEqual({ ok: true, position: 2 });
    // Reviewers outside the panel and a duplicate name are refused with the field to fix.
    expect(
      await createRound(t.db, fixture.staffId, fixture.cycle.id, {
        name: "panel",
        reviewersPerApplication: 1,
        blindReview: true,
        reviewDueAt: null,
        reviewerIds: panel,
      }),
    ).toMatchObject({ ok: false, status: 409, field: "name" });

    const [screening] = await listRounds(t.db, fixture.cycle.id);
    const ranked = (await cycleRanking(t.db, screening!)).applications;
    const advance = { toPosition: 2, rule: { method: "top_n" as const, count: 3 }, reason: "Screening's best" };
    const result = await advanceApplications(t.db, fixture.staffId, fixture.cycle.id, advance);
    expect(result).toMatchObject({ ok: true, already: 0, skippedShort: 0 });
    const taken = result.ok ? result.advanced : 0;
    expect(taken).toBe(3 + (result.ok ? result.tiedBeyond : 0));
    // Sending the same advance again adds nothing and audits nothing new.
    expect(await advanceApplications(t.db, fixture.staffId, fixture.cycle.id, advance)).toMatchObject({
      advanced: 0,
      already: taken,
    });
    const rounds = await listRounds(t.db, fixture.cycle.id);
    const members = await t.db
      .selectFrom("roundApplications")
      .select(["applicationId", "method", "reason", "advancedBy"])
      .where("roundId", "=", rounds[1]!.id)
      .execute();
    // The calibrated order's first ones (the ranking puts ties next to each other).
    expect(members.map((row) => row.applicationId).sort()).toEqual(
      ranked
        .slice(0, taken)
        .map((row) => row.id)
        .sort(),
    );
    expect(members.every((row) => row.method === "top_n" && row.reason === "Screening's best")).toBe(true);
    const audits = await t.db
      .selectFrom("auditLog")
      .select(["subjectId", "data"])
      .where("action", "=", "round.advance")
      .where("subjectId", "in", order)
      .execute();
    expect(audits).toHaveLength(taken);
    expect(audits[0]!.data).toMatchObject({ method: "top_n", reason: "Screening's best", toRound: "Panel" });
    // Advancing moves no status: every application is still in review.
    const statuses = await t.db.selectFrom("applications").select("status").where("id", "in", order).execute();
    expect(statuses.every((row) => row.status === "in_review")).toBe(true);

    // Hand-picking an application that is not in the round advanced from is refused as a whole.
    expect(
      await advanceApplications(t.db, fixture.staffId, fixture.cycle.id, {
        toPosition: 2,
        rule: { method: "hand_picked", applicationIds: [order[5]!, fixture.cycle.id] },
        reason: "Typo",
      }),
    ).toMatchObject({ ok: false, status: 409 });
  });

  it("assigns and ranks each round on its own: round 2's pool, k, rubric and reviews only", async () => {
    const { fixture, order } = await screened();
    const panel = fixture.reviewers.slice(1, 3);
    await createRound(t.db, fixture.staffId, fixture.cycle.id, {
      name: "Panel",
      reviewersPerApplication: 2,
      blindReview: false,
      reviewDueAt: new Date("2030-01-01T00:00:00Z"),
      reviewerIds: panel.map((reviewer) => reviewer.id),
    });
    await advanceApplications(t.db, fixture.staffId, fixture.cycle.id, {
      toPosition: 2,
      rule: { method: "hand_picked", applicationIds: [order[4]!, order[5]!] },
      reason: "Two to look at again",
    });
    const [first, second] = await listRounds(t.db, fixture.cycle.id);
    await addCriterion(t.db, fixture.staffId, second!, {
      name: "Readiness",
      guidance: "",
      weight: 1,
      scaleMin: 1,
      scaleMax: 5,
    });
    // Round 1 is full: nothing to add there; round 2 wants k=2 from its pool of two for its two applications.
    expect((await planAssignment(t.db, first!)).added).toEqual([]);
    const run = await runAssignment(t.db, config, fixture.staffId, fixture.cycle, second!);
    expect(run).toMatchObject({ ok: true, added: 4, uncovered: [] });
    const added = await t.db
      .selectFrom("reviewAssignments")
      .select(["id", "applicationId", "reviewerId", "dueAt"])
      .where("roundId", "=", second!.id)
      .execute();
    expect(new Set(added.map((row) => row.reviewerId))).toEqual(new Set(panel.map((reviewer) => reviewer.id)));
    expect(new Set(added.map((row) => row.applicationId))).toEqual(new Set([order[4], order[5]]));
    expect(added.every((row) => row.dueAt?.toISOString() === "2030-01-01T00:00:00.000Z")).toBe(true);

    // Before any panel review, round 2's ranking has its two applications and no score; round 1's is untouched.
    const before = await cycleRanking(t.db, second!);
    expect(before.applications.map((row) => row.id).sort()).toEqual([order[4], order[5]].sort());
    expect(before.applications.every((row) => row.score === null)).toBe(true);
    expect((await cycleRanking(t.db, first!)).applications.filter((row) => row.score !== null)).toHaveLength(6);
    // A panel review scores round 2's rubric; round 1's reviews never enter round 2's ranking.
    const criterion = before.criteria[0]!;
    for (const assignment of added)
      await saveReview(t.db, {
        assignmentId: assignment.id,
        reviewerId: assignment.reviewerId,
        version: 0,
        values: {
          scores: { [criterion.id]: assignment.applicationId === order[5] ? 5 : 2 },
          comments: {},
          recommendation: "yes",
          confidence: 2,
          overallComment: "",
        },
        submit: true,
      });
    const after = await cycleRanking(t.db, second!);
    expect(after.applications[0]!.id).toBe(order[5]);
    expect(after.applications.map((row) => row.score?.reviewCount)).toEqual([2, 2]);
  });

  it("waitlists through the lifecycle table and the decision release (preview, cancel), then resolves the waitlist", async () => {
    const fixture = await createReviewFixture(t.db, config, { applicants: 2, reviewers: 2 });
    const [waitlisted, other] = fixture.applicants.map((applicant) => applicant.applicationId);
    await t.db.updateTable("cycles").set({ decisionDelayMinutes: 0 }).where("id", "=", fixture.cycle.id).execute();
    const cycle = { id: fixture.cycle.id, name: fixture.cycle.name };
    expect(await setPendingDecisions(t.db, fixture.staffId, cycle.id, [waitlisted!], "waitlisted")).toBe(1);
    expect(await scheduleRelease(t.db, config, fixture.staffId, cycle)).toMatchObject({ ok: true, decisions: 1 });
    const status = async (id: string) =>
      (await t.db.selectFrom("applications").select("status").where("id", "=", id).executeTakeFirstOrThrow()).status;
    expect(await status(waitlisted!)).toBe("waitlisted");
    const email = await t.db
      .selectFrom("emailOutbox")
      .select(["subject"])
      .where("idempotencyKey", "=", `decision:${waitlisted}:waitlisted`)
      .executeTakeFirstOrThrow();
    expect(email.subject).toBe(`You are on the waitlist for ${fixture.cycle.name}`);
    // Waitlisted again is no move; a later release takes it to finalist.
    expect(await setPendingDecisions(t.db, fixture.staffId, cycle.id, [waitlisted!], "waitlisted")).toBe(0);
    expect(await setPendingDecisions(t.db, fixture.staffId, cycle.id, [waitlisted!], "finalist")).toBe(1);
    await t.db.updateTable("cycles").set({ decisionDelayMinutes: 10 }).where("id", "=", cycle.id).execute();
    expect(await scheduleRelease(t.db, config, fixture.staffId, cycle)).toMatchObject({
      ok: true,
      sentNow: false,
    });
    expect(await cancelRelease(t.db, fixture.staffId, cycle.id)).toMatchObject({ ok: true });
    expect(await status(waitlisted!)).toBe("waitlisted");
    await t.db.updateTable("cycles").set({ decisionDelayMinutes: 0 }).where("id", "=", cycle.id).execute();
    expect(await scheduleRelease(t.db, config, fixture.staffId, cycle)).toMatchObject({ ok: true });
    expect(await status(waitlisted!)).toBe("finalist");
    // The table: finalist → waitlisted is allowed; in review → waitlisted too; waitlisted → matched is not.
    const back = await moveApplications(t.db, {
      applicationIds: [waitlisted!, other!],
      to: "waitlisted",
      actorId: fixture.staffId,
      audit: { action: "test.move" },
    });
    expect(back.moved.map((row) => row.from).sort()).toEqual(["finalist", "in_review"]);
    const refused = await moveApplications(t.db, {
      applicationIds: [waitlisted!],
      to: "matched",
      actorId: fixture.staffId,
      audit: { action: "test.move" },
    });
    expect(refused.refused).toEqual([{ id: waitlisted, status: "waitlisted" }]);
  });
});
