import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { deliverDueEmails, startOutboxWorker } from "~/email/delivery.server";
import { enqueueEmail } from "~/email/outbox.server";
import { createSmtpTransport } from "~/email/smtp.server";
import { describeDb, uniqueEmail } from "../support/db";
import { sql } from "kysely";
import { TestSmtpServer } from "../support/smtp";

const smtp = new TestSmtpServer();
beforeAll(() => smtp.start());
afterAll(() => smtp.stop());

const options = { from: "Fellows <fellows@example.org>", maxAttempts: 3, baseDelayMs: 0 };

describeDb("email outbox", (t) => {
  async function queue(to = uniqueEmail(), key = randomUUID()) {
    return enqueueEmail(t.db, {
      to,
      template: "existing-account",
      props: { name: "Grace", loginUrl: "http://x/login", resetUrl: "http://x/forgot-password" },
      idempotencyKey: key,
    });
  }

  it("keeps one message per idempotency key", async () => {
    const to = uniqueEmail();
    const key = randomUUID();
    expect(await queue(to, key)).toBe(true);
    expect(await queue(to, key)).toBe(false);
    const rows = await t.db.selectFrom("emailOutbox").select("id").where("recipient", "=", to).execute();
    expect(rows).toHaveLength(1);
  });

  it("delivers over SMTP and marks the message sent", async () => {
    const to = uniqueEmail();
    await queue(to);
    const transport = createSmtpTransport(smtp.url);
    await deliverDueEmails(t.db, transport, options);
    transport.close?.();
    const received = smtp.messagesTo(to);
    expect(received).toHaveLength(1);
    expect(received[0]!.subject).toBe("You already have an Open Web Fellows account");
    expect(received[0]!.text).toContain("Hello Grace");
    const row = await t.db
      .selectFrom("emailOutbox")
      .select(["status", "sentAt"])
      .where("recipient", "=", to)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe("sent");
    expect(row.sentAt).toBeInstanceOf(Date);
  });

  it("keeps messages while the SMTP server is down and delivers each exactly once when it returns", async () => {
    const recipients = [uniqueEmail(), uniqueEmail()];
    for (const to of recipients) await queue(to);
    await smtp.stop();
    try {
      const transport = createSmtpTransport(smtp.url);
      const down = await deliverDueEmails(t.db, transport, options);
      transport.close?.();
      expect(down.sent).toBe(0);
      expect(down.retried).toBeGreaterThanOrEqual(2);
      const waiting = await t.db
        .selectFrom("emailOutbox")
        .select(["status", "attempts", "lastError"])
        .where("recipient", "in", recipients)
        .execute();
      expect(waiting.map((row) => row.status)).toEqual(["pending", "pending"]);
      expect(waiting.every((row) => row.attempts === 1 && row.lastError)).toBe(true);
    } finally {
      await smtp.start();
    }
    const transport = createSmtpTransport(smtp.url);
    await deliverDueEmails(t.db, transport, options);
    await deliverDueEmails(t.db, transport, options);
    transport.close?.();
    for (const to of recipients) expect(smtp.messagesTo(to)).toHaveLength(1);
  });

  it("gives up after the last attempt and marks the message failed", async () => {
    const to = uniqueEmail();
    await queue(to);
    const failing = {
      send: vi.fn(async (_message: { to: string }) => Promise.reject(new Error("mailbox unavailable"))),
    };
    for (let i = 0; i < 3; i++) await deliverDueEmails(t.db, failing, options);
    const row = await t.db
      .selectFrom("emailOutbox")
      .select(["status", "attempts", "lastError"])
      .where("recipient", "=", to)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: "failed", attempts: 3, lastError: "mailbox unavailable" });
    await deliverDueEmails(t.db, failing, options);
    const calls = failing.send.mock.calls.filter(([message]) => message.to === to);
    expect(calls).toHaveLength(3);
  });

  it("never hands one message to two workers at once", async () => {
    const recipients = Array.from({ length: 12 }, () => uniqueEmail("burst"));
    for (const to of recipients) await queue(to);
    const seen: string[] = [];
    const slow = {
      send: async (message: { to: string }) => {
        seen.push(message.to);
        await new Promise((resolve) => setTimeout(resolve, 5));
      },
    };
    await Promise.all([
      deliverDueEmails(t.db, slow, options),
      deliverDueEmails(t.db, slow, options),
      deliverDueEmails(t.db, slow, options),
    ]);
    const mine = seen.filter((to) => recipients.includes(to));
    expect(mine.sort()).toEqual([...recipients].sort());
  });

  it("the worker started with the server delivers what is queued", async () => {
    const to = uniqueEmail();
    const worker = startOutboxWorker(t.db, createSmtpTransport(smtp.url), { ...options, pollMs: 50 });
    try {
      await queue(to);
      await vi.waitFor(() => expect(smtp.messagesTo(to)).toHaveLength(1), { timeout: 5000, interval: 50 });
    } finally {
      await worker.stop();
    }
  });

  it("two workers with slow SMTP deliver every message once: the lease is renewed per message, only its holder marks it sent", async () => {
    const slowSmtp = new TestSmtpServer({ delayMs: 200 });
    await slowSmtp.start();
    try {
      const recipients = Array.from({ length: 10 }, () => uniqueEmail("slow"));
      for (const to of recipients) await queue(to);
      const mine = { ...options, batchSize: 50, leaseMs: 1600, sendTimeoutMs: 1500 };
      const first = createSmtpTransport(slowSmtp.url);
      const second = createSmtpTransport(slowSmtp.url);
      // The second worker comes by when the first one's claim on the rest of its batch has run out.
      const [byFirst] = await Promise.all([
        deliverDueEmails(t.db, first, mine),
        new Promise((resolve) => setTimeout(resolve, 1700)).then(() => deliverDueEmails(t.db, second, mine)),
      ]);
      // The first worker's claim on what it had not reached yet ran out, and the second took those.
      expect(byFirst.lost).toBeGreaterThan(0);
      for (let pass = 0; pass < 3; pass++) await deliverDueEmails(t.db, second, mine);
      first.close?.();
      second.close?.();
      for (const to of recipients) expect(slowSmtp.messagesTo(to), to).toHaveLength(1);
      expect(slowSmtp.duplicateMessageIds()).toEqual([]);
      const rows = await t.db.selectFrom("emailOutbox").select("status").where("recipient", "in", recipients).execute();
      expect(rows.map((row) => row.status)).toEqual(Array(10).fill("sent"));
    } finally {
      await slowSmtp.stop();
    }
  });

  it("a worker asked to stop finishes the message it is sending and hands the rest back at once", async () => {
    const slowSmtp = new TestSmtpServer({ delayMs: 300 });
    await slowSmtp.start();
    const recipients = Array.from({ length: 5 }, () => uniqueEmail("stopping"));
    for (const to of recipients) await queue(to);
    const worker = startOutboxWorker(t.db, createSmtpTransport(slowSmtp.url), { ...options, pollMs: 50 });
    try {
      await vi.waitFor(() => expect(slowSmtp.messages.length).toBeGreaterThan(0), { timeout: 5000, interval: 20 });
      await worker.stop();
      const delivered = recipients.filter((to) => slowSmtp.messagesTo(to).length > 0);
      expect(delivered.length).toBeLessThanOrEqual(2);
      const rows = await t.db
        .selectFrom("emailOutbox")
        .select(["recipient", "status", "attempts"])
        .where("recipient", "in", recipients)
        .execute();
      for (const row of rows) {
        if (delivered.includes(row.recipient)) expect(row.status).toBe("sent");
        else expect(row).toMatchObject({ status: "pending", attempts: 0 });
      }
    } finally {
      await worker.stop();
      await slowSmtp.stop();
    }
  });

  it("leaves a message alone until it is due", async () => {
    const to = uniqueEmail("later");
    await queue(to);
    await t.db
      .updateTable("emailOutbox")
      .set({ nextAttemptAt: sql`now() + interval '1 hour'` })
      .where("recipient", "=", to)
      .execute();
    const transport = createSmtpTransport(smtp.url);
    await deliverDueEmails(t.db, transport, options);
    transport.close?.();
    expect(smtp.messagesTo(to)).toEqual([]);
    const row = await t.db
      .selectFrom("emailOutbox")
      .select(["status", "attempts"])
      .where("recipient", "=", to)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: "pending", attempts: 0 });
  });

  it("sends again with the same Message-ID when the server dropped the connection after DATA (at least once)", async () => {
    const dropping = new TestSmtpServer({ dropAfterData: 1 });
    await dropping.start();
    try {
      const to = uniqueEmail("dropped");
      await queue(to);
      const transport = createSmtpTransport(dropping.url);
      expect(await deliverDueEmails(t.db, transport, options)).toMatchObject({ sent: 0, retried: 1 });
      expect(await deliverDueEmails(t.db, transport, options)).toMatchObject({ sent: 1 });
      transport.close?.();
      const received = dropping.messagesTo(to);
      expect(received).toHaveLength(2);
      expect(received[0]!.messageId).toMatch(/^<[0-9a-f-]{36}@/);
      expect(received[1]!.messageId).toBe(received[0]!.messageId);
    } finally {
      await dropping.stop();
    }
  });
});
