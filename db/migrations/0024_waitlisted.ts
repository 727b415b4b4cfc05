import { sql, type Kysely } from "kysely";

// Frozen in time once landed: never edit, never import app code.
export async function up(db: Kysely<any>): Promise<void> {
  // A waitlist between finalist and not selected: a released decision may put an application there,
  // and a later release takes it to finalist or not selected.
  await sql`alter table applications drop constraint if exists applications_status_check`.execute(db);
  await sql`
    alter table applications add constraint applications_status_check check (status in
      ('draft', 'submitted', 'in_review', 'finalist', 'waitlisted', 'not_selected', 'matched', 'unmatched',
       'accepted', 'declined', 'withdrawn'))
  `.execute(db);
  await sql`alter table applications drop constraint if exists applications_pending_decision_check`.execute(db);
  await sql`
    alter table applications add constraint applications_pending_decision_check check
      (pending_decision is null or pending_decision in ('finalist', 'waitlisted', 'not_selected'))
  `.execute(db);
}
