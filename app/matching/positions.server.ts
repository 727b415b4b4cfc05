import { sql, type Kysely } from "kysely";
import { msg } from "~/i18n/message";
import type { DB } from "#db/client";
import type { Database } from "#db/types";
import { audit } from "~/audit/audit.server";
import type { PositionInput } from "./positions.schema";
import { fail, type Result } from "~/utils/result";

/** A cycle's positions with their hosts and how many finalists each considers. */
export async function listPositions(db: DB, cycleId: string) {
  return db
    .selectFrom("positions")
    .innerJoin("organizations", "organizations.id", "positions.organizationId")
    .leftJoin("positionCandidates", "positionCandidates.positionId", "positions.id")
    .select([
      "positions.id",
      "positions.title",
      "positions.description",
      "positions.seats",
      "positions.skills",
      "positions.location",
      "positions.remote",
      "positions.version",
      "organizations.id as organizationId",
      "organizations.name as organizationName",
      "organizations.slug as organizationSlug",
      sql<number>`count(position_candidates.application_id)`.as("candidates"),
    ])
    .where("positions.cycleId", "=", cycleId)
    .groupBy(["positions.id", "organizations.id"])
    .orderBy("organizations.name")
    .orderBy("positions.title")
    .execute();
}

function positionValues(input: PositionInput) {
  return {
    title: input.title,
    description: input.description,
    seats: input.seats,
    skills: JSON.stringify(input.skills),
    location: input.location,
    remote: input.remote,
  };
}

export async function createPosition(
  db: DB,
  actorId: string,
  cycleId: string,
  organizationId: string,
  input: PositionInput,
): Promise<string | null> {
  return db.transaction().execute(async (trx) => {
    const organization = await trx
      .selectFrom("organizations")
      .select("id")
      .where("id", "=", organizationId)
      .executeTakeFirst();
    if (!organization) return null;
    // The same position published twice within seconds is a double click: answer with the first.
    const justAdded = await trx
      .selectFrom("positions")
      .select("id")
      .where("cycleId", "=", cycleId)
      .where("organizationId", "=", organizationId)
      .where("title", "=", input.title)
      .where("createdAt", ">", sql<Date>`now() - interval '10 seconds'`)
      .executeTakeFirst();
    if (justAdded) return justAdded.id;
    const row = await trx
      .insertInto("positions")
      .values({ cycleId, organizationId, ...positionValues(input) })
      .returning("id")
      .executeTakeFirstOrThrow();
    await audit(trx, {
      actorId,
      action: "position.create",
      subjectType: "position",
      subjectId: row.id,
      data: { cycleId, organizationId },
    });
    return row.id;
  });
}

export type PositionWrite = Result;

export async function updatePosition(
  db: DB,
  actorId: string,
  positionId: string,
  version: number,
  input: PositionInput,
  /** When given, the position must belong to this cycle (the page's): another cycle's id answers 404. */
  cycleId?: string,
): Promise<PositionWrite> {
  return db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom("positions")
      .select("version")
      .where("id", "=", positionId)
      .$if(cycleId !== undefined, (qb) => qb.where("cycleId", "=", cycleId!))
      .forUpdate()
      .executeTakeFirst();
    if (!current) return fail(404, msg("partnerPositions.errors.notFound"));
    if (current.version !== version) return fail(409, msg("partnerPositions.errors.stalePosition"));
    await trx
      .updateTable("positions")
      .set({ ...positionValues(input), updatedAt: sql`now()`, version: sql`version + 1` })
      .where("id", "=", positionId)
      .execute();
    await audit(trx, { actorId, action: "position.update", subjectType: "position", subjectId: positionId });
    return { ok: true };
  });
}

/** Which finalists a position considers; only finalists of the position's own cycle qualify. */
export async function setCandidates(
  db: DB,
  actorId: string,
  cycleId: string,
  positionId: string,
  applicationIds: string[],
): Promise<PositionWrite> {
  return db.transaction().execute(async (trx) => {
    const position = await trx
      .selectFrom("positions")
      .select("id")
      .where("id", "=", positionId)
      .where("cycleId", "=", cycleId)
      .forUpdate()
      .executeTakeFirst();
    if (!position) return fail(404, msg("refusals.candidates.positionNotFound"));
    const valid = applicationIds.length
      ? await trx
          .selectFrom("applications")
          .select("id")
          .where("id", "in", applicationIds)
          .where("cycleId", "=", cycleId)
          .where("status", "=", "finalist")
          .execute()
      : [];
    if (valid.length !== new Set(applicationIds).size) return fail(409, msg("refusals.candidates.onlyFinalists"));
    await replaceCandidates(
      trx,
      positionId,
      valid.map((row) => row.id),
    );
    await audit(trx, {
      actorId,
      action: "position.candidates",
      subjectType: "position",
      subjectId: positionId,
      data: { count: valid.length },
    });
    return { ok: true };
  });
}

async function replaceCandidates(trx: Kysely<Database>, positionId: string, applicationIds: string[]) {
  let removal = trx.deleteFrom("positionCandidates").where("positionId", "=", positionId);
  if (applicationIds.length) removal = removal.where("applicationId", "not in", applicationIds);
  await removal.execute();
  // A finalist no longer considered leaves both sides' rank lists for this position.
  let stale = trx.deleteFrom("rankEntries").where("positionId", "=", positionId);
  if (applicationIds.length) stale = stale.where("applicationId", "not in", applicationIds);
  await stale.execute();
  if (applicationIds.length) {
    await trx
      .insertInto("positionCandidates")
      .values(applicationIds.map((applicationId) => ({ positionId, applicationId })))
      .onConflict((oc) => oc.columns(["positionId", "applicationId"]).doNothing())
      .execute();
  }
}

/**
 * The default: a finalist is considered by every position whose host or title their application
 * names; a finalist who names none is considered by all (nobody is left without a chance).
 * Existing choices are kept; only positions without candidates get the defaults.
 */
export async function suggestCandidates(db: DB, actorId: string, cycleId: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const [positions, finalists, existing] = await Promise.all([
      trx
        .selectFrom("positions")
        .innerJoin("organizations", "organizations.id", "positions.organizationId")
        .select(["positions.id", "positions.title", "organizations.name"])
        .where("positions.cycleId", "=", cycleId)
        .execute(),
      trx
        .selectFrom("applications")
        .select(["id", "answers"])
        .where("cycleId", "=", cycleId)
        .where("status", "=", "finalist")
        .execute(),
      trx
        .selectFrom("positionCandidates")
        .innerJoin("positions", "positions.id", "positionCandidates.positionId")
        .select("positionCandidates.positionId")
        .where("positions.cycleId", "=", cycleId)
        .execute(),
    ]);
    const decided = new Set(existing.map((row) => row.positionId));
    const text = (answers: Record<string, string | string[]>) =>
      Object.values(answers).flat().join(" \n ").toLowerCase();
    const named = new Map(
      finalists.map((finalist) => {
        const haystack = text(finalist.answers);
        return [
          finalist.id,
          positions
            .filter((p) => haystack.includes(p.name.toLowerCase()) || haystack.includes(p.title.toLowerCase()))
            .map((p) => p.id),
        ];
      }),
    );
    let added = 0;
    for (const position of positions) {
      if (decided.has(position.id)) continue;
      const chosen = finalists.filter((finalist) => {
        const names = named.get(finalist.id)!;
        return names.length === 0 || names.includes(position.id);
      });
      await replaceCandidates(
        trx,
        position.id,
        chosen.map((finalist) => finalist.id),
      );
      added += chosen.length;
    }
    await audit(trx, {
      actorId,
      action: "position.candidates.suggest",
      subjectType: "cycle",
      subjectId: cycleId,
      data: { added },
    });
    return added;
  });
}

/** Every position's considered finalists, for the staff page (one query). */
export async function candidatesOfCycle(db: DB, cycleId: string) {
  return db
    .selectFrom("positionCandidates")
    .innerJoin("positions", "positions.id", "positionCandidates.positionId")
    .select(["positionCandidates.positionId", "positionCandidates.applicationId"])
    .where("positions.cycleId", "=", cycleId)
    .execute();
}
