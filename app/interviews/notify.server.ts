import type { Kysely } from "kysely";
import type { Database } from "#db/types";
import { invitationIcs, mailboxOf } from "~/calendar/ics";
import { enqueueEmail } from "~/email/outbox.server";
import type { AppConfig } from "~/utils/config.server";
import { emailMoment } from "#emails/moment";

/** Everything both sides' messages about one booking need, read inside the change's transaction. */
async function bookingContext(trx: Kysely<Database>, bookingId: string) {
  const booking = await trx
    .selectFrom("interviewBookings")
    .innerJoin("interviewSlots", "interviewSlots.id", "interviewBookings.slotId")
    .innerJoin("positions", "positions.id", "interviewBookings.positionId")
    .innerJoin("organizations", "organizations.id", "positions.organizationId")
    .innerJoin("applications", "applications.id", "interviewBookings.applicationId")
    .innerJoin("users", "users.id", "applications.applicantId")
    .select([
      "interviewBookings.id",
      "interviewBookings.sequence",
      "interviewBookings.positionId",
      "interviewSlots.startsAt",
      "interviewSlots.minutes",
      "interviewSlots.location",
      "positions.title as positionTitle",
      "positions.interviewTimezone",
      "positions.organizationId",
      "organizations.name as organizationName",
      "users.id as finalistId",
      "users.name as finalistName",
      "users.email as finalistEmail",
      "users.timezone as finalistTimezone",
    ])
    .where("interviewBookings.id", "=", bookingId)
    .executeTakeFirstOrThrow();
  const hosts = await trx
    .selectFrom("orgMembers")
    .innerJoin("users", "users.id", "orgMembers.userId")
    .select(["users.id", "users.name", "users.email"])
    .where("orgMembers.organizationId", "=", booking.organizationId)
    .where("users.deletedAt", "is", null)
    .orderBy("users.email")
    .execute();
  return { booking, hosts };
}

export type BookingChange = "booked" | "moved" | "cancelled";

/**
 * Emails the finalist and every member of the host about a booking that just changed, each with
 * the calendar file that books, moves or removes the meeting (METHOD:REQUEST or CANCEL, the
 * booking's stable UID and its current sequence). Call it in the change's transaction.
 */
export async function notifyBookingChange(
  trx: Kysely<Database>,
  config: AppConfig,
  input: { bookingId: string; change: BookingChange; message?: string | null },
): Promise<void> {
  const { booking, hosts } = await bookingContext(trx, input.bookingId);
  const ics = invitationIcs({
    uid: `interview-${booking.id}@${config.appUrl.hostname}`,
    sequence: booking.sequence,
    method: input.change === "cancelled" ? "CANCEL" : "REQUEST",
    start: booking.startsAt,
    minutes: booking.minutes,
    summary: `Interview: ${booking.finalistName} and ${booking.organizationName}`,
    description: `${booking.positionTitle} — Open Web Fellows. Manage it at ${new URL("/me/interviews", config.appUrl)}`,
    location: booking.location,
    organizer: mailboxOf(config.mailFrom),
    attendees: [{ name: booking.finalistName, email: booking.finalistEmail }, ...hosts],
  });
  const attachments = [
    {
      filename: "interview.ics",
      contentType: `text/calendar; method=${input.change === "cancelled" ? "CANCEL" : "REQUEST"}; charset=utf-8`,
      content: ics,
    },
  ];
  const common = {
    change: input.change,
    positionTitle: booking.positionTitle,
    organizationName: booking.organizationName,
    finalistName: booking.finalistName,
    minutes: booking.minutes,
    location: booking.location,
    message: input.message ?? null,
  };
  const key = `interview-calendar:${booking.id}:${booking.sequence}`;
  for (const reader of readersOf(config, booking, hosts))
    await enqueueEmail(trx, {
      to: reader.email,
      template: "interview-calendar",
      props: { ...common, ...reader.props },
      idempotencyKey: `${key}:${reader.id}`,
      attachments,
    });
}

type BookingContext = Awaited<ReturnType<typeof bookingContext>>;

/** Both sides of an interview, each with the time in their own zone and the page where they manage it. */
function readersOf(config: AppConfig, booking: BookingContext["booking"], hosts: BookingContext["hosts"]) {
  const finalist = {
    id: booking.finalistId,
    email: booking.finalistEmail,
    props: {
      name: booking.finalistName,
      audience: "finalist" as const,
      when: emailMoment(booking.startsAt, booking.finalistTimezone),
      manageUrl: new URL("/me/interviews", config.appUrl).toString(),
    },
  };
  const hostUrl = new URL(`/partner/positions/${booking.positionId}/interviews`, config.appUrl).toString();
  return [
    finalist,
    ...hosts.map((host) => ({
      id: host.id,
      email: host.email,
      props: {
        name: host.name,
        audience: "host" as const,
        when: emailMoment(booking.startsAt, booking.interviewTimezone),
        manageUrl: hostUrl,
      },
    })),
  ];
}

/** The day-before reminder of one booking, to both sides; keyed by the booking and its start, so a moved interview is reminded again. */
export async function remindBooking(trx: Kysely<Database>, config: AppConfig, bookingId: string): Promise<number> {
  const { booking, hosts } = await bookingContext(trx, bookingId);
  const key = `interview-reminder:${booking.id}:${booking.startsAt.toISOString()}`;
  const common = {
    positionTitle: booking.positionTitle,
    organizationName: booking.organizationName,
    finalistName: booking.finalistName,
    location: booking.location,
  };
  let sent = 0;
  for (const reader of readersOf(config, booking, hosts)) {
    const queued = await enqueueEmail(trx, {
      to: reader.email,
      template: "interview-reminder",
      props: { ...common, ...reader.props },
      idempotencyKey: `${key}:${reader.id}`,
    });
    if (queued) sent += 1;
  }
  return sent;
}
