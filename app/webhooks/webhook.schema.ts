import { z } from "zod";
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
    .string({ error: "Enter the receiver's address" })
    .trim()
    .max(2000, "Use at most 2000 characters")
    .refine(isAllowedWebhookUrl, "Use an https:// address (plain http only to localhost)"),
  description: z.string().trim().max(200, "Use at most 200 characters").optional().default(""),
  events: z
    .array(z.enum(WEBHOOK_EVENTS, { error: "Choose from the list" }), { error: "Choose at least one event" })
    .min(1, "Choose at least one event"),
});
export type WebhookEndpointInput = z.output<typeof WebhookEndpointSchema>;

export const WebhookActionSchema = z.discriminatedUnion(
  "intent",
  [
    WebhookEndpointSchema,
    z.object({ intent: z.literal("resend"), deliveryId: z.uuid("Choose a delivery") }),
    z.object({
      intent: z.literal("set-active"),
      endpointId: z.uuid("Choose an endpoint"),
      active: z.enum(["true", "false"]),
    }),
    z.object({ intent: z.literal("delete-endpoint"), endpointId: z.uuid("Choose an endpoint") }),
  ],
  { error: "That form action is not known." },
);
