import type { DB } from "#db/client";
import { Role } from "~/auth/roles";
import type { SessionUser } from "~/utils/permissions.server";
import { withoutPdfMetadata } from "./pdf-metadata.server";

/**
 * A file and the name to download it under, if this user may see it: its owner, staff, a host
 * whose position considers the finalist, and a reviewer assigned to the application (in a blind
 * cycle, only files of questions not marked identifying, under a neutral name and without the
 * PDF's metadata, which often names its author). Anyone else gets nothing, as for a file that does
 * not exist; so does a blind reviewer for a file that cannot be cleaned.
 */
export async function findFileForViewer(db: DB, fileId: string, user: Pick<SessionUser, "id" | "roles">) {
  const file = await db
    .selectFrom("files")
    .leftJoin("applications", "applications.id", "files.applicationId")
    .leftJoin("cycles", "cycles.id", "applications.cycleId")
    .leftJoin("cycleQuestions", "cycleQuestions.id", "files.questionId")
    .select([
      "files.id",
      "files.ownerId",
      "files.applicationId",
      "files.filename",
      "files.contentType",
      "files.bytes",
      "cycles.blindReview",
      "cycleQuestions.identifying",
    ])
    .where("files.id", "=", fileId)
    .executeTakeFirst();
  if (!file) return null;
  const download = { contentType: file.contentType, bytes: file.bytes, downloadName: file.filename };
  if (file.ownerId === user.id || user.roles.includes(Role.staff)) return download;
  if (!file.applicationId) return null;

  // A host that considers this finalist reads the whole application: identity is visible from this stage.
  const hosting = await db
    .selectFrom("positionCandidates")
    .innerJoin("positions", "positions.id", "positionCandidates.positionId")
    .innerJoin("orgMembers", "orgMembers.organizationId", "positions.organizationId")
    .select("positionCandidates.positionId")
    .where("positionCandidates.applicationId", "=", file.applicationId)
    .where("orgMembers.userId", "=", user.id)
    .executeTakeFirst();
  if (hosting) return download;

  if (!(await isOnPanelOf(db, user.id, file.applicationId))) return null;
  if (file.blindReview) {
    if (file.identifying !== false) return null;
    const cleaned = await withoutPdfMetadata(file.bytes);
    if (!cleaned) return null;
    return { contentType: "application/pdf", bytes: cleaned, downloadName: "document.pdf" };
  }
  return download;
}

/**
 * Whether this person reviews the application now: assigned, not recused, and still on the
 * cycle's active panel. What a reviewer may read of an application (files, letters) hangs on it.
 */
export async function isOnPanelOf(db: DB, reviewerId: string, applicationId: string): Promise<boolean> {
  const assigned = await db
    .selectFrom("reviewAssignments")
    .innerJoin("cycleReviewers", (join) =>
      join
        .onRef("cycleReviewers.cycleId", "=", "reviewAssignments.cycleId")
        .onRef("cycleReviewers.userId", "=", "reviewAssignments.reviewerId"),
    )
    .select("reviewAssignments.id")
    .where("reviewAssignments.applicationId", "=", applicationId)
    .where("reviewAssignments.reviewerId", "=", reviewerId)
    .where("reviewAssignments.status", "!=", "recused")
    .where("cycleReviewers.active", "=", true)
    .executeTakeFirst();
  return assigned !== undefined;
}
