import { expect, it } from "vitest";
import { createUser, describeServer, get, pageText, post, type TestUser } from "../../support/server";

// Issue 16: a form's field errors (zod schemas carrying catalog keys) and the default message of a
// thrown 404 are shown in the reader's language, like the rest of the page.
function htmlTag(text: string): string {
  return /<html[^>]*>/.exec(text)?.[0] ?? "";
}

describeServer("form-field errors in other languages", (t) => {
  let staff: TestUser;

  async function addEndpoint(fields: Record<string, string | string[]>, language: string) {
    return post(
      t.server,
      "/staff/webhooks",
      { intent: "add-endpoint", ...fields },
      { cookie: staff.cookie, headers: { "Accept-Language": language } },
    );
  }

  it("refuses a webhook without events in Spanish, and a plain http address in Arabic, right to left", async () => {
    staff = await createUser(t.server, { staff: true });

    const spanish = await addEndpoint({ url: "https://tools.example.org/hook" }, "es");
    expect(spanish.status).toBe(400);
    const spanishText = await pageText(spanish);
    expect(htmlTag(spanishText)).toContain('lang="es"');
    expect(spanishText).toContain("<h1>Webhooks salientes</h1>");
    expect(spanishText).toContain("Elige al menos un evento");
    expect(spanishText).not.toContain("Choose at least one event");

    const arabic = await addEndpoint({ url: "http://tools.example.org/hook", events: ["ally.joined"] }, "ar");
    expect(arabic.status).toBe(400);
    const arabicText = await pageText(arabic);
    expect(htmlTag(arabicText)).toContain('dir="rtl"');
    expect(arabicText).toContain("<h1>خطافات الويب</h1>");
    expect(arabicText).toContain("استخدم عنوانًا يبدأ بـ https:// (ولا يُقبل http العادي إلا إلى localhost)");
    expect(arabicText).not.toContain("plain http only to localhost");
  });

  it("says a missing page is missing in the reader's language (notFound's default message)", async () => {
    const missing = "/staff/emails/00000000-0000-4000-8000-000000000000";
    const french = await get(t.server, missing, { cookie: staff.cookie, headers: { "Accept-Language": "fr" } });
    expect(french.status).toBe(404);
    expect(await pageText(french)).toContain("Nous n’avons pas trouvé cette page.");
    const english = await get(t.server, missing, { cookie: staff.cookie });
    expect(await pageText(english)).toContain("We could not find that page.");
  });
});
