import { sql } from "kysely";
import type { DB } from "#db/client";
import { changeRefusal } from "./booking-rules";

/**
 * A finalist's interviews: for each position that considers them, its future times with the
 * places left (never who took them), and their own booking. Four queries whatever the numbers.
 */
export async function finalistInterviews(db: DB, applicantId: string) {
  const [user, positions] = await Promise.all([
    db.selectFrom("users").select(["timezone"]).where("id", "=", applicantId).executeTakeFirstOrThrow(),
    db
      .selectFrom("positionCandidates")
      .innerJoin("applications", "applications.id", "positionCandidates.applicationId")
      .innerJoin("positions", "positions.id", "positionCandidates.positionId")
      .innerJoin("organizations", "organizations.id", "positions.organizationId")
      .innerJoin("cycles", "cycles.id", "positions.cycleId")
      .select([
        "positions.id",
        "positions.title",
        "positions.interviewCutoffHours",
        "organizations.name as organizationName",
        "applications.id as applicationId",
        "cycles.name as cycleName",
        sql<boolean>`cycles.status in ('reviewing', 'matching')
          and not exists (select 1 from match_runs mr where mr.cycle_id = cycles.id and mr.published_at is not null)`.as(
          "interviewing",
        ),
      ])
      .where("applications.applicantId", "=", applicantId)
      .where("applications.status", "=", "finalist")
      .orderBy("organizations.name")
      .orderBy("positions.title")
      .execute(),
  ]);
  const positionIds = positions.map((position) => position.id);
  if (positionIds.length === 0) return { timezone: user.timezone, positions: [] };
  const [slots, bookings, now] = await Promise.all([
    db
      .selectFrom("interviewSlots")
      .select([
        "interviewSlots.id",
        "interviewSlots.positionId",
        "interviewSlots.startsAt",
        "interviewSlots.minutes",
        "interviewSlots.capacity",
        "interviewSlots.location",
        "interviewSlots.cancelledAt",
        sql<number>`(select count(*) from interview_bookings b where b.slot_id = interview_slots.id and b.status = 'booked')`.as(
          "taken",
        ),
      ])
      .where("interviewSlots.positionId", "in", positionIds)
      .where("interviewSlots.startsAt", ">", sql<Date>`now() - interval '1 day'`)
      .orderBy("interviewSlots.startsAt")
      .execute(),
    db
      .selectFrom("interviewBookings")
      .innerJoin("interviewSlots", "interviewSlots.id", "interviewBookings.slotId")
      .select([
        "interviewBookings.positionId",
        "interviewBookings.status",
        "interviewBookings.cancelledBy",
        "interviewBookings.slotId",
        "interviewSlots.startsAt",
        "interviewSlots.minutes",
        "interviewSlots.location",
        "interviewSlots.cancelMessage",
      ])
      .where("interviewBookings.positionId", "in", positionIds)
      .where(
        "interviewBookings.applicationId",
        "in",
        positions.map((position) => position.applicationId),
      )
      .execute(),
    sql<{ now: Date }>`select now() as now`.execute(db).then((result) => new Date(result.rows[0]!.now)),
  ]);
  return {
    timezone: user.timezone,
    positions: positions.map((position) => {
      const booking = bookings.find((row) => row.positionId === position.id) ?? null;
      const mine = booking?.status === "booked" ? booking.slotId : null;
      const changeable = (slot: { startsAt: Date; cancelledAt: Date | null }) =>
        position.interviewing && changeRefusal(slot, position.interviewCutoffHours, now) === null;
      return {
        id: position.id,
        title: position.title,
        organizationName: position.organizationName,
        cycleName: position.cycleName,
        cutoffHours: position.interviewCutoffHours,
        interviewing: position.interviewing,
        booking: booking
          ? {
              status: booking.status,
              cancelledBy: booking.cancelledBy,
              startsAt: booking.startsAt,
              minutes: booking.minutes,
              location: booking.location,
              cancelMessage: booking.cancelledBy === "host" ? booking.cancelMessage : null,
              changeable: booking.status === "booked" && changeable({ startsAt: booking.startsAt, cancelledAt: null }),
            }
          : null,
        slots: slots
          .filter((slot) => slot.positionId === position.id && changeable(slot))
          .map((slot) => ({
            id: slot.id,
            startsAt: slot.startsAt,
            minutes: slot.minutes,
            location: slot.location,
            placesLeft: slot.capacity - Number(slot.taken),
            mine: slot.id === mine,
          }))
          .filter((slot) => slot.placesLeft > 0 || slot.mine),
      };
    }),
  };
}

/** A person's own time zone, in which their interview times are shown. */
export async function saveTimezone(db: DB, userId: string, timezone: string): Promise<void> {
  await db
    .updateTable("users")
    .set({ timezone, updatedAt: sql`now()`, version: sql`version + 1` })
    .where("id", "=", userId)
    .execute();
}
