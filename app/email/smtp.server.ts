import nodemailer from "nodemailer";
import type { MailTransport } from "./delivery.server";

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
      });
    },
    close: () => transporter.close(),
  };
}
