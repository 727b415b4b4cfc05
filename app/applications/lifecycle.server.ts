import { sql, type Kysely } from "kysely";
import type { ApplicationStatus, Database } from "#db/types";
import { auditEach } from "~/audit/audit.server";
import { canMove, eventKindFor, initialStatus } from "./lifecycle";

/**
 * The one writer of `applications.status`. Every change of status — submitting, withdrawing,
 * starting review, releasing decisions, publishing a matching, answering a placement, deleting an
 * account — goes through {@link moveApplications}, so each one locks the rows, follows the
 * transition table, bumps `version` and `updated_at`, and leaves one history event and one audit
 * entry. A test fails when another file writes the column.
 */

export interface MoveRequest {
  applicationIds: readonly string[];
  to: ApplicationStatus;
  /** Who caused the move (null: the program itself). */
  actorId: string | null;
  /** The audit entry written for each application moved; `from` and `to` are added to its data. */
  audit: { action: string; data?: Record<string, unknown> };
  /** Move only applications now in one of these statuses (default: any the table allows). */
  from?: readonly ApplicationStatus[];
  /** Matching: the position a matched finalist goes to. */
  matchedPositionId?: string | null;
}

export interface MovedApplication {
  id: string;
  from: ApplicationStatus;
  version: number;
  at: Date;
}

export interface MoveResult {
  moved: MovedApplication[];
  /** Applications found but left as they were: the table (or `from`) does not allow the move. */
  refused: { id: string; status: ApplicationStatus }[];
}

/** Rows written per statement, well inside PostgreSQL's limit on parameters. */
const CHUNK = 1000;

/** Moves applications to `to` inside the caller's transaction (see the module comment). */
export async function moveApplications(trx: Kysely<Database>, request: MoveRequest): Promise<MoveResult> {
  const ids = [...new Set(request.applicationIds)].sort();
  if (ids.length === 0) return { moved: [], refused: [] };
  const current: { id: string; status: ApplicationStatus }[] = [];
  // Locked in id order, so two movers of overlapping sets cannot deadlock.
  for (const part of chunks(ids))
    current.push(
      ...(await trx
        .selectFrom("applications")
        .select(["id", "status"])
        .where("id", "in", part)
        .orderBy("id")
        .forUpdate()
        .execute()),
    );
  const allowed = current.filter(
    (row) => canMove(row.status, request.to) && (!request.from || request.from.includes(row.status)),
  );
  const refused = current.filter((row) => !allowed.includes(row));
  const moved: MovedApplication[] = [];
  for (const part of chunks(allowed)) {
    const rows = await trx
      .updateTable("applications")
      .set({ status: request.to, version: sql`version + 1`, updatedAt: sql`now()`, ...stampsFor(request) })
      .where(
        "id",
        "in",
        part.map((row) => row.id),
      )
      .returning(["id", "version", "updatedAt"])
      .execute();
    const fromOf = new Map(part.map((row) => [row.id, row.status]));
    moved.push(
      ...rows.map((row) => ({ id: row.id, from: fromOf.get(row.id)!, version: row.version, at: row.updatedAt })),
    );
    await trx
      .insertInto("applicationEvents")
      .values(
        rows.map((row) => ({
          applicationId: row.id,
          actorId: request.actorId,
          kind: eventKindFor(request.to),
          fromStatus: fromOf.get(row.id)!,
          toStatus: request.to,
        })),
      )
      .execute();
    await auditEach(
      trx,
      rows.map((row) => ({
        actorId: request.actorId,
        action: request.audit.action,
        subjectType: "application",
        subjectId: row.id,
        data: { ...request.audit.data, from: fromOf.get(row.id)!, to: request.to },
      })),
    );
  }
  return { moved, refused };
}

/** The columns that record when (and where) a move happened, the same whoever makes it. */
function stampsFor(request: MoveRequest) {
  switch (request.to) {
    case "submitted":
    case "loi_submitted":
      return { submittedAt: sql<Date>`now()` };
    // The only way into `draft` is the invitation of a letter of intent (a new draft is inserted).
    case "draft":
      return { invitedAt: sql<Date>`now()`, submittedAt: null };
    case "not_invited":
      return { pendingDecision: null, decisionReleasedAt: sql<Date>`now()` };
    case "withdrawn":
      return { withdrawnAt: sql<Date>`now()` };
    case "finalist":
    case "waitlisted":
    case "not_selected":
      return { pendingDecision: null, decisionReleasedAt: sql<Date>`now()` };
    case "matched":
    case "unmatched":
      return { matchedPositionId: request.matchedPositionId ?? null };
    case "accepted":
    case "declined":
      return { placementAnsweredAt: sql<Date>`now()` };
    default:
      return {};
  }
}

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += CHUNK) out.push(items.slice(start, start + CHUNK));
  return out;
}

/**
 * Moves one application its caller has already locked and checked; a refusal here is a bug in the
 * caller, so it throws (rolling the transaction back) rather than leave a half-made change.
 */
export async function moveOne(trx: Kysely<Database>, request: MoveRequest): Promise<MovedApplication> {
  const result = await moveApplications(trx, request);
  const moved = result.moved[0];
  if (result.moved.length !== 1 || !moved)
    throw new Error(
      `Application ${request.applicationIds.join(", ")} cannot move to ${request.to} from ${result.refused.map((row) => row.status).join(", ") || "nowhere"}`,
    );
  return moved;
}

/**
 * Starts an applicant's application (version 0 until its first save completes), in the status the
 * cycle starts with. Two first saves at once meet at the unique key: the second inserts nothing.
 */
export async function startApplication(
  trx: Kysely<Database>,
  input: { cycleId: string; applicantId: string; twoStage: boolean },
): Promise<void> {
  await trx
    .insertInto("applications")
    .values({
      cycleId: input.cycleId,
      applicantId: input.applicantId,
      answers: "{}",
      version: 0,
      status: initialStatus(input.twoStage),
    })
    .onConflict((oc) => oc.columns(["cycleId", "applicantId"]).doNothing())
    .execute();
}
