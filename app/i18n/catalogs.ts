import type { Language } from "./languages";

export type Catalog = Record<string, unknown>;

// One chunk per language: a browser downloads only the catalog of the language it shows.
const CATALOGS: Record<Language, () => Promise<{ default: Catalog }>> = {
  en: () => import("./locales/en/index"),
  es: () => import("./locales/es/index"),
  fr: () => import("./locales/fr/index"),
  ar: () => import("./locales/ar/index"),
};

export async function loadCatalog(language: Language): Promise<Catalog> {
  return (await CATALOGS[language]()).default;
}
