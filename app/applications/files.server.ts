import { msg } from "~/i18n/message";
import { createHash } from "node:crypto";
import {
  MaxPartSizeExceededError,
  unstable_composeUploadHandlers,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";
import type { Kysely } from "kysely";
import type { Database } from "#db/types";
import { bodyLimitMessage, bodyLimitsFor } from "~/utils/body-limits";
import { hasNulCharacter, NUL_MESSAGE } from "~/utils/forms.server";
import { formLimitBreach } from "~/utils/parse-submission";

export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export interface Upload {
  questionId: string;
  filename: string;
  bytes: Buffer;
}

export type UploadRead =
  | { ok: true; formData: FormData; uploads: Upload[] }
  | { ok: false; field: string | null; message: string; status: 400 | 413 };

/** PDF by content: every PDF starts with "%PDF-", whatever its name or declared type says. */
export function isPdf(bytes: Uint8Array): boolean {
  return bytes.length >= 5 && Buffer.from(bytes.subarray(0, 5)).toString("latin1") === "%PDF-";
}

// eslint-disable-next-line no-control-regex -- control characters never belong in a file name
const UNSAFE_IN_FILENAME = /[\u0000-\u001f\u007f"]/g;

export function cleanFilename(name: string): string {
  const base = (name.split(/[\\/]/).pop() ?? "").replace(UNSAFE_IN_FILENAME, "").trim();
  return (base || "document.pdf").slice(0, 200);
}

/**
 * Reads a form that may carry files, holding at most 10 MB per file in memory. Each file field
 * (`q_<question id>`) must name one of `fileQuestionIds` and hold a PDF.
 */
export async function readFormWithUploads(request: Request, fileQuestionIds: Set<string>): Promise<UploadRead> {
  const contentType = request.headers.get("Content-Type") ?? "";
  let formData: FormData;
  try {
    formData = contentType.startsWith("multipart/form-data")
      ? await unstable_parseMultipartFormData(
          request,
          unstable_composeUploadHandlers(unstable_createMemoryUploadHandler({ maxPartSize: MAX_FILE_BYTES })),
        )
      : await request.formData();
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) {
      return { ok: false, field: error.field, message: msg("apply.refusals.fileTooLarge"), status: 413 };
    }
    return { ok: false, field: null, message: msg("apply.refusals.formUnreadable"), status: 400 };
  }
  if (hasNulCharacter(formData)) return { ok: false, field: null, message: NUL_MESSAGE, status: 400 };
  const limits = bodyLimitsFor(new URL(request.url).pathname, contentType);
  const breach = formLimitBreach(formData, limits);
  if (breach) return { ok: false, field: null, message: bodyLimitMessage(breach, limits), status: 413 };
  const uploads: Upload[] = [];
  for (const [field, value] of formData.entries()) {
    if (typeof value === "string") continue;
    if (value.size === 0) continue; // an empty file input: nothing chosen
    const questionId = field.startsWith("q_") ? field.slice(2) : "";
    if (!fileQuestionIds.has(questionId)) {
      return { ok: false, field, message: msg("apply.refusals.noFileHere"), status: 400 };
    }
    const bytes = Buffer.from(await value.arrayBuffer());
    if (!isPdf(bytes)) return { ok: false, field, message: msg("apply.refusals.uploadPdf"), status: 400 };
    uploads.push({ questionId, filename: cleanFilename(value.name), bytes });
  }
  return { ok: true, formData, uploads };
}

/** Stores an upload for an application's question, replacing the one it had; returns the file id. */
export async function storeApplicationFile(
  trx: Kysely<Database>,
  input: { ownerId: string; applicationId: string; upload: Upload },
): Promise<string> {
  await trx
    .deleteFrom("files")
    .where("applicationId", "=", input.applicationId)
    .where("questionId", "=", input.upload.questionId)
    .execute();
  const row = await trx
    .insertInto("files")
    .values({
      ownerId: input.ownerId,
      applicationId: input.applicationId,
      questionId: input.upload.questionId,
      filename: input.upload.filename,
      contentType: "application/pdf",
      sizeBytes: input.upload.bytes.length,
      sha256: createHash("sha256").update(input.upload.bytes).digest("hex"),
      bytes: input.upload.bytes,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}
