import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { createCampaign } from "~/campaigns/campaigns.server";
import { createUser, describeServer, get, pageText, post, type TestUser } from "../../support/server";

// Issue 16: staff translate a campaign's summary on the campaign's staff page, and its public page
// shows the reader's language; the staff pages themselves speak the staff member's language.
function htmlTag(text: string): string {
  return /<html[^>]*>/.exec(text)?.[0] ?? "";
}

describeServer("staff pages in other languages", (t) => {
  let staff: TestUser;
  let campaign: { id: string; slug: string };

  async function translate(user: TestUser, fields: Record<string, string>, headers: Record<string, string> = {}) {
    return post(
      t.server,
      `/staff/campaigns/${campaign.slug}`,
      { intent: "translate", itemId: campaign.id, language: "es", ...fields },
      { ...user, headers },
    );
  }

  async function stored() {
    const row = await t.server.db
      .selectFrom("campaigns")
      .select("translations")
      .where("id", "=", campaign.id)
      .executeTakeFirstOrThrow();
    return row.translations;
  }

  it("lets staff save a Spanish summary, which the public page shows to Spanish readers only", async () => {
    staff = await createUser(t.server, { staff: true });
    const slug = `tr-${randomUUID().slice(0, 8)}`;
    await createCampaign(t.server.db, staff.id, {
      intent: "save-campaign",
      name: "Stand Up for Encryption",
      slug,
      summary: "Allies explain encryption to their communities.",
      startsOn: "2030-01-01",
      endsOn: "2030-03-01",
      status: "active",
      languages: [],
      timezone: "UTC",
      version: undefined,
    });
    campaign = await t.server.db
      .selectFrom("campaigns")
      .select(["id", "slug"])
      .where("slug", "=", slug)
      .executeTakeFirstOrThrow();

    const saved = await translate(staff, { summary: "Aliadas explican el cifrado a sus comunidades." });
    expect(saved.status).toBe(302);
    expect(saved.headers.get("Location")).toBe(`/staff/campaigns/${slug}`);
    expect(await stored()).toEqual({ es: { summary: "Aliadas explican el cifrado a sus comunidades." } });

    const staffPage = await pageText(await get(t.server, `/staff/campaigns/${slug}`, { cookie: staff.cookie }));
    expect(staffPage).toContain("Translated: Español");
    expect(staffPage).toContain("Aliadas explican el cifrado a sus comunidades.</textarea>");

    const spanish = await pageText(await get(t.server, `/campaigns/${slug}`, { headers: { "Accept-Language": "es" } }));
    expect(spanish).toContain("Aliadas explican el cifrado a sus comunidades.");
    expect(spanish).not.toContain("Allies explain encryption");
    const french = await pageText(await get(t.server, `/campaigns/${slug}`, { headers: { "Accept-Language": "fr" } }));
    expect(french).toContain("Allies explain encryption to their communities.");
    expect(french).not.toContain("Aliadas");
  });

  it("answers an item of another campaign as missing, and keeps the stored translation", async () => {
    const refused = await post(
      t.server,
      `/staff/campaigns/${campaign.slug}`,
      { intent: "translate", itemId: randomUUID(), language: "es", summary: "Otra" },
      staff,
    );
    expect(refused.status).toBe(404);
    expect((await stored()).es?.summary).toBe("Aliadas explican el cifrado a sus comunidades.");
  });

  it("refuses a summary that is too long, in the staff member's language, keeping the stored translation", async () => {
    const long = { summary: "x".repeat(5001) };
    const english = await translate(staff, long);
    expect(english.status).toBe(400);
    expect(await pageText(english)).toContain("At most 5000 characters.");
    const spanish = await translate(staff, long, { "Accept-Language": "es" });
    expect(spanish.status).toBe(400);
    expect(await pageText(spanish)).toContain("Como máximo 5000 caracteres.");
    const arabic = await translate(staff, long, { "Accept-Language": "ar" });
    expect(await pageText(arabic)).toContain("5000 حرف على الأكثر.");
    expect((await stored()).es?.summary).toBe("Aliadas explican el cifrado a sus comunidades.");
  });

  it("shows the campaign's staff page in Spanish, and in Arabic right to left", async () => {
    const spanish = await pageText(
      await get(t.server, `/staff/campaigns/${campaign.slug}`, {
        cookie: staff.cookie,
        headers: { "Accept-Language": "es" },
      }),
    );
    expect(htmlTag(spanish)).toBe('<html lang="es" dir="ltr">');
    expect(spanish).toContain("<title>Stand Up for Encryption — Campañas — Equipo — Open Web Fellows</title>");
    expect(spanish).toMatch(/<h2 id="summary-translations">El resumen en otros idiomas<\/h2>/);
    expect(spanish).toContain("Guardar la traducción (Español)");
    const arabic = await pageText(
      await get(t.server, `/staff/campaigns/${campaign.slug}`, {
        cookie: staff.cookie,
        headers: { "Accept-Language": "ar" },
      }),
    );
    expect(htmlTag(arabic)).toBe('<html lang="ar" dir="rtl">');
    expect(arabic).toMatch(/<h2 id="summary-translations">الملخص بلغات أخرى<\/h2>/);
    expect(arabic).toContain(">الحملات<");
  });

  it("lets only staff translate a campaign", async () => {
    const applicant = await createUser(t.server);
    expect((await translate(applicant, { summary: "Pirateado" })).status).toBe(403);
    expect((await stored()).es?.summary).toBe("Aliadas explican el cifrado a sus comunidades.");
  });

  it("removes the translation when the summary is left empty", async () => {
    expect((await translate(staff, { summary: "" })).status).toBe(302);
    expect(await stored()).toEqual({});
    const spanish = await pageText(
      await get(t.server, `/campaigns/${campaign.slug}`, { headers: { "Accept-Language": "es" } }),
    );
    expect(spanish).toContain("Allies explain encryption to their communities.");
  });
});
