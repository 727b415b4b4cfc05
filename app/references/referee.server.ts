import { createHash } from "node:crypto";
import { sql, type Kysely } from "kysely";
import type { DB } from "#db/client";
import type { Database } from "#db/types";
import { audit } from "~/audit/audit.server";
import { msg } from "~/i18n/message";
import { hashToken } from "~/auth/tokens.server";
import { refereeQuestionsFor } from "./referee-questions.server";
import { linkState, referenceDeadline, type LinkState, type RefereeAnswers, type RefereeQuestion } from "./references";

/**
 * The referee's side: the page behind the emailed link and the letter it takes. The link is the
 * credential (no account): it finds exactly one request, and nothing else about the applicant
 * than their name and the cycle.
 */

async function findByToken(db: Kysely<Database>, token: string, lock: boolean) {
  let query = db
    .selectFrom("referenceRequests")
    .innerJoin("applications", "applications.id", "referenceRequests.applicationId")
    .innerJoin("cycles", "cycles.id", "referenceRequests.cycleId")
    .innerJoin("users", "users.id", "applications.applicantId")
    .select([
      "referenceRequests.id",
      "referenceRequests.status",
      "referenceRequests.expiresAt",
      "referenceRequests.refereeName",
      "referenceRequests.relationship",
      "referenceRequests.cycleId",
      "applications.status as applicationStatus",
      "users.name as applicantName",
      "cycles.name as cycleName",
      "cycles.closesAt",
      "cycles.referenceDeadline",
      "cycles.timezone",
      sql<Date>`now()`.as("now"),
    ])
    .where("referenceRequests.tokenHash", "=", hashToken(token));
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) return null;
  const deadline = referenceDeadline(row);
  const state = linkState(row, { applicationWithdrawn: row.applicationStatus === "withdrawn", deadline, now: row.now });
  return { ...row, deadline, state };
}

export interface RefereeView {
  state: LinkState;
  refereeName: string;
  applicantName: string;
  cycleName: string;
  relationship: string;
  deadline: Date;
  timezone: string;
  /** What the referee is asked: the cycle's own questions, or the defaults. */
  questions: RefereeQuestion[];
}

/** What the referee's page shows: null for a link that matches nothing (mistyped, tampered with, or replaced). */
export async function findRefereeRequest(db: DB, token: string): Promise<RefereeView | null> {
  const row = await findByToken(db, token, false);
  if (!row) return null;
  return {
    state: row.state,
    refereeName: row.refereeName,
    applicantName: row.applicantName,
    cycleName: row.cycleName,
    relationship: row.relationship,
    deadline: row.deadline,
    timezone: row.timezone,
    questions: await refereeQuestionsFor(db, row.cycleId),
  };
}

export type SubmitReferenceResult =
  | { ok: true; applicantName: string }
  | { ok: false; reason: "not-found" }
  | { ok: false; reason: Exclude<LinkState, "open">; status: 410 }
  | { ok: false; reason: "empty"; status: 400; message: string };

/**
 * Takes the reference: the letter (a PDF, already checked by its bytes) and/or the answers. Single
 * use: the request is locked and marked received in one transaction, so a second submission (or
 * two at once) finds it used and writes nothing.
 */
export async function submitReference(
  db: DB,
  token: string,
  input: { answers: RefereeAnswers; letter: { filename: string; bytes: Buffer } | null },
): Promise<SubmitReferenceResult> {
  const answered = Object.values(input.answers).some((value) => value.length > 0);
  return db.transaction().execute(async (trx) => {
    const row = await findByToken(trx, token, true);
    if (!row) return { ok: false, reason: "not-found" };
    if (row.state !== "open") return { ok: false, reason: row.state, status: 410 };
    if (!input.letter && !answered)
      return { ok: false, reason: "empty", status: 400, message: msg("refereeLetter.empty") };
    const letter = input.letter;
    await trx
      .updateTable("referenceRequests")
      .set({
        status: "received",
        receivedAt: sql`now()`,
        answers: JSON.stringify(input.answers),
        letterFilename: letter?.filename ?? null,
        letterBytes: letter?.bytes ?? null,
        letterSize: letter?.bytes.length ?? null,
        letterSha256: letter ? createHash("sha256").update(letter.bytes).digest("hex") : null,
        updatedAt: sql`now()`,
        version: sql`version + 1`,
      })
      .where("id", "=", row.id)
      .execute();
    await audit(trx, {
      actorId: null,
      action: "reference.receive",
      subjectType: "reference_request",
      subjectId: row.id,
      data: { letter: Boolean(letter) },
    });
    return { ok: true, applicantName: row.applicantName };
  });
}
