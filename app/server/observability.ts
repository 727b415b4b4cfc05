import { randomUUID } from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import { sql } from "kysely";
import pino, { type Logger } from "pino";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { DB, PoolStats } from "#db/client";
import { safeEqual } from "~/auth/tokens.server";

export interface Observability {
  logger: Logger;
  /** Gives each request an id (X-Request-Id), times it, and logs one JSON line when it ends. */
  requests(req: Request, res: Response, next: NextFunction): void;
  /** GET /metrics in Prometheus' text format, for a bearer of METRICS_TOKEN only. */
  metrics(req: Request, res: Response): Promise<void>;
}

/**
 * The route of a path with its variable parts folded, so that the latency histogram has one
 * series per page, not one per cycle or per application: a segment that is a UUID, holds a
 * digit or is long (tokens) becomes `:param`.
 */
export function routeLabel(pathname: string): string {
  const path = pathname.replace(/\.data$/, "");
  if (path.startsWith("/assets/")) return "/assets/*";
  return (
    path
      .split("/")
      .map((segment) => (/\d/.test(segment) || segment.length > 24 ? ":param" : segment))
      .join("/") || "/"
  );
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,100}$/;

export function createObservability({
  db,
  poolStats,
  metricsToken,
  logLevel = "info",
}: {
  db: DB;
  poolStats?: (() => PoolStats) | undefined;
  metricsToken: string | undefined;
  logLevel?: string;
}): Observability {
  const logger = pino({ level: logLevel, base: { service: "open-web-fellows" } });
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const latency = new Histogram({
    name: "http_request_duration_seconds",
    help: "Time from a request's arrival to its response's end, by route",
    labelNames: ["method", "route", "status"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const requestsTotal = new Counter({
    name: "http_requests_total",
    help: "Requests answered, by route and status",
    labelNames: ["method", "route", "status"],
    registers: [registry],
  });
  new Gauge({
    name: "db_pool_connections",
    help: "Database pool connections by state (total, idle, waiting requests, max)",
    labelNames: ["state"],
    registers: [registry],
    collect() {
      if (!poolStats) return;
      const stats = poolStats();
      for (const [state, value] of Object.entries(stats)) this.set({ state }, value);
    },
  });
  const queueDepth = new Gauge({
    name: "queue_depth",
    help: "Messages waiting to be sent (pending or being sent), by queue",
    labelNames: ["queue"],
    registers: [registry],
  });
  const queueAge = new Gauge({
    name: "queue_oldest_age_seconds",
    help: "Age of the oldest message waiting to be sent, by queue (0 when none)",
    labelNames: ["queue"],
    registers: [registry],
  });
  const queueFailed = new Gauge({
    name: "queue_failed",
    help: "Messages given up on after their last attempt, by queue",
    labelNames: ["queue"],
    registers: [registry],
  });

  async function collectQueues() {
    const { rows } = await sql<{ queue: string; depth: number; age: number | null; failed: number }>`
      select 'email' as queue,
        count(*) filter (where status in ('pending', 'sending'))::int as depth,
        extract(epoch from now() - min(created_at) filter (where status in ('pending', 'sending')))::float8 as age,
        count(*) filter (where status = 'failed')::int as failed
      from email_outbox
      union all
      select 'webhook',
        count(*) filter (where status in ('pending', 'sending'))::int,
        extract(epoch from now() - min(created_at) filter (where status in ('pending', 'sending')))::float8,
        count(*) filter (where status = 'failed')::int
      from webhook_deliveries`.execute(db);
    for (const row of rows) {
      queueDepth.set({ queue: row.queue }, Number(row.depth));
      queueAge.set({ queue: row.queue }, Math.max(0, Number(row.age ?? 0)));
      queueFailed.set({ queue: row.queue }, Number(row.failed));
    }
  }

  return {
    logger,
    requests(req, res, next) {
      const incoming = req.get("X-Request-Id");
      const id = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
      res.locals.requestId = id;
      res.setHeader("X-Request-Id", id);
      const started = process.hrtime.bigint();
      res.on("finish", () => {
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        const labels = { method: req.method, route: routeLabel(req.path), status: String(res.statusCode) };
        latency.observe(labels, seconds);
        requestsTotal.inc(labels);
        logger.info(
          {
            reqId: id,
            method: req.method,
            route: labels.route,
            status: res.statusCode,
            ms: Math.round(seconds * 1000),
          },
          "request",
        );
      });
      next();
    },
    async metrics(req, res) {
      if (!metricsToken) {
        res.status(404).type("text/plain").send("Metrics are off: set METRICS_TOKEN to turn them on.");
        return;
      }
      const presented = /^Bearer\s+(\S+)$/i.exec(req.get("Authorization") ?? "")?.[1] ?? "";
      if (!safeEqual(presented, metricsToken)) {
        res.status(401).set("WWW-Authenticate", 'Bearer realm="metrics"').type("text/plain").send("Unauthorized.");
        return;
      }
      await collectQueues();
      res
        .status(200)
        .type(registry.contentType)
        .send(await registry.metrics());
    },
  };
}
