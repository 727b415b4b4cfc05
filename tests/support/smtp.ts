import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface ReceivedEmail {
  to: string[];
  subject: string;
  text: string;
  html: string;
  messageId: string | undefined;
  /** Attached files as text (calendar invitations), with their content type as sent. */
  attachments: { filename: string | undefined; contentType: string; content: string }[];
}

export interface SmtpBehaviour {
  /** How long the server takes to accept each message (a slow provider). */
  delayMs?: number;
  /** How many of the next messages it keeps and then drops the connection without a reply. */
  dropAfterData?: number;
}

/** A real SMTP server on loopback that keeps what it receives. It can be stopped and started again. */
export class TestSmtpServer {
  readonly messages: ReceivedEmail[] = [];
  private server: SMTPServer | undefined;
  port = 0;

  constructor(readonly behaviour: SmtpBehaviour = {}) {}

  /** The connection a session belongs to (smtp-server keeps them in a set), to drop it. */
  private dropConnectionOf(session: unknown) {
    const connections = (
      this.server as unknown as { connections: Set<{ session: unknown; _socket: { destroy(): void } }> }
    ).connections;
    for (const connection of connections) if (connection.session === session) connection._socket.destroy();
  }

  async start(port = this.port): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      onData: (stream, session, callback) => {
        simpleParser(stream)
          .then(async (mail: ParsedMail) => {
            const to = (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).flatMap((a) =>
              a.value.map((v) => v.address ?? ""),
            );
            this.messages.push({
              to,
              subject: mail.subject ?? "",
              text: mail.text ?? "",
              html: typeof mail.html === "string" ? mail.html : "",
              messageId: mail.messageId,
              attachments: mail.attachments.map((file) => ({
                filename: file.filename,
                contentType: file.contentType,
                content: file.content.toString("utf8"),
              })),
            });
            if (this.behaviour.delayMs) await new Promise((resolve) => setTimeout(resolve, this.behaviour.delayMs));
            if (this.behaviour.dropAfterData) {
              this.behaviour.dropAfterData -= 1;
              this.dropConnectionOf(session);
              return;
            }
            callback();
          })
          .catch(callback);
      },
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once("error", reject);
      this.server!.listen(port, "127.0.0.1", () => resolve());
    });
    this.port = (this.server.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Message-IDs that arrived more than once (a receiver that deduplicates would keep one). */
  duplicateMessageIds(): string[] {
    const seen = new Map<string, number>();
    for (const message of this.messages)
      if (message.messageId) seen.set(message.messageId, (seen.get(message.messageId) ?? 0) + 1);
    return [...seen].filter(([, count]) => count > 1).map(([id]) => id);
  }

  messagesTo(address: string): ReceivedEmail[] {
    return this.messages.filter((message) => message.to.some((to) => to.toLowerCase() === address.toLowerCase()));
  }
}

/** The six-digit code in a message's text. */
export function codeIn(text: string): string {
  const match = /\b(\d{6})\b/.exec(text);
  if (!match) throw new Error(`no code in: ${text}`);
  return match[1]!;
}
