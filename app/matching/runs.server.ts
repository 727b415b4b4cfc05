import { sql, type Kysely } from "kysely";
import type { DB } from "#db/client";
import type { Database } from "#db/types";
import { audit } from "~/audit/audit.server";
import { groupBy } from "~/utils/group-by";
import { enqueueEmail } from "~/email/outbox.server";
import { inviteFellowToNetwork } from "~/network/fellows.server";
import type { AppConfig } from "~/utils/config.server";
import {
  compareMatchings,
  explainPlacements,
  findBlockingPairs,
  matchApplicantProposing,
  matchPositionProposing,
  type MatchingInput,
  type MatchingResult,
} from "./engine";

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
function marketKey(input: MatchingInput): string {
  return JSON.stringify([
    input.applicants.map((a) => [a.id, a.ranking]),
    input.positions.map((p) => [p.id, p.seats, p.ranking]),
  ]);
}

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
export async function dryRun(
  db: DB,
  actorId: string,
  cycleId: string,
): Promise<{ ok: true; runId: string } | { ok: false; status: 409; message: string }> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${`match:${cycleId}`}))`.execute(trx);
    const cycle = await trx.selectFrom("cycles").select("status").where("id", "=", cycleId).executeTakeFirstOrThrow();
    if (cycle.status !== "matching")
      return {
        ok: false,
        status: 409,
        message: "Move the cycle to “matching” in its settings before running the match.",
      };
    const published = await trx
      .selectFrom("matchRuns")
      .select("id")
      .where("cycleId", "=", cycleId)
      .where("publishedAt", "is not", null)
      .executeTakeFirst();
    if (published) return { ok: false, status: 409, message: "A match has already been published for this cycle." };
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
  const name = (id: string | null) => (id ? (applicantName.get(id) ?? positionName.get(id) ?? id) : "none");
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
        why:
          choice.reason === "not-ranked-by-position"
            ? "the host did not rank them"
            : choice.reason === "filled-by-higher-ranked"
              ? choice.holders.length
                ? `its seats went to finalists the host ranked higher: ${choice.holders.map(name).join(", ")}`
                : "it has no seats"
              : "unstable (this should never happen)",
      })),
    })),
    hostOptimalDifferences: compareMatchings(result, hostOptimal).map((difference) => ({
      applicant: name(difference.applicant),
      applicantOptimal: name(difference.first),
      hostOptimal: name(difference.second),
    })),
  };
}

export type PublishResult =
  { ok: true; matched: number; unmatched: number } | { ok: false; status: 404 | 409; message: string };

/**
 * Publishes the latest dry run if the rank lists have not changed since: statuses become matched
 * or unmatched, finalists and hosts are emailed, the run is locked (one published run per cycle)
 * and audited, all in one transaction.
 */
export async function publishRun(
  db: DB,
  config: AppConfig,
  actorId: string,
  cycle: { id: string; name: string },
): Promise<PublishResult> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${`match:${cycle.id}`}))`.execute(trx);
    const run = await trx
      .selectFrom("matchRuns")
      .select(["id", "inputs", "result", "publishedAt"])
      .where("cycleId", "=", cycle.id)
      .orderBy("createdAt", "desc")
      .limit(1)
      .forUpdate()
      .executeTakeFirst();
    if (!run) return { ok: false, status: 404, message: "Run the matching first." };
    const status = await trx.selectFrom("cycles").select("status").where("id", "=", cycle.id).executeTakeFirstOrThrow();
    if (status.status !== "matching")
      return { ok: false, status: 409, message: "The cycle is not in its matching stage." };
    if (run.publishedAt) return { ok: false, status: 409, message: "This match is already published." };
    const current = await buildMatchingInput(trx, cycle.id);
    if (marketKey(current) !== marketKey(run.inputs as MatchingInput)) {
      return {
        ok: false,
        status: 409,
        message: "Rank lists changed since this run. Run the matching again and check it before publishing.",
      };
    }
    const result = run.result as MatchingResult;
    await trx
      .updateTable("matchRuns")
      .set({ publishedAt: sql`now()`, publishedBy: actorId })
      .where("id", "=", run.id)
      .execute();

    // A finalist no position considered was never in the market: they are not matched either.
    const stillFinalists = await trx
      .selectFrom("applications")
      .select("id")
      .where("cycleId", "=", cycle.id)
      .where("status", "=", "finalist")
      .execute();
    const inMarket = new Set([...result.matches.map((m) => m.applicant), ...result.unmatched]);
    const unmatched = [...result.unmatched, ...stillFinalists.map((row) => row.id).filter((id) => !inMarket.has(id))];
    const finalistIds = [...result.matches.map((m) => m.applicant), ...unmatched];
    const people = finalistIds.length
      ? await trx
          .selectFrom("applications")
          .innerJoin("users", "users.id", "applications.applicantId")
          .select(["applications.id", "users.name", "users.email"])
          .where("applications.id", "in", finalistIds)
          .execute()
      : [];
    const positions = await trx
      .selectFrom("positions")
      .innerJoin("organizations", "organizations.id", "positions.organizationId")
      .select(["positions.id", "positions.title", "positions.organizationId", "organizations.name as organizationName"])
      .where("positions.cycleId", "=", cycle.id)
      .execute();
    const person = new Map(people.map((row) => [row.id, row]));
    const position = new Map(positions.map((row) => [row.id, row]));
    const applicationsUrl = new URL("/me/applications", config.appUrl).toString();
    for (const match of result.matches) {
      await setOutcome(trx, actorId, match.applicant, "matched", match.position);
      const who = person.get(match.applicant)!;
      const where = position.get(match.position)!;
      await enqueueEmail(trx, {
        to: who.email,
        template: "match-result",
        props: {
          name: who.name,
          cycleName: cycle.name,
          positionTitle: where.title,
          organizationName: where.organizationName,
          applicationsUrl,
        },
        idempotencyKey: `match-result:${run.id}:${match.applicant}`,
      });
    }
    for (const applicationId of unmatched) {
      await setOutcome(trx, actorId, applicationId, "unmatched", null);
      const who = person.get(applicationId)!;
      await enqueueEmail(trx, {
        to: who.email,
        template: "match-result",
        props: { name: who.name, cycleName: cycle.name, positionTitle: null, organizationName: null, applicationsUrl },
        idempotencyKey: `match-result:${run.id}:${applicationId}`,
      });
    }
    const members = positions.length
      ? await trx
          .selectFrom("orgMembers")
          .innerJoin("users", "users.id", "orgMembers.userId")
          .select(["orgMembers.organizationId", "users.id", "users.name", "users.email"])
          .where(
            "orgMembers.organizationId",
            "in",
            positions.map((p) => p.organizationId),
          )
          .execute()
      : [];
    for (const host of positions) {
      const fellows = result.matches
        .filter((match) => match.position === host.id)
        .map((match) => person.get(match.applicant)!.name);
      for (const member of members.filter((row) => row.organizationId === host.organizationId)) {
        await enqueueEmail(trx, {
          to: member.email,
          template: "match-host",
          props: {
            name: member.name,
            cycleName: cycle.name,
            positionTitle: host.title,
            fellows,
            partnerUrl: new URL(`/partner/positions/${host.id}`, config.appUrl).toString(),
          },
          idempotencyKey: `match-host:${run.id}:${host.id}:${member.id}`,
        });
      }
    }
    await audit(trx, {
      actorId,
      action: "match.publish",
      subjectType: "cycle",
      subjectId: cycle.id,
      data: { runId: run.id, matched: result.matches.length, unmatched: unmatched.length },
    });
    return { ok: true, matched: result.matches.length, unmatched: unmatched.length };
  });
}

async function setOutcome(
  trx: Kysely<Database>,
  actorId: string,
  applicationId: string,
  status: "matched" | "unmatched",
  positionId: string | null,
) {
  await trx
    .updateTable("applications")
    .set({ status, matchedPositionId: positionId, version: sql`version + 1`, updatedAt: sql`now()` })
    .where("id", "=", applicationId)
    .where("status", "=", "finalist")
    .execute();
  await trx
    .insertInto("applicationEvents")
    .values({ applicationId, actorId, kind: "status", fromStatus: "finalist", toStatus: status })
    .execute();
}

export type PlacementAnswer = { ok: true } | { ok: false; status: 404 | 409; message: string };

/** A matched finalist accepts or declines the placement; answering twice the same way changes nothing. */
export async function answerPlacement(
  db: DB,
  config: AppConfig,
  input: { applicationId: string; applicantId: string; accept: boolean },
): Promise<PlacementAnswer> {
  return db.transaction().execute(async (trx) => {
    const application = await trx
      .selectFrom("applications")
      .select(["id", "status"])
      .where("id", "=", input.applicationId)
      .where("applicantId", "=", input.applicantId)
      .forUpdate()
      .executeTakeFirst();
    if (!application) return { ok: false, status: 404, message: "We could not find that application." };
    const wanted = input.accept ? "accepted" : "declined";
    if (application.status === wanted) return { ok: true };
    if (application.status !== "matched")
      return { ok: false, status: 409, message: "There is no placement waiting for your answer." };
    await trx
      .updateTable("applications")
      .set({ status: wanted, placementAnsweredAt: sql`now()`, version: sql`version + 1`, updatedAt: sql`now()` })
      .where("id", "=", application.id)
      .execute();
    await trx
      .insertInto("applicationEvents")
      .values({
        applicationId: application.id,
        actorId: input.applicantId,
        kind: "status",
        fromStatus: "matched",
        toStatus: wanted,
      })
      .execute();
    await audit(trx, {
      actorId: input.applicantId,
      action: `placement.${wanted === "accepted" ? "accept" : "decline"}`,
      subjectType: "application",
      subjectId: application.id,
    });
    // A new fellow is welcome in the network; the invitation exists exactly when the acceptance does.
    if (wanted === "accepted") await inviteFellowToNetwork(trx, config, application.id);
    return { ok: true };
  });
}
