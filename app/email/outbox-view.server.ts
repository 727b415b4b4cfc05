import type { DB } from "#db/client";
import { SENSITIVE_TEMPLATES, type EmailTemplateName } from "#emails/index";
import type { OutboxStatus } from "./outbox-status";

export const OUTBOX_PAGE_SIZE = 50;

/**
 * Whether staff may read a message's body. Never for a message that holds a code or a token link
 * (`SENSITIVE_TEMPLATES`), whatever the mode: a link works for whoever holds it. On the demo the
 * outbox logger prints such messages to the server log, which is where a demo sign-up code is read.
 */
export function bodyVisibleToStaff(template: string): boolean {
  return !SENSITIVE_TEMPLATES.has(template as EmailTemplateName);
}

export async function listOutbox(db: DB, { status, page }: { status?: OutboxStatus | undefined; page: number }) {
  let query = db
    .selectFrom("emailOutbox")
    .select(["id", "recipient", "template", "subject", "status", "attempts", "createdAt", "sentAt", "lastError"]);
  if (status) query = query.where("status", "=", status);
  const rows = await query
    .orderBy("createdAt", "desc")
    .orderBy("id")
    .limit(OUTBOX_PAGE_SIZE + 1)
    .offset((page - 1) * OUTBOX_PAGE_SIZE)
    .execute();
  return { messages: rows.slice(0, OUTBOX_PAGE_SIZE), hasMore: rows.length > OUTBOX_PAGE_SIZE };
}

export async function getOutboxMessage(db: DB, id: string) {
  return db
    .selectFrom("emailOutbox")
    .select([
      "id",
      "recipient",
      "template",
      "subject",
      "status",
      "attempts",
      "createdAt",
      "sentAt",
      "lastError",
      "nextAttemptAt",
      "text",
      "html",
    ])
    .where("id", "=", id)
    .executeTakeFirst();
}
