import { useTranslation } from "react-i18next";
import { DEFAULT_LANGUAGE, INTL_LOCALES, isLanguage } from "~/i18n/languages";
import { formatDate, formatDateTime, formatNumber, formatTime } from "~/utils/format";

/** The page's language as an `Intl` locale (en-GB for English). */
export function usePageLocale(): string {
  const { i18n } = useTranslation();
  return INTL_LOCALES[isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE];
}

/** Dates, times and numbers as the page's language writes them; time zones are the caller's. */
export function useFormat() {
  const locale = usePageLocale();
  return {
    locale,
    dateTime: (value: Date | string, timeZone?: string) => formatDateTime(value, timeZone, locale),
    date: (value: Date | string, timeZone?: string) => formatDate(value, timeZone, locale),
    time: (value: Date | string, timeZone?: string) => formatTime(value, timeZone, locale),
    number: (value: number) => formatNumber(value, locale),
  };
}
