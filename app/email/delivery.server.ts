import { sql } from "kysely";
import type { DB } from "#db/client";
import type { EmailAttachment, EmailOutboxRow } from "#db/types";

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
  /** How long a claimed message stays ours before another worker may take it over. */
  leaseMs?: number;
  messageIdDomain?: string;
}

export interface DeliveryResult {
  sent: number;
  retried: number;
  failed: number;
}

/** The delay before attempt `attempts + 1`, doubling from the base, capped at six hours. */
export function retryDelayMs(attempts: number, baseDelayMs = 30_000): number {
  return Math.min(baseDelayMs * 2 ** Math.max(0, attempts - 1), 6 * 60 * 60 * 1000);
}

/**
 * Claims due messages with `FOR UPDATE SKIP LOCKED` (several workers never take the same row),
 * sends each, and records the outcome. A claim is a lease: a worker that dies mid-send leaves
 * the row to be picked up again once the lease runs out.
 */
export async function deliverDueEmails(
  db: DB,
  transport: MailTransport,
  options: DeliveryOptions,
): Promise<DeliveryResult> {
  const leaseMs = options.leaseMs ?? 5 * 60_000;
  const claimed = await db
    .updateTable("emailOutbox")
    .set({
      status: "sending",
      attempts: sql`attempts + 1`,
      lockedUntil: sql`now() + ${`${leaseMs} milliseconds`}::interval`,
      updatedAt: sql`now()`,
    })
    .where("id", "in", (qb) =>
      qb
        .selectFrom("emailOutbox")
        .select("id")
        .where((eb) =>
          eb.or([
            eb.and([eb("status", "=", "pending"), eb("nextAttemptAt", "<=", sql<Date>`now()`)]),
            eb.and([eb("status", "=", "sending"), eb("lockedUntil", "<", sql<Date>`now()`)]),
          ]),
        )
        .orderBy("nextAttemptAt")
        .limit(options.batchSize ?? 20)
        .forUpdate()
        .skipLocked(),
    )
    .returningAll()
    .execute();

  const result: DeliveryResult = { sent: 0, retried: 0, failed: 0 };
  for (const row of claimed) {
    const outcome = await deliverOne(db, transport, row, options);
    result[outcome] += 1;
  }
  return result;
}

async function deliverOne(
  db: DB,
  transport: MailTransport,
  row: EmailOutboxRow,
  options: DeliveryOptions,
): Promise<keyof DeliveryResult> {
  try {
    await transport.send({
      from: options.from,
      to: row.recipient,
      subject: row.subject,
      html: row.html,
      text: row.text,
      attachments: row.attachments ?? undefined,
      messageId: `<${row.id}@${options.messageIdDomain ?? "open-web-fellows.invalid"}>`,
    });
    await db
      .updateTable("emailOutbox")
      .set({ status: "sent", sentAt: sql`now()`, lockedUntil: null, lastError: null, updatedAt: sql`now()` })
      .where("id", "=", row.id)
      .execute();
    return "sent";
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const giveUp = row.attempts >= options.maxAttempts;
    const delay = retryDelayMs(row.attempts, options.baseDelayMs);
    await db
      .updateTable("emailOutbox")
      .set({
        status: giveUp ? "failed" : "pending",
        lastError: message.slice(0, 1000),
        lockedUntil: null,
        nextAttemptAt: sql`now() + ${`${delay} milliseconds`}::interval`,
        updatedAt: sql`now()`,
      })
      .where("id", "=", row.id)
      .execute();
    return giveUp ? "failed" : "retried";
  }
}

export interface OutboxWorker {
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
    running ??= deliverDueEmails(db, transport, options).finally(() => {
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
