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

export const WEBHOOK_EVENT_LABELS: Record<WebhookEvent, string> = {
  "application.submitted": "An application is submitted",
  "application.withdrawn": "An application is withdrawn",
  "decisions.released": "A cycle's decisions are released",
  "match.published": "A cycle's matching is published",
  "placement.answered": "A finalist accepts or declines a placement",
  "campaign_assignment.answered": "An ally accepts or declines a campaign",
  "ally.joined": "An ally joins the network",
};

export const WEBHOOK_DELIVERY_STATUS_LABELS = {
  pending: "Waiting",
  sending: "Sending",
  delivered: "Delivered",
  failed: "Failed",
} as const;
