import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import type { ReadableStream as NodeWebReadableStream } from "node:stream/web";
import { createRequestHandler, type AppLoadContext, type ServerBuild } from "@remix-run/node";
// Not re-exported from the package's index; the version is pinned exactly.
import { createRemixRequest, sendRemixResponse } from "@remix-run/express/dist/server.js";
import type { NextFunction, Request, Response } from "express";

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

export interface RemixHandlerOptions {
  build: ServerBuild | (() => Promise<ServerBuild>);
  mode: string;
  getLoadContext(req: Request, res: Response): AppLoadContext;
}

/** `@remix-run/express`'s request handler, with `sendResponse` in place of its writer. */
export function createRemixHandler({ build, mode, getLoadContext }: RemixHandlerOptions) {
  const handleRequest = createRequestHandler(build, mode);
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    try {
      const response = await handleRequest(createRemixRequest(req, res), getLoadContext(req, res));
      await sendResponse(res, response);
    } catch (error) {
      next(error);
    }
  };
}
