import { sql } from "kysely";
import type { DB } from "#db/client";
import type { AppConfig } from "~/utils/config.server";
import type { FeedEvent } from "./ics";

/** How far back a feed reaches: older dates only clutter a calendar. */
const SINCE = sql<Date>`now() - interval '60 days'`;

/**
 * Every date that concerns one person, from what they may see right now: their application
 * deadlines, ranking deadlines, booked interviews (as a finalist) and their host's interview
 * times (as a partner), review due dates, and their fellowship's reports and term. Seven
 * queries, each bounded to the person.
 */
export async function feedEvents(db: DB, config: AppConfig, userId: string): Promise<FeedEvent[]> {
  const host = config.appUrl.hostname;
  const link = (path: string) => new URL(path, config.appUrl).toString();
  const [deadlines, rankings, interviews, slots, reviews, reports, terms] = await Promise.all([
    db
      .selectFrom("applications")
      .innerJoin("cycles", "cycles.id", "applications.cycleId")
      .select(["cycles.id", "cycles.name", "cycles.slug", "cycles.closesAt"])
      .where("applications.applicantId", "=", userId)
      .where("applications.status", "in", ["draft", "submitted"])
      .where("cycles.closesAt", ">", SINCE)
      .execute(),
    db
      .selectFrom("cycles")
      .select(["cycles.id", "cycles.name", "cycles.rankingDeadline"])
      .where("cycles.rankingDeadline", ">", SINCE)
      .where((eb) =>
        eb.or([
          eb.exists(
            eb
              .selectFrom("applications")
              .select("id")
              .whereRef("applications.cycleId", "=", "cycles.id")
              .where("applications.applicantId", "=", userId)
              .where("applications.status", "=", "finalist"),
          ),
          eb.exists(
            eb
              .selectFrom("positions")
              .innerJoin("orgMembers", "orgMembers.organizationId", "positions.organizationId")
              .select("positions.id")
              .whereRef("positions.cycleId", "=", "cycles.id")
              .where("orgMembers.userId", "=", userId),
          ),
        ]),
      )
      .execute(),
    db
      .selectFrom("interviewBookings")
      .innerJoin("applications", "applications.id", "interviewBookings.applicationId")
      .innerJoin("interviewSlots", "interviewSlots.id", "interviewBookings.slotId")
      .innerJoin("positions", "positions.id", "interviewBookings.positionId")
      .innerJoin("organizations", "organizations.id", "positions.organizationId")
      .select([
        "interviewBookings.id",
        "interviewSlots.startsAt",
        "interviewSlots.minutes",
        "interviewSlots.location",
        "positions.title",
        "organizations.name as organizationName",
      ])
      .where("applications.applicantId", "=", userId)
      .where("interviewBookings.status", "=", "booked")
      .where("interviewSlots.startsAt", ">", SINCE)
      .execute(),
    db
      .selectFrom("interviewSlots")
      .innerJoin("positions", "positions.id", "interviewSlots.positionId")
      .innerJoin("orgMembers", "orgMembers.organizationId", "positions.organizationId")
      .select([
        "interviewSlots.id",
        "interviewSlots.startsAt",
        "interviewSlots.minutes",
        "interviewSlots.location",
        "positions.id as positionId",
        "positions.title",
        sql<string[]>`array(select u.name from interview_bookings b join applications a on a.id = b.application_id
          join users u on u.id = a.applicant_id where b.slot_id = interview_slots.id and b.status = 'booked' order by u.name)`.as(
          "names",
        ),
      ])
      .where("orgMembers.userId", "=", userId)
      .where("interviewSlots.cancelledAt", "is", null)
      .where("interviewSlots.startsAt", ">", SINCE)
      .execute(),
    db
      .selectFrom("reviewAssignments")
      .innerJoin("cycles", "cycles.id", "reviewAssignments.cycleId")
      .select([
        "cycles.id",
        "cycles.name",
        sql<Date>`max(review_assignments.due_at)`.as("dueAt"),
        sql<number>`count(*)`.as("open"),
      ])
      .where("reviewAssignments.reviewerId", "=", userId)
      .where("reviewAssignments.status", "=", "assigned")
      .where("reviewAssignments.dueAt", ">", SINCE)
      .groupBy(["cycles.id", "cycles.name"])
      .execute(),
    db
      .selectFrom("fellowshipReports")
      .innerJoin("fellowships", "fellowships.id", "fellowshipReports.fellowshipId")
      .innerJoin("reportForms", "reportForms.id", "fellowshipReports.formId")
      .select(["fellowshipReports.id", "fellowshipReports.dueOn", "reportForms.title"])
      .where("fellowships.fellowId", "=", userId)
      .where("fellowships.status", "=", "active")
      .where("fellowshipReports.status", "=", "open")
      .execute(),
    db
      .selectFrom("fellowships")
      .innerJoin("organizations", "organizations.id", "fellowships.organizationId")
      .select(["fellowships.id", "fellowships.startsOn", "fellowships.endsOn", "organizations.name"])
      .where("fellowships.fellowId", "=", userId)
      .where("fellowships.status", "=", "active")
      .execute(),
  ]);
  const day = (date: string) => new Date(`${date}T00:00:00Z`);
  return [
    ...deadlines.map((cycle) => ({
      uid: `cycle-deadline-${cycle.id}@${host}`,
      summary: `Application deadline: ${cycle.name}`,
      start: cycle.closesAt,
      url: link(`/apply/${cycle.slug}`),
    })),
    ...rankings.map((cycle) => ({
      uid: `ranking-deadline-${cycle.id}@${host}`,
      summary: `Ranking deadline: ${cycle.name}`,
      start: cycle.rankingDeadline!,
    })),
    ...interviews.map((booking) => ({
      uid: `interview-${booking.id}@${host}`,
      summary: `Interview with ${booking.organizationName}`,
      description: booking.title,
      location: booking.location,
      start: booking.startsAt,
      minutes: booking.minutes,
      url: link("/me/interviews"),
    })),
    ...slots.map((slot) => ({
      uid: `interview-slot-${slot.id}@${host}`,
      summary: slot.names.length ? `Interview: ${slot.names.join(", ")}` : `Open interview time (${slot.title})`,
      description: slot.title,
      location: slot.location,
      start: slot.startsAt,
      minutes: slot.minutes,
      url: link(`/partner/positions/${slot.positionId}/interviews`),
    })),
    ...reviews.map((cycle) => ({
      uid: `reviews-due-${cycle.id}@${host}`,
      summary: `Reviews due: ${cycle.name} (${Number(cycle.open)} left)`,
      start: new Date(cycle.dueAt),
      url: link("/review"),
    })),
    ...reports.map((report) => ({
      uid: `report-${report.id}@${host}`,
      summary: `${report.title} due`,
      start: day(report.dueOn),
      allDay: true,
      url: link(`/me/fellowship/reports/${report.id}`),
    })),
    ...terms.flatMap((fellowship) => [
      {
        uid: `fellowship-start-${fellowship.id}@${host}`,
        summary: `Fellowship with ${fellowship.name} begins`,
        start: day(fellowship.startsOn),
        allDay: true,
      },
      {
        uid: `fellowship-end-${fellowship.id}@${host}`,
        summary: `Fellowship with ${fellowship.name} ends`,
        start: day(fellowship.endsOn),
        allDay: true,
      },
    ]),
  ];
}
