import {
  createRequestHandler as createRemixHandler,
  writeReadableStreamToWritable,
  type AppLoadContext,
  type ServerBuild,
} from "@remix-run/node";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeWebReadableStream } from "node:stream/web";
import type { NextFunction, Request, Response } from "express";
import { limitsForRequest, readBoundedBody, shouldCloseAfterRefusal } from "./bounded-body";

export interface BoundedHandlerOptions {
  build: ServerBuild | (() => Promise<ServerBuild>);
  mode: string;
  getLoadContext: (req: Request, res: Response) => AppLoadContext;
}

/**
 * `@remix-run/express`'s request handler with one change: a body is read here, within its
 * route's limits (app/utils/body-limits.ts), before Remix, the sign-in limits or any form parser
 * see it. A body over a limit is answered 413 at once and never parsed; one within them reaches
 * Remix as a buffer, so no action can be made to wait on a slow or endless stream.
 */
export function createBoundedRequestHandler({ build, mode, getLoadContext }: BoundedHandlerOptions) {
  const handleRequest = createRemixHandler(build, mode);
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      let body: Buffer | undefined;
      if (req.method !== "GET" && req.method !== "HEAD") {
        const read = await readBoundedBody(req, limitsForRequest(req));
        if (!read.ok) {
          if (shouldCloseAfterRefusal(req)) res.setHeader("Connection", "close");
          res.status(read.status).type("text/plain").send(read.message);
          return;
        }
        body = read.body;
      }
      const response = await handleRequest(createRemixRequest(req, res, body), getLoadContext(req, res));
      await sendResponse(res, response);
    } catch (error) {
      next(error);
    }
  };
}

/** As `@remix-run/express` builds it (host and port as Express trusts them), with the body already read. */
function createRemixRequest(req: Request, res: Response, body: Buffer | undefined): globalThis.Request {
  const [, forwardedPort] = req.get("X-Forwarded-Host")?.split(":") ?? [];
  const [, hostPort] = req.get("host")?.split(":") ?? [];
  const port = [forwardedPort, hostPort].map((p) => Number.parseInt(p ?? "", 10)).find(Number.isSafeInteger);
  const url = new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ""}${req.originalUrl}`);
  let controller: AbortController | null = new AbortController();
  // Loaders and actions stop once the response can no longer be written (closed before finishing).
  res.on("finish", () => (controller = null));
  res.on("close", () => controller?.abort());
  return new Request(url.href, {
    method: req.method,
    headers: createRemixHeaders(req.headers),
    signal: controller.signal,
    // undici takes a Buffer as it is; the DOM typings know only ArrayBuffer views of their own kind.
    ...(body ? { body: body as unknown as BodyInit } : {}),
  });
}

function createRemixHeaders(requestHeaders: Request["headers"]): Headers {
  const headers = new Headers();
  for (const [name, values] of Object.entries(requestHeaders)) {
    if (values === undefined) continue;
    for (const value of Array.isArray(values) ? values : [values]) headers.append(name, value);
  }
  return headers;
}

async function sendRemixResponse(res: Response, response: globalThis.Response): Promise<void> {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [name, value] of response.headers.entries()) res.append(name, value);
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}

/** A response the browser saves as a file (an export): sent with back-pressure, see `sendResponse`. */
function isDownload(response: globalThis.Response): boolean {
  return /^\s*attachment\b/i.test(response.headers.get("Content-Disposition") ?? "");
}

function clientWentAway(error: unknown, res: Response): boolean {
  return res.destroyed || (error as { code?: string } | null)?.code === "ERR_STREAM_PREMATURE_CLOSE";
}

/**
 * Remix's own writer pulls the body as fast as it can and ignores `write()` returning false, so a
 * streamed export to a slow client would pile up in this process's memory. Downloads are piped
 * instead: the body is read only when the socket (or the compressor) has room. Pages keep Remix's
 * writer, which flushes the compressor after every chunk so streamed HTML arrives as rendered.
 */
export async function sendResponse(res: Response, response: globalThis.Response): Promise<void> {
  if (!response.body || !isDownload(response)) return sendRemixResponse(res, response);
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [name, value] of response.headers.entries()) res.append(name, value);
  try {
    await pipeline(Readable.fromWeb(response.body as unknown as NodeWebReadableStream<Uint8Array>), res);
  } catch (error) {
    // A client that cancels a download is not a server error; the source was cancelled with it.
    if (clientWentAway(error, res)) return;
    throw error;
  }
}
