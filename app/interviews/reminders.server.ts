import { sql } from "kysely";
import type { DB } from "#db/client";
import type { AppConfig } from "~/utils/config.server";
import { nowExpression, type Clock } from "~/utils/clock.server";
import { remindBooking } from "./notify.server";

/**
 * Reminds both sides of every interview that starts within the next day. Safe to run as often as
 * wanted and from several processes at once: each reminder's idempotency key (booking and start)
 * lets the outbox keep one copy.
 */
export async function sendInterviewReminders(db: DB, config: AppConfig, clock: Clock = {}): Promise<number> {
  const now = nowExpression(clock);
  const due = await db
    .selectFrom("interviewBookings")
    .innerJoin("interviewSlots", "interviewSlots.id", "interviewBookings.slotId")
    .select("interviewBookings.id")
    .where("interviewBookings.status", "=", "booked")
    .where("interviewSlots.cancelledAt", "is", null)
    .where("interviewSlots.startsAt", ">", now)
    .where("interviewSlots.startsAt", "<=", sql<Date>`${now} + interval '1 day'`)
    .execute();
  let sent = 0;
  for (const booking of due) {
    sent += await db.transaction().execute((trx) => remindBooking(trx, config, booking.id));
  }
  return sent;
}
