import { expect, it } from "vitest";
import { acceptInvitation, findInvitation } from "~/invitations/invitations.server";
import { runAssignment, assignManually } from "~/review/assignments.server";
import { scheduleRelease } from "~/review/decision-release.server";
import { sendReviewReminders, setPendingDecisions } from "~/review/decisions.server";
import { inviteReviewer } from "~/review/pool.server";
import { declareConflicts, recuse } from "~/review/recusal.server";
import { loadReviewerAssignment, saveReview } from "~/review/reviews.server";
import { addCriterion, updateCriterion } from "~/review/rubric.server";
import { loadConfig } from "~/utils/config.server";
import { describeDb, uniqueEmail } from "../support/db";
import { emailsTo, latestEmailTo } from "../support/outbox";
import { createReviewFixture, type ReviewFixture } from "../support/review";

const config = loadConfig({ SESSION_SECRET: "integration-secret-long-enough-for-hmac-use" });

describeDb("review workflow", (t) => {
  async function assignmentsOf(fixture: ReviewFixture) {
    return t.db
      .selectFrom("reviewAssignments")
      .select(["id", "applicationId", "reviewerId", "status"])
      .where("cycleId", "=", fixture.cycle.id)
      .execute();
  }
  const fullScores = (fixture: ReviewFixture, score = 4) => ({
    scores: Object.fromEntries(fixture.criteria.map((criterion) => [criterion.id, score])),
    comments: {},
    recommendation: "yes" as const,
    confidence: 2,
    overallComment: "Solid.",
  });

  it("adds a reviewer to the pool when they accept the emailed invitation", async () => {
    const fixture = await createReviewFixture(t.db, config, { applicants: 1, reviewers: 0 });
    const email = uniqueEmail("invited");
    await inviteReviewer(t.db, config, { id: fixture.staffId, name: "Staff" }, fixture.cycle, {
      email,
      capacity: 7,
      expertise: ["policy"],
    });
    const message = await latestEmailTo(t.db, email);
    expect(message?.template).toBe("reviewer-invitation");
    const token = /invitations\/([A-Za-z0-9_-]+)/.exec(message!.text)![1]!;
    expect((await findInvitation(t.db, token))?.kind).toBe("reviewer");
    const user = await t.db
      .insertInto("users")
      .values({ email, name: "Invited Reviewer" })
      .returning("id")
      .executeTakeFirstOrThrow();
    expect(await acceptInvitation(t.db, token, { id: user.id, email })).toEqual({ ok: true, kind: "reviewer" });
    const member = await t.db
      .selectFrom("cycleReviewers")
      .select(["capacity", "expertise"])
      .where("userId", "=", user.id)
      .executeTakeFirstOrThrow();
    expect(member).toEqual({ capacity: 7, expertise: ["policy"] });
    expect(await acceptInvitation(t.db, token, { id: user.id, email })).toMatchObject({
      ok: false,
      reason: "accepted",
    });
  });

  it("assigns k reviewers to every application, never a conflicted pair, with one digest per reviewer; running again adds nothing", async () => {
    const fixture = await createReviewFixture(t.db, config, { applicants: 6, reviewers: 4, k: 2 });
    const [first] = fixture.applicants;
    await declareConflicts(t.db, config, fixture.cycle.id, fixture.reviewers[0]!.id, {
      organizations: [],
      domains: [],
      people: [first!.name],
    });
    const run = await runAssignment(t.db, config, fixture.staffId, fixture.cycle);
    expect(run).toEqual({ ok: true, added: 12, uncovered: [] });
    const assignments = await assignmentsOf(fixture);
    for (const applicant of fixture.applicants)
      expect(assignments.filter((a) => a.applicationId === applicant.applicationId)).toHaveLength(2);
    expect(
      assignments.some((a) => a.reviewerId === fixture.reviewers[0]!.id && a.applicationId === first!.applicationId),
    ).toBe(false);
    const loads = fixture.reviewers.map((reviewer) => assignments.filter((a) => a.reviewerId === reviewer.id).length);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    for (const reviewer of fixture.reviewers)
      expect((await emailsTo(t.db, reviewer.email)).map((e) => e.template)).toEqual(["assignment-digest"]);
    const audited = await t.db
      .selectFrom("auditLog")
      .select("id")
      .where("action", "=", "assignment.create")
      .where(
        "subjectId",
        "in",
        fixture.applicants.map((a) => a.applicationId),
      )
      .execute();
    expect(audited).toHaveLength(12);
    expect(await runAssignment(t.db, config, fixture.staffId, fixture.cycle)).toEqual({
      ok: true,
      added: 0,
      uncovered: [],
    });
    // Each run records what its certificate proved, checked independently.
    const runs = await t.db
      .selectFrom("auditLog")
      .select("data")
      .where("action", "=", "assignment.run")
      .where("subjectId", "=", fixture.cycle.id)
      .orderBy("at")
      .execute();
    expect(runs.map((row) => row.data)).toEqual([
      expect.objectContaining({ added: 12, reachedK: 6, upperBound: 6, certificateValid: true, dualityGap: 0 }),
      expect.objectContaining({ added: 0, reachedK: 6, upperBound: 6, certificateValid: true, dualityGap: 0 }),
    ]);
  });

  it("reports which applications cannot be covered, and why", async () => {
    const fixture = await createReviewFixture(t.db, config, { applicants: 3, reviewers: 2, capacity: 2, k: 2 });
    const run = await runAssignment(t.db, config, fixture.staffId, fixture.cycle);
    if (!run.ok) throw new Error(run.message);
    // Four slots for three applications: two reach k, and the third is left short whole rather than
    // spreading the slots so that two are left halfway (the shortfall policy).
    expect(run.added).toBe(4);
    expect(run.uncovered).toHaveLength(1);
    expect(run.uncovered[0]).toMatchObject({ assigned: 0, needed: 2, reason: "reviewers-at-capacity" });
  });

  it("refuses a manual assignment across a conflict or over capacity", async () => {
    const fixture = await createReviewFixture(t.db, config, { applicants: 2, reviewers: 2, capacity: 1, k: 1 });
    const [a, b] = fixture.applicants;
    const [r1] = fixture.reviewers;
    await declareConflicts(t.db, config, fixture.cycle.id, r1!.id, {
      organizations: [],
      domains: [],
      people: [a!.name],
    });
    expect(await assignManually(t.db, config, fixture.staffId, fixture.cycle, a!.applicationId, r1!.id)).toMatchObject({
      ok: false,
      status: 409,
    });
    expect(await assignManually(t.db, config, fixture.staffId, fixture.cycle, b!.applicationId, r1!.id)).toEqual({
      ok: true,
    });
    const third = await createReviewFixture(t.db, config, { applicants: 1, reviewers: 0 });
    expect(
      await assignManually(t.db, config, fixture.staffId, fixture.cycle, third.applicants[0]!.applicationId, r1!.id),
    ).toMatchObject({ status: 404 });
  });

  it("reassigns a recusal at once and never gives that pair again", async () => {
    const fixture = await createReviewFixture(t.db, config, { applicants: 2, reviewers: 3, k: 1 });
    await runAssignment(t.db, config, fixture.staffId, fixture.cycle);
    const [assignment] = await assignmentsOf(fixture);
    const result = await recuse(t.db, config, {
      assignmentId: assignment!.id,
      reviewerId: assignment!.reviewerId,
      reason: "I know them",
    });
    expect(result).toEqual({ ok: true, reassigned: true });
    const after = (await assignmentsOf(fixture)).filter((a) => a.applicationId === assignment!.applicationId);
    expect(after.find((a) => a.id === assignment!.id)?.status).toBe("recused");
    expect(after.filter((a) => a.status === "assigned" && a.reviewerId !== assignment!.reviewerId)).toHaveLength(1);
    await runAssignment(t.db, config, fixture.staffId, fixture.cycle);
    const pairs = (await assignmentsOf(fixture)).filter(
      (a) => a.applicationId === assignment!.applicationId && a.reviewerId === assignment!.reviewerId,
    );
    expect(pairs).toHaveLength(1);
    const audit = await t.db
      .selectFrom("auditLog")
      .select("action")
      .where("subjectId", "=", assignment!.applicationId)
      .where("action", "=", "assignment.recuse")
      .execute();
    expect(audit).toHaveLength(1);
  });

  it("saves drafts, refuses a stale tab, hides other reviews until one's own is in, and audits submissions", async () => {
    const fixture = await createReviewFixture(t.db, config, { applicants: 1, reviewers: 2, k: 2 });
    await runAssignment(t.db, config, fixture.staffId, fixture.cycle);
    const [mine, theirs] = await assignmentsOf(fixture);
    const values = fullScores(fixture);
    const theirSubmit = await saveReview(t.db, {
      assignmentId: theirs!.id,
      reviewerId: theirs!.reviewerId,
      version: 0,
      values,
      submit: true,
    });
    expect(theirSubmit.ok).toBe(true);
    const draft = await saveReview(t.db, {
      assignmentId: mine!.id,
      reviewerId: mine!.reviewerId,
      version: 0,
      values: { ...values, scores: {} },
      submit: false,
    });
    expect(draft).toEqual({ ok: true, version: 1 });
    expect((await loadReviewerAssignment(t.db, mine!.id, mine!.reviewerId))?.others).toEqual([]);
    const stale = await saveReview(t.db, {
      assignmentId: mine!.id,
      reviewerId: mine!.reviewerId,
      version: 0,
      values,
      submit: true,
    });
    expect(stale).toMatchObject({ ok: false, status: 409 });
    expect(
      await saveReview(t.db, {
        assignmentId: mine!.id,
        reviewerId: mine!.reviewerId,
        version: 1,
        values,
        submit: true,
      }),
    ).toEqual({ ok: true, version: 2 });
    expect((await loadReviewerAssignment(t.db, mine!.id, mine!.reviewerId))?.others).toHaveLength(1);
    const audited = await t.db
      .selectFrom("auditLog")
      .select("action")
      .where("subjectId", "=", fixture.applicants[0]!.applicationId)
      .where("action", "=", "review.submit")
      .execute();
    expect(audited).toHaveLength(2);
    // Someone else's assignment answers like a missing one.
    expect(await loadReviewerAssignment(t.db, mine!.id, theirs!.reviewerId)).toBeNull();
    expect(
      await saveReview(t.db, {
        assignmentId: mine!.id,
        reviewerId: theirs!.reviewerId,
        version: 2,
        values,
        submit: true,
      }),
    ).toMatchObject({ status: 404 });
  });

  it("closes reviews when the review stage ends", async () => {
    const fixture = await createReviewFixture(t.db, config, { applicants: 1, reviewers: 1, k: 1 });
    await runAssignment(t.db, config, fixture.staffId, fixture.cycle);
    const [assignment] = await assignmentsOf(fixture);
    await t.db.updateTable("cycles").set({ status: "matching" }).where("id", "=", fixture.cycle.id).execute();
    expect(
      await saveReview(t.db, {
        assignmentId: assignment!.id,
        reviewerId: assignment!.reviewerId,
        version: 0,
        values: fullScores(fixture),
        submit: true,
      }),
    ).toMatchObject({ ok: false, status: 409 });
  });

  it("fixes the rubric's scales once scores are in, but not its wording", async () => {
    const fixture = await createReviewFixture(t.db, config, { applicants: 1, reviewers: 1, k: 1 });
    await runAssignment(t.db, config, fixture.staffId, fixture.cycle);
    const [assignment] = await assignmentsOf(fixture);
    await saveReview(t.db, {
      assignmentId: assignment!.id,
      reviewerId: assignment!.reviewerId,
      version: 0,
      values: fullScores(fixture),
      submit: true,
    });
    const criterion = fixture.criteria[0]!;
    expect(
      await addCriterion(t.db, fixture.staffId, fixture.round, {
        name: "New",
        guidance: "",
        weight: 5,
        scaleMin: 1,
        scaleMax: 5,
      }),
    ).toMatchObject({ ok: false, status: 409 });
    const base = { name: criterion.name, guidance: "Now with guidance", weight: 55, scaleMin: 1, scaleMax: 5 };
    expect(
      await updateCriterion(t.db, fixture.staffId, fixture.round, criterion.id, criterion.version, {
        ...base,
        scaleMax: 7,
      }),
    ).toMatchObject({ ok: false, status: 409 });
    expect(await updateCriterion(t.db, fixture.staffId, fixture.round, criterion.id, criterion.version, base)).toEqual({
      ok: true,
    });
  });

  it("holds decisions until released, then moves statuses, emails each applicant once and audits it", async () => {
    const fixture = await createReviewFixture(t.db, config, { applicants: 3, reviewers: 1, k: 1 });
    // Sent at once (no cancellable delay: decision-release.test.ts covers the delay).
    await t.db.updateTable("cycles").set({ decisionDelayMinutes: 0 }).where("id", "=", fixture.cycle.id).execute();
    const [a, b, c] = fixture.applicants;
    expect(
      await setPendingDecisions(
        t.db,
        fixture.staffId,
        fixture.cycle.id,
        [a!.applicationId, b!.applicationId],
        "finalist",
      ),
    ).toBe(2);
    expect(await setPendingDecisions(t.db, fixture.staffId, fixture.cycle.id, [c!.applicationId], "not_selected")).toBe(
      1,
    );
    expect((await emailsTo(t.db, a!.email)).filter((e) => e.template === "decision")).toEqual([]);
    const status = await t.db
      .selectFrom("applications")
      .select("status")
      .where("id", "=", a!.applicationId)
      .executeTakeFirstOrThrow();
    expect(status.status).toBe("in_review");
    expect(await scheduleRelease(t.db, config, fixture.staffId, fixture.cycle)).toMatchObject({
      ok: true,
      decisions: 3,
      sentNow: true,
    });
    expect(await scheduleRelease(t.db, config, fixture.staffId, fixture.cycle)).toMatchObject({
      ok: false,
      reason: "nothing-pending",
    });
    const rows = await t.db
      .selectFrom("applications")
      .select(["id", "status", "pendingDecision"])
      .where("cycleId", "=", fixture.cycle.id)
      .orderBy("id")
      .execute();
    expect(rows.map((row) => row.status).sort()).toEqual(["finalist", "finalist", "not_selected"]);
    expect(rows.every((row) => row.pendingDecision === null)).toBe(true);
    const decision = (await emailsTo(t.db, c!.email)).filter((e) => e.template === "decision");
    expect(decision).toHaveLength(1);
    expect(decision[0]!.text).toContain("could not select yours");
    const audit = await t.db
      .selectFrom("auditLog")
      .select("action")
      .where("subjectId", "in", [a!.applicationId, b!.applicationId, c!.applicationId])
      .where("action", "like", "decision.%")
      .execute();
    expect(audit.filter((row) => row.action === "decision.set")).toHaveLength(3);
    expect(audit.filter((row) => row.action === "decision.release")).toHaveLength(3);
  });

  it("reminds each reviewer with unfinished reviews once a day", async () => {
    const fixture = await createReviewFixture(t.db, config, { applicants: 2, reviewers: 2, k: 1 });
    await runAssignment(t.db, config, fixture.staffId, fixture.cycle);
    expect(await sendReviewReminders(t.db, config, fixture.staffId, fixture.cycle)).toBe(2);
    expect(await sendReviewReminders(t.db, config, fixture.staffId, fixture.cycle)).toBe(0);
    for (const reviewer of fixture.reviewers)
      expect((await emailsTo(t.db, reviewer.email)).filter((e) => e.template === "review-reminder")).toHaveLength(1);
  });
});
