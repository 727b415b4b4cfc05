/**
 * How much a request body may hold, by the kind of route it goes to. Checked twice: while the
 * body streams in (total bytes; fields and field lengths of url-encoded forms), before Remix or
 * any parser sees it, and once more over the parsed form (multipart bodies, whose parts are only
 * known after parsing). Pure, so the Express layer and the form helpers share one table.
 */
export interface BodyLimits {
  kind: BodyKind;
  /** The whole body, in bytes as sent. */
  maxBytes: number;
  /** Fields in the form (a repeated name counts each time). */
  maxFields: number;
  /** One field as sent (`name=value`, percent-encoded), or one text part's value. */
  maxFieldBytes: number;
}

export type BodyKind = "anonymous" | "form" | "apply" | "upload";

const KB = 1024;
const MB = 1024 * KB;

export const BODY_LIMITS: Readonly<Record<BodyKind, BodyLimits>> = {
  // Sign-in, sign-up, codes, resets, answer links: a handful of short fields, sent by anyone.
  anonymous: { kind: "anonymous", maxBytes: 32 * KB, maxFields: 50, maxFieldBytes: 8 * KB },
  // Signed-in forms; staff pages tick many boxes at once (bulk decisions, assignments).
  form: { kind: "form", maxBytes: 1 * MB, maxFields: 5_000, maxFieldBytes: 256 * KB },
  // Application steps: essays in any script (a Devanagari letter takes 9 bytes encoded).
  apply: { kind: "apply", maxBytes: 2 * MB, maxFields: 2_000, maxFieldBytes: 1 * MB },
  // Multipart bodies to the routes that take files: PDFs of up to 10 MB (two per step at most), a CSV.
  upload: { kind: "upload", maxBytes: 25 * MB, maxFields: 2_000, maxFieldBytes: 1 * MB },
};

/** Routes anyone may post to without signing in. */
const ANONYMOUS_ROUTES = [
  /^\/login(\/code)?$/,
  /^\/signup$/,
  /^\/verify$/,
  /^\/forgot-password$/,
  /^\/reset-password$/,
  /^\/logout$/,
  /^\/campaign-replies\/[^/]*$/,
  /^\/invitations\/[^/]*$/,
  /^\/demo\/webhook-sink$/,
  /^\/references\/[^/]*$/,
];
// A referee's page takes a letter without an account: the upload limit, but only for multipart bodies.
const ANONYMOUS_UPLOAD_ROUTES = [/^\/references\/[^/]+$/];
const UPLOAD_ROUTES = [/^\/apply\/[^/]+\/[^/]+$/, /^\/staff\/allies$/];
const APPLY_ROUTES = /^\/apply\//;

/** The route's own path: Remix data requests add `.data` (and `_root.data` for the index). */
function routePath(pathname: string): string {
  const path = pathname.replace(/\/_root\.data$/, "/").replace(/\.data$/, "");
  return path.length > 1 ? path.replace(/\/+$/, "") : path;
}

export function bodyLimitsFor(pathname: string, contentType: string | null | undefined): BodyLimits {
  const path = routePath(pathname);
  const multipart = (contentType ?? "").toLowerCase().startsWith("multipart/form-data");
  if (multipart && ANONYMOUS_UPLOAD_ROUTES.some((route) => route.test(path))) return BODY_LIMITS.upload;
  if (ANONYMOUS_ROUTES.some((route) => route.test(path))) return BODY_LIMITS.anonymous;
  if (multipart && UPLOAD_ROUTES.some((route) => route.test(path))) return BODY_LIMITS.upload;
  if (APPLY_ROUTES.test(path)) return BODY_LIMITS.apply;
  return BODY_LIMITS.form;
}

export type BodyLimitBreach = "bytes" | "fields" | "field-bytes";

/** The words a refused body is answered with: what was too much, and how much is allowed. */
export function bodyLimitMessage(breach: BodyLimitBreach, limits: BodyLimits): string {
  switch (breach) {
    case "bytes":
      return `This form is too large to accept (the limit is ${formatBytes(limits.maxBytes)}).`;
    case "fields":
      return `This form is too large to accept: it has too many fields (the limit is ${limits.maxFields.toLocaleString("en")}).`;
    case "field-bytes":
      return `This form is too large to accept: one field is too long (the limit is ${formatBytes(limits.maxFieldBytes)}).`;
  }
}

function formatBytes(bytes: number): string {
  return bytes >= MB ? `${bytes / MB} MB` : `${bytes / KB} KB`;
}

/**
 * Counts the fields of a url-encoded body chunk by chunk, in linear time, without decoding it.
 * `push` returns the first limit the body breaks, if any.
 */
export class UrlEncodedFieldCounter {
  private fields = 0;
  private currentBytes = 0;
  constructor(private readonly limits: BodyLimits) {}

  push(chunk: Uint8Array): BodyLimitBreach | null {
    let start = 0;
    while (start <= chunk.length) {
      const amp = chunk.indexOf(AMPERSAND, start);
      const end = amp === -1 ? chunk.length : amp;
      if (end > start) {
        // A field starts with its first byte; empty segments (`&&`) are no field, as URLSearchParams reads them.
        if (this.currentBytes === 0) this.fields++;
        this.currentBytes += end - start;
        if (this.fields > this.limits.maxFields) return "fields";
        if (this.currentBytes > this.limits.maxFieldBytes) return "field-bytes";
      }
      if (amp === -1) break;
      this.currentBytes = 0;
      start = amp + 1;
    }
    return null;
  }
}

const AMPERSAND = 0x26;
