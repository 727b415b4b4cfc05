import { sql, type Kysely } from "kysely";

// Frozen in time once landed: never edit, never import app code.
export async function up(db: Kysely<any>): Promise<void> {
  // Staff reassign one assignment from a page that may be stale: the form carries the version it saw,
  // and a change since (submitted, recused, reassigned) answers 409 instead of replacing blindly.
  await sql`alter table review_assignments add column version integer not null default 1`.execute(db);
  // The assignments page shows a round's last run (its optimality figures) from the audit log.
  await sql`create index audit_log_subject_idx on audit_log (subject_id, action, at)`.execute(db);
}
