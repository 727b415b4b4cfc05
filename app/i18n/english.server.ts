import type { i18n as I18n } from "i18next";
import { createI18n } from "./i18n";
import { translateMessage } from "./message";

let english: Promise<I18n> | undefined;

/**
 * A message (see `msg`) in English, for answers that have no page language: the API's errors
 * (its documented shape promises a sentence, not a catalog key) and the commands' output.
 */
export async function inEnglish(message: string): Promise<string> {
  english ??= createI18n("en");
  return translateMessage(await english, message);
}
