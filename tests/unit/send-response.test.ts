import { randomBytes } from "node:crypto";
import { request, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import compression from "compression";
import { afterAll, beforeAll, expect, it } from "vitest";
import { sendResponse } from "~/server/remix-handler";

// Random bytes: gzip cannot shrink them (its window is 32 kB), so the compressor fills up as a socket does.
const CHUNK = new Uint8Array(randomBytes(64 * 1024));
const FILE_CHUNKS = 3_200; // 200 MB, far more than socket and kernel buffers together

/** A download made on demand, as an export is: counts what it was asked for and whether it was cancelled. */
function countingDownload() {
  const source = { pulled: 0, cancelled: false };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      source.pulled += 1;
      if (source.pulled > FILE_CHUNKS) controller.close();
      else controller.enqueue(CHUNK);
    },
    cancel() {
      source.cancelled = true;
    },
  });
  const response = new Response(body, {
    headers: { "Content-Type": "text/csv", "Content-Disposition": 'attachment; filename="big.csv"' },
  });
  return { source, response };
}

let sources: { pulled: number; cancelled: boolean }[] = [];
let url = "";
let close = () => {};

beforeAll(async () => {
  const app = express();
  // Compression in front, as in the portal: its zlib buffer must pass the back-pressure on too.
  app.use(compression());
  app.get("/download", (_req, res, next) => {
    const { source, response } = countingDownload();
    sources.push(source);
    sendResponse(res, response).catch(next);
  });
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, "127.0.0.1", () => resolve(listening));
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => {
    server.closeAllConnections();
    server.close();
  };
});
afterAll(() => close());

function open(headers: Record<string, string>): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/download`, { headers }, (res) => res.once("readable", () => resolve(res)));
    req.on("error", reject);
    req.end();
  });
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it.each([{ "Accept-Encoding": "identity" }, { "Accept-Encoding": "gzip" }])(
  "a download is produced only as fast as a slow client reads it, and stops when it leaves (%o)",
  async (headers) => {
    sources = [];
    const res = await open(headers);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-disposition"]).toBe('attachment; filename="big.csv"');
    await pause(1_500);
    const [source] = sources;
    // What sits in the kernel's socket buffers and the streams' high-water marks; never the file.
    expect(source!.pulled).toBeGreaterThan(0);
    expect(source!.pulled).toBeLessThan(FILE_CHUNKS / 8);
    res.destroy();
    await pause(300);
    expect(source!.cancelled).toBe(true);
  },
);
