import { sql } from "kysely";
import type { DB } from "#db/client";
import { audit } from "~/audit/audit.server";
import { buildMatchingInput } from "./market.server";
import { fail, type Result } from "~/utils/result";
import {
  compareMatchings,
  explainPlacements,
  findBlockingPairs,
  matchApplicantProposing,
  matchPositionProposing,
  type MatchingInput,
  type MatchingResult,
} from "./engine";
import { msg } from "~/i18n/message";

/** Who has not ranked yet: finalists without a list, positions with candidates but no list. */
export async function readiness(db: DB, cycleId: string) {
  const input = await buildMatchingInput(db, cycleId);
  const candidatesPerPosition = await db
    .selectFrom("positionCandidates")
    .innerJoin("positions", "positions.id", "positionCandidates.positionId")
    .select(["positions.id", sql<number>`count(*)`.as("n")])
    .where("positions.cycleId", "=", cycleId)
    .groupBy("positions.id")
    .execute();
  const withCandidates = new Set(candidatesPerPosition.map((row) => row.id));
  return {
    finalistsWithout: input.applicants
      .filter((applicant) => applicant.ranking.length === 0)
      .map((applicant) => applicant.id),
    positionsWithout: input.positions
      .filter((position) => withCandidates.has(position.id) && position.ranking.length === 0)
      .map((position) => position.id),
    finalists: input.applicants.length,
    positions: input.positions.length,
  };
}

/** Runs both matchings on today's lists and keeps the run (not yet published) for staff to inspect. */
export async function dryRun(db: DB, actorId: string, cycleId: string): Promise<Result<{ runId: string }, 409>> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${`match:${cycleId}`}))`.execute(trx);
    const cycle = await trx.selectFrom("cycles").select("status").where("id", "=", cycleId).executeTakeFirstOrThrow();
    if (cycle.status !== "matching") return fail(409, msg("selection.refusals.notMatching"));
    const published = await trx
      .selectFrom("matchRuns")
      .select("id")
      .where("cycleId", "=", cycleId)
      .where("publishedAt", "is not", null)
      .executeTakeFirst();
    if (published) return fail(409, msg("selection.refusals.matchPublished"));
    const input = await buildMatchingInput(trx, cycleId);
    const result = matchApplicantProposing(input);
    const hostOptimal = matchPositionProposing(input);
    const blocking = findBlockingPairs(input, result.matches);
    const run = await trx
      .insertInto("matchRuns")
      .values({
        cycleId,
        inputs: JSON.stringify(input),
        result: JSON.stringify(result),
        hostOptimal: JSON.stringify(hostOptimal),
        blockingPairs: blocking.length,
        runBy: actorId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await audit(trx, {
      actorId,
      action: "match.run",
      subjectType: "cycle",
      subjectId: cycleId,
      data: { runId: run.id, matches: result.matches.length, blockingPairs: blocking.length },
    });
    return { ok: true, runId: run.id };
  });
}

/** The latest run of a cycle with everything the staff page explains, ids turned into names. */
export async function latestRunView(db: DB, cycleId: string) {
  const run = await db
    .selectFrom("matchRuns")
    .select(["id", "inputs", "result", "hostOptimal", "blockingPairs", "createdAt", "publishedAt"])
    .where("cycleId", "=", cycleId)
    .orderBy("createdAt", "desc")
    .limit(1)
    .executeTakeFirst();
  if (!run) return null;
  const input = run.inputs as MatchingInput;
  const result = run.result as MatchingResult;
  const hostOptimal = run.hostOptimal as MatchingResult;
  const [applicants, positions] = await Promise.all([
    input.applicants.length
      ? db
          .selectFrom("applications")
          .innerJoin("users", "users.id", "applications.applicantId")
          .select(["applications.id", "users.name"])
          .where(
            "applications.id",
            "in",
            input.applicants.map((a) => a.id),
          )
          .execute()
      : [],
    input.positions.length
      ? db
          .selectFrom("positions")
          .innerJoin("organizations", "organizations.id", "positions.organizationId")
          .select(["positions.id", "positions.title", "organizations.name"])
          .where(
            "positions.id",
            "in",
            input.positions.map((p) => p.id),
          )
          .execute()
      : [],
  ]);
  const applicantName = new Map(applicants.map((row) => [row.id, row.name]));
  const positionName = new Map(positions.map((row) => [row.id, `${row.title} (${row.name})`]));
  // Nobody (an unmatched side) is "", which the page words in its language.
  const name = (id: string | null) => (id ? (applicantName.get(id) ?? positionName.get(id) ?? id) : "");
  const filled = new Map<string, number>();
  for (const match of result.matches) filled.set(match.position, (filled.get(match.position) ?? 0) + 1);
  return {
    id: run.id,
    createdAt: run.createdAt,
    publishedAt: run.publishedAt,
    blockingPairs: run.blockingPairs,
    // Checked again here, independently of the stored number.
    stable: findBlockingPairs(input, result.matches).length === 0,
    matches: result.matches.map((match) => ({ applicant: name(match.applicant), position: name(match.position) })),
    unmatched: result.unmatched.map(name),
    unfilled: input.positions
      .filter((position) => (filled.get(position.id) ?? 0) < position.seats)
      .map((position) => ({ position: name(position.id), open: position.seats - (filled.get(position.id) ?? 0) })),
    explanations: explainPlacements(input, result).map((explanation) => ({
      applicant: name(explanation.applicant),
      position: explanation.position ? name(explanation.position) : null,
      missed: explanation.missedChoices.map((choice) => ({
        position: name(choice.position),
        // Messages (msg), worded where the page shows them.
        why:
          choice.reason === "not-ranked-by-position"
            ? msg("selection.matching.why.notRanked")
            : choice.reason === "filled-by-higher-ranked"
              ? choice.holders.length
                ? msg("selection.matching.why.filled", { holders: choice.holders.map(name).join(", ") })
                : msg("selection.matching.why.noSeats")
              : msg("selection.matching.why.unstable"),
      })),
    })),
    hostOptimalDifferences: compareMatchings(result, hostOptimal).map((difference) => ({
      applicant: name(difference.applicant),
      applicantOptimal: name(difference.first),
      hostOptimal: name(difference.second),
    })),
  };
}
