/**
 * The languages the portal speaks. Pure and client-safe: the switcher, the layout's `lang`/`dir`
 * and the server's detection all read this list.
 */
export const LANGUAGES = ["en", "es", "fr", "ar"] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = "en";

/** Each language's name in itself, as a speaker looks for it in a switcher. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: "English",
  es: "Español",
  fr: "Français",
  ar: "العربية",
};

const RIGHT_TO_LEFT: ReadonlySet<Language> = new Set(["ar"]);

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

export function textDirection(language: Language): "ltr" | "rtl" {
  return RIGHT_TO_LEFT.has(language) ? "rtl" : "ltr";
}

/** The one namespace so far; pages will get their own as they are translated. */
export const NAMESPACE = "common";

/**
 * The `Intl` locale a language formats dates, times and numbers with. English keeps the portal's
 * day-month-year (en-GB); Arabic names its digits, so the server's ICU and the browser's agree.
 */
export const INTL_LOCALES: Record<Language, string> = {
  en: "en-GB",
  es: "es",
  fr: "fr",
  ar: "ar-u-nu-latn",
};
