import { beforeAll, expect, it } from "vitest";
import { createOpenCycle, type TestCycle } from "../../support/cycles";
import { createUser, describeServer, get, pageText, post, type TestUser } from "../../support/server";

// Issue 16: a cycle's staff pages (the cycles catalog part) in the staff member's language, with
// the builder's refusals translated where they are shown.
function htmlTag(text: string): string {
  return /<html[^>]*>/.exec(text)?.[0] ?? "";
}

describeServer("a cycle's staff pages in Spanish and Arabic", (t) => {
  let staff: TestUser;
  let cycle: TestCycle;
  const name = () => `Test cycle ${cycle.slug}`;
  beforeAll(async () => {
    staff = await createUser(t.server, { staff: true });
    cycle = await createOpenCycle(t.server.db, staff.id);
  });

  it("shows the question builder in Spanish: heading, navigation, labels and page title", async () => {
    const response = await get(t.server, `/staff/cycles/${cycle.slug}/questions`, {
      cookie: staff.cookie,
      headers: { "Accept-Language": "es" },
    });
    expect(response.status).toBe(200);
    const text = await pageText(response);
    expect(htmlTag(text)).toBe('<html lang="es" dir="ltr">');
    expect(text).toContain(`<h1>Preguntas de ${name()}</h1>`);
    expect(text).toContain(`<title>Preguntas — ${name()} — Equipo — Open Web Fellows</title>`);
    expect(text).toContain(">Ajustes<");
    expect(text).toContain("Paso (sección) en el que aparece");
    expect(text).toContain("Texto corto");
    expect(text).not.toContain("Edit this question");
  });

  it("shows the rounds page right to left in Arabic", async () => {
    const text = await pageText(
      await get(t.server, `/staff/cycles/${cycle.slug}/rounds`, {
        cookie: staff.cookie,
        headers: { "Accept-Language": "ar" },
      }),
    );
    expect(htmlTag(text)).toBe('<html lang="ar" dir="rtl">');
    expect(text).toContain(`<h1>جولات التقييم في ${name()}</h1>`);
    expect(text).toContain("أضف الجولة");
  });

  it("refuses a condition on a question that does not exist, in the page's language, on the field", async () => {
    const form = {
      intent: "add-question",
      section: "Orphans",
      kind: "long_text",
      label: "Orphan",
      help: "",
      conditionQuestionId: "00000000-0000-4000-8000-000000000000",
      conditionOperator: "equals",
      conditionValues: "Yes",
    };
    const spanish = await post(t.server, `/staff/cycles/${cycle.slug}/questions`, form, {
      cookie: staff.cookie,
      headers: { "Accept-Language": "es" },
    });
    expect(spanish.status).toBe(400);
    expect(await pageText(spanish)).toContain(
      "“Orphan” se muestra según una pregunta que se eliminó; elige otra pregunta o quita la condición.",
    );
    const arabic = await post(t.server, `/staff/cycles/${cycle.slug}/questions`, form, {
      cookie: staff.cookie,
      headers: { "Accept-Language": "ar" },
    });
    expect(arabic.status).toBe(400);
    expect(await pageText(arabic)).toContain("يظهر «Orphan» بحسب سؤال حُذف؛ اختر سؤالًا آخر أو أزل الشرط.");
    // Without a language the refusal reads as before.
    const english = await post(t.server, `/staff/cycles/${cycle.slug}/questions`, form, { cookie: staff.cookie });
    expect(await pageText(english)).toContain("“Orphan” is shown depending on a question that was removed");
  });
});
