import type { MessageKey } from "~/i18n/message";

/** The events an endpoint can subscribe to (issue 16 §4). */
export const WEBHOOK_EVENTS = [
  "application.submitted",
  "application.withdrawn",
  "decisions.released",
  "match.published",
  "placement.answered",
  "campaign_assignment.answered",
  "ally.joined",
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** What each event means, as catalog keys (the staff's webhook page shows them in its language). */
export const WEBHOOK_EVENT_KEYS: Record<WebhookEvent, MessageKey> = {
  "application.submitted": "staff.webhooks.events.applicationSubmitted",
  "application.withdrawn": "staff.webhooks.events.applicationWithdrawn",
  "decisions.released": "staff.webhooks.events.decisionsReleased",
  "match.published": "staff.webhooks.events.matchPublished",
  "placement.answered": "staff.webhooks.events.placementAnswered",
  "campaign_assignment.answered": "staff.webhooks.events.campaignAnswered",
  "ally.joined": "staff.webhooks.events.allyJoined",
};

export const WEBHOOK_DELIVERY_STATUS_KEYS = {
  pending: "staff.webhooks.statuses.pending",
  sending: "staff.webhooks.statuses.sending",
  delivered: "staff.webhooks.statuses.delivered",
  failed: "staff.webhooks.statuses.failed",
} as const satisfies Record<string, MessageKey>;
