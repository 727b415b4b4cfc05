import type { MessageKey } from "~/i18n/message";

export const OUTBOX_STATUSES = ["pending", "sending", "sent", "failed"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** What a status reads on the staff's email pages, in the page's language. */
export const OUTBOX_STATUS_KEYS: Record<OutboxStatus, MessageKey> = {
  pending: "staff.emails.statuses.pending",
  sending: "staff.emails.statuses.sending",
  sent: "staff.emails.statuses.sent",
  failed: "staff.emails.statuses.failed",
};
