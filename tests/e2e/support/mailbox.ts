import { createServer } from "node:http";
import { TestSmtpServer } from "../../support/smtp";

// A real SMTP server the portal delivers to, and a small HTTP API the tests read it through.
const smtp = new TestSmtpServer();
await smtp.start(Number(process.env.E2E_SMTP_PORT));

const http = createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://mailbox");
  if (url.pathname === "/health") {
    res.end("ok");
    return;
  }
  if (url.pathname === "/messages") {
    const to = url.searchParams.get("to");
    res.setHeader("Content-Type", "application/json");
    res.end(JSON.stringify(to ? smtp.messagesTo(to) : smtp.messages));
    return;
  }
  res.statusCode = 404;
  res.end();
});
http.listen(Number(process.env.E2E_MAILBOX_PORT), "127.0.0.1");

const stop = async () => {
  http.close();
  await smtp.stop();
  process.exit(0);
};
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
