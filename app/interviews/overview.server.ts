import { sql } from "kysely";
import type { DB } from "#db/client";

/**
 * For staff, per position of a cycle: its open times, the finalists it considers, and who has
 * booked and who has not. Three queries whatever the size of the cycle.
 */
export async function interviewOverview(db: DB, cycleId: string) {
  const [positions, candidates, bookings] = await Promise.all([
    db
      .selectFrom("positions")
      .innerJoin("organizations", "organizations.id", "positions.organizationId")
      .select([
        "positions.id",
        "positions.title",
        "organizations.name as organizationName",
        sql<number>`(select count(*) from interview_slots s where s.position_id = positions.id and s.cancelled_at is null and s.starts_at > now())`.as(
          "openSlots",
        ),
      ])
      .where("positions.cycleId", "=", cycleId)
      .orderBy("organizations.name")
      .orderBy("positions.title")
      .execute(),
    db
      .selectFrom("positionCandidates")
      .innerJoin("positions", "positions.id", "positionCandidates.positionId")
      .innerJoin("applications", "applications.id", "positionCandidates.applicationId")
      .innerJoin("users", "users.id", "applications.applicantId")
      .select([
        "positionCandidates.positionId",
        "applications.id",
        "users.name",
        "positionCandidates.interviewInvitedAt",
      ])
      .where("positions.cycleId", "=", cycleId)
      .where("applications.status", "=", "finalist")
      .orderBy("users.name")
      .execute(),
    db
      .selectFrom("interviewBookings")
      .innerJoin("positions", "positions.id", "interviewBookings.positionId")
      .innerJoin("interviewSlots", "interviewSlots.id", "interviewBookings.slotId")
      .select(["interviewBookings.positionId", "interviewBookings.applicationId", "interviewSlots.startsAt"])
      .where("positions.cycleId", "=", cycleId)
      .where("interviewBookings.status", "=", "booked")
      .execute(),
  ]);
  return positions.map((position) => {
    const considered = candidates.filter((row) => row.positionId === position.id);
    const booked = bookings.filter((row) => row.positionId === position.id);
    return {
      id: position.id,
      title: position.title,
      organizationName: position.organizationName,
      openSlots: Number(position.openSlots),
      considered: considered.length,
      booked: considered
        .filter((row) => booked.some((b) => b.applicationId === row.id))
        .map((row) => ({ name: row.name, startsAt: booked.find((b) => b.applicationId === row.id)!.startsAt })),
      notBooked: considered
        .filter((row) => !booked.some((b) => b.applicationId === row.id))
        .map((row) => ({ name: row.name, invited: row.interviewInvitedAt !== null })),
    };
  });
}

/**
 * Of the finalists a host wants to rank, those it has no interview booked with: ranking them
 * needs the host to confirm "rank without interview".
 */
export async function rankedWithoutInterview(db: DB, positionId: string, applicationIds: readonly string[]) {
  if (applicationIds.length === 0) return [];
  const booked = await db
    .selectFrom("interviewBookings")
    .select("applicationId")
    .where("positionId", "=", positionId)
    .where("status", "=", "booked")
    .where("applicationId", "in", applicationIds)
    .execute();
  const interviewed = new Set(booked.map((row) => row.applicationId));
  return applicationIds.filter((id) => !interviewed.has(id));
}
