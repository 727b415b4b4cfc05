import { sql } from "kysely";
import type { DB } from "#db/client";

/**
 * For a finalist's own applications: the positions considering each (never a host's rank list or
 * notes), their own ranking, whether rankings are open, and the placement if matched. Three
 * queries whatever the number of applications.
 */
export async function finalistMatchingView(db: DB, applicantId: string) {
  const applications = await db
    .selectFrom("applications")
    .innerJoin("cycles", "cycles.id", "applications.cycleId")
    .leftJoin("positions as matched", "matched.id", "applications.matchedPositionId")
    .leftJoin("organizations as matchedOrg", "matchedOrg.id", "matched.organizationId")
    .select([
      "applications.id",
      "applications.status",
      "matched.title as matchedTitle",
      "matchedOrg.name as matchedOrganization",
      "cycles.rankingDeadline",
      "cycles.timezone",
      sql<boolean>`cycles.status in ('reviewing', 'matching')
        and (cycles.ranking_deadline is null or cycles.ranking_deadline > now())
        and not exists (select 1 from match_runs mr where mr.cycle_id = cycles.id and mr.published_at is not null)`.as(
        "rankingOpen",
      ),
    ])
    .where("applications.applicantId", "=", applicantId)
    .where("applications.status", "in", ["finalist", "matched", "accepted", "declined", "unmatched"])
    .execute();
  const ids = applications.map((application) => application.id);
  if (ids.length === 0) return new Map<string, never>();
  const [considered, entries] = await Promise.all([
    db
      .selectFrom("positionCandidates")
      .innerJoin("positions", "positions.id", "positionCandidates.positionId")
      .innerJoin("organizations", "organizations.id", "positions.organizationId")
      .select([
        "positionCandidates.applicationId",
        "positions.id",
        "positions.title",
        "positions.location",
        "positions.remote",
        "organizations.name as organizationName",
      ])
      .where("positionCandidates.applicationId", "in", ids)
      .orderBy("organizations.name")
      .execute(),
    db
      .selectFrom("rankEntries")
      .select(["applicationId", "positionId"])
      .where("side", "=", "applicant")
      .where("applicationId", "in", ids)
      .orderBy("rank")
      .execute(),
  ]);
  return new Map(
    applications.map((application) => [
      application.id,
      {
        status: application.status,
        rankingOpen: application.rankingOpen && application.status === "finalist",
        rankingDeadline: application.rankingDeadline,
        timezone: application.timezone,
        matched: application.matchedTitle
          ? { title: application.matchedTitle, organization: application.matchedOrganization ?? "" }
          : null,
        positions: considered
          .filter((row) => row.applicationId === application.id)
          .map((row) => ({
            id: row.id,
            label: `${row.title} — ${row.organizationName}${row.remote ? " (remote possible)" : row.location ? ` (${row.location})` : ""}`,
          })),
        ranking: entries.filter((row) => row.applicationId === application.id).map((row) => row.positionId),
      },
    ]),
  );
}
