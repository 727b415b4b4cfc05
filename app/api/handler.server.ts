import type { AppLoadContext } from "@remix-run/node";
import { z } from "zod";
import { isDatabaseUnavailable } from "#db/connection-errors";
import type { ApiTokenScope } from "#db/types";
import type { Role } from "~/auth/roles";
import { loadRoles } from "~/auth/roles.server";
import { ApiError, apiErrorResponse, fieldErrors } from "./api-error";
import { inEnglish as englishMessage } from "~/i18n/english.server";
import type { ApiRoute } from "./api-routes";
import { useApiToken } from "./api-tokens.server";

export interface ApiCaller {
  userId: string;
  tokenId: string;
  scope: ApiTokenScope;
  roles: Role[];
}

export interface ApiCall<R extends ApiRoute> {
  caller: ApiCaller;
  params: Record<string, string | undefined>;
  url: URL;
  body: R["body"] extends z.ZodType ? z.output<R["body"]> : undefined;
  context: AppLoadContext;
}

type Args = { request: Request; context: AppLoadContext; params: Record<string, string | undefined> };

const UNAUTHORIZED_MESSAGES = {
  missing: "Send a personal access token: `Authorization: Bearer owf_pat_…` (make one at /me/account).",
  unknown: "This token is not known.",
  revoked: "This token was revoked.",
  expired: "This token has expired; make a new one at /me/account.",
} as const;

/**
 * The one way into the API: the token (401), its rate window (429), the owner's roles as they are
 * now (403), the token's scope (403), the body against its schema (400), then the handler, whose
 * answer goes out as JSON. Nothing before the handler writes anything but the token's counters.
 */
export function apiHandler<R extends ApiRoute>(
  route: R,
  handle: (call: ApiCall<R>) => Promise<z.input<R["response"]>>,
) {
  return async ({ request, context, params }: Args): Promise<Response> => {
    try {
      if (request.method.toLowerCase() !== route.method) {
        throw new ApiError("method_not_allowed", `Use ${route.method.toUpperCase()} here.`);
      }
      const caller = await authenticate(request, context, route);
      const body = route.body ? await readBody(request, route.body) : undefined;
      const result = await handle({
        caller,
        params,
        url: new URL(request.url),
        body: body as ApiCall<R>["body"],
        context,
      });
      return Response.json(result, {
        status: route.status ?? 200,
        headers: { "Cache-Control": "no-store", ...rateHeaders(context, caller) },
      });
    } catch (error) {
      if (error instanceof ApiError) return apiErrorResponse(await worded(error));
      if (isDatabaseUnavailable(error)) throw error;
      console.error(error);
      return apiErrorResponse(new ApiError("server_error", "Something went wrong on our side."));
    }
  };
}

/**
 * The API speaks English: the error's message and field messages in English words (domain
 * refusals and the forms' schemas it shares carry catalog keys).
 */
async function worded(error: ApiError): Promise<ApiError> {
  const fields = error.fields
    ? Object.fromEntries(
        await Promise.all(
          Object.entries(error.fields).map(async ([field, messages]) => [
            field,
            await Promise.all(messages.map((message) => englishMessage(message))),
          ]),
        ),
      )
    : undefined;
  return new ApiError(error.code, await englishMessage(error.message), fields, error.headers);
}

const RATE_MEMO = "api-rate";

async function authenticate(request: Request, context: AppLoadContext, route: ApiRoute): Promise<ApiCaller> {
  const header = request.headers.get("Authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  const challenge = { "WWW-Authenticate": 'Bearer realm="api"' };
  if (!match) throw new ApiError("unauthorized", UNAUTHORIZED_MESSAGES.missing, undefined, challenge);
  const check = await useApiToken(context.db, match[1]!);
  if (!check.ok) throw new ApiError("unauthorized", UNAUTHORIZED_MESSAGES[check.reason], undefined, challenge);
  const limit = context.config.integrations.apiRateLimitPerMinute;
  const retryAfter = Math.max(1, Math.ceil((check.resetAt.getTime() - Date.now()) / 1000));
  context.memo.set(RATE_MEMO, { limit, remaining: Math.max(0, limit - check.used), reset: retryAfter });
  if (check.used > limit) {
    throw new ApiError("rate_limited", `This token may make ${limit} requests a minute.`, undefined, {
      "Retry-After": String(retryAfter),
      ...rateHeaders(context, null),
    });
  }
  const roles = await loadRoles(context.db, check.userId);
  if (!route.roles.some((role) => roles.includes(role))) {
    throw new ApiError("forbidden", "Your account may not use this part of the API.");
  }
  if (route.scope === "read-write" && check.scope !== "read-write") {
    throw new ApiError("insufficient_scope", "This token may only read; make a read-and-write token to change things.");
  }
  return { userId: check.userId, tokenId: check.tokenId, scope: check.scope, roles };
}

function rateHeaders(context: AppLoadContext, _caller: ApiCaller | null): Record<string, string> {
  const rate = context.memo.get(RATE_MEMO) as { limit: number; remaining: number; reset: number } | undefined;
  if (!rate) return {};
  return {
    "RateLimit-Limit": String(rate.limit),
    "RateLimit-Remaining": String(rate.remaining),
    "RateLimit-Reset": String(rate.reset),
  };
}

async function readBody(request: Request, schema: z.ZodType): Promise<unknown> {
  if (!/^application\/json\b/i.test(request.headers.get("Content-Type") ?? "")) {
    throw new ApiError("bad_request", "Send the body as JSON (Content-Type: application/json).");
  }
  let json: unknown;
  try {
    json = await request.json();
  } catch {
    throw new ApiError("bad_request", "The body is not valid JSON.");
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new ApiError("bad_request", "Some fields are not valid.", fieldErrors(parsed.error));
  }
  return parsed.data;
}

/** Query parameters checked against the route's schema: a wrong one is a 400 with its field. */
export function readQuery<S extends z.ZodObject>(url: URL, schema: S): z.output<S> {
  const raw: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    raw[key] = acceptsList(schema.shape[key]) ? values : values[values.length - 1]!;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success)
    throw new ApiError("bad_request", "Some query parameters are not valid.", fieldErrors(parsed.error));
  return parsed.data;
}

function acceptsList(field: unknown): boolean {
  const inner = field instanceof z.ZodOptional ? field.unwrap() : field;
  return inner instanceof z.ZodArray;
}

export function notFoundError(what: string): ApiError {
  return new ApiError("not_found", `${what} does not exist.`);
}
