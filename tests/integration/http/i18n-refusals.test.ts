import { expect, it } from "vitest";
import { createUser, describeServer, get, pageText, post, type TestUser } from "../../support/server";

// Issue 16: domain refusals travel as catalog keys and are shown in the reader's language.
function htmlTag(text: string): string {
  return /<html[^>]*>/.exec(text)?.[0] ?? "";
}

describeServer("domain refusals in other languages", (t) => {
  let staff: TestUser;

  it("answers a missing campaign with a translated 404 page, right to left in Arabic", async () => {
    staff = await createUser(t.server, { staff: true });
    const path = "/staff/campaigns/no-such-campaign";
    const english = await get(t.server, path, { cookie: staff.cookie });
    expect(english.status).toBe(404);
    expect(await pageText(english)).toContain("We could not find that campaign.");
    const spanish = await get(t.server, path, { cookie: staff.cookie, headers: { "Accept-Language": "es" } });
    expect(spanish.status).toBe(404);
    const spanishText = await pageText(spanish);
    expect(htmlTag(spanishText)).toBe('<html lang="es" dir="ltr">');
    expect(spanishText).toContain("Página no encontrada");
    expect(spanishText).toContain("No hemos encontrado esa campaña.");
    const arabic = await pageText(
      await get(t.server, path, { cookie: staff.cookie, headers: { "Accept-Language": "ar" } }),
    );
    expect(htmlTag(arabic)).toBe('<html lang="ar" dir="rtl">');
    expect(arabic).toContain("لم نعثر على هذه الحملة.");
  });

  it("refuses a staff-role change in the staff member's language", async () => {
    staff ??= await createUser(t.server, { staff: true });
    const missing = { intent: "grant-staff", userId: "00000000-0000-4000-8000-000000000000" };
    const spanish = await post(t.server, "/staff/users", missing, { ...staff, headers: { "Accept-Language": "es" } });
    expect(spanish.status).toBe(404);
    expect(await pageText(spanish)).toContain("Ese usuario no existe.");
    const own = { intent: "revoke-staff", userId: staff.id };
    const french = await post(t.server, "/staff/users", own, { ...staff, headers: { "Accept-Language": "fr" } });
    expect(french.status).toBe(409);
    expect(await pageText(french)).toContain("Vous ne pouvez pas retirer votre propre accès d’équipe");
    const arabic = await pageText(
      await post(t.server, "/staff/users", missing, { ...staff, headers: { "Accept-Language": "ar" } }),
    );
    expect(htmlTag(arabic)).toBe('<html lang="ar" dir="rtl">');
    expect(arabic).toContain("هذا المستخدم غير موجود.");
  });
});
