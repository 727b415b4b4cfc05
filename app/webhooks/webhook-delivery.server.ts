import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { Webhook } from "standardwebhooks";
import type { DB } from "#db/client";
import { retryDelayMs } from "~/email/delivery.server";
import { claimableNow } from "~/utils/claimable.server";
import { startRepeating, type RepeatingTask } from "~/utils/repeating.server";

export interface WebhookDeliveryOptions {
  /** The longest one request to a receiver may take; past it the attempt failed (and is retried). */
  timeoutMs: number;
  maxAttempts: number;
  /** First retry delay; each further attempt doubles it (capped at six hours). */
  retryBaseMs: number;
  batchSize?: number;
  userAgent?: string;
}

export interface WebhookPassResult {
  delivered: number;
  retried: number;
  failed: number;
}

/**
 * Claims due deliveries (`FOR UPDATE SKIP LOCKED`, under a claim token and a lease longer than a
 * request may take, as the email outbox does), posts each one signed by the Standard Webhooks
 * scheme — `webhook-id` (stable across retries, so a receiver can drop duplicates),
 * `webhook-timestamp` (of this attempt) and `webhook-signature` (HMAC-SHA256 of
 * `id.timestamp.body` with the endpoint's secret) — and records the answer. A 2xx is delivered;
 * anything else, a timeout or a refused connection is retried with doubling delays, then failed.
 */
export async function deliverDueWebhooks(db: DB, options: WebhookDeliveryOptions): Promise<WebhookPassResult> {
  const claimToken = randomUUID();
  const lease = sql<Date>`now() + ${`${options.timeoutMs + 30_000} milliseconds`}::interval`;
  const claimed = await db
    .updateTable("webhookDeliveries")
    .set({ status: "sending", claimToken, lockedUntil: lease, attempts: sql`attempts + 1`, updatedAt: sql`now()` })
    .where("id", "in", (qb) =>
      qb
        .selectFrom("webhookDeliveries")
        .select("id")
        .where(claimableNow())
        .orderBy("nextAttemptAt")
        .limit(options.batchSize ?? 20)
        .forUpdate()
        .skipLocked(),
    )
    .returning(["id", "endpointId", "payload", "attempts"])
    .execute();
  const result: WebhookPassResult = { delivered: 0, retried: 0, failed: 0 };
  if (claimed.length === 0) return result;
  const endpoints = await db
    .selectFrom("webhookEndpoints")
    .select(["id", "url", "secret"])
    .where(
      "id",
      "in",
      claimed.map((row) => row.endpointId),
    )
    .execute();
  const byId = new Map(endpoints.map((endpoint) => [endpoint.id, endpoint]));

  // Receivers are independent: one slow receiver does not hold up the others.
  await Promise.all(
    claimed.map(async (row) => {
      const endpoint = byId.get(row.endpointId);
      const outcome = endpoint
        ? await post(endpoint, row.id, JSON.stringify(row.payload), options)
        : { ok: false, statusCode: null, error: "The endpoint was removed" };
      const giveUp = !outcome.ok && row.attempts >= options.maxAttempts;
      await db
        .updateTable("webhookDeliveries")
        .set({
          status: outcome.ok ? "delivered" : giveUp ? "failed" : "pending",
          deliveredAt: outcome.ok ? sql`now()` : null,
          lastStatusCode: outcome.statusCode,
          lastError: outcome.error?.slice(0, 1000) ?? null,
          lockedUntil: null,
          claimToken: null,
          nextAttemptAt: sql`now() + ${`${retryDelayMs(row.attempts, options.retryBaseMs)} milliseconds`}::interval`,
          updatedAt: sql`now()`,
        })
        .where("id", "=", row.id)
        .where("claimToken", "=", claimToken)
        .execute();
      result[outcome.ok ? "delivered" : giveUp ? "failed" : "retried"] += 1;
    }),
  );
  return result;
}

/** The headers of one signed attempt (exported for the tests and the demo sink). */
export function signedHeaders(secret: string, messageId: string, body: string, at = new Date()) {
  const signature = new Webhook(secret).sign(messageId, at, body);
  return {
    "webhook-id": messageId,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": signature,
  };
}

async function post(
  endpoint: { url: string; secret: string },
  deliveryId: string,
  body: string,
  options: WebhookDeliveryOptions,
): Promise<{ ok: boolean; statusCode: number | null; error: string | null }> {
  try {
    const response = await fetch(endpoint.url, {
      method: "POST",
      redirect: "manual",
      headers: {
        "Content-Type": "application/json",
        "User-Agent": options.userAgent ?? "OpenWebFellows-Webhooks/1",
        ...signedHeaders(endpoint.secret, `msg_${deliveryId}`, body),
      },
      body,
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    await response.body?.cancel().catch(() => {});
    if (response.ok) return { ok: true, statusCode: response.status, error: null };
    return { ok: false, statusCode: response.status, error: `The receiver answered ${response.status}` };
  } catch (error) {
    const message =
      error instanceof Error && error.name === "TimeoutError"
        ? `No answer within ${options.timeoutMs} ms`
        : error instanceof Error
          ? error.cause instanceof Error
            ? error.cause.message
            : error.message
          : String(error);
    return { ok: false, statusCode: null, error: message };
  }
}

export function startWebhookWorker(
  db: DB,
  options: WebhookDeliveryOptions & { pollMs: number; onError: (error: unknown) => void },
): RepeatingTask {
  return startRepeating(() => deliverDueWebhooks(db, options), { everyMs: options.pollMs, onError: options.onError });
}
