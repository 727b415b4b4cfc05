import type { i18n as I18n, ParseKeys } from "i18next";
import { useTranslation } from "react-i18next";

/** A key of the message catalogs (English is the source; plural keys without their suffix). */
export type MessageKey = ParseKeys<"common">;

type Values = Record<string, string | number>;

// "apply.errors.maxWords {"count":150}": a key, then its values as JSON after one space.
const ENCODED = /^([A-Za-z][\w-]*(?:\.[\w-]+)+)(?: (\{.*\}))?$/s;

/**
 * A message that is translated where it is shown, as a plain string: the catalog key, with its
 * values. Zod schemas, `Result` refusals and flash messages carry these, so one schema or domain
 * function serves every language; the component that shows a message (`useMessage`) translates it
 * into the page's language, in the browser and on the server alike.
 */
export function msg(key: MessageKey, values?: Values): string {
  return values ? `${key} ${JSON.stringify(values)}` : key;
}

/**
 * The text of a message in `t`'s language: a `msg(…)` becomes its translation; anything else (a
 * sentence not yet keyed, staff-written words) is shown as it is.
 */
export function translateMessage(i18n: Pick<I18n, "t" | "exists">, message: string): string {
  const match = ENCODED.exec(message);
  const key = match?.[1];
  if (!key) return message;
  let values: Values = {};
  if (match[2]) {
    try {
      values = JSON.parse(match[2]) as Values;
    } catch {
      return message;
    }
  }
  // With its values: a plural message exists only as its forms (`_one`, `_other`…), found by `count`.
  if (!i18n.exists(key, values)) return message;
  return (i18n.t as unknown as (key: string, values: Values) => string)(key, values);
}

/** Translates messages (see `msg`) into the page's language. */
export function useMessage(): (message: string) => string {
  const { i18n } = useTranslation();
  return (message) => translateMessage(i18n, message);
}
