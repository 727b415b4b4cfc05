import { expect, it } from "vitest";
import { primaryDriver } from "../../support/db";
import { cookieHeader, createUser, describeServer, get, pageText, post } from "../../support/server";

// Issue 16, item 1: the page's language comes from the person's setting, else the switcher's
// cookie, else Accept-Language, else English; Arabic pages are right-to-left.
function htmlTag(text: string): string {
  return /<html[^>]*>/.exec(text)?.[0] ?? "";
}

describeServer(
  "languages",
  (t) => {
    it("answers in English without a preference, and says the answer varies by language", async () => {
      const response = await get(t.server, "/login");
      const text = await pageText(response);
      expect(htmlTag(text)).toBe('<html lang="en" dir="ltr">');
      expect(text).toContain("Skip to content");
      expect(response.headers.get("Vary")).toMatch(/Accept-Language/);
    });

    it("follows Accept-Language, preferring the first supported language", async () => {
      const spanish = await pageText(
        await get(t.server, "/login", { headers: { "Accept-Language": "de-DE,es;q=0.8,en;q=0.5" } }),
      );
      expect(htmlTag(spanish)).toBe('<html lang="es" dir="ltr">');
      expect(spanish).toContain("Saltar al contenido");
      expect(spanish).toContain(">Iniciar sesión<");

      const arabic = await pageText(await get(t.server, "/login", { headers: { "Accept-Language": "ar-EG" } }));
      expect(htmlTag(arabic)).toBe('<html lang="ar" dir="rtl">');
      expect(arabic).toContain("انتقل إلى المحتوى");
    });

    it("keeps a visitor's choice from the switcher in a cookie and goes back to the page", async () => {
      const response = await post(t.server, "/language", { language: "fr", redirectTo: "/directory?q=x" });
      expect(response.status).toBe(302);
      expect(response.headers.get("Location")).toBe("/directory?q=x");
      const cookie = cookieHeader(response.headers.get("Set-Cookie")!);
      // The cookie outranks the browser's header.
      const page = await pageText(await get(t.server, "/login", { cookie, headers: { "Accept-Language": "es" } }));
      expect(htmlTag(page)).toBe('<html lang="fr" dir="ltr">');
      expect(page).toContain("Aller au contenu");
    });

    it("sends the browser only back to this site", async () => {
      for (const redirectTo of ["https://evil.example/", "//evil.example", "/\\evil.example"]) {
        const response = await post(t.server, "/language", { language: "es", redirectTo });
        expect(response.headers.get("Location"), redirectTo).toBe("/");
      }
    });

    it("refuses a language it does not speak with a field error and a 400, keeping the old one", async () => {
      const response = await post(t.server, "/language", { language: "xx", redirectTo: "/" });
      expect(response.status).toBe(400);
      expect(response.headers.get("Set-Cookie") ?? "").not.toMatch(/owf_lang=/);
      const text = await pageText(response);
      expect(text).toContain("Choose one of the languages in the list.");
      expect(text).toMatch(/<select[^>]*aria-invalid="true"/);
    });

    it("keeps a signed-in person's choice on their account, above cookie and header", async () => {
      const user = await createUser(t.server);
      const chosen = await post(t.server, "/language", { language: "ar", redirectTo: "/me/account" }, user);
      expect(chosen.status).toBe(302);
      const stored = await t.server.db
        .selectFrom("users")
        .select("locale")
        .where("id", "=", user.id)
        .executeTakeFirstOrThrow();
      expect(stored.locale).toBe("ar");
      // Another browser (no language cookie, a Spanish header) still shows Arabic.
      const page = await pageText(
        await get(t.server, "/me/account", { cookie: user.cookie, headers: { "Accept-Language": "es" } }),
      );
      expect(htmlTag(page)).toBe('<html lang="ar" dir="rtl">');
      expect(page).toContain("تسجيل الخروج");
    });
  },
  {},
  [primaryDriver],
);
