import { createInstance, type i18n as I18n } from "i18next";
import { initReactI18next } from "react-i18next";
import { loadCatalog } from "./catalogs";
import { NAMESPACE, type Language } from "./languages";

/**
 * An i18next instance for one language: one per request on the server (requests in different
 * languages run at once), one per page load in the browser. Only the shown language is loaded: a
 * CI check (tests/unit/i18n-catalogs.test.ts) makes sure no key is missing from any catalog.
 */
export async function createI18n(language: Language): Promise<I18n> {
  const instance = createInstance();
  await instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: false,
    ns: [NAMESPACE],
    defaultNS: NAMESPACE,
    resources: { [language]: { [NAMESPACE]: await loadCatalog(language) } },
    // React escapes what it renders; escaping here too would show "&amp;".
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
  });
  return instance;
}

/** Switches a live instance (the browser's, after the switcher) to another language. */
export async function switchLanguage(instance: I18n, language: Language): Promise<void> {
  if (!instance.hasResourceBundle(language, NAMESPACE)) {
    instance.addResourceBundle(language, NAMESPACE, await loadCatalog(language));
  }
  await instance.changeLanguage(language);
}
