import type { Page } from "@playwright/test";
import { tinyPdf } from "#db/seed/pdf";
import { formatDateTime } from "~/utils/format";
import { expect, signIn, test } from "./support/fixtures";

// Issue 16, item 1: a Spanish- or Arabic-speaking applicant applies entirely in their language.
// Arabic comes from the browser's Accept-Language, Spanish from the footer's switcher; each walks
// the apply journey with JavaScript on and off, with a translated field error on the way.
// Staff-written content (the cycle's name, questions and options) stays as staff wrote it.

const CYCLE = "open-web-2027";

interface Words {
  /** The language's `Intl` locale, as the portal formats dates with it. */
  locale: string;
  dir: "ltr" | "rtl";
  applyNow: string;
  canYouApply: string;
  check: string;
  chooseAnAnswer: string;
  overview: string;
  start: string;
  saveNext: string;
  saveContinue: string;
  draftSaved: RegExp;
  urlError: string;
  aboutYou: string;
  saveReview: string;
  reviewSubmit: string;
  submit: string;
  myApplications: string;
  submittedFlash: string;
  submittedStatus: string;
  languageLabel: string;
}

const ARABIC: Words = {
  locale: "ar-u-nu-latn",
  dir: "rtl",
  applyNow: "قدّم طلبك الآن",
  canYouApply: "هل يمكنك التقدّم؟",
  check: "تحقّق وتابع",
  chooseAnAnswer: "اختر إجابة",
  overview: "طلبك إلى Open Web Fellows 2027",
  start: "ابدأ",
  saveNext: "احفظ وانتقل إلى الخطوة التالية",
  saveContinue: "احفظ وتابع",
  draftSaved: /حُفظت المسودة في/,
  urlError: "أدخل عنوان ويب يبدأ بـ http:// أو https://",
  aboutYou: "عنك (اختياري)",
  saveReview: "احفظ وراجع",
  reviewSubmit: "المراجعة والإرسال",
  submit: "أرسل طلبي",
  myApplications: "طلباتك",
  submittedFlash: "أُرسل طلبك.",
  submittedStatus: "مُرسَل",
  languageLabel: "اللغة",
};

const SPANISH: Words = {
  locale: "es",
  dir: "ltr",
  applyNow: "Solicitar ahora",
  canYouApply: "¿Puedes presentarte?",
  check: "Comprobar y continuar",
  chooseAnAnswer: "Elige una respuesta",
  overview: "Tu solicitud para Open Web Fellows 2027",
  start: "Empezar",
  saveNext: "Guardar e ir al siguiente paso",
  saveContinue: "Guardar y continuar",
  draftSaved: /Borrador guardado/,
  urlError: "Escribe una dirección web que empiece por http:// o https://",
  aboutYou: "Sobre ti (opcional)",
  saveReview: "Guardar y revisar",
  reviewSubmit: "Revisar y enviar",
  submit: "Enviar mi solicitud",
  myApplications: "Tus solicitudes",
  submittedFlash: "Tu solicitud se ha enviado.",
  submittedStatus: "Enviada",
  languageLabel: "Idioma",
};

async function expectLanguage(page: Page, lang: string, words: Words) {
  await expect(page.locator("html")).toHaveAttribute("lang", lang);
  await expect(page.locator("html")).toHaveAttribute("dir", words.dir);
  await expect(page.locator("footer").getByLabel(words.languageLabel)).toBeVisible();
}

async function walkTheJourney(
  page: Page,
  lang: string,
  words: Words,
  expectAccessible: (page: Page) => Promise<void>,
  cycle: { closesAt: Date; timezone: string },
) {
  await page.goto(`/cycles/${CYCLE}`);
  await expectLanguage(page, lang, words);
  // The deadline as the language writes dates, in the cycle's own time zone.
  await expect(page.locator("dd time").last()).toHaveText(formatDateTime(cycle.closesAt, cycle.timezone, words.locale));
  await expectAccessible(page);
  await page.getByRole("link", { name: words.applyNow }).click();

  await expect(page.getByRole("heading", { name: words.canYouApply })).toBeVisible();
  // Nothing chosen: each question says so, in the page's language.
  await page.getByRole("button", { name: words.check }).click();
  await expect(page.getByText(words.chooseAnAnswer).first()).toBeVisible();
  await expectAccessible(page);
  for (const group of await page.getByRole("group").all()) await group.getByRole("radio", { name: "Yes" }).check();
  await page.getByRole("button", { name: words.check }).click();

  await expect(page.getByRole("heading", { name: words.overview })).toBeVisible();
  await expectLanguage(page, lang, words);
  await expectAccessible(page);
  await page.getByRole("link", { name: words.start, exact: true }).click();

  await expect(page.getByRole("heading", { name: "About you" })).toBeVisible();
  await page.getByRole("radio", { name: "Tech Policy" }).check();
  await page.getByLabel("Country and city where you live").fill("Rabat, Morocco");
  await page.getByRole("radio", { name: "Flexible" }).check();
  await page.getByRole("button", { name: words.saveNext }).click();

  await expect(page.getByRole("heading", { name: "Your work" })).toBeVisible();
  await expect(page.getByRole("status")).toContainText(words.draftSaved);
  await page
    .getByLabel("Why is the open web important to you?")
    .fill("Because the people I work with learn, organise and speak there.");
  await page.getByLabel("Something you built, researched or organized").fill("A mesh network for a market town.");
  // A field error, translated: the server's answer without JavaScript, the same words with it.
  await page.getByLabel("A link to your work").fill("not a web address");
  await page.getByRole("button", { name: words.saveNext }).click();
  await expect(page.getByText(words.urlError)).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("A link to your work").fill("https://example.org/mesh");
  await page.getByRole("button", { name: words.saveNext }).click();

  await expect(page.getByRole("heading", { name: "Fit with a host" })).toBeVisible();
  await page.getByLabel("Which issues and kind of host fit you").fill("Decentralization, with a digital-rights group.");
  await page.getByLabel("How will you work in the open").fill("A public weekly log.");
  await page.getByLabel("Other commitments during the ten months").fill("None.");
  await page.getByRole("button", { name: words.saveNext }).click();

  await expect(page.getByRole("heading", { name: "Documents" })).toBeVisible();
  await page
    .getByLabel("Your CV (PDF)")
    .setInputFiles({ name: "cv.pdf", mimeType: "application/pdf", buffer: tinyPdf("CV") });
  await page.getByRole("button", { name: words.saveContinue }).click();

  await expect(page.getByRole("heading", { name: words.aboutYou })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: words.saveReview }).click();

  await expect(page.getByRole("heading", { name: words.reviewSubmit })).toBeVisible();
  await expectLanguage(page, lang, words);
  await expectAccessible(page);
  await page.getByRole("button", { name: words.submit }).click();

  await expect(page.getByRole("heading", { name: words.myApplications })).toBeVisible();
  await expect(page.getByRole("status")).toContainText(words.submittedFlash);
  await expect(page.locator("strong", { hasText: words.submittedStatus })).toBeVisible();
  await expectLanguage(page, lang, words);
  await expectAccessible(page);
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });

    test.describe("Arabic, from the browser's Accept-Language", () => {
      test.use({ locale: "ar" });

      test("an applicant applies in Arabic, right to left", async ({ page, createAccount, db, expectAccessible }) => {
        // Six pages with an axe scan each; without JavaScript each scan loads the page again: minutes on two busy cores.
        test.setTimeout(360_000);
        const cycle = await db
          .selectFrom("cycles")
          .select(["closesAt", "timezone"])
          .where("slug", "=", CYCLE)
          .executeTakeFirstOrThrow();
        await signIn(page, await createAccount({ name: "Amina Haddad" }));
        await walkTheJourney(page, "ar", ARABIC, expectAccessible, cycle);
      });
    });

    test.describe("Spanish, from the footer's switcher", () => {
      test.use({ locale: "en-GB" });

      test("an applicant applies in Spanish", async ({ page, createAccount, db, expectAccessible }) => {
        // Six pages with an axe scan each; without JavaScript each scan loads the page again: minutes on two busy cores.
        test.setTimeout(360_000);
        const cycle = await db
          .selectFrom("cycles")
          .select(["closesAt", "timezone"])
          .where("slug", "=", CYCLE)
          .executeTakeFirstOrThrow();
        const account = await createAccount({ name: "Lucía Fernández" });
        await signIn(page, account);
        await page.goto("/");
        await expect(page.locator("html")).toHaveAttribute("lang", "en");
        await page.locator("footer").getByLabel("Language").selectOption("es");
        await page.locator("footer").getByRole("button", { name: "Change language" }).click();
        await expect(page.locator("html")).toHaveAttribute("lang", "es");
        // The choice is the account's: it follows the applicant to other browsers.
        const saved = await db
          .selectFrom("users")
          .select("locale")
          .where("id", "=", account.id)
          .executeTakeFirstOrThrow();
        expect(saved.locale).toBe("es");
        await walkTheJourney(page, "es", SPANISH, expectAccessible, cycle);
      });
    });
  });
}
