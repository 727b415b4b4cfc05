import { sql } from "kysely";
import { Webhook } from "standardwebhooks";
import type { DB } from "#db/client";
import { insertEndpoint } from "./webhook-endpoints.server";
import { WEBHOOK_EVENTS } from "./webhook-events";

/**
 * The demo's webhook receiver: the portal itself, at an address that answers only on a demo
 * database. It checks each delivery's Standard Webhooks signature with the endpoint's secret, so
 * someone trying the demo sees real signed deliveries succeed in `/staff/webhooks` without running
 * a receiver of their own.
 */
export const DEMO_SINK_PATH = "/demo/webhook-sink";

export function demoSinkUrl(appUrl: URL): string {
  return new URL(DEMO_SINK_PATH, appUrl).toString();
}

/**
 * Registers the sink for every event, once per public address (a demo started on another port
 * gets its own); instances starting together take turns under a transaction-scoped lock.
 */
export async function ensureDemoWebhookSink(db: DB, appUrl: URL): Promise<void> {
  const url = demoSinkUrl(appUrl);
  await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext('owf:demo-webhook-sink'))`.execute(trx);
    const existing = await trx.selectFrom("webhookEndpoints").select("id").where("url", "=", url).executeTakeFirst();
    if (existing) return;
    await insertEndpoint(trx, null, {
      url,
      description: "Demo sink: the portal receives its own events and checks their signatures",
      events: [...WEBHOOK_EVENTS],
    });
  });
}

/** Whether a delivery to the sink carries a valid, fresh signature by the sink endpoint's secret. */
export async function isSignedForDemoSink(
  db: DB,
  appUrl: URL,
  body: string,
  headers: Record<string, string>,
): Promise<boolean> {
  const endpoint = await db
    .selectFrom("webhookEndpoints")
    .select("secret")
    .where("url", "=", demoSinkUrl(appUrl))
    .executeTakeFirst();
  if (!endpoint) return false;
  try {
    new Webhook(endpoint.secret).verify(body, headers);
    return true;
  } catch {
    return false;
  }
}
