import type { Language } from "./languages";

export type Catalog = Record<string, unknown>;

// One chunk per language: a browser downloads only the catalog of the language it shows.
const CATALOGS: Record<Language, () => Promise<{ default: Catalog }>> = {
  en: () => import("./locales/en.json", { with: { type: "json" } }),
  es: () => import("./locales/es.json", { with: { type: "json" } }),
  fr: () => import("./locales/fr.json", { with: { type: "json" } }),
  ar: () => import("./locales/ar.json", { with: { type: "json" } }),
};

export async function loadCatalog(language: Language): Promise<Catalog> {
  return (await CATALOGS[language]()).default;
}
