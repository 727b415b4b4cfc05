import nodemailer from "nodemailer";
import type { EmailAttachment } from "#db/types";
import type { MailTransport } from "./delivery.server";

/**
 * A calendar invitation goes as nodemailer's `icalEvent`: a `text/calendar; method=…` alternative
 * that mail clients show as an invitation with accept/decline, plus the same file attached.
 * Anything else is a plain attachment.
 */
function mailParts(attachments: EmailAttachment[] = []) {
  const calendar = attachments.find((file) => file.contentType.startsWith("text/calendar"));
  const method = calendar ? /method=([A-Z]+)/i.exec(calendar.contentType)?.[1] : undefined;
  return {
    icalEvent: calendar
      ? { filename: calendar.filename, method: method ?? "PUBLISH", content: calendar.content }
      : undefined,
    attachments: attachments
      .filter((file) => file !== calendar)
      .map((file) => ({ filename: file.filename, contentType: file.contentType, content: file.content })),
  };
}

/**
 * Sends over SMTP with nodemailer; `smtpUrl` is e.g. smtp://user:pass@host:587. Each wait
 * (connecting, the greeting, any reply) is bounded by `timeoutMs`, which nodemailer otherwise
 * sets to minutes, longer than the outbox lease.
 */
export function createSmtpTransport(smtpUrl: string, { timeoutMs = 30_000 } = {}): MailTransport {
  const transporter = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
  return {
    async send(message) {
      await transporter.sendMail({
        from: message.from,
        to: message.to,
        subject: message.subject,
        html: message.html,
        text: message.text,
        messageId: message.messageId,
        ...mailParts(message.attachments),
      });
    },
    close: () => transporter.close(),
  };
}
