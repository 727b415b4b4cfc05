import { sql, type Kysely } from "kysely";

// Frozen in time once landed: never edit, never import app code.
export async function up(db: Kysely<any>): Promise<void> {
  // A cycle's review happens in rounds (screening, then a panel, …), each with its own rubric, pool,
  // k, blind setting and due date. Round 1 takes every application in review and the cycle's whole
  // active panel; a later round takes only the applications advanced into it and the reviewers
  // chosen for it.
  await db.schema
    .createTable("review_rounds")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("cycle_id", "uuid", (c) => c.notNull().references("cycles.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull().check(sql`position >= 1`))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("reviewers_per_application", "integer", (c) => c.notNull().check(sql`reviewers_per_application >= 1`))
    .addColumn("blind_review", "boolean", (c) => c.notNull().defaultTo(true))
    .addColumn("review_due_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint("review_rounds_position_uq", ["cycle_id", "position"])
    .execute();
  // Backfill: every cycle so far had one round, with the cycle's own settings.
  await sql`
    insert into review_rounds (cycle_id, position, name, reviewers_per_application, blind_review, review_due_at)
    select id, 1, 'Review', reviewers_per_application, blind_review, review_due_at from cycles
  `.execute(db);

  for (const table of ["rubric_criteria", "review_assignments"]) {
    await db.schema
      .alterTable(table)
      .addColumn("round_id", "uuid", (c) => c.references("review_rounds.id").onDelete("cascade"))
      .execute();
    await sql`
      update ${sql.table(table)} t set round_id = r.id
      from review_rounds r where r.cycle_id = t.cycle_id and r.position = 1
    `.execute(db);
    await db.schema
      .alterTable(table)
      .alterColumn("round_id", (c) => c.setNotNull())
      .execute();
  }
  await db.schema
    .createIndex("rubric_criteria_round_idx")
    .on("rubric_criteria")
    .columns(["round_id", "position"])
    .execute();
  // A panel reviewer may meet an application again that they screened: one assignment per round.
  await db.schema.alterTable("review_assignments").dropConstraint("review_assignments_pair_uq").execute();
  await db.schema
    .alterTable("review_assignments")
    .addUniqueConstraint("review_assignments_round_pair_uq", ["round_id", "application_id", "reviewer_id"])
    .execute();
  await db.schema
    .createIndex("review_assignments_round_idx")
    .on("review_assignments")
    .columns(["round_id", "status"])
    .execute();

  // The reviewers chosen for a later round, from the cycle's panel (capacity and expertise stay there).
  await db.schema
    .createTable("round_reviewers")
    .addColumn("round_id", "uuid", (c) => c.notNull().references("review_rounds.id").onDelete("cascade"))
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("round_reviewers_pk", ["round_id", "user_id"])
    .execute();

  // An application's place in a later round: advancing writes only this row (with how and why).
  await db.schema
    .createTable("round_applications")
    .addColumn("round_id", "uuid", (c) => c.notNull().references("review_rounds.id").onDelete("cascade"))
    .addColumn("application_id", "uuid", (c) => c.notNull().references("applications.id").onDelete("cascade"))
    .addColumn("method", "text", (c) => c.notNull().check(sql`method in ('top_n', 'cut_off', 'hand_picked')`))
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("advanced_by", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("round_applications_pk", ["round_id", "application_id"])
    .execute();
  await db.schema
    .createIndex("round_applications_application_idx")
    .on("round_applications")
    .column("application_id")
    .execute();
}
