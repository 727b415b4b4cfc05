import { createCookie, type Cookie } from "@remix-run/node";
import Negotiator from "negotiator";
import type { DB } from "#db/client";
import type { AppConfig } from "~/utils/config.server";
import { DEFAULT_LANGUAGE, isLanguage, LANGUAGES, type Language } from "./languages";

const ONE_YEAR_S = 365 * 24 * 60 * 60;
const cookies = new WeakMap<AppConfig, Cookie>();

/**
 * A visitor's choice from the switcher, kept for a year. Not signed: a forged value can only pick
 * another supported language, and it is not a secret.
 */
function languageCookie(config: AppConfig): Cookie {
  let cookie = cookies.get(config);
  if (!cookie) {
    cookie = createCookie("owf_lang", {
      httpOnly: true,
      sameSite: "lax",
      secure: config.secureCookies,
      path: "/",
      maxAge: ONE_YEAR_S,
    });
    cookies.set(config, cookie);
  }
  return cookie;
}

/**
 * The best of our languages for an Accept-Language header, by its q-values over every language
 * listed ("de-DE, es;q=0.8" is Spanish, "es-MX" is Spanish). negotiator is Express's own matcher.
 */
export function acceptedLanguage(header: string | null): Language | null {
  if (!header) return null;
  const best = new Negotiator({ headers: { "accept-language": header } }).language([...LANGUAGES]);
  return isLanguage(best) ? best : null;
}

/**
 * The language a page is shown in: the signed-in person's setting, else the switcher's cookie,
 * else the browser's Accept-Language, else English.
 */
export async function requestLanguage(
  request: Request,
  config: AppConfig,
  user: { language: Language | null } | null,
): Promise<Language> {
  if (user?.language) return user.language;
  const chosen: unknown = await languageCookie(config).parse(request.headers.get("Cookie"));
  if (isLanguage(chosen)) return chosen;
  return acceptedLanguage(request.headers.get("Accept-Language")) ?? DEFAULT_LANGUAGE;
}

export function languageCookieHeader(config: AppConfig, language: Language): Promise<string> {
  return languageCookie(config).serialize(language);
}

/** The signed-in person's choice, kept on their account so it follows them to other browsers. */
export async function saveLanguageChoice(db: DB, userId: string, language: Language): Promise<void> {
  await db.updateTable("users").set({ locale: language }).where("id", "=", userId).execute();
}
