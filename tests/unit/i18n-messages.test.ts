import { describe, expect, it } from "vitest";
import { SignupSchema } from "~/auth/auth.schema";
import { createI18n } from "~/i18n/i18n";
import { INTL_LOCALES } from "~/i18n/languages";
import { msg, translateMessage } from "~/i18n/message";
import { formatDateTime, formatNumber } from "~/utils/format";

// Messages travel as catalog keys (schemas, refusals, flash) and are translated where shown.
describe("messages as keys", () => {
  it("a schema's message is a key that each language translates", async () => {
    const parsed = SignupSchema.safeParse({ name: "A", email: "not-an-email", password: "x".repeat(12) });
    expect(parsed.success).toBe(false);
    const message = parsed.error!.issues.find((issue) => issue.path[0] === "email")!.message;
    expect(message).toBe("forms.errors.emailInvalid");
    const [en, es, ar] = await Promise.all([createI18n("en"), createI18n("es"), createI18n("ar")]);
    expect(translateMessage(en, message)).toBe("Enter a valid email address, like name@example.org");
    expect(translateMessage(es, message)).toBe("Escribe una dirección de correo válida, como nombre@example.org");
    expect(translateMessage(ar, message)).toBe("أدخل عنوان بريد إلكتروني صالحًا، مثل name@example.org");
  });

  it("carries values, and plurals follow each language's grammar", async () => {
    const [en, fr, ar] = await Promise.all([createI18n("en"), createI18n("fr"), createI18n("ar")]);
    expect(translateMessage(en, msg("forms.errors.maxWords", { count: 1 }))).toBe("Use at most 1 word (you have more)");
    expect(translateMessage(en, msg("forms.errors.maxWords", { count: 150 }))).toBe(
      "Use at most 150 words (you have more)",
    );
    expect(translateMessage(fr, msg("forms.errors.maxWords", { count: 150 }))).toBe(
      "Utilisez au plus 150 mots (vous en avez plus)",
    );
    // Arabic: two is its own form, 3–10 "few", 11–99 "many".
    expect(translateMessage(ar, msg("time.days", { count: 2 }))).toBe("يومين");
    expect(translateMessage(ar, msg("time.days", { count: 3 }))).toBe("3 أيام");
    expect(translateMessage(ar, msg("time.days", { count: 11 }))).toBe("11 يومًا");
  });

  it("shows text that is not a key as it is", async () => {
    const es = await createI18n("es");
    expect(translateMessage(es, "This password is too easy to guess.")).toBe("This password is too easy to guess.");
    expect(translateMessage(es, "no.such.key")).toBe("no.such.key");
    expect(translateMessage(es, 'forms.errors.maxChars {"count":')).toBe('forms.errors.maxChars {"count":');
  });
});

describe("formatting per language", () => {
  const moment = new Date("2027-03-01T16:00:00Z");

  it("writes dates in the page's language, in the given time zone", () => {
    expect(formatDateTime(moment, "Europe/Berlin", INTL_LOCALES.en)).toBe("1 Mar 2027, 17:00 CET");
    expect(formatDateTime(moment, "Europe/Berlin", INTL_LOCALES.es)).toBe("1 mar 2027, 17:00 CET");
    expect(formatDateTime(moment, "Europe/Berlin", INTL_LOCALES.fr)).toContain("1 mars 2027");
    expect(formatDateTime(moment, "Europe/Berlin", INTL_LOCALES.ar)).toContain("مارس 2027");
  });

  it("writes numbers in the page's language", () => {
    expect(formatNumber(12345.6, INTL_LOCALES.en)).toBe("12,345.6");
    expect(formatNumber(12345.6, INTL_LOCALES.es)).toBe("12.345,6");
    expect(formatNumber(12345.6, INTL_LOCALES.ar)).toBe("12,345.6");
  });
});
