import nodemailer from "nodemailer";
import type { MailTransport } from "./delivery.server";

/** Sends over SMTP with nodemailer; `smtpUrl` is e.g. smtp://user:pass@host:587. */
export function createSmtpTransport(smtpUrl: string): MailTransport {
  const transporter = nodemailer.createTransport(smtpUrl);
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
