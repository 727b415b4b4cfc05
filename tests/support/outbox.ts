import type { DB } from "#db/client";

/** The newest message queued for an address (what the recipient would read next). */
export async function latestEmailTo(db: DB, recipient: string) {
  return db
    .selectFrom("emailOutbox")
    .select(["id", "template", "subject", "text", "status", "attempts", "idempotencyKey"])
    .where("recipient", "=", recipient)
    .orderBy("createdAt", "desc")
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
}

export async function emailsTo(db: DB, recipient: string) {
  return db
    .selectFrom("emailOutbox")
    .select(["id", "template", "status", "text"])
    .where("recipient", "=", recipient)
    .execute();
}
