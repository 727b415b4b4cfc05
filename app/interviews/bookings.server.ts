import { sql, type Kysely } from "kysely";
import type { DB } from "#db/client";
import type { Database } from "#db/types";
import { audit } from "~/audit/audit.server";
import type { AppConfig } from "~/utils/config.server";
import { nowExpression, type Clock } from "~/utils/clock.server";
import { changeRefusal, freeSeat, REFUSAL_MESSAGES, REFUSAL_STATUS, type BookingRefusal } from "./booking-rules";
import { notifyBookingChange } from "./notify.server";

/**
 * The one module that changes interview bookings (and cancels slots, which cancels bookings).
 * Every change locks what can race in one order — the finalist's application, then slots by id,
 * then booking rows — checks the rules of booking-rules.ts against the database clock, bumps the
 * booking's calendar sequence, audits, and queues both sides' calendar emails in the same
 * transaction.
 */

export type BookingWrite =
  | { ok: true; bookingId: string; change: "booked" | "moved" | "unchanged" }
  | { ok: false; status: 404 | 409; reason: BookingRefusal; message: string };

export type CancelWrite =
  { ok: true; changed: boolean } | { ok: false; status: 404 | 409; reason: BookingRefusal; message: string };

function refuse(reason: BookingRefusal): { ok: false; status: 404 | 409; reason: BookingRefusal; message: string } {
  return { ok: false, status: REFUSAL_STATUS[reason], reason, message: REFUSAL_MESSAGES[reason] };
}

async function databaseNow(trx: Kysely<Database>, clock: Clock): Promise<Date> {
  const row = await sql<{ now: Date }>`select ${nowExpression(clock)} as now`.execute(trx);
  return new Date(row.rows[0]!.now);
}

/** Slots of one position, locked in id order; with the position's cut-off and whether its cycle still interviews. */
async function lockSlots(trx: Kysely<Database>, slotIds: string[]) {
  const ids = [...new Set(slotIds)].sort();
  return trx
    .selectFrom("interviewSlots")
    .innerJoin("positions", "positions.id", "interviewSlots.positionId")
    .innerJoin("cycles", "cycles.id", "positions.cycleId")
    .select([
      "interviewSlots.id",
      "interviewSlots.positionId",
      "interviewSlots.startsAt",
      "interviewSlots.capacity",
      "interviewSlots.cancelledAt",
      "positions.cycleId",
      "positions.interviewCutoffHours",
      sql<boolean>`cycles.status in ('reviewing', 'matching')
        and not exists (select 1 from match_runs mr where mr.cycle_id = cycles.id and mr.published_at is not null)`.as(
        "interviewing",
      ),
    ])
    .where("interviewSlots.id", "in", ids)
    .orderBy("interviewSlots.id")
    .forUpdate(["interviewSlots"])
    .execute();
}

/** The finalist's application that a position considers, locked (one change per finalist at a time). */
async function lockConsideredApplication(trx: Kysely<Database>, applicantId: string, positionId: string) {
  return trx
    .selectFrom("applications")
    .innerJoin("positionCandidates", "positionCandidates.applicationId", "applications.id")
    .select(["applications.id"])
    .where("applications.applicantId", "=", applicantId)
    .where("applications.status", "=", "finalist")
    .where("positionCandidates.positionId", "=", positionId)
    .forUpdate(["applications"])
    .executeTakeFirst();
}

/**
 * A finalist books a time of a position that considers them, or moves their booking there. Two
 * finalists after the last seat: the slot's row lock makes one wait, and it then finds it full.
 */
export async function bookSlot(
  db: DB,
  config: AppConfig,
  input: { applicantId: string; slotId: string },
  clock: Clock = {},
): Promise<BookingWrite> {
  return db.transaction().execute(async (trx): Promise<BookingWrite> => {
    const target = await trx
      .selectFrom("interviewSlots")
      .select("positionId")
      .where("id", "=", input.slotId)
      .executeTakeFirst();
    if (!target) return refuse("not_considered");
    const application = await lockConsideredApplication(trx, input.applicantId, target.positionId);
    if (!application) return refuse("not_considered");
    const readBooking = () =>
      trx
        .selectFrom("interviewBookings")
        .select(["id", "slotId", "status"])
        .where("positionId", "=", target.positionId)
        .where("applicationId", "=", application.id)
        .executeTakeFirst();
    const before = await readBooking();
    if (before?.status === "booked" && before.slotId === input.slotId)
      return { ok: true, bookingId: before.id, change: "unchanged" };

    const slots = await lockSlots(trx, before ? [input.slotId, before.slotId] : [input.slotId]);
    // Read again under the slot locks: the host may have cancelled the old time meanwhile.
    const existing = await readBooking();
    const moving = existing?.status === "booked";
    const slot = slots.find((row) => row.id === input.slotId)!;
    if (!slot.interviewing) return refuse("not_open");
    const now = await databaseNow(trx, clock);
    const refusal = changeRefusal(slot, slot.interviewCutoffHours, now);
    if (refusal) return refuse(refusal);
    if (moving) {
      const from = slots.find((row) => row.id === existing.slotId)!;
      const leaving = changeRefusal(from, from.interviewCutoffHours, now);
      if (leaving) return refuse(leaving);
    }
    const taken = await trx
      .selectFrom("interviewBookings")
      .select("seat")
      .where("slotId", "=", slot.id)
      .where("status", "=", "booked")
      .execute();
    const seat = freeSeat(
      slot.capacity,
      taken.map((row) => row.seat),
    );
    if (seat === null) return refuse("slot_full");

    let bookingId: string;
    if (existing) {
      await trx
        .updateTable("interviewBookings")
        .set({
          slotId: slot.id,
          seat,
          status: "booked",
          cancelledBy: null,
          sequence: sql`sequence + 1`,
          updatedAt: sql`now()`,
        })
        .where("id", "=", existing.id)
        .execute();
      bookingId = existing.id;
    } else {
      const inserted = await trx
        .insertInto("interviewBookings")
        .values({ positionId: slot.positionId, applicationId: application.id, slotId: slot.id, seat, status: "booked" })
        .returning("id")
        .executeTakeFirstOrThrow();
      bookingId = inserted.id;
    }
    const change = moving ? "moved" : "booked";
    await audit(trx, {
      actorId: input.applicantId,
      action: `interview.${moving ? "move" : "book"}`,
      subjectType: "application",
      subjectId: application.id,
      data: { positionId: slot.positionId, slotId: slot.id, ...(moving ? { fromSlotId: existing.slotId } : {}) },
    });
    await notifyBookingChange(trx, config, { bookingId, change });
    return { ok: true, bookingId, change };
  });
}

/** A finalist cancels their interview for a position, before the host's cut-off. Cancelling twice changes nothing. */
export async function cancelBooking(
  db: DB,
  config: AppConfig,
  input: { applicantId: string; positionId: string },
  clock: Clock = {},
): Promise<CancelWrite> {
  return db.transaction().execute(async (trx): Promise<CancelWrite> => {
    const application = await lockConsideredApplication(trx, input.applicantId, input.positionId);
    if (!application) return refuse("not_considered");
    const booking = await trx
      .selectFrom("interviewBookings")
      .select(["id", "slotId", "status"])
      .where("positionId", "=", input.positionId)
      .where("applicationId", "=", application.id)
      .executeTakeFirst();
    if (!booking) return refuse("not_booked");
    if (booking.status === "cancelled") return { ok: true, changed: false };
    const [slot] = await lockSlots(trx, [booking.slotId]);
    if (!slot!.interviewing) return refuse("not_open");
    const refusal = changeRefusal(slot!, slot!.interviewCutoffHours, await databaseNow(trx, clock));
    if (refusal) return refuse(refusal);
    await trx
      .updateTable("interviewBookings")
      .set({ status: "cancelled", cancelledBy: "finalist", sequence: sql`sequence + 1`, updatedAt: sql`now()` })
      .where("id", "=", booking.id)
      .execute();
    await audit(trx, {
      actorId: input.applicantId,
      action: "interview.cancel",
      subjectType: "application",
      subjectId: application.id,
      data: { positionId: input.positionId, slotId: booking.slotId },
    });
    await notifyBookingChange(trx, config, { bookingId: booking.id, change: "cancelled" });
    return { ok: true, changed: true };
  });
}

/**
 * The host cancels a time with a message: every finalist booked there is told (with the calendar
 * cancellation) and may book another. Cancelling a cancelled slot again changes nothing.
 */
export async function cancelSlot(
  db: DB,
  config: AppConfig,
  input: { actorId: string; positionId: string; slotId: string; message: string },
): Promise<CancelWrite> {
  return db.transaction().execute(async (trx): Promise<CancelWrite> => {
    const owner = await trx
      .selectFrom("interviewSlots")
      .select("positionId")
      .where("id", "=", input.slotId)
      .executeTakeFirst();
    if (!owner || owner.positionId !== input.positionId) return refuse("not_considered");
    const [slot] = await lockSlots(trx, [input.slotId]);
    if (slot!.cancelledAt) return { ok: true, changed: false };
    if (slot!.startsAt.getTime() <= (await databaseNow(trx, {})).getTime()) return refuse("slot_past");
    await trx
      .updateTable("interviewSlots")
      .set({
        cancelledAt: sql`now()`,
        cancelMessage: input.message,
        updatedAt: sql`now()`,
        version: sql`version + 1`,
      })
      .where("id", "=", input.slotId)
      .execute();
    const cancelled = await trx
      .updateTable("interviewBookings")
      .set({ status: "cancelled", cancelledBy: "host", sequence: sql`sequence + 1`, updatedAt: sql`now()` })
      .where("slotId", "=", input.slotId)
      .where("status", "=", "booked")
      .returning("id")
      .execute();
    await audit(trx, {
      actorId: input.actorId,
      action: "interview.slot.cancel",
      subjectType: "position",
      subjectId: input.positionId,
      data: { slotId: input.slotId, bookings: cancelled.length },
    });
    for (const booking of cancelled)
      await notifyBookingChange(trx, config, { bookingId: booking.id, change: "cancelled", message: input.message });
    return { ok: true, changed: true };
  });
}
