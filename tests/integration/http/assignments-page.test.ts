import { beforeAll, expect, it } from "vitest";
import { runAssignment } from "~/review/assignments.server";
import { ASSIGNMENTS_PAGE_SIZE } from "~/review/assignments-view.server";
import { createReviewFixture, type ReviewFixture } from "../../support/review";
import { createUser, describeServer, get, pageText, post, queryCount, type TestUser } from "../../support/server";

describeServer("the assignments page and reassignment by search", (t) => {
  let staff: TestUser;
  let small: ReviewFixture;
  let large: ReviewFixture;
  beforeAll(async () => {
    staff = await createUser(t.server, { staff: true });
    small = await createReviewFixture(t.server.db, t.server.config, {
      applicants: 3,
      reviewers: 3,
      k: 2,
      rubric: false,
    });
    // More applications than a page, so the keyset pager is exercised.
    large = await createReviewFixture(t.server.db, t.server.config, {
      applicants: ASSIGNMENTS_PAGE_SIZE + 5,
      reviewers: 6,
      k: 2,
      capacity: 40,
      rubric: false,
    });
    for (const fixture of [small, large]) {
      const run = await runAssignment(t.server.db, t.server.config, fixture.staffId, fixture.cycle);
      expect(run.ok).toBe(true);
    }
  });

  const base = (fixture: ReviewFixture) => `/staff/cycles/${fixture.cycle.slug}/assignments`;
  const assignmentsOf = (fixture: ReviewFixture, applicationId: string) =>
    t.server.db
      .selectFrom("reviewAssignments")
      .select(["id", "reviewerId", "status", "version"])
      .where("applicationId", "=", applicationId)
      .where("roundId", "=", fixture.round.id)
      .execute();

  it("runs the same number of queries for every view at 3 and at 55 applications", async () => {
    const views = (fixture: ReviewFixture) => {
      const applicationId = fixture.applicants[0]!.applicationId;
      return [
        base(fixture),
        `${base(fixture)}?view=reviewers`,
        `${base(fixture)}?reviewer=${fixture.reviewers[0]!.id}`,
        `${base(fixture)}/${applicationId}?q=Reviewer`,
        `${base(fixture)}/${applicationId}/reviewers?q=Number`,
      ];
    };
    const counts = async (fixture: ReviewFixture) =>
      Promise.all(
        views(fixture).map(async (path) => {
          const response = await get(t.server, path, { cookie: staff.cookie });
          expect(response.status, path).toBe(200);
          return queryCount(response);
        }),
      );
    expect(await counts(large)).toEqual(await counts(small));
  });

  it("shows a page of applications at a time and the next one after the cursor", async () => {
    const first = await get(t.server, base(large), { cookie: staff.cookie });
    const html = await first.text();
    // Each row links to its application's page.
    const rows = (text: string) =>
      [...text.matchAll(/href="\/staff\/cycles\/[^/]+\/assignments\/([0-9a-f-]{36})"/g)].map((m) => m[1]);
    const firstNames = rows(html);
    expect(firstNames).toHaveLength(ASSIGNMENTS_PAGE_SIZE);
    // Counted in SQL over the whole round, not over the page shown (React separates text parts with comments).
    expect(html.replaceAll("<!-- -->", "")).toContain(
      `${large.applicants.length} of ${large.applicants.length} applications in review have 2 reviewers`,
    );
    const next = /href="([^"]*after=[^"]*)">Next page/.exec(html)![1]!.replaceAll("&amp;", "&");
    const second = rows(await (await get(t.server, next, { cookie: staff.cookie })).text());
    expect(second).toHaveLength(large.applicants.length - ASSIGNMENTS_PAGE_SIZE);
    expect(new Set([...firstNames, ...second]).size).toBe(large.applicants.length);
    expect((await get(t.server, `${base(large)}?after=not-a-cursor`, { cookie: staff.cookie })).status).toBe(400);
  });

  it("shows each reviewer's load and, by a link, only their applications", async () => {
    const text = await pageText(await get(t.server, `${base(small)}?view=reviewers`, { cookie: staff.cookie }));
    for (const reviewer of small.reviewers) expect(text).toContain(reviewer.name);
    const reviewer = small.reviewers[0]!;
    const mine = await t.server.db
      .selectFrom("reviewAssignments")
      .select("applicationId")
      .where("reviewerId", "=", reviewer.id)
      .where("roundId", "=", small.round.id)
      .execute();
    const filtered = await (
      await get(t.server, `${base(small)}?reviewer=${reviewer.id}`, { cookie: staff.cookie })
    ).text();
    expect([...filtered.matchAll(/>Add or replace a reviewer</g)]).toHaveLength(mine.length);
  });

  it("suggests only reviewers who could take the application: on the panel, unconflicted, not yet assigned", async () => {
    const applicationId = small.applicants[0]!.applicationId;
    const assigned = (await assignmentsOf(small, applicationId)).map((a) => a.reviewerId);
    const free = small.reviewers.filter((reviewer) => !assigned.includes(reviewer.id));
    expect(free).toHaveLength(1);
    const suggest = async () => {
      const response = await get(t.server, `${base(small)}/${applicationId}/reviewers?q=number`, {
        cookie: staff.cookie,
      });
      expect(response.status).toBe(200);
      return ((await response.json()) as { reviewers: { id: string }[] }).reviewers.map((r) => r.id);
    };
    expect(await suggest()).toEqual([free[0]!.id]);
    await t.server.db
      .insertInto("conflicts")
      .values({
        cycleId: small.cycle.id,
        reviewerId: free[0]!.id,
        kind: "application",
        value: applicationId,
        source: "staff",
      })
      .execute();
    expect(await suggest()).toEqual([]);
    const page = await pageText(
      await get(t.server, `${base(small)}/${applicationId}?q=number`, { cookie: staff.cookie }),
    );
    expect(page).toContain("No reviewer on the panel of this round matches");
    await t.server.db.deleteFrom("conflicts").where("reviewerId", "=", free[0]!.id).execute();
  });

  it("replaces a reviewer found by search, and refuses a conflicted one, a stale form and someone off the panel", async () => {
    const applicationId = small.applicants[1]!.applicationId;
    const path = `${base(small)}/${applicationId}`;
    const [old] = await assignmentsOf(small, applicationId);
    const assigned = (await assignmentsOf(small, applicationId)).map((a) => a.reviewerId);
    const free = small.reviewers.find((reviewer) => !assigned.includes(reviewer.id))!;
    const form = (reviewerId: string, version = old!.version) => ({
      intent: "reassign",
      assignmentId: old!.id,
      version: String(version),
      reviewerId,
    });

    await t.server.db
      .insertInto("conflicts")
      .values({
        cycleId: small.cycle.id,
        reviewerId: free.id,
        kind: "application",
        value: applicationId,
        source: "staff",
      })
      .execute();
    const conflicted = await post(t.server, path, form(free.id), { cookie: staff.cookie });
    expect(conflicted.status).toBe(409);
    expect(await pageText(conflicted)).toContain("This reviewer has a conflict");
    await t.server.db.deleteFrom("conflicts").where("reviewerId", "=", free.id).execute();

    const outsider = await createUser(t.server);
    const offPanel = await post(t.server, path, form(outsider.id), { cookie: staff.cookie });
    expect(offPanel.status).toBe(404);
    expect(await pageText(offPanel)).toContain("not a reviewer of this round");

    const stale = await post(t.server, path, form(free.id, old!.version + 1), { cookie: staff.cookie });
    expect(stale.status).toBe(409);
    expect(await pageText(stale)).toContain("Someone changed this assignment");
    // None of the refusals took the old reviewer away.
    expect((await assignmentsOf(small, applicationId)).map((a) => a.id)).toContain(old!.id);

    const done = await post(t.server, path, form(free.id), { cookie: staff.cookie });
    expect(done.status).toBe(302);
    const after = (await assignmentsOf(small, applicationId)).map((a) => a.reviewerId).sort();
    expect(after).toEqual([...assigned.filter((id) => id !== old!.reviewerId), free.id].sort());
    const audit = await t.server.db
      .selectFrom("auditLog")
      .select(["action", "data"])
      .where("subjectId", "=", applicationId)
      .where("action", "in", ["assignment.remove", "assignment.create"])
      .orderBy("at", "desc")
      .limit(2)
      .execute();
    expect(audit.map((row) => row.action).sort()).toEqual(["assignment.create", "assignment.remove"]);

    // The same form again: its assignment is gone.
    const again = await post(t.server, path, form(free.id), { cookie: staff.cookie });
    expect(again.status).toBe(404);
  });

  it("answers 404 for an application of another cycle and 400 for a form without a reviewer", async () => {
    const foreign = large.applicants[0]!.applicationId;
    expect((await get(t.server, `${base(small)}/${foreign}`, { cookie: staff.cookie })).status).toBe(404);
    expect((await get(t.server, `${base(small)}/not-an-id/reviewers`, { cookie: staff.cookie })).status).toBe(404);
    const bad = await post(
      t.server,
      `${base(small)}/${small.applicants[0]!.applicationId}`,
      { intent: "assign" },
      { cookie: staff.cookie },
    );
    expect(bad.status).toBe(400);
    expect(await pageText(bad)).toContain("Choose a reviewer");
  });
});
