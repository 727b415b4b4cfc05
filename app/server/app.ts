import path from "node:path";
import compression from "compression";
import type { AppLoadContext, ServerBuild } from "@remix-run/node";
import express, { type NextFunction, type Request, type Response } from "express";
import type { ViteDevServer } from "vite";
import type { DB, PoolStats } from "#db/client";
import { withQueryStats } from "#db/query-stats";
import type { AppConfig } from "~/utils/config.server";
import "~/utils/context.server";
import { isDatabaseUnavailable } from "#db/connection-errors";
import { withDatabaseUnavailableAs503 } from "./database-unavailable";
import { Draining } from "./draining";
import { createBoundedRequestHandler } from "./remix-handler";
import {
  contentSecurityPolicy,
  createNonce,
  hasWellFormedPath,
  isForeignRequest,
  SECURITY_HEADERS,
  STRICT_TRANSPORT_SECURITY,
} from "./security";
import { createObservability } from "./observability";

export interface AppOptions {
  db: DB;
  config: AppConfig;
  /** The production build (`build/server/index.js`), or a Vite dev server that compiles on demand. */
  build: ServerBuild | { vite: ViteDevServer };
  /** Where `build/client` lives; static files are served from it in production. */
  clientDir?: string;
  /** Set to draining at shutdown (see main.ts); a fresh one that never drains by default. */
  draining?: Draining;
  /** The database pool's counts, for /metrics. */
  poolStats?: (() => PoolStats) | undefined;
}

export function createApp({
  db,
  config,
  build,
  clientDir,
  draining = new Draining(),
  poolStats,
}: AppOptions): express.Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", config.trustProxy);
  const dev = "vite" in build;
  // Decided by the configured public address at start-up (a test server rewrites it to its port later).
  const strictTransport = config.appUrl.protocol === "https:";
  app.use(draining.middleware);
  // Request ids, JSON request logs, latency by route, and /metrics (issue 16).
  const observability = createObservability({
    db,
    poolStats,
    metricsToken: config.integrations.metricsToken,
    logLevel: config.integrations.logLevel,
  });
  app.use(observability.requests);
  app.get("/metrics", (req, res, next) => void observability.metrics(req, res).catch(next));

  // brotli or gzip, as the browser asks, for HTML, data requests, assets and exports (compressible
  // types over 1 kB). zlib runs on libuv's thread pool; a full zlib buffer makes `res.write` return
  // false and forwards `drain`, so a streamed export keeps its back-pressure.
  app.use(compression());

  app.use((req, res, next) => {
    const nonce = createNonce();
    res.locals.cspNonce = nonce;
    const sessionCookiePresent = /(?:^|;\s*)(?:__Host-)?owf_session=/.test(req.headers.cookie ?? "");
    const started = performance.now();
    // Headers are settled at the last moment so that a route's own headers win where they should.
    const writeHead = res.writeHead;
    res.writeHead = function patchedWriteHead(this: Response, ...args: unknown[]) {
      for (const [name, value] of Object.entries(SECURITY_HEADERS))
        if (!res.hasHeader(name)) res.setHeader(name, value);
      if (strictTransport) res.setHeader("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
      if (!res.hasHeader("Content-Security-Policy"))
        res.setHeader("Content-Security-Policy", contentSecurityPolicy(nonce, { dev }));
      // Nothing personal may sit in a shared or back/forward cache; static assets keep their own.
      const personal = res.locals.dynamic === true && sessionCookiePresent;
      if (personal || !res.hasHeader("Cache-Control")) res.setHeader("Cache-Control", "no-store");
      const stats = res.locals.queryStats as { count: number; durationMs: number } | undefined;
      if (config.serverTiming && stats) {
        res.setHeader(
          "Server-Timing",
          `db;desc="${stats.count} queries";dur=${stats.durationMs.toFixed(1)}, total;dur=${(performance.now() - started).toFixed(1)}`,
        );
      }
      return (writeHead as (...a: unknown[]) => Response).apply(this, args);
    } as typeof res.writeHead;
    next();
  });

  // A malformed percent-encoding (/%, /files/%ZZ) names nothing; Remix and the static files would throw on it.
  app.use((req, res, next) => {
    if (!hasWellFormedPath(req.originalUrl)) {
      res.status(400).type("text/plain").send("Bad request: the address is not correctly encoded.");
      return;
    }
    next();
  });

  if ("vite" in build) {
    app.use(build.vite.middlewares);
  } else if (clientDir) {
    app.use("/assets", express.static(path.join(clientDir, "assets"), { immutable: true, maxAge: "1y", index: false }));
    app.use(express.static(clientDir, { maxAge: "1h", index: false }));
  }

  // A NUL byte in the address (/cycles/%00) can never name anything, and PostgreSQL refuses it.
  app.use((req, res, next) => {
    if (req.originalUrl.includes("%00") || req.originalUrl.includes("\u0000")) {
      res.status(400).type("text/plain").send("Bad request: the address contains a NUL character.");
      return;
    }
    next();
  });

  // Cross-site request forgery: a state-changing request from another origin never reaches an action.
  app.use((req, res, next) => {
    const origin = req.get("Origin");
    const secFetchSite = req.get("Sec-Fetch-Site");
    const trustedOrigins = [config.appUrl.origin, `${req.protocol}://${req.get("Host")}`];
    if (isForeignRequest({ method: req.method, origin, secFetchSite, trustedOrigins })) {
      res.status(403).type("text/plain").send("Forbidden: this form was sent from another site.");
      return;
    }
    // A body without a declared length could grow without bound before anything checks it.
    if (
      !["GET", "HEAD", "OPTIONS"].includes(req.method) &&
      req.get("Transfer-Encoding") &&
      !req.get("Content-Length")
    ) {
      res.status(411).type("text/plain").send("Length required.");
      return;
    }
    next();
  });

  // Bodies are bounded by route kind inside this handler, before Remix parses anything.
  const handler = createBoundedRequestHandler({
    build:
      "vite" in build
        ? async () =>
            withDatabaseUnavailableAs503((await build.vite.ssrLoadModule("virtual:remix/server-build")) as ServerBuild)
        : withDatabaseUnavailableAs503(build),
    mode: config.mode,
    getLoadContext: (req, res): AppLoadContext => ({
      db,
      config,
      cspNonce: res.locals.cspNonce as string,
      clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown",
      memo: new Map(),
    }),
  });
  app.all("*", (req, res, next) => {
    res.locals.dynamic = true;
    const { stats, result } = withQueryStats(() => handler(req, res, next));
    res.locals.queryStats = stats;
    return result;
  });

  // Last resort: an error outside Remix (Remix renders its own). Never a stack trace.
  app.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (isDatabaseUnavailable(error) && !res.headersSent) {
      res.status(503).type("text/plain").send("The portal cannot reach its database for a moment. Please try again.");
      return;
    }
    console.error(error);
    if (res.headersSent) return next(error);
    res.status(500).type("text/plain").send("Something went wrong on our side. Please try again.");
  });
  return app;
}
