import { sql, type Kysely } from "kysely";
import { describe, expect, it } from "vitest";
import type { Database } from "#db/types";
import { EXPORTED_USER_REFERENCES, exportMyData } from "~/privacy/export.server";
import { cancelRelease, finaliseDueReleases, scheduleRelease } from "~/review/decision-release.server";
import { setDecisionFeedback, setPendingDecisions } from "~/review/decisions.server";
import { loadConfig } from "~/utils/config.server";
import { describeDb } from "../support/db";
import { createOpenCycle, submitTestApplication } from "../support/cycles";
import { createReviewFixture, type ReviewFixture } from "../support/review";

/** Every column that points at a person (a foreign key to users), as `table.column`, from the catalog. */
async function userReferences(db: Kysely<Database>): Promise<string[]> {
  const rows = await sql<{ reference: string }>`
    select cl.relname || '.' || a.attname as reference
    from pg_constraint co
    join pg_class cl on cl.oid = co.conrelid
    join pg_attribute a on a.attrelid = co.conrelid and a.attnum = any (co.conkey)
    where co.contype = 'f' and co.confrelid = 'users'::regclass
    order by 1`.execute(db);
  return rows.rows.map((row) => row.reference);
}

const config = loadConfig({ SESSION_SECRET: "integration-secret-long-enough-for-hmac-use" });

describeDb("trust: reversible releases, saves, withdrawals, exports", (t) => {
  describe("a decision release", () => {
    async function markedFixture() {
      const fixture = await createReviewFixture(t.db, config, { applicants: 3, reviewers: 0, k: 1, rubric: false });
      const [a, b, c] = fixture.applicants;
      await setPendingDecisions(
        t.db,
        fixture.staffId,
        fixture.cycle.id,
        [a!.applicationId, b!.applicationId],
        "finalist",
      );
      await setPendingDecisions(t.db, fixture.staffId, fixture.cycle.id, [c!.applicationId], "not_selected");
      return fixture;
    }
    // PostgreSQL's protocol takes at most 65,535 parameters a statement: a list of ids must travel
    // as one array, or marking "all on this filter" fails on a large program.
    it("marks a list of more ids than a statement may carry parameters", async () => {
      const fixture = await createReviewFixture(t.db, config, { applicants: 2, reviewers: 0, k: 1, rubric: false });
      const strangers = Array.from({ length: 70_000 }, () => crypto.randomUUID());
      const ids = [
        ...strangers.slice(0, 35_000),
        ...fixture.applicants.map((a) => a.applicationId),
        ...strangers.slice(35_000),
      ];
      expect(await setPendingDecisions(t.db, fixture.staffId, fixture.cycle.id, ids, "waitlisted")).toBe(2);
      const marked = await t.db
        .selectFrom("applications")
        .select("pendingDecision")
        .where("cycleId", "=", fixture.cycle.id)
        .execute();
      expect(marked.map((row) => row.pendingDecision)).toEqual(["waitlisted", "waitlisted"]);
    });

    const decisionEmails = (fixture: ReviewFixture) =>
      t.db
        .selectFrom("emailOutbox")
        .select(["id", "recipient", "status", sql<boolean>`next_attempt_at > now()`.as("held")])
        .where(
          "recipient",
          "in",
          fixture.applicants.map((applicant) => applicant.email),
        )
        .where("template", "=", "decision")
        .execute();
    const statuses = async (fixture: ReviewFixture) =>
      (
        await t.db
          .selectFrom("applications")
          .select(["status", "pendingDecision"])
          .where("cycleId", "=", fixture.cycle.id)
          .execute()
      )
        .map((row) => `${row.status}:${row.pendingDecision ?? "-"}`)
        .sort();
    const dueNow = (fixture: ReviewFixture) =>
      t.db.transaction().execute(async (trx) => {
        await trx
          .updateTable("decisionReleases")
          .set({ sendAt: sql`now() - interval '1 second'` })
          .where("cycleId", "=", fixture.cycle.id)
          .execute();
        await trx
          .updateTable("emailOutbox")
          .set({ nextAttemptAt: sql`now() - interval '1 second'` })
          .where("template", "=", "decision")
          .where(
            "recipient",
            "in",
            fixture.applicants.map((applicant) => applicant.email),
          )
          .execute();
      });

    it("holds the emails for the cycle's delay, keeps statuses, and locks the marks meanwhile", async () => {
      const fixture = await markedFixture();
      const released = await scheduleRelease(t.db, config, fixture.staffId, fixture.cycle);
      expect(released).toMatchObject({ ok: true, decisions: 3, sentNow: false, alreadyScheduled: false });
      if (!released.ok) return;
      const minutes = (released.sendAt.getTime() - Date.now()) / 60_000;
      expect(minutes).toBeGreaterThan(9);
      expect(minutes).toBeLessThanOrEqual(10);
      const emails = await decisionEmails(fixture);
      expect(emails).toHaveLength(3);
      expect(emails.every((email) => email.status === "pending" && email.held)).toBe(true);
      expect(await statuses(fixture)).toEqual(["in_review:finalist", "in_review:finalist", "in_review:not_selected"]);
      // A second click changes nothing; marks and feedback in the release cannot change under it.
      expect(await scheduleRelease(t.db, config, fixture.staffId, fixture.cycle)).toMatchObject({
        ok: true,
        alreadyScheduled: true,
      });
      const [a] = fixture.applicants;
      expect(await setPendingDecisions(t.db, fixture.staffId, fixture.cycle.id, [a!.applicationId], null)).toBe(0);
      expect(await setDecisionFeedback(t.db, fixture.staffId, fixture.cycle.id, a!.applicationId, "Late")).toBe(false);
      expect(await decisionEmails(fixture)).toHaveLength(3);
      // Nothing is due before its time.
      expect(await finaliseDueReleases(t.db, { cycleId: fixture.cycle.id })).toBe(0);
    });

    it("is cancelled whole: the emails leave the outbox, the marks stay, and it can be released again", async () => {
      const fixture = await markedFixture();
      await scheduleRelease(t.db, config, fixture.staffId, fixture.cycle);
      expect(await cancelRelease(t.db, fixture.staffId, fixture.cycle.id)).toEqual({ ok: true, decisions: 3 });
      expect(await decisionEmails(fixture)).toEqual([]);
      expect(await statuses(fixture)).toEqual(["in_review:finalist", "in_review:finalist", "in_review:not_selected"]);
      expect(await cancelRelease(t.db, fixture.staffId, fixture.cycle.id)).toMatchObject({
        ok: false,
        status: 409,
        reason: "none-waiting",
      });
      const [, , c] = fixture.applicants;
      expect(await setPendingDecisions(t.db, fixture.staffId, fixture.cycle.id, [c!.applicationId], "finalist")).toBe(
        1,
      );
      expect(await scheduleRelease(t.db, config, fixture.staffId, fixture.cycle)).toMatchObject({
        ok: true,
        decisions: 3,
      });
      expect(await decisionEmails(fixture)).toHaveLength(3);
      const actions = await t.db
        .selectFrom("auditLog")
        .select("action")
        .where("subjectId", "=", fixture.cycle.id)
        .where("action", "like", "decision.release.%")
        .execute();
      expect(actions.map((row) => row.action).sort()).toEqual([
        "decision.release.cancel",
        "decision.release.schedule",
        "decision.release.schedule",
      ]);
    });

    it("cannot be cancelled once the worker has taken one of its emails", async () => {
      const fixture = await markedFixture();
      await scheduleRelease(t.db, config, fixture.staffId, fixture.cycle);
      const [first] = await decisionEmails(fixture);
      await t.db.updateTable("emailOutbox").set({ status: "sending" }).where("id", "=", first!.id).execute();
      expect(await cancelRelease(t.db, fixture.staffId, fixture.cycle.id)).toMatchObject({
        ok: false,
        status: 409,
        reason: "sending",
      });
      expect(await decisionEmails(fixture)).toHaveLength(3);
    });

    it("is sent at its time: statuses move with their history, once, and the emails fall due", async () => {
      const fixture = await markedFixture();
      await scheduleRelease(t.db, config, fixture.staffId, fixture.cycle);
      await dueNow(fixture);
      expect(await finaliseDueReleases(t.db)).toBeGreaterThanOrEqual(1);
      expect(await finaliseDueReleases(t.db, { cycleId: fixture.cycle.id })).toBe(0);
      expect(await statuses(fixture)).toEqual(["finalist:-", "finalist:-", "not_selected:-"]);
      expect((await decisionEmails(fixture)).every((email) => !email.held)).toBe(true);
      const events = await t.db
        .selectFrom("applicationEvents")
        .select(["toStatus", "actorId"])
        .where(
          "applicationId",
          "in",
          fixture.applicants.map((applicant) => applicant.applicationId),
        )
        .where("kind", "=", "status")
        .execute();
      expect(events).toHaveLength(3);
      expect(events.every((event) => event.actorId === fixture.staffId)).toBe(true);
      expect(await cancelRelease(t.db, fixture.staffId, fixture.cycle.id)).toMatchObject({ reason: "none-waiting" });
    });

    it("sends at once when the cycle's delay is 0", async () => {
      const fixture = await markedFixture();
      await t.db.updateTable("cycles").set({ decisionDelayMinutes: 0 }).where("id", "=", fixture.cycle.id).execute();
      expect(await scheduleRelease(t.db, config, fixture.staffId, fixture.cycle)).toMatchObject({
        ok: true,
        sentNow: true,
      });
      expect(await statuses(fixture)).toEqual(["finalist:-", "finalist:-", "not_selected:-"]);
      expect((await decisionEmails(fixture)).every((email) => !email.held)).toBe(true);
    });

    it("races a cancel with the send: exactly one of them wins, whole", async () => {
      const fixture = await markedFixture();
      await scheduleRelease(t.db, config, fixture.staffId, fixture.cycle);
      await dueNow(fixture);
      const [sent, cancelled] = await Promise.all([
        finaliseDueReleases(t.db, { cycleId: fixture.cycle.id }),
        cancelRelease(t.db, fixture.staffId, fixture.cycle.id),
      ]);
      if (cancelled.ok) {
        expect(sent).toBe(0);
        expect(await decisionEmails(fixture)).toEqual([]);
        expect(await statuses(fixture)).toEqual(["in_review:finalist", "in_review:finalist", "in_review:not_selected"]);
      } else {
        expect(sent).toBe(1);
        expect(await decisionEmails(fixture)).toHaveLength(3);
        expect(await statuses(fixture)).toEqual(["finalist:-", "finalist:-", "not_selected:-"]);
      }
    });
  });

  describe("the data export", () => {
    it("covers every column that points at a person: a new one fails here until it is exported", async () => {
      expect(await userReferences(t.db)).toEqual(Object.keys(EXPORTED_USER_REFERENCES).sort());
      // The check sees a new reference (made and rolled back here), so it can fail.
      const seen = await t.db
        .transaction()
        .execute(async (trx) => {
          await sql`create table export_probe (owner_id uuid references users (id))`.execute(trx);
          const references = await userReferences(trx);
          throw Object.assign(new Error("roll back"), { references });
        })
        .catch((error: { references?: string[] }) => error.references ?? []);
      expect(seen).toContain("export_probe.owner_id");
      expect(await userReferences(t.db)).not.toContain("export_probe.owner_id");
    });

    it("names each answer by its question, includes the self-described answers, and what staff did", async () => {
      const cycle = await createOpenCycle(t.db);
      const person = await t.db
        .insertInto("users")
        .values({ email: `export-${cycle.slug}@example.org`, name: "Mei Exports" })
        .returning("id")
        .executeTakeFirstOrThrow();
      const { applicationId } = await submitTestApplication(t.db, config, cycle, person.id);
      await t.db
        .insertInto("applicationDemographics")
        .values({ applicationId, cycleId: cycle.id, region: "Asia", careerStage: "Early career" })
        .execute();
      const data = await exportMyData(t.db, person.id);
      const [application] = data.applications;
      expect(application!.answers).toEqual([
        { question: "Track", answer: "Open Web" },
        { question: "Country and city", answer: "Nairobi, Kenya" },
        {
          question: "Why is the open web important to you?",
          answer: "Because knowledge should be free for everyone to reach.",
        },
        { question: "CV", file: "cv.pdf" },
      ]);
      expect(application!.demographics).toEqual({
        "Where are you based?": "Asia",
        "How do you describe your gender?": null,
        "Are you the first in your family to attend university?": null,
        "Do you identify as a disabled person?": null,
        "Where are you in your career?": "Early career",
      });
      expect(application!.events.map((event) => event.kind)).toEqual(["created", "submitted"]);
      expect(data.emailsToYou.map((email) => email.template)).toEqual(["application-receipt"]);

      const fixture = await createReviewFixture(t.db, config, { applicants: 1, reviewers: 0, k: 1, rubric: false });
      await setPendingDecisions(
        t.db,
        fixture.staffId,
        fixture.cycle.id,
        [fixture.applicants[0]!.applicationId],
        "finalist",
      );
      await scheduleRelease(t.db, config, fixture.staffId, fixture.cycle);
      await cancelRelease(t.db, fixture.staffId, fixture.cycle.id);
      const staff = await exportMyData(t.db, fixture.staffId);
      expect(staff.decisionReleases).toMatchObject([{ decisions: 1, releasedByYou: true, cancelledByYou: true }]);
      expect(staff.actions.map((action) => action.action)).toEqual(
        expect.arrayContaining(["decision.set", "decision.release.schedule", "decision.release.cancel"]),
      );
    });
  });
});
