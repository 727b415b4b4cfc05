import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import type { DB } from "#db/client";
import { isDatabaseUnavailable } from "#db/connection-errors";
import type { EmailAttachment } from "#db/types";
import { claimableNow } from "~/utils/claimable.server";

export interface MailMessage {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Stable per outbox row, so a receiver can drop a duplicate if a crash made us resend. */
  messageId: string;
  attachments?: EmailAttachment[] | undefined;
}

export interface MailTransport {
  send(message: MailMessage): Promise<void>;
  close?(): void;
}

export interface DeliveryOptions {
  from: string;
  maxAttempts: number;
  /** First retry delay; each further attempt doubles it. */
  baseDelayMs?: number;
  batchSize?: number;
  /** The longest one message may take to send (default 30 s); past it the attempt counts as failed. */
  sendTimeoutMs?: number;
  /**
   * How long a claimed message stays ours before another worker may take it over (default: the
   * send timeout plus 30 s). Renewed just before each message is sent, and always longer than a
   * send may take, so no message is taken over while it is being sent.
   */
  leaseMs?: number;
  messageIdDomain?: string;
  /** Asked before each message; once true, the rest of the batch is handed back unsent. */
  stopRequested?: () => boolean;
}

export interface DeliveryResult {
  sent: number;
  retried: number;
  failed: number;
  /** Claimed, then taken over by another worker after our lease ran out: not sent by us. */
  lost: number;
}

/** The delay before attempt `attempts + 1`, doubling from the base, capped at six hours. */
export function retryDelayMs(attempts: number, baseDelayMs = 30_000): number {
  return Math.min(baseDelayMs * 2 ** Math.max(0, attempts - 1), 6 * 60 * 60 * 1000);
}

function leaseTimes(options: DeliveryOptions) {
  const sendTimeoutMs = options.sendTimeoutMs ?? 30_000;
  const leaseMs = options.leaseMs ?? sendTimeoutMs + 30_000;
  if (leaseMs <= sendTimeoutMs) throw new Error("The outbox lease must be longer than the SMTP send timeout");
  return { sendTimeoutMs, lease: sql<Date>`now() + ${`${leaseMs} milliseconds`}::interval` };
}

/**
 * Claims due messages with `FOR UPDATE SKIP LOCKED` (several workers never take the same row at
 * once) under a claim token, and sends them one by one. A claim is a lease: before each message
 * the lease is renewed, and every write after the claim names the token, so a worker whose
 * lease ran out (it stalled, or died) cannot send or mark a message another worker took over.
 * Messages not due yet (`next_attempt_at` in the future) are never claimed.
 *
 * Delivery is at least once: when SMTP fails after the server may already have taken the
 * message (a connection dropped after DATA, a send past its timeout), the message is sent again
 * later, with the same Message-ID so that the receiver can tell.
 */
export async function deliverDueEmails(
  db: DB,
  transport: MailTransport,
  options: DeliveryOptions,
): Promise<DeliveryResult> {
  const { sendTimeoutMs, lease } = leaseTimes(options);
  const claimToken = randomUUID();
  const claimed = await db
    .updateTable("emailOutbox")
    .set({ status: "sending", claimToken, lockedUntil: lease, updatedAt: sql`now()` })
    .where("id", "in", (qb) =>
      qb
        .selectFrom("emailOutbox")
        .select("id")
        .where(claimableNow())
        .orderBy("nextAttemptAt")
        .limit(options.batchSize ?? 20)
        .forUpdate()
        .skipLocked(),
    )
    .returning(["id", "recipient", "subject", "html", "text", "attachments"])
    .execute();

  const result: DeliveryResult = { sent: 0, retried: 0, failed: 0, lost: 0 };
  for (const row of claimed) {
    if (options.stopRequested?.()) break;
    const renewed = await db
      .updateTable("emailOutbox")
      .set({ lockedUntil: lease, attempts: sql`attempts + 1`, updatedAt: sql`now()` })
      .where("id", "=", row.id)
      .where("claimToken", "=", claimToken)
      .where("status", "=", "sending")
      .returning("attempts")
      .executeTakeFirst();
    if (!renewed) {
      result.lost += 1;
      continue;
    }
    const message: MailMessage = {
      from: options.from,
      to: row.recipient,
      subject: row.subject,
      html: row.html,
      text: row.text,
      attachments: row.attachments ?? undefined,
      messageId: `<${row.id}@${options.messageIdDomain ?? "open-web-fellows.invalid"}>`,
    };
    const outcome = await sendWithin(transport, message, sendTimeoutMs).then(
      () => persistently(() => markSent(db, row.id, claimToken)),
      (error: unknown) => persistently(() => markFailed(db, row.id, claimToken, renewed.attempts, error, options)),
    );
    result[outcome] += 1;
  }
  await handBack(db, claimToken);
  return result;
}

async function sendWithin(transport: MailTransport, message: MailMessage, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`SMTP took longer than ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([transport.send(message), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Records what happened to a message that has left, waiting out a database restart (up to
 * about 20 s): "sent" lost to a restart would send the message again when the lease runs out.
 * Safe to repeat, since the write is fenced by the claim token and sets a final value.
 */
async function persistently<T>(write: () => Promise<T>): Promise<T> {
  for (let delay = 250; ; delay *= 2) {
    try {
      return await write();
    } catch (error) {
      if (!isDatabaseUnavailable(error) || delay > 8_000) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

async function markSent(db: DB, id: string, claimToken: string): Promise<keyof DeliveryResult> {
  const marked = await db
    .updateTable("emailOutbox")
    .set({
      status: "sent",
      sentAt: sql`now()`,
      lockedUntil: null,
      claimToken: null,
      lastError: null,
      updatedAt: sql`now()`,
    })
    .where("id", "=", id)
    .where("claimToken", "=", claimToken)
    .returning("id")
    .executeTakeFirst();
  return marked ? "sent" : "lost";
}

async function markFailed(
  db: DB,
  id: string,
  claimToken: string,
  attempts: number,
  error: unknown,
  options: DeliveryOptions,
): Promise<keyof DeliveryResult> {
  const message = error instanceof Error ? error.message : String(error);
  const giveUp = attempts >= options.maxAttempts;
  const delay = retryDelayMs(attempts, options.baseDelayMs);
  const marked = await db
    .updateTable("emailOutbox")
    .set({
      status: giveUp ? "failed" : "pending",
      lastError: message.slice(0, 1000),
      lockedUntil: null,
      claimToken: null,
      nextAttemptAt: sql`now() + ${`${delay} milliseconds`}::interval`,
      updatedAt: sql`now()`,
    })
    .where("id", "=", id)
    .where("claimToken", "=", claimToken)
    .returning("id")
    .executeTakeFirst();
  if (!marked) return "lost";
  return giveUp ? "failed" : "retried";
}

/** Claimed messages this pass did not try (it was asked to stop) are due again at once, for anyone. */
async function handBack(db: DB, claimToken: string): Promise<void> {
  await db
    .updateTable("emailOutbox")
    .set({ status: "pending", lockedUntil: null, claimToken: null, updatedAt: sql`now()` })
    .where("claimToken", "=", claimToken)
    .where("status", "=", "sending")
    .execute();
}

export interface OutboxWorker {
  /** Stops after the message being sent now (at most the send timeout); the rest stays queued. */
  stop(): Promise<void>;
  /** Runs one delivery pass now (used at shutdown and by tests). */
  runOnce(): Promise<DeliveryResult>;
}

/** Polls the outbox until stopped. One pass at a time; errors are logged and the loop goes on. */
export function startOutboxWorker(
  db: DB,
  transport: MailTransport,
  options: DeliveryOptions & { pollMs: number; onError?: (error: unknown) => void },
): OutboxWorker {
  let stopped = false;
  let running: Promise<DeliveryResult> | undefined;
  let timer: NodeJS.Timeout | undefined;

  const runOnce = () => {
    running ??= deliverDueEmails(db, transport, { ...options, stopRequested: () => stopped }).finally(() => {
      running = undefined;
    });
    return running;
  };
  const tick = async () => {
    try {
      await runOnce();
    } catch (error) {
      options.onError?.(error);
    }
    if (!stopped) timer = setTimeout(tick, options.pollMs);
  };
  timer = setTimeout(tick, 0);

  return {
    runOnce,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running?.catch(() => {});
      transport.close?.();
    },
  };
}
