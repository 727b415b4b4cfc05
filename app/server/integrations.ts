import type { DB } from "#db/client";
import type { AppConfig } from "~/utils/config.server";
import { startWebhookWorker } from "~/webhooks/webhook-delivery.server";

/** The background work of issue 16's integrations: the webhook worker (sends what the outbox holds). */
export function startIntegrations(db: DB, config: AppConfig): { stop(): Promise<void> } {
  const webhooks = startWebhookWorker(db, {
    ...config.integrations.webhooks,
    onError: (error) => console.error("Webhook delivery pass failed:", error),
  });
  return { stop: () => webhooks.stop() };
}
