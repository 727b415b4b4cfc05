import { sql } from "kysely";
import type { DB } from "#db/client";
import { isOnPanelOf } from "~/applications/file-access.server";
import { withoutPdfMetadata } from "~/applications/pdf-metadata.server";
import { Role } from "~/auth/roles";
import { redactIdentity } from "~/review/redaction";
import type { SessionUser } from "~/utils/permissions.server";
import { refereeQuestionsFor } from "./referee-questions.server";
import { letterDownloadName } from "./references";

/**
 * Letters as the panel reads them. Only staff and a reviewer assigned to the application (not
 * recused, on the active panel) ever get one; the applicant never does, whoever they are
 * otherwise. In a blind cycle the referee's name, email and relationship are withheld, the
 * answers redacted of both people's names and links, the letter offered under a neutral name
 * without its PDF metadata, and every letter marked as possibly identifying (a letter is about
 * a person, by someone who knows them).
 */

export interface LetterView {
  id: string;
  /** Null in a blind cycle. */
  refereeName: string | null;
  relationship: string | null;
  receivedAt: Date;
  answers: { label: string; text: string }[];
  letter: { name: string } | null;
  possiblyIdentifying: boolean;
}

/** The received references of an application, for a reader already allowed to read it. */
export async function lettersOf(db: DB, applicationId: string, input: { blind: boolean }): Promise<LetterView[]> {
  const applicant = await db
    .selectFrom("applications")
    .innerJoin("users", "users.id", "applications.applicantId")
    .select(["users.name", "users.email", "applications.cycleId"])
    .where("applications.id", "=", applicationId)
    .executeTakeFirstOrThrow();
  // The cycle's own referee questions (fixed once a letter arrived), or the defaults.
  const questions = await refereeQuestionsFor(db, applicant.cycleId);
  const rows = await db
    .selectFrom("referenceRequests")
    .select([
      "id",
      "refereeName",
      "refereeEmail",
      "relationship",
      "receivedAt",
      "answers",
      "letterFilename",
      sql<boolean>`letter_bytes is not null`.as("hasLetter"),
    ])
    .where("applicationId", "=", applicationId)
    .where("status", "=", "received")
    .orderBy("receivedAt")
    .execute();
  return rows.map((row, index) => {
    const redact = (text: string) =>
      input.blind
        ? redactIdentity(redactIdentity(text, applicant), { name: row.refereeName, email: row.refereeEmail })
        : text;
    return {
      id: row.id,
      refereeName: input.blind ? null : row.refereeName,
      relationship: input.blind ? null : row.relationship,
      receivedAt: row.receivedAt!,
      answers: questions
        .map((question) => ({
          label: question.label,
          text: redact(row.answers?.[question.key] ?? ""),
        }))
        .filter((answer) => answer.text.length > 0),
      letter:
        row.hasLetter && row.letterFilename
          ? { name: letterDownloadName(row.letterFilename, input.blind, index + 1) }
          : null,
      possiblyIdentifying: input.blind,
    };
  });
}

/**
 * A letter's PDF for this user, or null (as for a letter that does not exist): staff, or an
 * assigned reviewer. The applicant gets null even when they are staff or a reviewer elsewhere: a
 * letter is never its subject's to read. A blind cycle's letter is served cleaned of its
 * metadata, or not at all when it cannot be cleaned.
 */
export async function findLetterForViewer(db: DB, requestId: string, user: Pick<SessionUser, "id" | "roles">) {
  const row = await db
    .selectFrom("referenceRequests")
    .innerJoin("applications", "applications.id", "referenceRequests.applicationId")
    .innerJoin("cycles", "cycles.id", "referenceRequests.cycleId")
    .select([
      "referenceRequests.id",
      "referenceRequests.applicationId",
      "referenceRequests.letterFilename",
      "referenceRequests.letterBytes",
      "applications.applicantId",
      "cycles.blindReview",
    ])
    .where("referenceRequests.id", "=", requestId)
    .where("referenceRequests.status", "=", "received")
    .executeTakeFirst();
  if (!row?.letterBytes || !row.letterFilename || row.applicantId === user.id) return null;
  if (user.roles.includes(Role.staff)) return { bytes: row.letterBytes, downloadName: row.letterFilename };
  if (!(await isOnPanelOf(db, user.id, row.applicationId))) return null;
  if (!row.blindReview) return { bytes: row.letterBytes, downloadName: row.letterFilename };
  const cleaned = await withoutPdfMetadata(row.letterBytes);
  if (!cleaned) return null;
  const position = await db
    .selectFrom("referenceRequests")
    .select(sql<number>`count(*)::int`.as("count"))
    .where("applicationId", "=", row.applicationId)
    .where("status", "=", "received")
    .where(sql<boolean>`received_at <= (select received_at from reference_requests where id = ${row.id})`)
    .executeTakeFirstOrThrow();
  return { bytes: Buffer.from(cleaned), downloadName: letterDownloadName(row.letterFilename, true, position.count) };
}
