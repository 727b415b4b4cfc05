import { beforeAll, expect, it } from "vitest";
import { createReviewFixture, type ReviewFixture } from "../../support/review";
import { cookieHeader, createUser, describeServer, get, pageText, post, type TestUser } from "../../support/server";

// Issue 16: a cycle's selection pages (applications, assignments, ranking, decisions, matching)
// speak the staff member's language, their refusals and flashes included; Arabic pages read right to left.
function htmlTag(text: string): string {
  return /<html[^>]*>/.exec(text)?.[0] ?? "";
}

describeServer("the selection pages in Spanish, French and Arabic", (t) => {
  let staff: TestUser;
  let fixture: ReviewFixture;
  beforeAll(async () => {
    staff = await createUser(t.server, { staff: true });
    fixture = await createReviewFixture(t.server.db, t.server.config, { applicants: 2, reviewers: 2, k: 1 });
  });
  const base = () => `/staff/cycles/${fixture.cycle.slug}`;
  const inLanguage = (language: string, cookie = staff.cookie) => ({
    cookie,
    headers: { "Accept-Language": language },
  });

  it("shows the decisions page in Spanish, its title included", async () => {
    const page = await pageText(await get(t.server, `${base()}/decisions`, inLanguage("es")));
    expect(htmlTag(page)).toBe('<html lang="es" dir="ltr">');
    expect(page).toContain(`<h1>Decisiones de ${fixture.cycle.name}</h1>`);
    expect(page).toContain(`<title>Decisiones — ${fixture.cycle.name} — Equipo — Open Web Fellows</title>`);
    expect(page).toContain("Publicar las decisiones");
    expect(page).not.toContain("Release decisions");
  });

  it("shows the assignments and matching pages in Arabic, right to left", async () => {
    const assignments = await pageText(await get(t.server, `${base()}/assignments`, inLanguage("ar")));
    expect(htmlTag(assignments)).toBe('<html lang="ar" dir="rtl">');
    expect(assignments).toContain(`إسنادات ${fixture.cycle.name}`);
    expect(assignments).toContain("الإسناد التلقائي");
    const matching = await pageText(await get(t.server, `${base()}/matching`, inLanguage("ar")));
    expect(matching).toContain(`المطابقة في ${fixture.cycle.name}`);
  });

  it("answers refusals and schema errors in the page's language", async () => {
    const cancel = await post(t.server, `${base()}/decisions`, { intent: "cancel-release" }, inLanguage("es"));
    expect(cancel.status).toBe(409);
    expect(await pageText(cancel)).toContain("No hay ninguna publicación en espera: ya se envió o se canceló.");

    const unticked = await post(t.server, `${base()}/decisions`, { intent: "mark-finalist" }, inLanguage("fr"));
    expect(unticked.status).toBe(400);
    expect(await pageText(unticked)).toContain("Cochez au moins une candidature");

    const neverRun = await post(t.server, `${base()}/matching`, { intent: "publish", confirm: "on" }, inLanguage("ar"));
    expect(neverRun.status).toBe(404);
    expect(await pageText(neverRun)).toContain("شغّل المطابقة أولًا.");

    // English is unchanged for a browser that asks for nothing else.
    const english = await post(t.server, `${base()}/decisions`, { intent: "cancel-release" }, { cookie: staff.cookie });
    expect(await pageText(english)).toContain("No release is waiting: it was sent or cancelled already.");
  });

  it("shows a flash with its count in the page's language", async () => {
    const sent = await post(t.server, `${base()}/assignments`, { intent: "send-reminders" }, inLanguage("es"));
    expect(sent.status).toBe(302);
    const cookie = `${staff.cookie}; ${cookieHeader(sent.headers.get("Set-Cookie")!)}`;
    const page = await pageText(await get(t.server, sent.headers.get("Location")!, inLanguage("es", cookie)));
    expect(page).toMatch(/Se (envió 1 recordatorio|enviaron \d+ recordatorios)\./);
  });
});
