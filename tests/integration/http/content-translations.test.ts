import { expect, it } from "vitest";
import { localizeCycle, localizeQuestion, translatedLanguages } from "~/i18n/content";
import { createOpenCycle, type TestCycle } from "../../support/cycles";
import { createUser, describeServer, get, pageText, post, type TestUser } from "../../support/server";

// Issue 16, item 1: staff-written content carries a translation per language, falling back to
// the original; staff enter it on their pages, and the applicant's pages pick the reader's language.
describeServer("staff-written content in other languages", (t) => {
  let staff: TestUser;
  let cycle: TestCycle;
  const track = () => cycle.questions.find((question) => question.label === "Track")!;

  async function translate(user: TestUser, fields: Record<string, string>) {
    return post(
      t.server,
      `/staff/cycles/${cycle.slug}/questions`,
      { intent: "translate", itemId: track().id, language: "es", ...fields },
      user,
    );
  }

  async function stored() {
    const row = await t.server.db
      .selectFrom("cycleQuestions")
      .select("translations")
      .where("id", "=", track().id)
      .executeTakeFirstOrThrow();
    return row.translations;
  }

  it("lets staff translate a question, and shows what is stored", async () => {
    staff = await createUser(t.server, { staff: true });
    cycle = await createOpenCycle(t.server.db, staff.id);
    const saved = await translate(staff, {
      label: "Línea de trabajo",
      help: "Elige una.",
      options: "Web abierta\nPolíticas tecnológicas\nCiencia",
    });
    expect(saved.status).toBe(302);
    expect(await stored()).toEqual({
      es: {
        label: "Línea de trabajo",
        help: "Elige una.",
        options: ["Web abierta", "Políticas tecnológicas", "Ciencia"],
      },
    });
    const page = await pageText(await get(t.server, `/staff/cycles/${cycle.slug}/questions`, { cookie: staff.cookie }));
    // Staff read the original, and which translations exist.
    expect(page).toContain("Translated: Español");
    expect(page).toContain('value="Línea de trabajo"');
  });

  it("refuses choices that do not match the original's with a field error, keeping the stored translation", async () => {
    const refused = await translate(staff, { label: "Otra", options: "Web abierta\nCiencia" });
    expect(refused.status).toBe(409);
    expect(await pageText(refused)).toContain("Give one translation per choice, in the same order: 3 lines.");
    expect((await stored()).es?.label).toBe("Línea de trabajo");
  });

  it("refuses a language the portal does not speak with a 400", async () => {
    const refused = await post(
      t.server,
      `/staff/cycles/${cycle.slug}/questions`,
      { intent: "translate", itemId: track().id, language: "de", label: "Schwerpunkt" },
      staff,
    );
    expect(refused.status).toBe(400);
    expect(Object.keys(await stored())).toEqual(["es"]);
  });

  it("lets only staff translate", async () => {
    const applicant = await createUser(t.server);
    const refused = await translate(applicant, { label: "Pirateado" });
    expect(refused.status).toBe(403);
    const anonymous = await post(t.server, `/staff/cycles/${cycle.slug}/questions`, {
      intent: "translate",
      itemId: track().id,
      language: "es",
      label: "Pirateado",
    });
    expect(anonymous.status).not.toBe(200);
    expect((await stored()).es?.label).toBe("Línea de trabajo");
  });

  it("shows the applicant the question in Spanish, the original to others, with the original as the value", async () => {
    const applicant = await createUser(t.server);
    const spanish = await pageText(
      await get(t.server, `/apply/${cycle.slug}/1`, { cookie: applicant.cookie, headers: { "Accept-Language": "es" } }),
    );
    expect(spanish).toContain("Línea de trabajo");
    expect(spanish).toContain("Elige una.");
    expect(spanish).toMatch(/value="Tech Policy"[^>]*\/?>Políticas tecnológicas/);
    const french = await pageText(
      await get(t.server, `/apply/${cycle.slug}/1`, { cookie: applicant.cookie, headers: { "Accept-Language": "fr" } }),
    );
    expect(french).toContain("Track");
    expect(french).not.toContain("Línea de trabajo");
    expect(french).toMatch(/value="Tech Policy"[^>]*\/?>Tech Policy/);
  });

  it("drops translated choices when the original choices change, keeping the translated label", async () => {
    const fresh = await createOpenCycle(t.server.db, staff.id);
    const question = fresh.questions.find((q) => q.label === "Track")!;
    const path = `/staff/cycles/${fresh.slug}/questions`;
    const saved = await post(
      t.server,
      path,
      {
        intent: "translate",
        itemId: question.id,
        language: "es",
        label: "Línea",
        options: question.options.map((o) => `es ${o}`).join("\n"),
      },
      staff,
    );
    expect(saved.status).toBe(302);
    const current = await t.server.db
      .selectFrom("cycleQuestions")
      .select(["version", "section"])
      .where("id", "=", question.id)
      .executeTakeFirstOrThrow();
    const reordered = await post(
      t.server,
      path,
      {
        intent: "update-question",
        questionId: question.id,
        version: String(current.version),
        section: current.section,
        kind: question.kind,
        label: question.label,
        help: question.help,
        ...(question.required ? { required: "on" } : {}),
        options: [...question.options].reverse().join("\n"),
      },
      staff,
    );
    expect(reordered.status).toBe(302);
    const row = await t.server.db
      .selectFrom("cycleQuestions")
      .select(["translations", "options"])
      .where("id", "=", question.id)
      .executeTakeFirstOrThrow();
    expect(row.options).toEqual([...question.options].reverse());
    expect(row.translations).toEqual({ es: { label: "Línea" } });
  });

  it("removes a translation when every field is left empty", async () => {
    expect((await translate(staff, { label: "", help: "", options: "" })).status).toBe(302);
    expect(await stored()).toEqual({});
  });
});

it("falls back field by field to the original", () => {
  const question = {
    label: "Track",
    help: "Pick one.",
    options: ["A", "B"],
    translations: { fr: { label: "Parcours", options: ["Un"] }, ar: { help: "  " } },
  };
  expect(localizeQuestion(question, "fr")).toEqual({ label: "Parcours", help: "Pick one.", options: ["A", "B"] });
  expect(localizeQuestion(question, "es")).toEqual({ label: "Track", help: "Pick one.", options: ["A", "B"] });
  expect(localizeQuestion(question, "ar")).toEqual({ label: "Track", help: "Pick one.", options: ["A", "B"] });
  expect(localizeCycle({ description: "About", translations: { es: { description: "Acerca" } } }, "es")).toEqual({
    description: "Acerca",
  });
  expect(translatedLanguages(question.translations)).toEqual(["fr"]);
});
