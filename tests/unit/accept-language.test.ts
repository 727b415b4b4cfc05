import { describe, expect, it } from "vitest";
import { acceptedLanguage } from "~/i18n/language.server";

describe("acceptedLanguage", () => {
  it.each([
    ["de-DE,es;q=0.8,en;q=0.5", "es"],
    ["es-MX", "es"],
    ["fr-CA, fr;q=0.9, en;q=0.8", "fr"],
    ["ar-EG,en;q=0.1", "ar"],
    ["en-GB,ar;q=0.9", "en"],
    ["ar;q=0.2,fr;q=0.7", "fr"],
  ])("picks our best language for %s", (header, expected) => {
    expect(acceptedLanguage(header)).toBe(expected);
  });

  it.each(["de", "zh-CN,ja;q=0.5", ""])("has none for %j", (header) => {
    expect(acceptedLanguage(header)).toBeNull();
  });
});
