import { sql, type Kysely } from "kysely";
import type { DB } from "#db/client";
import type { Database } from "#db/types";
import { audit } from "~/audit/audit.server";
import { nowExpression, type Clock } from "~/utils/clock.server";
import { fail, type Result } from "~/utils/result";
import { msg } from "~/i18n/message";

export type RankingWrite = Result;

/** The list the form was built from no longer matches what is stored: a colleague (or another tab) saved meanwhile. */
const STALE: RankingWrite = {
  ok: false,
  status: 409,
  message: msg("refusals.rankings.stale"),
};

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, index) => id === b[index]);
}

/** Rank lists can change while the cycle is choosing hosts, before the deadline (database clock) and before a match is published. */
async function rankingWindow(trx: Kysely<Database>, cycleId: string, clock: Clock): Promise<string | null> {
  const now = nowExpression(clock);
  const cycle = await trx
    .selectFrom("cycles")
    .select([
      "status",
      sql<boolean>`ranking_deadline is not null and ranking_deadline <= ${now}`.as("pastDeadline"),
      sql<boolean>`exists (select 1 from match_runs where match_runs.cycle_id = cycles.id and published_at is not null)`.as(
        "published",
      ),
    ])
    .where("id", "=", cycleId)
    .executeTakeFirst();
  if (!cycle || !["reviewing", "matching"].includes(cycle.status)) return msg("refusals.rankings.notOpen");
  if (cycle.published) return msg("refusals.rankings.published");
  if (cycle.pastDeadline) return msg("refusals.rankings.pastDeadline");
  return null;
}

async function replaceRanking(
  trx: Kysely<Database>,
  input: { cycleId: string; side: "applicant" | "position"; ownerId: string; order: string[] },
) {
  const ownerColumn = input.side === "applicant" ? "applicationId" : "positionId";
  await trx.deleteFrom("rankEntries").where("side", "=", input.side).where(ownerColumn, "=", input.ownerId).execute();
  if (input.order.length === 0) return;
  await trx
    .insertInto("rankEntries")
    .values(
      input.order.map((targetId, index) => ({
        cycleId: input.cycleId,
        side: input.side,
        applicationId: input.side === "applicant" ? input.ownerId : targetId,
        positionId: input.side === "applicant" ? targetId : input.ownerId,
        rank: index + 1,
      })),
    )
    .execute();
}

/** A host's rank list of the finalists its position considers (a subset, in order). */
export async function savePositionRanking(
  db: DB,
  input: { positionId: string; actorId: string; order: string[]; previous?: string[] | undefined },
  clock: Clock = {},
): Promise<RankingWrite> {
  return db.transaction().execute(async (trx) => {
    const position = await trx
      .selectFrom("positions")
      .select(["id", "cycleId"])
      .where("id", "=", input.positionId)
      .forUpdate()
      .executeTakeFirst();
    if (!position) return fail(404, msg("refusals.rankings.positionNotFound"));
    const closed = await rankingWindow(trx, position.cycleId, clock);
    if (closed) return fail(409, closed);
    const candidates = await trx
      .selectFrom("positionCandidates")
      .select("applicationId")
      .where("positionId", "=", input.positionId)
      .execute();
    const allowed = new Set(candidates.map((row) => row.applicationId));
    if (!input.order.every((id) => allowed.has(id)) || new Set(input.order).size !== input.order.length) {
      return fail(409, msg("refusals.rankings.notCandidate"));
    }
    if (input.previous && !sameList(input.previous, await rankingOf(trx, "position", input.positionId))) return STALE;
    await replaceRanking(trx, {
      cycleId: position.cycleId,
      side: "position",
      ownerId: input.positionId,
      order: input.order,
    });
    await audit(trx, {
      actorId: input.actorId,
      action: "ranking.position",
      subjectType: "position",
      subjectId: input.positionId,
      data: { count: input.order.length },
    });
    return { ok: true };
  });
}

/** A finalist's rank list of the positions that consider them. */
export async function saveApplicantRanking(
  db: DB,
  input: { applicationId: string; applicantId: string; order: string[]; previous?: string[] | undefined },
  clock: Clock = {},
): Promise<RankingWrite> {
  return db.transaction().execute(async (trx) => {
    const application = await trx
      .selectFrom("applications")
      .select(["id", "cycleId", "status"])
      .where("id", "=", input.applicationId)
      .where("applicantId", "=", input.applicantId)
      .forUpdate()
      .executeTakeFirst();
    if (!application) return fail(404, msg("refusals.rankings.applicationNotFound"));
    if (application.status !== "finalist") return fail(409, msg("refusals.rankings.onlyFinalists"));
    const closed = await rankingWindow(trx, application.cycleId, clock);
    if (closed) return fail(409, closed);
    const considered = await trx
      .selectFrom("positionCandidates")
      .select("positionId")
      .where("applicationId", "=", input.applicationId)
      .execute();
    const allowed = new Set(considered.map((row) => row.positionId));
    if (!input.order.every((id) => allowed.has(id)) || new Set(input.order).size !== input.order.length) {
      return fail(409, msg("refusals.rankings.notConsidered"));
    }
    if (input.previous && !sameList(input.previous, await rankingOf(trx, "applicant", input.applicationId)))
      return STALE;
    await replaceRanking(trx, {
      cycleId: application.cycleId,
      side: "applicant",
      ownerId: input.applicationId,
      order: input.order,
    });
    await audit(trx, {
      actorId: input.applicantId,
      action: "ranking.applicant",
      subjectType: "application",
      subjectId: input.applicationId,
      data: { count: input.order.length },
    });
    return { ok: true };
  });
}

/** An owner's list, best first. */
export async function rankingOf(
  db: Kysely<Database>,
  side: "applicant" | "position",
  ownerId: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom("rankEntries")
    .select(["applicationId", "positionId"])
    .where("side", "=", side)
    .where(side === "applicant" ? "applicationId" : "positionId", "=", ownerId)
    .orderBy("rank")
    .execute();
  return rows.map((row) => (side === "applicant" ? row.positionId : row.applicationId));
}
