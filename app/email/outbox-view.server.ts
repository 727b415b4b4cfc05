import type { DB } from "#db/client";
import type { OutboxStatus } from "./outbox-status";

export const OUTBOX_PAGE_SIZE = 50;

/**
 * Messages whose body lets the reader act as the recipient (sign-up and reset codes, signed
 * links). Staff read those only on the demo database without SMTP (where nothing else would
 * deliver them); anywhere else they see that such a message went out, not its body.
 */
const SENSITIVE_TEMPLATES = new Set([
  "verification-code",
  "reset-code",
  "sign-in-code",
  "staff-invitation",
  "reviewer-invitation",
  "partner-invitation",
]);

export function bodyVisibleToStaff(
  template: string,
  config: { smtpUrl: string | undefined; demoDatabase: boolean },
): boolean {
  return !SENSITIVE_TEMPLATES.has(template) || (!config.smtpUrl && config.demoDatabase);
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
