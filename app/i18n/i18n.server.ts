import type { AppLoadContext } from "@remix-run/node";
import type { i18n as I18n } from "i18next";
import { getOptionalUser } from "~/utils/permissions.server";
import { createI18n } from "./i18n";
import { requestLanguage } from "./language.server";
import { translateMessage } from "./message";

const I18N_MEMO = "i18n";

/**
 * The i18next instance of a request's language (the person's setting, the switcher's cookie or
 * Accept-Language), shared by the loaders of one request. For what only the server writes: page
 * titles (a `meta` function has no hooks) and answers that are not a page.
 */
export function requestI18n(request: Request, context: AppLoadContext): Promise<I18n> {
  let pending = context.memo.get(I18N_MEMO) as Promise<I18n> | undefined;
  if (!pending) {
    pending = (async () =>
      createI18n(await requestLanguage(request, context.config, await getOptionalUser(request, context))))();
    context.memo.set(I18N_MEMO, pending);
  }
  return pending;
}

/** A page's `<title>` in the request's language: the page's own words, then the portal's name. */
export async function pageTitle(request: Request, context: AppLoadContext, ...parts: string[]): Promise<string> {
  const i18n = await requestI18n(request, context);
  return [...parts.map((part) => translateMessage(i18n, part)), "Open Web Fellows"].join(" — ");
}
