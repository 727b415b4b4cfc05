/**
 * The states of a booking and when a finalist may change one: pure, so the page (which slots to
 * offer) and the transaction (what to accept) apply the same rules.
 *
 *   (none) ──book──▶ booked ──cancel (finalist before the cut-off, host, program)──▶ cancelled
 *                     │  ▲                                                           │
 *                     └──┘ move (finalist, before the cut-off of both slots)        book again
 */
import { msg } from "~/i18n/message";
export const BOOKING_STATUSES = ["booked", "cancelled"] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

export type BookingRefusal =
  | "not_considered"
  | "not_open"
  | "slot_cancelled"
  | "slot_past"
  | "past_cutoff"
  | "slot_full"
  | "not_booked"
  | "same_slot";

/** Each refusal as a catalog message (`msg`), translated where it is shown. */
export const REFUSAL_MESSAGES: Record<BookingRefusal, string> = {
  not_considered: msg("interviewBookings.refusals.not_considered"),
  not_open: msg("interviewBookings.refusals.not_open"),
  slot_cancelled: msg("interviewBookings.refusals.slot_cancelled"),
  slot_past: msg("interviewBookings.refusals.slot_past"),
  past_cutoff: msg("interviewBookings.refusals.past_cutoff"),
  slot_full: msg("interviewBookings.refusals.slot_full"),
  not_booked: msg("interviewBookings.refusals.not_booked"),
  same_slot: msg("interviewBookings.refusals.same_slot"),
};

export const REFUSAL_STATUS: Record<BookingRefusal, 404 | 409> = {
  not_considered: 404,
  not_open: 409,
  slot_cancelled: 409,
  slot_past: 409,
  past_cutoff: 409,
  slot_full: 409,
  not_booked: 409,
  same_slot: 409,
};

export interface SlotTiming {
  startsAt: Date;
  cancelledAt: Date | null;
}

/**
 * Whether a finalist may still book into, move out of or cancel a slot at `now`: not cancelled,
 * not started, and not within the host's cut-off.
 */
export function changeRefusal(slot: SlotTiming, cutoffHours: number, now: Date): BookingRefusal | null {
  if (slot.cancelledAt) return "slot_cancelled";
  if (slot.startsAt.getTime() <= now.getTime()) return "slot_past";
  if (slot.startsAt.getTime() - cutoffHours * 60 * 60 * 1000 <= now.getTime()) return "past_cutoff";
  return null;
}

/** The lowest seat of a slot no booked finalist holds, or null when it is full. */
export function freeSeat(capacity: number, taken: readonly number[]): number | null {
  const used = new Set(taken);
  for (let seat = 1; seat <= capacity; seat++) if (!used.has(seat)) return seat;
  return null;
}
