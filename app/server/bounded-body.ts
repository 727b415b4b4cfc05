import type { Request } from "express";
import {
  bodyLimitMessage,
  bodyLimitsFor,
  UrlEncodedFieldCounter,
  type BodyLimitBreach,
  type BodyLimits,
} from "~/utils/body-limits";

export type BodyRead = { ok: true; body: Buffer } | { ok: false; status: 400 | 413; message: string };

/** Past this declared length a refused body is not read to its end: the connection is closed instead. */
const MAX_DRAIN_BYTES = 64 * 1024 * 1024;

export function limitsForRequest(req: Request): BodyLimits {
  return bodyLimitsFor(req.path, req.get("Content-Type"));
}

/**
 * Reads a request body, refusing it the moment it breaks its route's limits: a declared length
 * over the limit before one byte is read, then the bytes, fields and field lengths as chunks
 * arrive. Nothing parses the body here; what is returned is at most `limits.maxBytes`.
 */
export function readBoundedBody(req: Request, limits: BodyLimits): Promise<BodyRead> {
  const refuse = (breach: BodyLimitBreach): BodyRead => ({
    ok: false,
    status: 413,
    message: bodyLimitMessage(breach, limits),
  });
  const declared = Number(req.get("Content-Length") ?? 0);
  if (declared > limits.maxBytes) return Promise.resolve(refuse("bytes"));
  const contentType = (req.get("Content-Type") ?? "").toLowerCase();
  const counter = contentType.startsWith("application/x-www-form-urlencoded")
    ? new UrlEncodedFieldCounter(limits)
    : null;

  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const finish = (result: BodyRead) => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
      // Whatever is still coming is read and dropped, so the client gets to read the answer.
      if (!result.ok) req.resume();
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > limits.maxBytes) return finish(refuse("bytes"));
      const breach = counter?.push(chunk);
      if (breach) return finish(refuse(breach));
      chunks.push(chunk);
    };
    const onEnd = () => finish({ ok: true, body: Buffer.concat(chunks, received) });
    const onError = () =>
      finish({ ok: false, status: 400, message: "The form arrived incomplete. Please send it again." });
    req.on("data", onData);
    req.once("end", onEnd);
    req.once("error", onError);
  });
}

/** Whether the rest of a refused body should be read and dropped (small) or the connection closed (huge). */
export function shouldCloseAfterRefusal(req: Request): boolean {
  return Number(req.get("Content-Length") ?? 0) > MAX_DRAIN_BYTES;
}
