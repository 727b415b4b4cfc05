import type { ApiTokenScope } from "#db/types";
import { createApiToken } from "~/api/api-tokens.server";
import type { TestServer } from "./server";

/** A personal access token made through the app's own function (the user must be staff or a partner). */
export async function createTestToken(
  server: TestServer,
  userId: string,
  scope: ApiTokenScope,
  lifetimeDays = 30,
): Promise<string> {
  const created = await createApiToken(server.db, userId, { name: `test ${scope}`, scope, lifetimeDays });
  if (!created.ok) throw new Error(created.message);
  return created.token;
}

/** An API request with a bearer token (or none), as an external tool sends it: no cookie, no Origin. */
export function apiRequest(
  server: TestServer,
  path: string,
  token: string | null,
  init: { method?: string; body?: unknown; rawBody?: string; contentType?: string } = {},
): Promise<Response> {
  const headers: Record<string, string> = {};
  if (token) headers.Authorization = `Bearer ${token}`;
  let body: string | undefined;
  if (init.rawBody !== undefined || init.body !== undefined) {
    body = init.rawBody ?? JSON.stringify(init.body);
    headers["Content-Type"] = init.contentType ?? "application/json";
  }
  return fetch(new URL(path, server.url), { method: init.method ?? "GET", headers, body, redirect: "manual" });
}
