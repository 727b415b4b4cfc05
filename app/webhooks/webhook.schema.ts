import { z } from "zod";
import { msg } from "~/i18n/message";
import { WEBHOOK_EVENTS } from "./webhook-events";

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** https, or plain http to this machine only (a local receiver while developing, the demo's sink). */
export function isAllowedWebhookUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  return url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname));
}

export const WebhookEndpointSchema = z.object({
  intent: z.literal("add-endpoint"),
  url: z
    .string({ error: msg("schemas.webhooks.enterUrl") })
    .trim()
    .max(2000, msg("forms.errors.maxChars", { count: 2000 }))
    .refine(isAllowedWebhookUrl, msg("schemas.webhooks.httpsOnly")),
  description: z
    .string()
    .trim()
    .max(200, msg("forms.errors.maxChars", { count: 200 }))
    .optional()
    .default(""),
  events: z
    .array(z.enum(WEBHOOK_EVENTS, { error: msg("schemas.errors.chooseFromList") }), {
      error: msg("schemas.webhooks.chooseEvent"),
    })
    .min(1, msg("schemas.webhooks.chooseEvent")),
});
export type WebhookEndpointInput = z.output<typeof WebhookEndpointSchema>;

export const WebhookActionSchema = z.discriminatedUnion(
  "intent",
  [
    WebhookEndpointSchema,
    z.object({ intent: z.literal("resend"), deliveryId: z.uuid(msg("schemas.webhooks.chooseDelivery")) }),
    z.object({
      intent: z.literal("set-active"),
      endpointId: z.uuid(msg("schemas.webhooks.chooseEndpoint")),
      active: z.enum(["true", "false"]),
    }),
    z.object({ intent: z.literal("delete-endpoint"), endpointId: z.uuid(msg("schemas.webhooks.chooseEndpoint")) }),
  ],
  { error: msg("forms.errors.unknownAction") },
);
