import { expect, it } from "vitest";
import { uniqueEmail } from "../../support/db";
import { createUser, describeServer, get, pageText, post } from "../../support/server";

// Issue 16: the network's pages (directory, profiles, messages, campaigns, references, account)
// and their refusals are in the page's language; Arabic pages are right-to-left.
function htmlTag(text: string): string {
  return /<html[^>]*>/.exec(text)?.[0] ?? "";
}

function heading(text: string): string {
  return /<h1[^>]*>(.*?)<\/h1>/s.exec(text)?.[1] ?? "";
}

describeServer("the network's pages in the page's language", (t) => {
  it("shows the directory in Spanish and in Arabic, right-to-left", async () => {
    const spanish = await pageText(await get(t.server, "/directory", { headers: { "Accept-Language": "es" } }));
    expect(htmlTag(spanish)).toBe('<html lang="es" dir="ltr">');
    expect(heading(spanish)).toBe("Directorio de la red");
    expect(spanish).toContain("<title>Directorio de la red — Open Web Fellows</title>");
    expect(spanish).toContain("Borrar la búsqueda");

    const arabic = await pageText(await get(t.server, "/directory", { headers: { "Accept-Language": "ar" } }));
    expect(htmlTag(arabic)).toBe('<html lang="ar" dir="rtl">');
    expect(heading(arabic)).toBe("دليل الشبكة");
  });

  it("shows a signed-in person's account page in Arabic, sections and all", async () => {
    const user = await createUser(t.server);
    const page = await pageText(
      await get(t.server, "/me/account", { cookie: user.cookie, headers: { "Accept-Language": "ar" } }),
    );
    expect(htmlTag(page)).toBe('<html lang="ar" dir="rtl">');
    expect(page).toContain("الأماكن التي سجّلت الدخول منها");
    expect(page).toContain("تقويمك");
    expect(page).not.toContain("Where you are signed in");
  });

  it("answers refusals in the page's language: a dead link, a form error", async () => {
    const link = await get(t.server, "/references/not-a-real-token", { headers: { "Accept-Language": "es" } });
    expect(link.status).toBe(404);
    expect(await pageText(link)).toContain("Este enlace de referencia no es válido.");

    const invitation = await get(t.server, "/invitations/not-a-real-token", { headers: { "Accept-Language": "fr" } });
    expect(invitation.status).toBe(404);
    expect(await pageText(invitation)).toContain("Ce lien d’invitation n’est pas valide.");

    const user = await createUser(t.server);
    const answer = await post(
      t.server,
      "/me/contacts",
      { intent: "accept", requestId: "not-an-id" },
      { cookie: user.cookie, headers: { "Accept-Language": "ar" } },
    );
    expect(answer.status).toBe(400);
    const text = await pageText(answer);
    expect(htmlTag(text)).toBe('<html lang="ar" dir="rtl">');
    expect(text).toContain("اختر رسالة");
  });

  it("gives the password-strength advice in the sign-up page's language", async () => {
    const weak = await post(
      t.server,
      "/signup",
      { name: "Noor Haddad", email: uniqueEmail("weak-es"), password: "password12" },
      { headers: { "Accept-Language": "es" } },
    );
    expect(weak.status).toBe(400);
    expect(await pageText(weak)).toContain(
      "Esta contraseña es demasiado fácil de adivinar. Es una contraseña de uso común. Añade más palabras, y menos comunes.",
    );
  });
});
