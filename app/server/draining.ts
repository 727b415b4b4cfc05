import type { NextFunction, Request, Response } from "express";
import { UNAVAILABLE_RETRY_AFTER_SECONDS } from "./database-unavailable";

/**
 * The process's part in a rolling restart or scale-down: once draining, the health check fails
 * (so a proxy stops sending new requests here), every response closes its connection (so
 * keep-alive clients reconnect elsewhere), and requests still in flight finish normally.
 * Every 503, whoever answers it, carries Retry-After.
 */
export class Draining {
  active = false;

  middleware = (req: Request, res: Response, next: NextFunction) => {
    if (this.active) res.setHeader("Connection", "close");
    if (this.active && req.path === "/healthz") {
      res.status(503).json({ status: "draining", database: "not checked" });
      return;
    }
    const writeHead = res.writeHead;
    res.writeHead = function retryAfterOn503(this: Response, ...args: unknown[]) {
      const status = typeof args[0] === "number" ? args[0] : res.statusCode;
      if (status === 503 && !res.hasHeader("Retry-After"))
        res.setHeader("Retry-After", String(UNAVAILABLE_RETRY_AFTER_SECONDS));
      return (writeHead as (...a: unknown[]) => Response).apply(this, args);
    } as typeof res.writeHead;
    next();
  };
}
