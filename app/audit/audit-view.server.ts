import type { DB } from "#db/client";

export const AUDIT_PAGE_SIZE = 50;

export async function listAudit(db: DB, { action, page }: { action?: string | undefined; page: number }) {
  let query = db
    .selectFrom("auditLog")
    .leftJoin("users", "users.id", "auditLog.actorId")
    .select([
      "auditLog.id",
      "auditLog.action",
      "auditLog.subjectType",
      "auditLog.subjectId",
      "auditLog.data",
      "auditLog.at",
      "users.name as actorName",
    ]);
  if (action) query = query.where("auditLog.action", "like", `${action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const rows = await query
    .orderBy("auditLog.at", "desc")
    .orderBy("auditLog.id")
    .limit(AUDIT_PAGE_SIZE + 1)
    .offset((page - 1) * AUDIT_PAGE_SIZE)
    .execute();
  return { entries: rows.slice(0, AUDIT_PAGE_SIZE), hasMore: rows.length > AUDIT_PAGE_SIZE };
}
