import { randomUUID } from "node:crypto";
import { sql, type Kysely } from "kysely";
import type { Database } from "#db/types";
import type { WebhookEvent } from "./webhook-events";

/**
 * Queues an event for every active endpoint that subscribed to it. Call it with the transaction
 * of the change, like enqueueEmail: the delivery exists exactly when the change does, and
 * sending happens later in the webhook worker, so no request ever waits for a receiver.
 * The payload follows the Standard Webhooks shape: `{ type, timestamp, data }`.
 */
export async function enqueueWebhook(
  trx: Kysely<Database>,
  event: WebhookEvent,
  data: Record<string, unknown>,
): Promise<number> {
  const payload = JSON.stringify({ type: event, timestamp: new Date().toISOString(), data, eventId: randomUUID() });
  const inserted = await trx
    .insertInto("webhookDeliveries")
    .columns(["endpointId", "event", "payload"])
    .expression((eb) =>
      eb
        .selectFrom("webhookEndpoints")
        .select(["id", sql.lit(event).as("event"), sql`${payload}::jsonb`.as("payload")])
        .where("active", "=", true)
        .where(sql<boolean>`${event} = any(events)`),
    )
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0n);
}
