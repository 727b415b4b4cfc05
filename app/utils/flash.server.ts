import { createCookie, redirect, type Cookie } from "@remix-run/node";
import type { AppConfig } from "./config.server";

export interface Flash {
  kind: "success" | "info" | "error";
  message: string;
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
  return flashCookie(config).serialize(flash);
}

export async function readFlash(
  request: Request,
  config: AppConfig,
): Promise<{ flash: Flash | null; setCookie: string | null }> {
  const value: unknown = await flashCookie(config).parse(request.headers.get("Cookie"));
  if (!value || typeof value !== "object") return { flash: null, setCookie: null };
  const { kind, message } = value as Partial<Flash>;
  const setCookie = await flashCookie(config).serialize("", { maxAge: 0 });
  if (typeof message !== "string" || !["success", "info", "error"].includes(String(kind))) {
    return { flash: null, setCookie };
  }
  return { flash: { kind: kind as Flash["kind"], message }, setCookie };
}

/** Redirects after a successful change with a message for the next page (no resubmission on refresh). */
export async function redirectWithFlash(config: AppConfig, to: string, flash: Flash | string): Promise<Response> {
  const message = typeof flash === "string" ? { kind: "success" as const, message: flash } : flash;
  return redirect(to, { headers: { "Set-Cookie": await setFlash(config, message) } });
}
