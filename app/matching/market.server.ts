import type { Kysely } from "kysely";
import type { Database } from "#db/types";
import { groupBy } from "~/utils/group-by";
import type { MatchingInput } from "./engine";

/** The matching market of a cycle: finalists considered somewhere, positions, both sides' lists. */
export async function buildMatchingInput(db: Kysely<Database>, cycleId: string): Promise<MatchingInput> {
  const [positions, candidates, entries] = await Promise.all([
    db.selectFrom("positions").select(["id", "seats"]).where("cycleId", "=", cycleId).orderBy("id").execute(),
    db
      .selectFrom("positionCandidates")
      .innerJoin("applications", "applications.id", "positionCandidates.applicationId")
      .select(["positionCandidates.positionId", "positionCandidates.applicationId"])
      .where("applications.cycleId", "=", cycleId)
      .where("applications.status", "=", "finalist")
      .execute(),
    db
      .selectFrom("rankEntries")
      .select(["side", "applicationId", "positionId", "rank"])
      .where("cycleId", "=", cycleId)
      .orderBy("rank")
      .execute(),
  ]);
  const considered = new Set(candidates.map((row) => `${row.applicationId}|${row.positionId}`));
  const finalists = [...new Set(candidates.map((row) => row.applicationId))].sort();
  // Only pairs still on a candidate list count: a list entry left over from an earlier choice does not.
  const usable = entries.filter((entry) => considered.has(`${entry.applicationId}|${entry.positionId}`));
  const byApplicant = groupBy(
    usable.filter((entry) => entry.side === "applicant"),
    (entry) => entry.applicationId,
  );
  const byPosition = groupBy(
    usable.filter((entry) => entry.side === "position"),
    (entry) => entry.positionId,
  );
  const listOf = (side: "applicant" | "position", ownerId: string) =>
    side === "applicant"
      ? (byApplicant.get(ownerId) ?? []).map((entry) => entry.positionId)
      : (byPosition.get(ownerId) ?? []).map((entry) => entry.applicationId);
  return {
    applicants: finalists.map((id) => ({ id, ranking: listOf("applicant", id) })),
    positions: positions.map((position) => ({
      id: position.id,
      seats: position.seats,
      ranking: listOf("position", position.id),
    })),
  };
}

/** A market as a string that does not depend on key order (jsonb stores object keys its own way). */
export function marketKey(input: MatchingInput): string {
  return JSON.stringify([
    input.applicants.map((a) => [a.id, a.ranking]),
    input.positions.map((p) => [p.id, p.seats, p.ranking]),
  ]);
}
