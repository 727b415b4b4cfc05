import type { DB } from "#db/client";

/**
 * The interviews and the fellowship year in one person's export: their interviews as a finalist,
 * the interview times they added as a host, their fellowships with the reports they wrote, the
 * comments they left on reports, and their calendar addresses (never the tokens).
 */
export async function fellowshipYearOf(db: DB, userId: string) {
  const [interviews, interviewTimesAdded, fellowships, reports, reportComments, calendarAddresses] = await Promise.all([
    db
      .selectFrom("interviewBookings")
      .innerJoin("applications", "applications.id", "interviewBookings.applicationId")
      .innerJoin("interviewSlots", "interviewSlots.id", "interviewBookings.slotId")
      .select([
        "interviewBookings.positionId",
        "interviewBookings.status",
        "interviewSlots.startsAt",
        "interviewSlots.minutes",
      ])
      .where("applications.applicantId", "=", userId)
      .execute(),
    // Who booked those times are other people: the export says which times, not who took them.
    db
      .selectFrom("interviewSlots")
      .innerJoin("positions", "positions.id", "interviewSlots.positionId")
      .select([
        "positions.title as position",
        "interviewSlots.startsAt",
        "interviewSlots.minutes",
        "interviewSlots.capacity",
        "interviewSlots.cancelledAt",
      ])
      .where("interviewSlots.createdBy", "=", userId)
      .orderBy("interviewSlots.startsAt")
      .execute(),
    db
      .selectFrom("fellowships")
      .select(["id", "positionId", "startsOn", "endsOn", "cohortYear", "status", "alumniListingAt"])
      .where("fellowId", "=", userId)
      .execute(),
    db
      .selectFrom("fellowshipReports")
      .innerJoin("fellowships", "fellowships.id", "fellowshipReports.fellowshipId")
      .select([
        "fellowshipReports.fellowshipId",
        "fellowshipReports.dueOn",
        "fellowshipReports.status",
        "fellowshipReports.answers",
        "fellowshipReports.submittedAt",
      ])
      .where("fellowships.fellowId", "=", userId)
      .execute(),
    // What they wrote as a host or staff, by report id (as reviews are by application id).
    db
      .selectFrom("reportComments")
      .select(["reportId", "body", "createdAt"])
      .where("authorId", "=", userId)
      .orderBy("createdAt")
      .execute(),
    db
      .selectFrom("calendarFeeds")
      .select(["createdAt", "expiresAt", "revokedAt", "lastUsedAt"])
      .where("userId", "=", userId)
      .execute(),
  ]);
  return {
    interviews,
    interviewTimesAdded,
    fellowships,
    fellowshipReports: reports,
    reportCommentsWritten: reportComments,
    calendarAddresses,
  };
}
