import { randomUUID } from "node:crypto";
import { createCookie, redirect, type Cookie } from "@remix-run/node";
import type { AppConfig } from "./config.server";

export interface Flash {
  kind: "success" | "info" | "error";
  /** Empty for a success the page itself reports (the application form's save indicator). */
  message: string;
}

/**
 * A flash as the next page reads it. `id` is new for every success: the root remounts the page
 * when it changes, so each form shows what the server now holds, with JavaScript as after a reload.
 */
export interface ReadFlash extends Flash {
  id: string;
}

const cookies = new WeakMap<AppConfig, Cookie>();

function flashCookie(config: AppConfig): Cookie {
  let cookie = cookies.get(config);
  if (!cookie) {
    cookie = createCookie("owf_flash", {
      httpOnly: true,
      sameSite: "lax",
      secure: config.secureCookies,
      path: "/",
      secrets: config.sessionSecrets,
      maxAge: 60,
    });
    cookies.set(config, cookie);
  }
  return cookie;
}

/** A message for the next page, e.g. after a redirect: "Staff access granted". */
export function setFlash(config: AppConfig, flash: Flash): Promise<string> {
  return flashCookie(config).serialize({ ...flash, id: randomUUID() });
}

/** The answer to a successful form: back to `to`, with the message (if any) and a fresh page. */
export async function redirectAfterSuccess(
  config: AppConfig,
  to: string,
  message = "",
  init: { headers?: HeadersInit } = {},
) {
  const headers = new Headers(init.headers);
  headers.append("Set-Cookie", await setFlash(config, { kind: "success", message }));
  return redirect(to, { headers });
}

export async function readFlash(
  request: Request,
  config: AppConfig,
): Promise<{ flash: ReadFlash | null; setCookie: string | null }> {
  const value: unknown = await flashCookie(config).parse(request.headers.get("Cookie"));
  if (!value || typeof value !== "object") return { flash: null, setCookie: null };
  const { kind, message, id } = value as Partial<ReadFlash>;
  const setCookie = await flashCookie(config).serialize("", { maxAge: 0 });
  if (typeof message !== "string" || typeof id !== "string" || !["success", "info", "error"].includes(String(kind))) {
    return { flash: null, setCookie };
  }
  return { flash: { kind: kind as Flash["kind"], message, id }, setCookie };
}
