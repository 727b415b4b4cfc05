import { beforeAll, expect, it } from "vitest";
import { startSession } from "~/auth/session.server";
import { runAssignment } from "~/review/assignments.server";
import { createMatchingFixture, type MatchingFixture } from "../../support/matching";
import { createReviewFixture, type ReviewFixture } from "../../support/review";
import { cookieHeader, createUser, describeServer, get, pageText, post, type TestUser } from "../../support/server";

// Issue 16: the reviewer's and the host's pages in the reader's language, refusals included.
function htmlTag(text: string): string {
  return /<html[^>]*>/.exec(text)?.[0] ?? "";
}

const SPANISH = { "Accept-Language": "es" };
const ARABIC = { "Accept-Language": "ar" };

describeServer("reviewer and host pages in Spanish and Arabic", (t) => {
  let fixture: ReviewFixture;
  let reviewerCookie: string;
  let assignmentId: string;
  let host: TestUser;
  let market: MatchingFixture;

  beforeAll(async () => {
    fixture = await createReviewFixture(t.server.db, t.server.config, { applicants: 1, reviewers: 1, k: 1 });
    const run = await runAssignment(t.server.db, t.server.config, fixture.staffId, fixture.cycle);
    if (!run.ok) throw new Error(run.message);
    const assignment = await t.server.db
      .selectFrom("reviewAssignments")
      .select(["id", "reviewerId"])
      .where("cycleId", "=", fixture.cycle.id)
      .executeTakeFirstOrThrow();
    assignmentId = assignment.id;
    reviewerCookie = cookieHeader(
      await startSession(t.server.db, t.server.config, assignment.reviewerId, {
        userAgent: "i18n",
        clientAddress: null,
      }),
    );
    host = await createUser(t.server, { name: "Anfitriona Prueba" });
    market = await createMatchingFixture(t.server.db, t.server.config, {
      finalists: 1,
      seats: [1],
      partnerIds: [host.id],
    });
  });

  it("shows the reviewer's queue in Spanish and the scoring page right to left in Arabic", async () => {
    const queue = await pageText(await get(t.server, "/review", { cookie: reviewerCookie, headers: SPANISH }));
    expect(htmlTag(queue)).toBe('<html lang="es" dir="ltr">');
    expect(queue).toContain("<h1>Tus evaluaciones</h1>");
    expect(queue).toContain("<title>Tus evaluaciones — Open Web Fellows</title>");
    expect(queue).toContain("Por evaluar");

    const scoring = await pageText(
      await get(t.server, `/review/${assignmentId}`, { cookie: reviewerCookie, headers: ARABIC }),
    );
    expect(htmlTag(scoring)).toBe('<html lang="ar" dir="rtl">');
    expect(scoring).toContain(">تقييمك</h2>");
    expect(scoring).toContain("أرسل التقييم");
    expect(scoring).not.toContain("Submit review");
  });

  it("translates a schema error and a domain refusal on the scoring page", async () => {
    const incomplete = await post(
      t.server,
      `/review/${assignmentId}`,
      { intent: "submit", version: "0" },
      { cookie: reviewerCookie, headers: ARABIC },
    );
    expect(incomplete.status).toBe(400);
    expect(await pageText(incomplete)).toContain("اختر توصية");

    // A stale version: saveReview refuses, and the refusal reads in the page's language.
    const stale = await post(
      t.server,
      `/review/${assignmentId}`,
      { intent: "save", version: "7" },
      { cookie: reviewerCookie, headers: SPANISH },
    );
    expect(stale.status).toBe(409);
    expect(await pageText(stale)).toContain("Esta evaluación se guardó desde otra pestaña o ventana");
  });

  it("shows the host's positions in Spanish and refuses a past interview time in Arabic", async () => {
    const home = await pageText(await get(t.server, "/partner", { cookie: host.cookie, headers: SPANISH }));
    expect(home).toContain("<h1>Tus puestos</h1>");
    expect(home).toContain("1 finalista por considerar");

    const path = `/partner/positions/${market.positions[0]!.id}/interviews`;
    const page = await pageText(await get(t.server, path, { cookie: host.cookie, headers: ARABIC }));
    expect(htmlTag(page)).toBe('<html lang="ar" dir="rtl">');
    expect(page).toContain("<h1>المقابلات</h1>");

    const past = await post(
      t.server,
      path,
      { intent: "add-slots", startsAt: "2020-01-01T10:00", minutes: "30", capacity: "1" },
      { cookie: host.cookie, headers: ARABIC },
    );
    expect(past.status).toBe(400);
    expect(await pageText(past)).toContain("اختر موعدًا في المستقبل");
  });
});
