import { sql } from "kysely";
import { msg } from "~/i18n/message";
import type { DB } from "#db/client";
import { audit } from "~/audit/audit.server";
import { enqueueEmail } from "~/email/outbox.server";
import type { AppConfig } from "~/utils/config.server";
import { zonedLocalToUtc } from "~/utils/timezones";
import { fail, type Result } from "~/utils/result";

/** What a host's interview page needs about its position (already checked to be this host's). */
export interface HostPosition {
  id: string;
  title: string;
  organizationName: string;
  interviewTimezone: string;
  interviewCutoffHours: number;
  version: number;
}

export type SlotWrite = Result<{ count: number }, 400 | 409, { field?: "startsAt" }>;

/**
 * The host's schedule for one position: every time with who booked it (this position's bookings
 * only), and every finalist the position considers with their booking, if any.
 */
export async function hostSchedule(db: DB, positionId: string) {
  const [slots, bookings, finalists] = await Promise.all([
    db
      .selectFrom("interviewSlots")
      .select(["id", "startsAt", "minutes", "capacity", "location", "cancelledAt", "cancelMessage"])
      .select(sql<boolean>`starts_at <= now()`.as("past"))
      .where("positionId", "=", positionId)
      .orderBy("startsAt")
      .orderBy("id")
      .execute(),
    db
      .selectFrom("interviewBookings")
      .innerJoin("applications", "applications.id", "interviewBookings.applicationId")
      .innerJoin("users", "users.id", "applications.applicantId")
      .select(["interviewBookings.slotId", "interviewBookings.applicationId", "users.name"])
      .where("interviewBookings.positionId", "=", positionId)
      .where("interviewBookings.status", "=", "booked")
      .orderBy("users.name")
      .execute(),
    db
      .selectFrom("positionCandidates")
      .innerJoin("applications", "applications.id", "positionCandidates.applicationId")
      .innerJoin("users", "users.id", "applications.applicantId")
      .select(["applications.id", "users.name", "positionCandidates.interviewInvitedAt"])
      .where("positionCandidates.positionId", "=", positionId)
      .where("applications.status", "=", "finalist")
      .orderBy("users.name")
      .execute(),
  ]);
  return {
    slots: slots.map((slot) => ({
      ...slot,
      booked: bookings
        .filter((b) => b.slotId === slot.id)
        .map((b) => ({ applicationId: b.applicationId, name: b.name })),
    })),
    finalists: finalists.map((finalist) => ({
      id: finalist.id,
      name: finalist.name,
      invited: finalist.interviewInvitedAt !== null,
      slotId: bookings.find((b) => b.applicationId === finalist.id)?.slotId ?? null,
    })),
  };
}

/**
 * Adds one time, or `count` back-to-back times, entered as wall-clock time in the position's
 * interview time zone. A time in the past is refused; adding the same time twice is one time.
 */
export async function addSlots(
  db: DB,
  actorId: string,
  position: HostPosition,
  input: { startsAt: string; minutes: number; capacity: number; count: number; location: string },
): Promise<SlotWrite> {
  const first = zonedLocalToUtc(input.startsAt, position.interviewTimezone);
  if (!first) return fail(400, msg("interviewSlots.errors.dateTime"), { field: "startsAt" });
  return db.transaction().execute(async (trx): Promise<SlotWrite> => {
    const window = await trx
      .selectFrom("positions")
      .innerJoin("cycles", "cycles.id", "positions.cycleId")
      .select([
        sql<boolean>`cycles.status in ('reviewing', 'matching')
          and not exists (select 1 from match_runs mr where mr.cycle_id = cycles.id and mr.published_at is not null)`.as(
          "interviewing",
        ),
        sql<boolean>`${first.toISOString()}::timestamptz <= now()`.as("past"),
      ])
      .where("positions.id", "=", position.id)
      .forUpdate(["positions"])
      .executeTakeFirstOrThrow();
    if (!window.interviewing) return fail(409, msg("interviewSlots.errors.closed"));
    if (window.past) return fail(400, msg("interviewSlots.errors.future"), { field: "startsAt" });
    const starts = Array.from(
      { length: input.count },
      (_, index) => new Date(first.getTime() + index * input.minutes * 60_000),
    );
    const existing = await trx
      .selectFrom("interviewSlots")
      .select("startsAt")
      .where("positionId", "=", position.id)
      .where("cancelledAt", "is", null)
      .where("startsAt", "in", starts)
      .execute();
    const taken = new Set(existing.map((row) => row.startsAt.getTime()));
    const fresh = starts.filter((date) => !taken.has(date.getTime()));
    if (fresh.length > 0) {
      await trx
        .insertInto("interviewSlots")
        .values(
          fresh.map((startsAt) => ({
            positionId: position.id,
            startsAt,
            minutes: input.minutes,
            capacity: input.capacity,
            location: input.location,
            createdBy: actorId,
          })),
        )
        .execute();
      await audit(trx, {
        actorId,
        action: "interview.slots.add",
        subjectType: "position",
        subjectId: position.id,
        data: { count: fresh.length },
      });
    }
    return { ok: true, count: fresh.length };
  });
}

export type SettingsWrite = Result<Record<never, never>, 409>;

/** The position's interview time zone and cut-off, with the position's version check. */
export async function saveInterviewSettings(
  db: DB,
  actorId: string,
  positionId: string,
  input: { version: number; timezone: string; cutoffHours: number },
): Promise<SettingsWrite> {
  return db.transaction().execute(async (trx): Promise<SettingsWrite> => {
    const updated = await trx
      .updateTable("positions")
      .set({
        interviewTimezone: input.timezone,
        interviewCutoffHours: input.cutoffHours,
        updatedAt: sql`now()`,
        version: sql`version + 1`,
      })
      .where("id", "=", positionId)
      .where("version", "=", input.version)
      .executeTakeFirst();
    if (updated.numUpdatedRows === 0n) return fail(409, msg("interviewSlots.errors.stale"));
    await audit(trx, {
      actorId,
      action: "interview.settings",
      subjectType: "position",
      subjectId: positionId,
      data: { timezone: input.timezone, cutoffHours: input.cutoffHours },
    });
    return { ok: true };
  });
}

export type InviteWrite = Result<{ invited: number }, 409>;

/**
 * Emails every finalist the position considers who has not been invited yet (each at most once),
 * once there is at least one time left to book.
 */
export async function inviteFinalists(
  db: DB,
  config: AppConfig,
  actorId: string,
  position: HostPosition,
): Promise<InviteWrite> {
  return db.transaction().execute(async (trx): Promise<InviteWrite> => {
    const open = await trx
      .selectFrom("interviewSlots")
      .select("id")
      .where("positionId", "=", position.id)
      .where("cancelledAt", "is", null)
      .where("startsAt", ">", sql<Date>`now()`)
      .limit(1)
      .executeTakeFirst();
    if (!open) return fail(409, msg("interviewSlots.errors.noTimes"));
    const pending = await trx
      .selectFrom("positionCandidates")
      .innerJoin("applications", "applications.id", "positionCandidates.applicationId")
      .innerJoin("users", "users.id", "applications.applicantId")
      .select(["applications.id", "users.name", "users.email"])
      .where("positionCandidates.positionId", "=", position.id)
      .where("positionCandidates.interviewInvitedAt", "is", null)
      .where("applications.status", "=", "finalist")
      .where("users.deletedAt", "is", null)
      .forUpdate(["positionCandidates"])
      .execute();
    for (const finalist of pending) {
      await enqueueEmail(trx, {
        to: finalist.email,
        template: "interview-invitation",
        props: invitationProps(config, position, finalist.name),
        idempotencyKey: `interview-invitation:${position.id}:${finalist.id}`,
      });
    }
    if (pending.length > 0) {
      await trx
        .updateTable("positionCandidates")
        .set({ interviewInvitedAt: sql`now()` })
        .where("positionId", "=", position.id)
        .where(
          "applicationId",
          "in",
          pending.map((finalist) => finalist.id),
        )
        .execute();
      await audit(trx, {
        actorId,
        action: "interview.invite",
        subjectType: "position",
        subjectId: position.id,
        data: { count: pending.length },
      });
    }
    return { ok: true, invited: pending.length };
  });
}

/** The invitation's props, also used to show the host a preview before anything is sent. */
export function invitationProps(config: AppConfig, position: HostPosition, name: string) {
  return {
    name,
    positionTitle: position.title,
    organizationName: position.organizationName,
    cutoffHours: position.interviewCutoffHours,
    bookUrl: new URL("/me/interviews", config.appUrl).toString(),
  };
}
