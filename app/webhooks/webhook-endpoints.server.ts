import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import type { DB } from "#db/client";
import { audit } from "~/audit/audit.server";
import type { WebhookEndpointInput } from "./webhook.schema";

/** A Standard Webhooks secret: `whsec_` and 32 random bytes in base64. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

export async function createEndpoint(db: DB, actorId: string | null, input: Omit<WebhookEndpointInput, "intent">) {
  return db.transaction().execute((trx) => insertEndpoint(trx, actorId, input));
}

/** Adds an endpoint with a new secret, audited, inside the caller's transaction. */
export async function insertEndpoint(trx: DB, actorId: string | null, input: Omit<WebhookEndpointInput, "intent">) {
  const endpoint = await trx
    .insertInto("webhookEndpoints")
    .values({
      url: input.url,
      description: input.description,
      events: input.events,
      secret: newWebhookSecret(),
      createdBy: actorId,
    })
    .returning(["id", "secret"])
    .executeTakeFirstOrThrow();
  await audit(trx, {
    actorId,
    action: "webhook.create",
    subjectType: "webhook_endpoint",
    subjectId: endpoint.id,
    data: { url: input.url, events: input.events },
  });
  return endpoint;
}

export async function setEndpointActive(db: DB, actorId: string, endpointId: string, active: boolean) {
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable("webhookEndpoints")
      .set({ active })
      .where("id", "=", endpointId)
      .executeTakeFirst();
    if (updated.numUpdatedRows === 0n) return false;
    await audit(trx, {
      actorId,
      action: active ? "webhook.enable" : "webhook.disable",
      subjectType: "webhook_endpoint",
      subjectId: endpointId,
    });
    return true;
  });
}

export async function deleteEndpoint(db: DB, actorId: string, endpointId: string) {
  return db.transaction().execute(async (trx) => {
    const deleted = await trx.deleteFrom("webhookEndpoints").where("id", "=", endpointId).executeTakeFirst();
    if (deleted.numDeletedRows === 0n) return false;
    await audit(trx, { actorId, action: "webhook.delete", subjectType: "webhook_endpoint", subjectId: endpointId });
    return true;
  });
}

/** "Send again": the same message (same webhook-id), due now, with a fresh count of attempts. */
export async function resendDelivery(db: DB, actorId: string, deliveryId: string) {
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable("webhookDeliveries")
      .set({ status: "pending", attempts: 0, nextAttemptAt: sql`now()`, updatedAt: sql`now()` })
      .where("id", "=", deliveryId)
      .where("status", "!=", "sending")
      .executeTakeFirst();
    if (updated.numUpdatedRows === 0n) return false;
    await audit(trx, { actorId, action: "webhook.resend", subjectType: "webhook_delivery", subjectId: deliveryId });
    return true;
  });
}

/** Every endpoint with its newest deliveries (the delivery log), for /staff/webhooks. */
export async function listEndpointsWithDeliveries(db: DB, perEndpoint = 10) {
  const endpoints = await db
    .selectFrom("webhookEndpoints")
    .select(["id", "url", "description", "events", "active", "secret", "createdAt"])
    .orderBy("createdAt")
    .execute();
  const ids = endpoints.map((endpoint) => endpoint.id);
  const deliveries = ids.length
    ? await db
        .selectFrom((qb) =>
          qb
            .selectFrom("webhookDeliveries")
            .select([
              "id",
              "endpointId",
              "event",
              "status",
              "attempts",
              "lastStatusCode",
              "lastError",
              "nextAttemptAt",
              "deliveredAt",
              "createdAt",
              sql<number>`row_number() over (partition by endpoint_id order by created_at desc, id)`.as("rank"),
            ])
            .where("endpointId", "in", ids)
            .as("recent"),
        )
        .selectAll()
        .where("recent.rank", "<=", perEndpoint)
        .orderBy("recent.rank")
        .execute()
    : [];
  return endpoints.map((endpoint) => ({
    ...endpoint,
    deliveries: deliveries.filter((delivery) => delivery.endpointId === endpoint.id),
  }));
}
