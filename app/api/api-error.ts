import { z } from "zod";

/**
 * The one error shape of the API, for every status: a stable machine code, a sentence for a
 * person, and for a body that fails its schema the messages per field (the same messages the
 * forms show).
 */
export const ApiErrorSchema = z
  .object({
    error: z.object({
      code: z.enum([
        "bad_request",
        "unauthorized",
        "forbidden",
        "insufficient_scope",
        "not_found",
        "conflict",
        "rate_limited",
        "method_not_allowed",
        "server_error",
      ]),
      message: z.string(),
      fields: z.record(z.string(), z.array(z.string())).optional(),
    }),
  })
  .describe("The one error shape of every API answer that is not a success");

export type ApiErrorCode = z.infer<typeof ApiErrorSchema>["error"]["code"];

export const STATUS_OF: Record<ApiErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  insufficient_scope: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  method_not_allowed: 405,
  server_error: 500,
};

/** Thrown inside an API handler; the route wrapper turns it into the error response. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly fields?: Record<string, string[]>,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function apiErrorResponse(error: ApiError): Response {
  return Response.json(
    { error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) } },
    { status: STATUS_OF[error.code], headers: { "Cache-Control": "no-store", ...error.headers } },
  );
}

/**
 * Field messages from a failed zod parse, keyed by the dotted path of each field; `text` turns a
 * form's message (a catalog key, see `msg`) into the API's English.
 */
export function fieldErrors(error: z.ZodError): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "body";
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}
