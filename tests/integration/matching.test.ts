import { sql } from "kysely";
import { expect, it } from "vitest";
import { saveInterviewNotes } from "~/matching/partner.server";
import { suggestCandidates } from "~/matching/positions.server";
import { rankingOf, saveApplicantRanking, savePositionRanking } from "~/matching/rankings.server";
import { buildMatchingInput } from "~/matching/market.server";
import { answerPlacement, publishRun } from "~/matching/publish.server";
import { dryRun, latestRunView, readiness } from "~/matching/runs.server";
import { loadConfig } from "~/utils/config.server";
import { describeDb } from "../support/db";
import { createMatchingFixture, type MatchingFixture } from "../support/matching";
import { emailsTo } from "../support/outbox";
import { english } from "../support/english";

const config = loadConfig({ SESSION_SECRET: "integration-secret-long-enough-for-hmac-use" });

describeDb("matching", (t) => {
  /** Everyone ranks: finalists prefer positions in the given order, positions rank finalists in the given order. */
  async function rankAll(fixture: MatchingFixture, applicantOrder: number[][], positionOrder: number[][]) {
    for (const [index, finalist] of fixture.finalists.entries()) {
      const order = applicantOrder[index]!.map((p) => fixture.positions[p]!.id);
      expect(
        await saveApplicantRanking(t.db, { applicationId: finalist.applicationId, applicantId: finalist.id, order }),
      ).toEqual({ ok: true });
    }
    for (const [index, position] of fixture.positions.entries()) {
      const order = positionOrder[index]!.map((f) => fixture.finalists[f]!.applicationId);
      expect(await savePositionRanking(t.db, { positionId: position.id, actorId: fixture.staffId, order })).toEqual({
        ok: true,
      });
    }
  }

  it("keeps each side's list to what it considers, and reports who has not ranked", async () => {
    const fixture = await createMatchingFixture(t.db, config, { finalists: 2, seats: [1, 1] });
    const stranger = await createMatchingFixture(t.db, config, { finalists: 1, seats: [1] });
    const [a] = fixture.finalists;
    const wrong = await saveApplicantRanking(t.db, {
      applicationId: a!.applicationId,
      applicantId: a!.id,
      order: [stranger.positions[0]!.id],
    });
    expect(wrong).toMatchObject({ ok: false, status: 409 });
    expect(
      await savePositionRanking(t.db, {
        positionId: fixture.positions[0]!.id,
        actorId: fixture.staffId,
        order: [stranger.finalists[0]!.applicationId],
      }),
    ).toMatchObject({ ok: false });
    const before = await readiness(t.db, fixture.cycle.id);
    expect(before.finalistsWithout).toHaveLength(2);
    expect(before.positionsWithout).toHaveLength(2);
    await saveApplicantRanking(t.db, {
      applicationId: a!.applicationId,
      applicantId: a!.id,
      order: [fixture.positions[1]!.id, fixture.positions[0]!.id],
    });
    expect(await rankingOf(t.db, "applicant", a!.applicationId)).toEqual([
      fixture.positions[1]!.id,
      fixture.positions[0]!.id,
    ]);
    expect((await readiness(t.db, fixture.cycle.id)).finalistsWithout).toHaveLength(1);
    // Someone else's application answers like a missing one.
    const other = fixture.finalists[1]!;
    expect(
      await saveApplicantRanking(t.db, { applicationId: a!.applicationId, applicantId: other.id, order: [] }),
    ).toMatchObject({ status: 404 });
  });

  it("closes rankings at the deadline, by the clock given", async () => {
    const fixture = await createMatchingFixture(t.db, config, { finalists: 1, seats: [1] });
    const deadline = new Date(Date.now() + 60_000);
    await t.db.updateTable("cycles").set({ rankingDeadline: deadline }).where("id", "=", fixture.cycle.id).execute();
    const [finalist] = fixture.finalists;
    const input = {
      applicationId: finalist!.applicationId,
      applicantId: finalist!.id,
      order: [fixture.positions[0]!.id],
    };
    expect(await saveApplicantRanking(t.db, input, { at: new Date(deadline.getTime() - 1000) })).toEqual({ ok: true });
    const late = await saveApplicantRanking(t.db, input, { at: new Date(deadline.getTime() + 1000) });
    expect(late).toMatchObject({ ok: false });
    expect(!late.ok && english(late.message)).toBe("The ranking deadline has passed.");
  });

  it("runs a stable matching, explains it, and publishes it once, emailing finalists and hosts", async () => {
    const fixture = await createMatchingFixture(t.db, config, { finalists: 3, seats: [1, 1] });
    // Everyone prefers position 0; position 0 prefers finalist 2; finalist 1 is left out by both.
    await rankAll(
      fixture,
      [
        [0, 1],
        [0, 1],
        [0, 1],
      ],
      [
        [2, 0, 1],
        [0, 2],
      ],
    );
    const run = await dryRun(t.db, fixture.staffId, fixture.cycle.id);
    expect(run.ok).toBe(true);
    const view = (await latestRunView(t.db, fixture.cycle.id))!;
    expect(view.blockingPairs).toBe(0);
    expect(view.stable).toBe(true);
    const [f0, f1, f2] = fixture.finalists;
    expect(view.matches.map((m) => m.applicant).sort()).toEqual([f0!.name, f2!.name].sort());
    expect(view.unmatched).toEqual([f1!.name]);
    const explanation = view.explanations.find((e) => e.applicant === f1!.name)!;
    expect(explanation.position).toBeNull();
    expect(explanation.missed.map((m) => english(m.why))).toEqual([
      `its seats went to finalists the host ranked higher: ${f2!.name}`,
      "the host did not rank them",
    ]);

    const published = await publishRun(t.db, config, fixture.staffId, fixture.cycle);
    expect(published).toEqual({ ok: true, matched: 2, unmatched: 1 });
    expect(await publishRun(t.db, config, fixture.staffId, fixture.cycle)).toMatchObject({ ok: false, status: 409 });
    const statuses = await t.db
      .selectFrom("applications")
      .select(["id", "status", "matchedPositionId"])
      .where("cycleId", "=", fixture.cycle.id)
      .execute();
    expect(statuses.find((s) => s.id === f2!.applicationId)).toMatchObject({
      status: "matched",
      matchedPositionId: fixture.positions[0]!.id,
    });
    expect(statuses.find((s) => s.id === f1!.applicationId)).toMatchObject({
      status: "unmatched",
      matchedPositionId: null,
    });
    expect((await emailsTo(t.db, f2!.email)).filter((e) => e.template === "match-result")).toHaveLength(1);
    expect(
      (await emailsTo(t.db, fixture.organizations[0]!.partnerEmail)).filter((e) => e.template === "match-host"),
    ).toHaveLength(1);
    // Published: rank lists are closed, and no new run can start.
    expect(
      await saveApplicantRanking(t.db, { applicationId: f1!.applicationId, applicantId: f1!.id, order: [] }),
    ).toMatchObject({ ok: false });
    expect(await dryRun(t.db, fixture.staffId, fixture.cycle.id)).toMatchObject({ ok: false, status: 409 });
    const audit = await t.db
      .selectFrom("auditLog")
      .select("action")
      .where("subjectId", "=", fixture.cycle.id)
      .where("action", "like", "match.%")
      .execute();
    expect(audit.map((row) => row.action).sort()).toEqual(["match.publish", "match.run"]);
  });

  it("tells a finalist no position considered that they were not matched", async () => {
    const fixture = await createMatchingFixture(t.db, config, { finalists: 2, seats: [1] });
    const [considered, forgotten] = fixture.finalists;
    await t.db.deleteFrom("positionCandidates").where("applicationId", "=", forgotten!.applicationId).execute();
    await saveApplicantRanking(t.db, {
      applicationId: considered!.applicationId,
      applicantId: considered!.id,
      order: [fixture.positions[0]!.id],
    });
    await savePositionRanking(t.db, {
      positionId: fixture.positions[0]!.id,
      actorId: fixture.staffId,
      order: [considered!.applicationId],
    });
    await dryRun(t.db, fixture.staffId, fixture.cycle.id);
    expect(await publishRun(t.db, config, fixture.staffId, fixture.cycle)).toEqual({
      ok: true,
      matched: 1,
      unmatched: 1,
    });
    const row = await t.db
      .selectFrom("applications")
      .select("status")
      .where("id", "=", forgotten!.applicationId)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe("unmatched");
    expect((await emailsTo(t.db, forgotten!.email)).filter((e) => e.template === "match-result")).toHaveLength(1);
  });

  it("runs the match only in the cycle's matching stage", async () => {
    const fixture = await createMatchingFixture(t.db, config, { finalists: 1, seats: [1] });
    await t.db.updateTable("cycles").set({ status: "reviewing" }).where("id", "=", fixture.cycle.id).execute();
    expect(await dryRun(t.db, fixture.staffId, fixture.cycle.id)).toMatchObject({ ok: false, status: 409 });
  });

  it("refuses to publish a run whose rank lists changed since", async () => {
    const fixture = await createMatchingFixture(t.db, config, { finalists: 2, seats: [1, 1] });
    await rankAll(
      fixture,
      [
        [0, 1],
        [1, 0],
      ],
      [
        [0, 1],
        [1, 0],
      ],
    );
    await dryRun(t.db, fixture.staffId, fixture.cycle.id);
    await savePositionRanking(t.db, {
      positionId: fixture.positions[0]!.id,
      actorId: fixture.staffId,
      order: [fixture.finalists[1]!.applicationId],
    });
    expect(await publishRun(t.db, config, fixture.staffId, fixture.cycle)).toMatchObject({ ok: false, status: 409 });
  });

  it("lets a matched finalist accept or decline once", async () => {
    const fixture = await createMatchingFixture(t.db, config, { finalists: 1, seats: [1] });
    await rankAll(fixture, [[0]], [[0]]);
    await dryRun(t.db, fixture.staffId, fixture.cycle.id);
    await publishRun(t.db, config, fixture.staffId, fixture.cycle);
    const [finalist] = fixture.finalists;
    expect(
      await answerPlacement(t.db, config, {
        applicationId: finalist!.applicationId,
        applicantId: fixture.staffId,
        accept: true,
      }),
    ).toMatchObject({ status: 404 });
    expect(
      await answerPlacement(t.db, config, {
        applicationId: finalist!.applicationId,
        applicantId: finalist!.id,
        accept: true,
      }),
    ).toEqual({ ok: true });
    expect(
      await answerPlacement(t.db, config, {
        applicationId: finalist!.applicationId,
        applicantId: finalist!.id,
        accept: true,
      }),
    ).toEqual({ ok: true });
    expect(
      await answerPlacement(t.db, config, {
        applicationId: finalist!.applicationId,
        applicantId: finalist!.id,
        accept: false,
      }),
    ).toMatchObject({ ok: false, status: 409 });
    const row = await t.db
      .selectFrom("applications")
      .select(["status", "placementAnsweredAt"])
      .where("id", "=", finalist!.applicationId)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe("accepted");
    expect(row.placementAnsweredAt).toBeInstanceOf(Date);
    // The new fellow is invited to the network, once, in the same transaction as the acceptance.
    const invitations = await t.db
      .selectFrom("emailOutbox")
      .select("template")
      .where("recipient", "=", finalist!.email)
      .where("template", "=", "network-invitation")
      .execute();
    expect(invitations).toHaveLength(1);
  });

  it("builds the market only from finalists considered and pairs still on the lists", async () => {
    const fixture = await createMatchingFixture(t.db, config, { finalists: 2, seats: [2] });
    await rankAll(fixture, [[0], [0]], [[0, 1]]);
    await t.db
      .deleteFrom("positionCandidates")
      .where("applicationId", "=", fixture.finalists[1]!.applicationId)
      .execute();
    const input = await buildMatchingInput(t.db, fixture.cycle.id);
    expect(input.applicants.map((a) => a.id)).toEqual([fixture.finalists[0]!.applicationId]);
    expect(input.positions[0]!.ranking).toEqual([fixture.finalists[0]!.applicationId]);
  });

  it("keeps interview notes with a version check", async () => {
    const fixture = await createMatchingFixture(t.db, config, { finalists: 1, seats: [1] });
    const input = {
      positionId: fixture.positions[0]!.id,
      applicationId: fixture.finalists[0]!.applicationId,
      notes: "Strong call",
      version: 0,
      actorId: fixture.organizations[0]!.partnerId,
    };
    expect(await saveInterviewNotes(t.db, input)).toEqual({ ok: true });
    expect(await saveInterviewNotes(t.db, { ...input, notes: "Stale tab" })).toMatchObject({ ok: false, status: 409 });
    expect(await saveInterviewNotes(t.db, { ...input, notes: "Second call", version: 1 })).toEqual({ ok: true });
  });

  it("suggests candidates from what applications name, or all finalists when they name nothing", async () => {
    const fixture = await createMatchingFixture(t.db, config, { finalists: 2, seats: [1, 1] });
    await t.db
      .deleteFrom("positionCandidates")
      .where(
        "positionId",
        "in",
        fixture.positions.map((p) => p.id),
      )
      .execute();
    const [named] = fixture.finalists;
    await t.db
      .updateTable("applications")
      .set({
        answers: sql`answers || ${JSON.stringify({ extra: `I would love to work with ${fixture.organizations[1]!.name}` })}::jsonb`,
      })
      .where("id", "=", named!.applicationId)
      .execute();
    await suggestCandidates(t.db, fixture.staffId, fixture.cycle.id);
    const rows = await t.db
      .selectFrom("positionCandidates")
      .select(["positionId", "applicationId"])
      .where(
        "positionId",
        "in",
        fixture.positions.map((p) => p.id),
      )
      .execute();
    const of = (applicationId: string) =>
      rows.filter((r) => r.applicationId === applicationId).map((r) => r.positionId);
    expect(of(named!.applicationId)).toEqual([fixture.positions[1]!.id]);
    expect(of(fixture.finalists[1]!.applicationId).sort()).toEqual(fixture.positions.map((p) => p.id).sort());
  });
});
