import { sql, type Kysely } from "kysely";

// Frozen in time once landed: never edit, never import app code.
export async function up(db: Kysely<any>): Promise<void> {
  // Two-stage cycles: a letter of intent (LOI) before the full application. A cycle with an LOI
  // deadline has two stages; its questions say which stage first asks them.
  await db.schema.alterTable("cycles").addColumn("loi_closes_at", "timestamptz").execute();
  await db.schema
    .alterTable("cycle_questions")
    .addColumn("stage", "text", (c) =>
      c
        .notNull()
        .defaultTo("full")
        .check(sql`stage in ('loi', 'full')`),
    )
    .execute();
  // When staff invited the LOI to the full application (null: one-stage, or not invited).
  await db.schema.alterTable("applications").addColumn("invited_at", "timestamptz").execute();

  // An application of a two-stage cycle starts as an LOI; staff invite it to the full application
  // (its draft) or release a "not invited" decision.
  await sql`alter table applications drop constraint if exists applications_status_check`.execute(db);
  await sql`
    alter table applications add constraint applications_status_check check (status in
      ('loi_draft', 'loi_submitted', 'not_invited', 'draft', 'submitted', 'in_review', 'finalist', 'waitlisted',
       'not_selected', 'matched', 'unmatched', 'accepted', 'declined', 'withdrawn'))
  `.execute(db);
  await sql`alter table applications drop constraint if exists applications_pending_decision_check`.execute(db);
  await sql`
    alter table applications add constraint applications_pending_decision_check check
      (pending_decision is null or pending_decision in ('finalist', 'waitlisted', 'not_selected', 'not_invited'))
  `.execute(db);
}
