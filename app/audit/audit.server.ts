import type { Kysely } from "kysely";
import type { Database } from "#db/types";

export interface AuditEntry {
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId?: string | null;
  data?: Record<string, unknown>;
}

/** Records a decision, score, assignment, role change or export; call it inside the change's transaction. */
export async function audit(trx: Kysely<Database>, entry: AuditEntry): Promise<void> {
  await trx
    .insertInto("auditLog")
    .values({
      actorId: entry.actorId,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId ?? null,
      data: JSON.stringify(entry.data ?? {}),
    })
    .execute();
}

/** Records several entries in one statement (a bulk change audits each subject). */
export async function auditEach(trx: Kysely<Database>, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await trx
    .insertInto("auditLog")
    .values(
      entries.map((entry) => ({
        actorId: entry.actorId,
        action: entry.action,
        subjectType: entry.subjectType,
        subjectId: entry.subjectId ?? null,
        data: JSON.stringify(entry.data ?? {}),
      })),
    )
    .execute();
}
