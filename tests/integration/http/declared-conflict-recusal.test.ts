import { beforeAll, expect, it } from "vitest";
import { startSession } from "~/auth/session.server";
import { runAssignment } from "~/review/assignments.server";
import { createReviewFixture, type ReviewFixture } from "../../support/review";
import { cookieHeader, createUser, describeServer, get, pageText, post } from "../../support/server";

// The penetration test: a reviewer declared a conflict with an applicant already assigned to them,
// by name and by email domain, then still opened and submitted the review, and staff saw nothing.
describeServer("a declared conflict takes the reviewer off applications already assigned", (t) => {
  let fixture: ReviewFixture;
  let reviewerId: string;
  let cookie: string;
  let mine: { id: string; applicationId: string }[];

  beforeAll(async () => {
    fixture = await createReviewFixture(t.server.db, t.server.config, { applicants: 2, reviewers: 3, k: 2 });
    // The second applicant writes from an institution's own domain (a shared one would say nothing).
    await t.server.db
      .updateTable("users")
      .set({ email: `applicant-${fixture.cycle.slug}@probe-university.example` })
      .where("id", "=", fixture.applicants[1]!.id)
      .execute();
    const run = await runAssignment(t.server.db, t.server.config, fixture.staffId, fixture.cycle);
    if (!run.ok) throw new Error(run.message);
    // Four assignments over three reviewers: one of them has both applications.
    const assignments = await t.server.db
      .selectFrom("reviewAssignments")
      .select(["id", "applicationId", "reviewerId"])
      .where("cycleId", "=", fixture.cycle.id)
      .execute();
    reviewerId = fixture.reviewers.find(
      (reviewer) => assignments.filter((assignment) => assignment.reviewerId === reviewer.id).length === 2,
    )!.id;
    mine = assignments.filter((assignment) => assignment.reviewerId === reviewerId);
    cookie = cookieHeader(
      await startSession(t.server.db, t.server.config, reviewerId, { userAgent: "conflict", clientAddress: null }),
    );
    for (const assignment of mine)
      expect((await get(t.server, `/review/${assignment.id}`, { cookie })).status).toBe(200);
  });

  it("recuses at once, by name and by domain: the reviews answer 404, others take them, it is audited, staff see why", async () => {
    const declared = await post(
      t.server,
      "/review",
      {
        intent: "declare-conflicts",
        cycleId: fixture.cycle.id,
        organizations: "",
        domains: "probe-university.example",
        people: fixture.applicants[0]!.name.toUpperCase(),
      },
      { cookie },
    );
    expect(declared.status).toBe(302);

    for (const assignment of mine) {
      expect((await get(t.server, `/review/${assignment.id}`, { cookie })).status, "open").toBe(404);
      const submitted = await post(
        t.server,
        `/review/${assignment.id}`,
        {
          intent: "submit",
          version: "0",
          ...Object.fromEntries(fixture.criteria.map((criterion) => [`score_${criterion.id}`, "4"])),
          recommendation: "yes",
          confidence: "2",
          overallComment: "Strong.",
        },
        { cookie },
      );
      expect(submitted.status, "submit").toBe(404);
    }

    const now = await t.server.db
      .selectFrom("reviewAssignments")
      .select(["applicationId", "reviewerId", "status", "recusalReason"])
      .where("cycleId", "=", fixture.cycle.id)
      .execute();
    for (const assignment of mine) {
      const rows = now.filter((row) => row.applicationId === assignment.applicationId);
      expect(rows.find((row) => row.reviewerId === reviewerId)).toMatchObject({ status: "recused" });
      // Reassigned as a recusal is: the application is back at k reviewers, none of them this one.
      expect(rows.filter((row) => row.status === "assigned" && row.reviewerId !== reviewerId)).toHaveLength(2);
    }
    const reasons = now.filter((row) => row.reviewerId === reviewerId).map((row) => row.recusalReason);
    expect(reasons).toEqual(
      expect.arrayContaining([
        "Declared conflict: declared this person",
        "Declared conflict: declared domain probe-university.example",
      ]),
    );

    const audited = await t.server.db
      .selectFrom("auditLog")
      .select(["subjectId", "data"])
      .where("action", "=", "assignment.recuse")
      .where("actorId", "=", reviewerId)
      .execute();
    expect(audited.map((row) => row.subjectId).sort()).toEqual(mine.map((a) => a.applicationId).sort());
    for (const row of audited) expect(row.data).toMatchObject({ cause: "declared-conflict" });

    const staff = await createUser(t.server, { staff: true });
    const page = await pageText(await get(t.server, `/staff/cycles/${fixture.cycle.slug}/assignments`, staff));
    expect(page).toContain("Declared conflict: declared this person");
    expect(page).toContain("Declared conflict: declared domain probe-university.example");
  });

  it("leaves a submitted review in place when a later declaration matches it", async () => {
    const other = await createReviewFixture(t.server.db, t.server.config, { applicants: 1, reviewers: 1, k: 1 });
    await runAssignment(t.server.db, t.server.config, other.staffId, other.cycle);
    const assignment = await t.server.db
      .selectFrom("reviewAssignments")
      .select("id")
      .where("cycleId", "=", other.cycle.id)
      .executeTakeFirstOrThrow();
    const reviewer = cookieHeader(
      await startSession(t.server.db, t.server.config, other.reviewers[0]!.id, { userAgent: "x", clientAddress: null }),
    );
    const submitted = await post(
      t.server,
      `/review/${assignment.id}`,
      {
        intent: "submit",
        version: "0",
        ...Object.fromEntries(other.criteria.map((criterion) => [`score_${criterion.id}`, "4"])),
        recommendation: "yes",
        confidence: "2",
        overallComment: "Strong.",
      },
      { cookie: reviewer },
    );
    expect(submitted.status).toBe(302);
    await post(
      t.server,
      "/review",
      {
        intent: "declare-conflicts",
        cycleId: other.cycle.id,
        organizations: "",
        domains: "",
        people: other.applicants[0]!.name,
      },
      { cookie: reviewer },
    );
    const row = await t.server.db
      .selectFrom("reviewAssignments")
      .select("status")
      .where("id", "=", assignment.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe("submitted");
  });
});
