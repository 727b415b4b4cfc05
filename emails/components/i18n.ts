import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { DEFAULT_LANGUAGE, isLanguage, type Language } from "~/i18n/languages";
import { formatDate, formatDateTime } from "~/utils/format";
import type { EmailMoment } from "../moment";

export type { EmailMoment } from "../moment";

export type EmailT = TFunction<"common">;

/** The `Intl` locale of each language's dates and numbers (English as the portal's pages show it). */
const INTL_LOCALES: Record<Language, string> = { en: "en-GB", es: "es", fr: "fr", ar: "ar" };

export function intlLocale(language: Language): string {
  return INTL_LOCALES[language];
}

/** The message's translation function and language (set by `renderEmail`'s provider). */
export function useEmailT(): { t: EmailT; language: Language } {
  const { t, i18n } = useTranslation();
  return { t, language: isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE };
}

export function formatMoment(moment: EmailMoment, language: Language): string {
  return formatDateTime(moment.at, moment.timeZone, intlLocale(language));
}

export function formatDay(moment: EmailMoment, language: Language): string {
  return formatDate(moment.at, moment.timeZone, intlLocale(language));
}
