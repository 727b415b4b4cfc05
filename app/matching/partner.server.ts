import { shownQuestions } from "~/applications/conditions";
import { msg } from "~/i18n/message";
import { sql } from "kysely";
import type { DB } from "#db/client";
import { listQuestions } from "~/cycles/questions.server";
import { audit } from "~/audit/audit.server";
import { rankingOf } from "./rankings.server";
import { fail, type Result } from "~/utils/result";

/** The positions of every organization the user belongs to, newest cycles first. */
export async function listPartnerPositions(db: DB, userId: string) {
  return db
    .selectFrom("positions")
    .innerJoin("orgMembers", "orgMembers.organizationId", "positions.organizationId")
    .innerJoin("organizations", "organizations.id", "positions.organizationId")
    .innerJoin("cycles", "cycles.id", "positions.cycleId")
    .select([
      "positions.id",
      "positions.title",
      "positions.seats",
      "organizations.name as organizationName",
      "cycles.name as cycleName",
      "cycles.rankingDeadline",
      "cycles.timezone",
      sql<number>`(select count(*) from position_candidates pc where pc.position_id = positions.id)`.as("candidates"),
      sql<number>`(select count(*) from rank_entries re where re.position_id = positions.id and re.side = 'position')`.as(
        "ranked",
      ),
    ])
    .where("orgMembers.userId", "=", userId)
    .orderBy("cycles.closesAt", "desc")
    .orderBy("positions.title")
    .execute();
}

/** A position, if this user is a member of its host; otherwise nothing (another host's position answers 404). */
export async function findPartnerPosition(db: DB, positionId: string, userId: string) {
  return db
    .selectFrom("positions")
    .innerJoin("orgMembers", (join) =>
      join.onRef("orgMembers.organizationId", "=", "positions.organizationId").on("orgMembers.userId", "=", userId),
    )
    .innerJoin("organizations", "organizations.id", "positions.organizationId")
    .innerJoin("cycles", "cycles.id", "positions.cycleId")
    .select([
      "positions.id",
      "positions.cycleId",
      "positions.title",
      "positions.description",
      "positions.seats",
      "positions.skills",
      "positions.location",
      "positions.remote",
      "positions.version",
      "positions.interviewTimezone",
      "positions.interviewCutoffHours",
      "organizations.name as organizationName",
      "cycles.name as cycleName",
      "cycles.status as cycleStatus",
      "cycles.rankingDeadline",
      "cycles.timezone",
      sql<boolean>`cycles.ranking_deadline is not null and cycles.ranking_deadline <= now()`.as("pastDeadline"),
      sql<boolean>`exists (select 1 from match_runs mr where mr.cycle_id = cycles.id and mr.published_at is not null)`.as(
        "published",
      ),
    ])
    .where("positions.id", "=", positionId)
    .executeTakeFirst();
}

export type PartnerPosition = NonNullable<Awaited<ReturnType<typeof findPartnerPosition>>>;

/**
 * The finalists a position considers, with their applications (names shown: identity is visible
 * from this stage), this host's own interview notes, and its rank list. Four queries in all.
 */
export async function positionCandidatesView(db: DB, position: PartnerPosition) {
  const [candidates, questions, notes, ranking] = await Promise.all([
    db
      .selectFrom("positionCandidates")
      .innerJoin("applications", "applications.id", "positionCandidates.applicationId")
      .innerJoin("users", "users.id", "applications.applicantId")
      .select(["applications.id", "applications.answers", "users.name"])
      .where("positionCandidates.positionId", "=", position.id)
      .orderBy("users.name")
      .execute(),
    listQuestions(db, position.cycleId),
    db
      .selectFrom("interviews")
      .select(["applicationId", "notes", "scores", "version"])
      .where("positionId", "=", position.id)
      .execute(),
    rankingOf(db, "position", position.id),
  ]);
  const files = candidates.length
    ? await db
        .selectFrom("files")
        .select(["id", "applicationId", "questionId", "filename"])
        .where(
          "applicationId",
          "in",
          candidates.map((candidate) => candidate.id),
        )
        .execute()
    : [];
  return {
    candidates: candidates.map((candidate) => {
      const note = notes.find((row) => row.applicationId === candidate.id);
      return {
        id: candidate.id,
        name: candidate.name,
        notes: note?.notes ?? "",
        scores: note?.scores ?? {},
        notesVersion: note?.version ?? 0,
        answers: shownQuestions(questions, candidate.answers).map((question) => {
          const value = candidate.answers[question.id];
          const file =
            question.kind === "file"
              ? files.find((f) => f.id === value && f.applicationId === candidate.id)
              : undefined;
          return {
            id: question.id,
            label: question.label,
            text: file ? null : Array.isArray(value) ? value.join(", ") : (value ?? null),
            file: file ? { id: file.id, name: file.filename } : null,
          };
        }),
      };
    }),
    ranking,
  };
}

export type NotesWrite = Result;

/** The host's private notes on one finalist, with a version check (two colleagues, one candidate). */
export async function saveInterviewNotes(
  db: DB,
  input: {
    positionId: string;
    applicationId: string;
    notes: string;
    scores?: Record<string, number>;
    version: number;
    actorId: string;
  },
): Promise<NotesWrite> {
  return db.transaction().execute(async (trx) => {
    const candidate = await trx
      .selectFrom("positionCandidates")
      .select("applicationId")
      .where("positionId", "=", input.positionId)
      .where("applicationId", "=", input.applicationId)
      .executeTakeFirst();
    if (!candidate) return fail(404, msg("partnerPositions.errors.notConsidered"));
    const current = await trx
      .selectFrom("interviews")
      .select(["id", "version"])
      .where("positionId", "=", input.positionId)
      .where("applicationId", "=", input.applicationId)
      .forUpdate()
      .executeTakeFirst();
    if ((current?.version ?? 0) !== input.version) {
      return {
        ok: false,
        status: 409,
        message: msg("partnerPositions.errors.staleNotes"),
      };
    }
    if (current) {
      await trx
        .updateTable("interviews")
        .set({
          notes: input.notes,
          scores: JSON.stringify(input.scores ?? {}),
          updatedBy: input.actorId,
          updatedAt: sql`now()`,
          version: sql`version + 1`,
        })
        .where("id", "=", current.id)
        .execute();
    } else {
      // Two colleagues writing the first note at once: the second finds the first's row and is stale.
      const inserted = await trx
        .insertInto("interviews")
        .values({
          positionId: input.positionId,
          applicationId: input.applicationId,
          notes: input.notes,
          scores: JSON.stringify(input.scores ?? {}),
          updatedBy: input.actorId,
        })
        .onConflict((oc) => oc.columns(["positionId", "applicationId"]).doNothing())
        .returning("id")
        .executeTakeFirst();
      if (!inserted) {
        return {
          ok: false,
          status: 409,
          message: msg("partnerPositions.errors.notesRace"),
        };
      }
    }
    await audit(trx, {
      actorId: input.actorId,
      action: "interview.notes",
      subjectType: "application",
      subjectId: input.applicationId,
      data: { positionId: input.positionId },
    });
    return { ok: true };
  });
}
