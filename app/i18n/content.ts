import type { ContentTranslations } from "#db/types";
import { LANGUAGES, type Language } from "./languages";

/**
 * Staff-written content in the reader's language (issue 16, item 1). A translatable row carries
 * `translations` (jsonb, migration 0064): by language, only the fields translated. Public pages
 * show the translation of the request's language field by field, and the row's own (original)
 * text where there is none. Choices keep their original value (answers, conditions and the
 * eligibility rules compare it) and gain a label to show. Pure: the pages and tests share it.
 */

/** The fields each kind of row can carry in another language. */
export const TRANSLATABLE_FIELDS = {
  cycle: ["description"],
  question: ["label", "help", "options"],
  eligibility: ["label", "help", "options", "reason"],
  campaign: ["summary"],
} as const;

export type TranslatableKind = keyof typeof TRANSLATABLE_FIELDS;

export type Translatable = { translations?: ContentTranslations | null };

function text(translations: ContentTranslations | null | undefined, language: Language, field: string) {
  const value = translations?.[language]?.[field];
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}

/** A translation's choices, shown only when it has one for every original choice. */
function choiceLabels(
  translations: ContentTranslations | null | undefined,
  language: Language,
  options: readonly string[],
): string[] | undefined {
  const value = translations?.[language]?.["options"];
  return Array.isArray(value) && value.length === options.length && value.every((label) => label.trim() !== "")
    ? value
    : undefined;
}

/** The row without its translations (they are not sent to the browser). */
function original<T extends Translatable>(row: T): Omit<T, "translations"> {
  const rest: T = { ...row };
  delete rest.translations;
  return rest;
}

/** The languages a row has a translation in, as staff and reviewers see it beside the original. */
export function translatedLanguages(translations: ContentTranslations | null | undefined): Language[] {
  return LANGUAGES.filter((language) =>
    Object.values(translations?.[language] ?? {}).some((value) =>
      Array.isArray(value) ? value.length > 0 : value.trim() !== "",
    ),
  );
}

export function localizeCycle<C extends { description: string } & Translatable>(
  cycle: C,
  language: Language,
): Omit<C, "translations"> {
  return { ...original(cycle), description: text(cycle.translations, language, "description") ?? cycle.description };
}

/** A question of the form in `language`; `optionLabels` are what its choices show (values stay). */
export function localizeQuestion<Q extends { label: string; help: string; options: string[] } & Translatable>(
  question: Q,
  language: Language,
): Omit<Q, "translations"> & { optionLabels?: string[] } {
  const labels = choiceLabels(question.translations, language, question.options);
  return {
    ...original(question),
    label: text(question.translations, language, "label") ?? question.label,
    help: text(question.translations, language, "help") ?? question.help,
    ...(labels ? { optionLabels: labels } : {}),
  };
}

export function localizeEligibilityQuestion<
  Q extends { label: string; help: string; options: string[]; reason: string } & Translatable,
>(question: Q, language: Language): Omit<Q, "translations"> & { optionLabels?: string[] } {
  return {
    ...localizeQuestion(question, language),
    reason: text(question.translations, language, "reason") ?? question.reason,
  };
}

export function localizeCampaign<C extends { summary: string } & Translatable>(
  campaign: C,
  language: Language,
): Omit<C, "translations"> {
  return { ...original(campaign), summary: text(campaign.translations, language, "summary") ?? campaign.summary };
}
