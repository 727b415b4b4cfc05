import type { DB } from "#db/client";
import { Role } from "~/auth/roles";
import type { SessionUser } from "~/utils/permissions.server";

/**
 * A file and the name to download it under, if this user may see it: its owner and staff.
 * Anyone else gets nothing, exactly as for a file that does not exist.
 */
export async function findFileForViewer(db: DB, fileId: string, user: Pick<SessionUser, "id" | "roles">) {
  const file = await db
    .selectFrom("files")
    .select(["id", "ownerId", "applicationId", "filename", "contentType", "bytes"])
    .where("id", "=", fileId)
    .executeTakeFirst();
  if (!file) return null;
  const allowed = file.ownerId === user.id || user.roles.includes(Role.staff);
  if (!allowed) return null;
  return { contentType: file.contentType, bytes: file.bytes, downloadName: file.filename };
}
