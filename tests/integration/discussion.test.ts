import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { assignManually, planAssignment } from "~/review/assignments.server";
import { biddableApplications, biddingCycle, saveBids } from "~/review/bids.server";
import { previewRelease, scheduleRelease } from "~/review/decision-release.server";
import { setPendingDecisions } from "~/review/decisions.server";
import { sendDiscussionDigests } from "~/review/discussion-digest.server";
import { discussionAccess, loadDiscussion, postComment } from "~/review/discussion.server";
import { designateLead, loadMetaReview, markMetaReviewRelease, saveMetaReview } from "~/review/meta-reviews.server";
import { sendOverdueReviewReminders } from "~/review/overdue-reminders.server";
import { blindLabel, saveReview } from "~/review/reviews.server";
import { loadConfig } from "~/utils/config.server";
import { describeDb } from "../support/db";
import { emailsTo, latestEmailTo } from "../support/outbox";
import { createReviewFixture, type ReviewFixture } from "../support/review";
import { english } from "../support/english";

const config = loadConfig({ SESSION_SECRET: "integration-secret-long-enough-for-hmac-use" });

describeDb("discussion, meta-review and overdue reminders", (t) => {
  /** Three reviewers on the first application; the first two have submitted. Plus a staff member. */
  async function panel(options: { blind?: boolean } = {}) {
    const fixture = await createReviewFixture(t.db, config, { applicants: 2, reviewers: 3, blind: options.blind });
    const application = fixture.applicants[0]!;
    const assignmentIds: string[] = [];
    for (const reviewer of fixture.reviewers) {
      await assignManually(t.db, config, fixture.staffId, fixture.cycle, application.applicationId, reviewer.id);
      const row = await t.db
        .selectFrom("reviewAssignments")
        .select("id")
        .where("applicationId", "=", application.applicationId)
        .where("reviewerId", "=", reviewer.id)
        .executeTakeFirstOrThrow();
      assignmentIds.push(row.id);
    }
    for (const index of [0, 1]) await submit(fixture, assignmentIds[index]!, fixture.reviewers[index]!.id);
    await t.db.insertInto("userRoles").values({ userId: fixture.staffId, role: "staff" }).execute();
    return { fixture, application, assignmentIds };
  }
  async function submit(fixture: ReviewFixture, assignmentId: string, reviewerId: string) {
    const result = await saveReview(t.db, {
      assignmentId,
      reviewerId,
      version: 0,
      values: {
        scores: Object.fromEntries(fixture.criteria.map((criterion) => [criterion.id, 4])),
        comments: {},
        recommendation: "yes",
        confidence: 2,
        overallComment: "Solid.",
      },
      submit: true,
    });
    expect(result.ok).toBe(true);
  }
  const reviewer = (fixture: ReviewFixture, index: number) => ({ userId: fixture.reviewers[index]!.id, staff: false });
  const staff = (fixture: ReviewFixture) => ({ userId: fixture.staffId, staff: true });

  it("opens the thread to reviewers who submitted and to staff, never to a reviewer still scoring", async () => {
    const { fixture, application } = await panel();
    expect(await discussionAccess(t.db, application.applicationId, reviewer(fixture, 0))).not.toBeNull();
    expect(await discussionAccess(t.db, application.applicationId, reviewer(fixture, 2))).toBeNull();
    expect(await discussionAccess(t.db, application.applicationId, staff(fixture))).not.toBeNull();
    const refused = await postComment(t.db, {
      applicationId: application.applicationId,
      author: reviewer(fixture, 2),
      body: "Can I see the others?",
      token: randomUUID(),
    });
    expect(refused).toMatchObject({ ok: false, status: 404 });
  });

  it("names reviewers to each other as Reviewer N, to staff by name, and posts once per form token", async () => {
    const { fixture, application } = await panel();
    const token = randomUUID();
    const first = await postComment(t.db, {
      applicationId: application.applicationId,
      author: reviewer(fixture, 0),
      body: "The plan is concrete.",
      token,
    });
    const again = await postComment(t.db, {
      applicationId: application.applicationId,
      author: reviewer(fixture, 0),
      body: "The plan is concrete.",
      token,
    });
    expect(first).toMatchObject({ ok: true, duplicate: false });
    expect(again).toEqual({ ok: true, commentId: (first as { commentId: string }).commentId, duplicate: true });
    await postComment(t.db, {
      applicationId: application.applicationId,
      author: staff(fixture),
      body: "The host confirmed remote work.",
      token: randomUUID(),
    });
    const asSecond = await loadDiscussion(t.db, application.applicationId, reviewer(fixture, 1));
    expect(asSecond.map((post) => english(post.author))).toEqual(["Reviewer 1", "Staff Person, program staff"]);
    expect(JSON.stringify(asSecond)).not.toContain(fixture.reviewers[0]!.name);
    const asFirst = await loadDiscussion(t.db, application.applicationId, reviewer(fixture, 0));
    expect(english(asFirst[0]!.author)).toBe("Reviewer 1 (you)");
    const asStaff = await loadDiscussion(t.db, application.applicationId, staff(fixture));
    expect(english(asStaff[0]!.author)).toBe(`${fixture.reviewers[0]!.name} (Reviewer 1)`);
  });

  it("sends one digest per recipient per pass, none for one's own post, blind labels for reviewers, and nothing twice", async () => {
    const { fixture, application, assignmentIds } = await panel({ blind: true });
    for (const body of ["First thought.", "Second thought."])
      await postComment(t.db, {
        applicationId: application.applicationId,
        author: reviewer(fixture, 0),
        body,
        token: randomUUID(),
      });
    await postComment(t.db, {
      applicationId: application.applicationId,
      author: staff(fixture),
      body: "Noted.",
      token: randomUUID(),
    });
    // Two processes at once: each post reaches each person once.
    // (Other tests of this file share the database, so the passes' totals count their posts too.)
    const passes = await Promise.all([sendDiscussionDigests(t.db, config), sendDiscussionDigests(t.db, config)]);
    expect(passes[0] + passes[1]).toBeGreaterThanOrEqual(2);
    expect(await sendDiscussionDigests(t.db, config)).toBe(0);

    const second = (await emailsTo(t.db, fixture.reviewers[1]!.email)).filter(
      (e) => e.template === "discussion-digest",
    );
    expect(second).toHaveLength(1);
    expect(second[0]!.text).toContain("First thought.");
    expect(second[0]!.text).toContain("Second thought.");
    expect(second[0]!.text).toContain("Noted.");
    expect(second[0]!.text).toContain(blindLabel(application.applicationId));
    expect(second[0]!.text).toContain(`/review/${assignmentIds[1]}#discussion`);
    expect(second[0]!.text).not.toContain(application.name);
    expect(second[0]!.text).not.toContain(fixture.reviewers[0]!.name);

    // The first reviewer hears only of the staff post; the reviewer still scoring hears nothing.
    const first = (await emailsTo(t.db, fixture.reviewers[0]!.email)).filter((e) => e.template === "discussion-digest");
    expect(first).toHaveLength(1);
    expect(first[0]!.text).toContain("Noted.");
    expect(first[0]!.text).not.toContain("First thought.");
    expect(
      (await emailsTo(t.db, fixture.reviewers[2]!.email)).filter((e) => e.template === "discussion-digest"),
    ).toHaveLength(0);
    // Staff joined after the reviewer's posts and wrote the last one: nothing for them yet.
    const staffEmail = await t.db
      .selectFrom("users")
      .select("email")
      .where("id", "=", fixture.staffId)
      .executeTakeFirstOrThrow();
    expect(await latestEmailTo(t.db, staffEmail.email)).toBeUndefined();
  });

  it("closes the thread once the decision is released, though a resubmit of an earlier post still succeeds", async () => {
    const { fixture, application } = await panel();
    const token = randomUUID();
    const post = { applicationId: application.applicationId, author: reviewer(fixture, 0), body: "Yes.", token };
    expect(await postComment(t.db, post)).toMatchObject({ ok: true });
    await t.db
      .updateTable("applications")
      .set({ status: "finalist" })
      .where("id", "=", application.applicationId)
      .execute();
    expect(await postComment(t.db, post)).toMatchObject({ ok: true, duplicate: true });
    expect(await postComment(t.db, { ...post, token: randomUUID() })).toMatchObject({
      ok: false,
      status: 409,
      reason: "closed",
    });
  });

  it("lets the lead reviewer write the meta-review, detects a stale edit, and refuses other reviewers", async () => {
    const { fixture, application } = await panel();
    const lead = { ...reviewer(fixture, 1), submitted: true };
    const other = { ...reviewer(fixture, 0), submitted: true };
    expect(
      await saveMetaReview(t.db, {
        applicationId: application.applicationId,
        author: lead,
        body: "Early.",
        version: 0,
      }),
    ).toMatchObject({ ok: false, status: 403, reason: "not-lead" });
    expect(
      await designateLead(t.db, {
        applicationId: application.applicationId,
        staffId: fixture.staffId,
        reviewerId: fixture.applicants[1]!.id,
      }),
    ).toMatchObject({ ok: false, status: 409, reason: "not-reviewer" });
    expect(
      await designateLead(t.db, {
        applicationId: application.applicationId,
        staffId: fixture.staffId,
        reviewerId: lead.userId,
      }),
    ).toEqual({ ok: true });
    const written = await saveMetaReview(t.db, {
      applicationId: application.applicationId,
      author: lead,
      body: "The panel agreed: strong.",
      version: 0,
    });
    expect(written).toEqual({ ok: true, version: 1 });
    expect(
      await saveMetaReview(t.db, {
        applicationId: application.applicationId,
        author: lead,
        body: "Again.",
        version: 0,
      }),
    ).toMatchObject({ ok: false, status: 409, reason: "stale" });
    expect(
      await saveMetaReview(t.db, {
        applicationId: application.applicationId,
        author: other,
        body: "Mine.",
        version: 1,
      }),
    ).toMatchObject({ ok: false, status: 403 });
    const view = await loadMetaReview(t.db, application.applicationId, reviewer(fixture, 0));
    expect(view).toMatchObject({ body: "The panel agreed: strong.", releaseToApplicant: false });
    expect(english(view!.author)).toBe("Reviewer 2");
  });

  it("sends a meta-review marked for release in the decision email (and shows it in the preview), and freezes it", async () => {
    const { fixture, application } = await panel();
    const [other] = fixture.applicants.slice(1);
    await saveMetaReview(t.db, {
      applicationId: application.applicationId,
      author: { ...staff(fixture), submitted: false },
      body: "Reviewers praised the plan; share progress more often.",
      version: 0,
    });
    expect(
      await markMetaReviewRelease(t.db, {
        applicationId: application.applicationId,
        staffId: fixture.staffId,
        release: true,
        version: 1,
      }),
    ).toEqual({ ok: true, version: 2 });
    await setPendingDecisions(
      t.db,
      fixture.staffId,
      fixture.cycle.id,
      [application.applicationId, other!.applicationId],
      "not_selected",
    );
    const [preview] = await previewRelease(t.db, config, fixture.cycle);
    expect(preview!.sampleName).toBe(application.name);
    expect(preview!.text).toContain("share progress more often");
    expect(preview!.recipients.find((r) => r.email === application.email)?.withMetaReview).toBe(true);
    expect(preview!.recipients.find((r) => r.email === other!.email)?.withMetaReview).toBe(false);

    await t.db.updateTable("cycles").set({ decisionDelayMinutes: 0 }).where("id", "=", fixture.cycle.id).execute();
    expect(await scheduleRelease(t.db, config, fixture.staffId, fixture.cycle)).toMatchObject({ ok: true });
    const email = await latestEmailTo(t.db, application.email);
    expect(email?.template).toBe("decision");
    expect(email?.text).toContain("Reviewers praised the plan; share progress more often.");
    expect((await latestEmailTo(t.db, other!.email))?.text).not.toContain("share progress");
    expect(
      await saveMetaReview(t.db, {
        applicationId: application.applicationId,
        author: { ...staff(fixture), submitted: false },
        body: "Too late.",
        version: 2,
      }),
    ).toMatchObject({ ok: false, status: 409, reason: "frozen" });
  });

  it("does not send an unmarked meta-review with the decision", async () => {
    const { fixture, application } = await panel();
    await saveMetaReview(t.db, {
      applicationId: application.applicationId,
      author: { ...staff(fixture), submitted: false },
      body: "Internal: borderline.",
      version: 0,
    });
    await setPendingDecisions(t.db, fixture.staffId, fixture.cycle.id, [application.applicationId], "finalist");
    await t.db.updateTable("cycles").set({ decisionDelayMinutes: 0 }).where("id", "=", fixture.cycle.id).execute();
    await scheduleRelease(t.db, config, fixture.staffId, fixture.cycle);
    const email = await latestEmailTo(t.db, application.email);
    expect(email?.template).toBe("decision");
    expect(email?.text).not.toContain("borderline");
  });

  it("reminds of an overdue review once per interval, never twice within one, and not a submitted one", async () => {
    const { fixture, assignmentIds } = await panel({ blind: true });
    const due = new Date("2026-11-01T12:00:00Z");
    await t.db.updateTable("reviewAssignments").set({ dueAt: due }).where("id", "in", assignmentIds).execute();
    const at = (days: number) => ({ at: new Date(due.getTime() + days * 86_400_000) });
    const overdueMail = async () =>
      (await emailsTo(t.db, fixture.reviewers[2]!.email)).filter((email) => email.template === "review-overdue");
    expect(await sendOverdueReviewReminders(t.db, config, at(-1))).toBe(0);
    const both = await Promise.all([
      sendOverdueReviewReminders(t.db, config, at(0.5)),
      sendOverdueReviewReminders(t.db, config, at(0.5)),
    ]);
    expect(both[0] + both[1]).toBe(1);
    expect(await sendOverdueReviewReminders(t.db, config, at(2.9))).toBe(0);
    expect(await sendOverdueReviewReminders(t.db, config, at(3.1))).toBe(1);
    expect(await sendOverdueReviewReminders(t.db, config, at(4))).toBe(0);
    const mails = await overdueMail();
    expect(mails).toHaveLength(2);
    expect(mails[0]!.text).toContain(blindLabel(fixture.applicants[0]!.applicationId));
    expect(mails[0]!.text).not.toContain(fixture.applicants[0]!.name);
    // The two who submitted are never reminded.
    expect(
      (await emailsTo(t.db, fixture.reviewers[0]!.email)).filter((email) => email.template === "review-overdue"),
    ).toHaveLength(0);
    await t.db
      .updateTable("reviewAssignments")
      .set({ status: "submitted" })
      .where("id", "=", assignmentIds[2]!)
      .execute();
    expect(await sendOverdueReviewReminders(t.db, config, at(7))).toBe(0);
  });

  it("saves a reviewer's bids idempotently, refuses another cycle's application, and the assignment follows them", async () => {
    const fixture = await createReviewFixture(t.db, config, { applicants: 2, reviewers: 2, capacity: 1, k: 1 });
    const elsewhere = await createReviewFixture(t.db, config, { applicants: 1, reviewers: 0 });
    const [r1, r2] = fixture.reviewers;
    const [a1, a2] = fixture.applicants.map((applicant) => applicant.applicationId);
    const cycle = (await biddingCycle(t.db, fixture.cycle.id, r1!.id))!;
    expect(cycle).toMatchObject({ id: fixture.cycle.id, blind: true });
    expect(await biddingCycle(t.db, elsewhere.cycle.id, r1!.id)).toBeNull();
    expect(
      await saveBids(t.db, cycle, r1!.id, [{ applicationId: elsewhere.applicants[0]!.applicationId, bid: "eager" }]),
    ).toMatchObject({ ok: false, status: 404 });
    const pairs = async () =>
      Object.fromEntries(
        (await planAssignment(t.db, fixture.round)).added.map((pair) => [pair.applicationId, pair.reviewerId]),
      );
    const orders: [typeof r1 & object, typeof r1 & object][] = [
      [r1!, r2!],
      [r2!, r1!],
    ];
    for (const [eagerOn1, eagerOn2] of orders) {
      const bids = [
        { reviewer: eagerOn1, applicationId: a1!, bid: "eager" as const },
        { reviewer: eagerOn1, applicationId: a2!, bid: "not_willing" as const },
        { reviewer: eagerOn2, applicationId: a2!, bid: "eager" as const },
        { reviewer: eagerOn2, applicationId: a1!, bid: null },
      ];
      for (let twice = 0; twice < 2; twice++)
        for (const bid of bids)
          expect(
            await saveBids(t.db, cycle, bid.reviewer.id, [{ applicationId: bid.applicationId, bid: bid.bid }]),
          ).toMatchObject({ ok: true });
      expect(await pairs()).toEqual({ [a1!]: eagerOn1.id, [a2!]: eagerOn2.id });
    }
    const view = await biddableApplications(t.db, cycle, r1!.id);
    expect(view.map((row) => english(row.label)).sort()).toEqual([a1!, a2!].map((id) => blindLabel(id)).sort());
    expect(JSON.stringify(view)).not.toContain(fixture.applicants[0]!.name);
    // A conflict bid is a hard conflict: the only reviewer left is never assigned.
    await saveBids(t.db, cycle, r2!.id, [{ applicationId: a1!, bid: "conflict" }]);
    await saveBids(t.db, cycle, r1!.id, [{ applicationId: a1!, bid: "conflict" }]);
    const plan = await planAssignment(t.db, fixture.round);
    expect(plan.added.some((pair) => pair.applicationId === a1)).toBe(false);
    expect(plan.check.valid).toBe(true);
  });
});
