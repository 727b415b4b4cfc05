import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LANGUAGES, type Language } from "~/i18n/languages";

// The CI check of the message catalogs (issue 16, item 1): every language has every message (with
// the plural forms its grammar needs), every message is used somewhere, and a translation is not a
// copy of the English except where the words are the same in both languages.
const LOCALES = path.resolve("app/i18n/locales");
const SOURCES = ["app", "emails"].map((dir) => path.resolve(dir));

/** Messages whose translation is rightly the same as the English. */
const SAME_AS_ENGLISH: Partial<Record<Language, string[]>> = {
  es: ["errorPage.status", "aboutYou.options.asia", "aboutYou.options.no"],
  fr: ["nav.messages", "forms.code", "time.minutes", "cycle.stepQuestions", "aboutYou.options.europe"],
};

type Catalog = { [key: string]: string | Catalog };

function flatten(catalog: Catalog, prefix = ""): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(catalog)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") flat.set(name, value);
    else for (const [inner, text] of flatten(value, name)) flat.set(inner, text);
  }
  return flat;
}

/** A language's catalog is the parts in its folder (common.json, email.json, …) side by side. */
function parts(language: Language): Map<string, Catalog> {
  const folder = path.join(LOCALES, language);
  return new Map(
    readdirSync(folder)
      .filter((name) => name.endsWith(".json"))
      .map((name) => [name, JSON.parse(readFileSync(path.join(folder, name), "utf8")) as Catalog]),
  );
}

const catalogs = Object.fromEntries(
  LANGUAGES.map((language) => [language, flatten(Object.assign({}, ...parts(language).values()) as Catalog)]),
) as Record<Language, Map<string, string>>;

const PLURAL = /_(zero|one|two|few|many|other)$/;
const baseKey = (key: string) => key.replace(PLURAL, "");

/** A message's keys without plural suffixes, and for each plural message the forms present. */
function messages(catalog: Map<string, string>) {
  const forms = new Map<string, Set<string>>();
  for (const key of catalog.keys()) {
    const form = PLURAL.exec(key)?.[1];
    const base = baseKey(key);
    if (!forms.has(base)) forms.set(base, new Set());
    if (form) forms.get(base)!.add(form);
  }
  return forms;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return name === "locales" ? [] : sourceFiles(file);
    return /\.(ts|tsx)$/.test(name) ? [file] : [];
  });
}

describe("message catalogs", () => {
  const english = messages(catalogs.en);

  it.each(LANGUAGES)("%s: no two parts share a top-level key, and every part is in index.ts", (language) => {
    const owner = new Map<string, string>();
    for (const [part, catalog] of parts(language))
      for (const key of Object.keys(catalog)) {
        expect(owner.get(key), `${language}: "${key}" in ${owner.get(key)} and ${part}`).toBeUndefined();
        owner.set(key, part);
      }
    const index = readFileSync(path.join(LOCALES, language, "index.ts"), "utf8");
    for (const part of parts(language).keys()) expect(index).toContain(`"./${part}"`);
    expect([...parts(language).keys()].sort()).toEqual([...parts("en").keys()].sort());
  });

  it.each(LANGUAGES.filter((language) => language !== "en"))("%s has exactly the English messages", (language) => {
    const translated = messages(catalogs[language]);
    expect([...translated.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it.each(LANGUAGES)("%s has every plural form its grammar needs", (language) => {
    const needed = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
    for (const [key, forms] of messages(catalogs[language])) {
      if (forms.size === 0) continue;
      for (const category of needed) expect(forms.has(category), `${language}: ${key}_${category}`).toBe(true);
    }
  });

  it.each(LANGUAGES.filter((language) => language !== "en"))("%s is translated, not copied", (language) => {
    const allowed = new Set(SAME_AS_ENGLISH[language] ?? []);
    const copied = [...catalogs[language]].filter(
      ([key, text]) => catalogs.en.get(key) === text && !allowed.has(baseKey(key)),
    );
    expect(copied.map(([key]) => key)).toEqual([]);
  });

  it("uses every message in the code", () => {
    const code = SOURCES.flatMap(sourceFiles)
      .map((file) => readFileSync(file, "utf8"))
      .join("\n");
    // Keys appear as string literals: t("nav.signIn"), or "nav.directory" in a list of links.
    const unused = [...english.keys()].filter((key) => !code.includes(`"${key}"`));
    expect(unused).toEqual([]);
  });
});
