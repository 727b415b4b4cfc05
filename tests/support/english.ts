import { createInstance } from "i18next";
import en from "~/i18n/locales/en/index";
import { translateMessage } from "~/i18n/message";

// What an English reader sees of a message that travels as a catalog key (`msg`): for tests of
// schemas and domain refusals, which now carry keys rather than sentences.
const i18n = createInstance();
void i18n.init({
  lng: "en",
  ns: ["common"],
  defaultNS: "common",
  resources: { en: { common: en } },
  interpolation: { escapeValue: false },
  initImmediate: false,
});

export function english(message: string): string {
  return translateMessage(i18n, message);
}

/** A reply's field errors (conform's `error`), each message in English. */
export function englishErrors(error: Record<string, string[] | null> | undefined | null) {
  return Object.fromEntries(Object.entries(error ?? {}).map(([field, messages]) => [field, messages?.map(english)]));
}
