import { describe, expect, it } from "vitest";
import { emailTemplates, renderEmail, type EmailTemplateName } from "#emails/templates";
import ar from "~/i18n/locales/ar/index";
import en from "~/i18n/locales/en/index";
import es from "~/i18n/locales/es/index";
import fr from "~/i18n/locales/fr/index";
import { LANGUAGES, type Language } from "~/i18n/languages";

// Issue 16, item 1: an email is written in its recipient's language (the outbox picks it; see
// tests/integration/email-language.test.ts). Here: every message in each language.
const CATALOGS = { en, es, fr, ar } as const;
const names = Object.keys(emailTemplates) as EmailTemplateName[];

function previewProps(name: EmailTemplateName): never {
  return (emailTemplates[name].component as unknown as { PreviewProps: never }).PreviewProps;
}

describe("emails in the recipient's language", () => {
  const cases = names.flatMap((name) => LANGUAGES.map((language) => [name, language] as const));

  it.each(cases)("%s in %s: the language's words, lang and direction", async (name, language) => {
    const english = await renderEmail(name, previewProps(name), "en");
    const email = await renderEmail(name, previewProps(name), language);
    expect(email.language).toBe(language);
    expect(email.html).toMatch(new RegExp(`<html[^>]* lang="${language}"`));
    expect(email.html).toMatch(new RegExp(`<html[^>]* dir="${language === "ar" ? "rtl" : "ltr"}"`));
    expect(email.text).toContain(CATALOGS[language].email.layout.questions);
    if (language !== "en") {
      expect(email.subject).not.toBe(english.subject);
      expect(email.text).not.toContain(en.email.layout.questions);
      // No sentence left in English: every footer of the English messages begins so.
      expect(email.text).not.toContain("You received this email because");
    }
  });

  const receiptDates: Record<Language, RegExp> = {
    en: /12 Apr 2027/,
    es: /12 abr 2027/,
    fr: /12 avr\. 2027/,
    // The Arabic month name and 12-hour clock (CLDR's "ar" writes Latin digits).
    ar: /12 أبريل 2027، 02:03 م/,
  };
  it.each(LANGUAGES)("formats the receipt's dates in %s", async (language) => {
    const email = await renderEmail("application-receipt", previewProps("application-receipt"), language);
    expect(email.text).toMatch(receiptDates[language]);
  });

  it("words a letter of intent's receipt and an uploaded file in the language", async () => {
    const email = await renderEmail(
      "application-receipt",
      { ...(previewProps("application-receipt") as object), stage: "loi" } as never,
      "es",
    );
    expect(email.subject).toBe("Hemos recibido tu solicitud para Open Web Fellows 2027 (carta de intención)");
    expect(email.text).toContain("Archivo: amina-okafor-cv.pdf");
  });

  it("formats an interview's time in the reader's language, in the subject too", async () => {
    const props = previewProps("interview-calendar");
    const [english, spanish, arabic] = await Promise.all([
      renderEmail("interview-calendar", props, "en"),
      renderEmail("interview-calendar", props, "es"),
      renderEmail("interview-calendar", props, "ar"),
    ]);
    expect(english.subject).toBe("Interview booked: Fundación Datos Libres, 14 Dec 2026, 16:00 CET");
    expect(spanish.subject).toMatch(/^Entrevista reservada: Fundación Datos Libres, 14 dic 2026, 16:00/);
    expect(arabic.subject).toMatch(/^حُجزت المقابلة: Fundación Datos Libres، 14 ديسمبر 2026/);
    expect(spanish.text).toContain("(45 minutos)");
  });

  it("counts in each language's plural forms", async () => {
    const props = { ...(previewProps("assignment-digest") as object), dueAt: null } as never;
    const digest = (count: number, language: Language) =>
      renderEmail("assignment-digest", { ...(props as object), count } as never, language);
    expect((await digest(1, "en")).text).toContain("One application was assigned to you for Open Web Fellows 2026.");
    expect((await digest(9, "en")).subject).toBe("9 applications to review for Open Web Fellows 2026");
    expect((await digest(2, "ar")).subject).toBe("طلبان للتقييم في Open Web Fellows 2026");
    expect((await digest(5, "ar")).subject).toBe("5 طلبات للتقييم في Open Web Fellows 2026");
    expect((await digest(11, "ar")).subject).toBe("11 طلبًا للتقييم في Open Web Fellows 2026");
    expect((await digest(1, "fr")).text).toContain("Une candidature vous a été attribuée");
  });

  it("renders messages in different languages at once without mixing them", async () => {
    const [spanish, arabic, french] = await Promise.all([
      renderEmail("decision", previewProps("decision"), "es"),
      renderEmail("decision", previewProps("decision"), "ar"),
      renderEmail("decision", previewProps("decision"), "fr"),
    ]);
    expect(spanish.subject).toBe("Eres finalista de Open Web Fellows 2026");
    expect(arabic.subject).toBe("أنت من المرشحين النهائيين في Open Web Fellows 2026");
    expect(french.subject).toBe("Vous êtes finaliste de Open Web Fellows 2026");
    expect(arabic.text).toContain(ar.email.decision.headingFinalist);
    expect(spanish.text).toContain(es.email.decision.headingFinalist);
    expect(french.text).toContain(fr.email.decision.headingFinalist);
  });
});
