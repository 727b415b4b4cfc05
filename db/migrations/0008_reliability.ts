import type { Kysely } from "kysely";

// Frozen in time: never edit once landed, never import app code.
export async function up(db: Kysely<any>): Promise<void> {
  // Who holds a claimed message: set at each claim, checked by every later write of that worker
  // (lease renewal, "sent", "failed"), so a worker whose lease ran out can no longer mark a
  // message another worker has taken over.
  await db.schema.alterTable("email_outbox").addColumn("claim_token", "uuid").execute();
}
