import { data } from "@remix-run/node";
import type { z } from "zod";
import { bodyLimitMessage, bodyLimitsFor } from "./body-limits";
import { badRequest } from "./http.server";
import { formLimitBreach, parseSubmission } from "./parse-submission";

export { parseSubmission };

/**
 * Reads a form body. A body that is not a form (JSON, garbage, the wrong content type) is a
 * 400 for the client, not a 500 for us.
 */
export async function readFormData(request: Request): Promise<FormData> {
  let formData: FormData;
  try {
    formData = await request.formData();
  } catch {
    badRequest("The form could not be read. Please send it again.");
  }
  if (hasNulCharacter(formData)) badRequest(NUL_MESSAGE);
  assertWithinFormLimits(request, formData);
  return formData;
}

/**
 * The field limits of the request's route, checked over the parsed form: the server checked
 * url-encoded bodies as they arrived, but multipart parts are only countable once parsed.
 */
export function assertWithinFormLimits(request: Request, formData: FormData): void {
  const limits = bodyLimitsFor(new URL(request.url).pathname, request.headers.get("Content-Type"));
  const breach = formLimitBreach(formData, limits);
  if (breach) throw data({ message: bodyLimitMessage(breach, limits) }, { status: 413 });
}

export const NUL_MESSAGE =
  "The form contains a character that cannot be stored (a NUL byte). Please remove it and send again.";

/** PostgreSQL cannot store U+0000 in text; such a value is bad input, not a server error. */
export function hasNulCharacter(formData: FormData): boolean {
  for (const [name, value] of formData.entries()) {
    if (name.includes("\u0000") || (typeof value === "string" && value.includes("\u0000"))) return true;
  }
  return false;
}

export async function parseForm<Schema extends z.ZodType>(request: Request, schema: Schema) {
  const formData = await readFormData(request);
  return { formData, submission: parseSubmission(formData, { schema }) };
}

/** The reply to a form with errors: the field messages, status 400 (or another 4xx). */
export function invalid<T>(reply: T, status = 400) {
  return data(reply, { status });
}
