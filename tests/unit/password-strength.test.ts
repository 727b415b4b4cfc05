import { describe, expect, it } from "vitest";
import { checkPasswordStrength, personalWords } from "~/auth/password-strength.server";
import { createI18n } from "~/i18n/i18n";
import { translateMessage } from "~/i18n/message";
import { english } from "../support/english";

const person = { name: "Zeynep Kaya-Öztürk", email: "zeynep.kaya@probe.example" };

// Finding 5 of the penetration test (issue 11): these passwords were accepted at sign-up.
describe("checkPasswordStrength", () => {
  it.each([
    ["1234567890", "This is a frequently used password."],
    ["aaaaaaaaaa", 'Repeated characters like "aaa" are easy to guess.'],
    ["password12", "This is a commonly used password."],
  ])("refuses %s, saying what is wrong and what to do", (password, warning) => {
    const result = checkPasswordStrength(password, person);
    expect(result.ok).toBe(false);
    expect(!result.ok && english(result.message)).toBe(
      `This password is too easy to guess. ${warning} Add more words that are less common.`,
    );
  });

  it("gives its advice in the page's language (a message, translated where it is shown)", async () => {
    const result = checkPasswordStrength("password12", person);
    if (result.ok) throw new Error("accepted a weak password");
    expect(translateMessage(await createI18n("es"), result.message)).toBe(
      "Esta contraseña es demasiado fácil de adivinar. Es una contraseña de uso común. Añade más palabras, y menos comunes.",
    );
    expect(translateMessage(await createI18n("fr"), result.message)).toBe(
      "Ce mot de passe est trop facile à deviner. C’est un mot de passe couramment utilisé. Ajoutez des mots, et des mots moins courants.",
    );
    const arabic = translateMessage(await createI18n("ar"), result.message);
    expect(arabic).toBe(
      "كلمة المرور هذه سهلة التخمين جدًا. هذه كلمة مرور شائعة الاستخدام. أضف مزيدًا من الكلمات الأقل شيوعًا.",
    );
  });

  it.each(["zeynepkaya2026", "ZeynepKaya!!", "Ozturk2026!", "probekaya1"])(
    "refuses %s, made of the person's own name or address",
    (password) => {
      const result = checkPasswordStrength(password, person);
      expect(result.ok).toBe(false);
      expect(!result.ok && english(result.message)).toContain("personal");
    },
  );

  // The passwords the tests, the demo seed and the README choose must all pass.
  it.each([
    "open-web-fellows",
    "a password for the browser test",
    "correct horse battery staple",
    "a long enough password",
    "long enough password",
    "another long password",
    "a brand new password",
    "a long enough pass",
  ])("accepts %s", (password) => {
    expect(checkPasswordStrength(password, person)).toEqual({ ok: true });
  });

  it("answers a long password of look-alike characters quickly (only its start is estimated)", () => {
    const started = performance.now();
    expect(checkPasswordStrength("p@$$w0rd".repeat(25), person).ok).toBe(false);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe("personalWords", () => {
  it("splits the name and the address into the words someone would reuse", () => {
    expect(personalWords(person)).toEqual(
      expect.arrayContaining([
        "zeynep",
        "kaya",
        "öztürk",
        "zeynepkayaöztürk",
        "ozturk",
        "zeynep.kaya",
        "zeynepkaya",
        "probe",
      ]),
    );
  });
});
