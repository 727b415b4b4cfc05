import { describe, expect, it } from "vitest";
import { checkPasswordStrength, personalWords } from "~/auth/password-strength.server";

const person = { name: "Zeynep Kaya-Öztürk", email: "zeynep.kaya@probe.example" };

// Finding 5 of the penetration test (issue 11): these passwords were accepted at sign-up.
describe("checkPasswordStrength", () => {
  it.each([
    ["1234567890", "This is a frequently used password."],
    ["aaaaaaaaaa", 'Repeated characters like "aaa" are easy to guess.'],
    ["password12", "This is a commonly used password."],
  ])("refuses %s, saying what is wrong and what to do", (password, warning) => {
    const result = checkPasswordStrength(password, person);
    expect(result).toEqual({
      ok: false,
      message: `This password is too easy to guess. ${warning} Add more words that are less common.`,
    });
  });

  it.each(["zeynepkaya2026", "ZeynepKaya!!", "Ozturk2026!", "probekaya1"])(
    "refuses %s, made of the person's own name or address",
    (password) => {
      const result = checkPasswordStrength(password, person);
      expect(result).toMatchObject({ ok: false, message: expect.stringContaining("personal") });
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
