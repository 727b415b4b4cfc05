import { beforeAll, expect, it } from "vitest";
import { createReviewFixture, type ReviewFixture } from "../../support/review";
import { createUser, describeServer, get, pageText, post, queryCount, type TestUser } from "../../support/server";
import { uniqueEmail } from "../../support/ids";

describeServer("running a review round over HTTP", (t) => {
  let staff: TestUser;
  let fixture: ReviewFixture;
  beforeAll(async () => {
    staff = await createUser(t.server, { staff: true });
    fixture = await createReviewFixture(t.server.db, t.server.config, {
      applicants: 3,
      reviewers: 2,
      k: 1,
      rubric: false,
    });
  });
  const base = () => `/staff/cycles/${fixture.cycle.slug}`;

  it("builds the rubric", async () => {
    const add = await post(
      t.server,
      `${base()}/rubric`,
      {
        intent: "add-criterion",
        name: "Commitment",
        guidance: "Look for evidence",
        weight: "60",
        scaleMin: "1",
        scaleMax: "5",
      },
      { cookie: staff.cookie },
    );
    expect(add.status).toBe(302);
    const criterion = await t.server.db
      .selectFrom("rubricCriteria")
      .selectAll()
      .where("cycleId", "=", fixture.cycle.id)
      .executeTakeFirstOrThrow();
    expect(criterion).toMatchObject({
      name: "Commitment",
      guidance: "Look for evidence",
      weight: 60,
      scaleMin: 1,
      scaleMax: 5,
      version: 1,
    });
    const update = await post(
      t.server,
      `${base()}/rubric`,
      {
        intent: "update-criterion",
        criterionId: criterion.id,
        version: "1",
        name: "Commitment to a healthy internet",
        weight: "50",
        scaleMin: "1",
        scaleMax: "5",
      },
      { cookie: staff.cookie },
    );
    expect(update.status).toBe(302);
    const stale = await post(
      t.server,
      `${base()}/rubric`,
      {
        intent: "update-criterion",
        criterionId: criterion.id,
        version: "1",
        name: "Stale",
        weight: "10",
        scaleMin: "1",
        scaleMax: "5",
      },
      { cookie: staff.cookie },
    );
    expect(stale.status).toBe(409);
    expect(await pageText(stale)).toContain("Someone else changed this criterion");
  });

  it("invites a reviewer, edits capacity, runs assignment and reminds", async () => {
    const invite = await post(
      t.server,
      `${base()}/reviewers`,
      { intent: "invite-reviewer", email: uniqueEmail("panel"), capacity: "4", expertise: "policy, security" },
      { cookie: staff.cookie },
    );
    expect(invite.status).toBe(302);
    const reviewer = fixture.reviewers[0]!;
    const update = await post(
      t.server,
      `${base()}/reviewers`,
      { intent: "update-reviewer", userId: reviewer.id, version: "1", capacity: "2", expertise: "open web" },
      { cookie: staff.cookie },
    );
    expect(update.status).toBe(302);
    const run = await post(t.server, `${base()}/assignments`, { intent: "run-assignment" }, { cookie: staff.cookie });
    expect(run.status).toBe(302);
    const count = await t.server.db
      .selectFrom("reviewAssignments")
      .select("id")
      .where("cycleId", "=", fixture.cycle.id)
      .execute();
    expect(count).toHaveLength(3);
    expect(
      (await post(t.server, `${base()}/assignments`, { intent: "send-reminders" }, { cookie: staff.cookie })).status,
    ).toBe(302);
  });

  it("shows ranking and assignment pages with a number of queries that does not grow with the reviews", async () => {
    const pages = ["ranking", "assignments", "decisions", "reviewers"];
    // Counted once the round's stored ranking is current: the first view after a change refits it
    // (ranking-store.server.ts), a cost paid once per change and not by every page view.
    const steady = async (url: string) => {
      await get(t.server, url, { cookie: staff.cookie });
      return queryCount(await get(t.server, url, { cookie: staff.cookie }));
    };
    const before = [];
    for (const page of pages) before.push(await steady(`${base()}/${page}`));
    const bigger = await createReviewFixture(t.server.db, t.server.config, { applicants: 9, reviewers: 4, k: 2 });
    await post(
      t.server,
      `/staff/cycles/${bigger.cycle.slug}/assignments`,
      { intent: "run-assignment" },
      { cookie: staff.cookie },
    );
    const after = [];
    for (const page of pages) after.push(await steady(`/staff/cycles/${bigger.cycle.slug}/${page}`));
    expect(after).toEqual(before);
  });

  it("marks decisions in bulk and releases them", async () => {
    const ids = fixture.applicants.map((applicant) => applicant.applicationId);
    const mark = await post(
      t.server,
      `${base()}/decisions`,
      { intent: "mark-finalist", applicationId: ids.slice(0, 2) },
      { cookie: staff.cookie },
    );
    expect(mark.status).toBe(302);
    const reject = await post(
      t.server,
      `${base()}/decisions`,
      { intent: "mark-not-selected", applicationId: ids[2]! },
      { cookie: staff.cookie },
    );
    expect(reject.status).toBe(302);
    const feedback = await post(
      t.server,
      `${base()}/decisions`,
      { intent: "feedback", applicationId: ids[2]!, feedback: "Clear writing; the plan needed more detail." },
      { cookie: staff.cookie },
    );
    expect(feedback.status).toBe(302);
    const release = await post(
      t.server,
      `${base()}/decisions`,
      { intent: "release", confirm: "on" },
      { cookie: staff.cookie },
    );
    expect(release.status).toBe(302);
    const statuses = async () =>
      (await t.server.db.selectFrom("applications").select("status").where("id", "in", ids).execute())
        .map((row) => row.status)
        .sort();
    // Held for the cycle's delay: the page says when, and nothing has changed for applicants yet.
    expect(await statuses()).toEqual(["in_review", "in_review", "in_review"]);
    expect(await pageText(await get(t.server, `${base()}/decisions`, { cookie: staff.cookie }))).toMatch(
      /Sending at \d{2}:\d{2}/,
    );
    const email = await t.server.db
      .selectFrom("emailOutbox")
      .select("text")
      .where("template", "=", "decision")
      .where("recipient", "=", fixture.applicants[2]!.email)
      .executeTakeFirstOrThrow();
    expect(email.text).toContain("Clear writing; the plan needed more detail.");
    // Once its time has come, reading the page sends it.
    await t.server.db
      .updateTable("decisionReleases")
      .set({ sendAt: new Date(Date.now() - 1000) })
      .where("cycleId", "=", fixture.cycle.id)
      .execute();
    expect((await get(t.server, `${base()}/decisions`, { cookie: staff.cookie })).status).toBe(200);
    expect(await statuses()).toEqual(["finalist", "finalist", "not_selected"]);
  });

  it("answers a cancel with no waiting release with a 409 and its reason", async () => {
    const cancel = await post(t.server, `${base()}/decisions`, { intent: "cancel-release" }, { cookie: staff.cookie });
    expect(cancel.status).toBe(409);
    expect(await pageText(cancel)).toContain("No release is waiting");
  });
});
