import { sql, type Kysely } from "kysely";

// Frozen in time: never edit once landed, never import app code.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("cycles").addColumn("review_due_at", "timestamptz").execute();

  await db.schema
    .createTable("rubric_criteria")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("cycle_id", "uuid", (c) => c.notNull().references("cycles.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("guidance", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("weight", "integer", (c) => c.notNull().check(sql`weight > 0`))
    .addColumn("scale_min", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("scale_max", "integer", (c) => c.notNull().defaultTo(5))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addCheckConstraint("rubric_criteria_scale_ck", sql`scale_max > scale_min`)
    .execute();
  await db.schema
    .createIndex("rubric_criteria_cycle_idx")
    .on("rubric_criteria")
    .columns(["cycle_id", "position"])
    .execute();

  await db.schema
    .createTable("cycle_reviewers")
    .addColumn("cycle_id", "uuid", (c) => c.notNull().references("cycles.id").onDelete("cascade"))
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("capacity", "integer", (c) => c.notNull().check(sql`capacity >= 0`))
    .addColumn("expertise", "jsonb", (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn("active", "boolean", (c) => c.notNull().defaultTo(true))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint("cycle_reviewers_pk", ["cycle_id", "user_id"])
    .execute();
  await db.schema.createIndex("cycle_reviewers_user_idx").on("cycle_reviewers").column("user_id").execute();

  await db.schema
    .createTable("conflicts")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("cycle_id", "uuid", (c) => c.notNull().references("cycles.id").onDelete("cascade"))
    .addColumn("reviewer_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) =>
      c.notNull().check(sql`kind in ('application', 'email_domain', 'organization', 'person')`),
    )
    .addColumn("value", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull().check(sql`source in ('declared', 'recusal', 'staff')`))
    .addColumn("reason", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("conflicts_unique", ["cycle_id", "reviewer_id", "kind", "value"])
    .execute();

  await db.schema
    .createTable("review_assignments")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("cycle_id", "uuid", (c) => c.notNull().references("cycles.id").onDelete("cascade"))
    .addColumn("application_id", "uuid", (c) => c.notNull().references("applications.id").onDelete("cascade"))
    .addColumn("reviewer_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("assigned")
        .check(sql`status in ('assigned', 'submitted', 'recused')`),
    )
    .addColumn("due_at", "timestamptz")
    .addColumn("recusal_reason", "text")
    .addColumn("assigned_by", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("review_assignments_pair_uq", ["application_id", "reviewer_id"])
    .execute();
  await db.schema
    .createIndex("review_assignments_reviewer_idx")
    .on("review_assignments")
    .columns(["reviewer_id", "cycle_id"])
    .execute();
  await db.schema
    .createIndex("review_assignments_cycle_idx")
    .on("review_assignments")
    .columns(["cycle_id", "status"])
    .execute();

  await db.schema
    .createTable("reviews")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("assignment_id", "uuid", (c) =>
      c.notNull().unique().references("review_assignments.id").onDelete("cascade"),
    )
    .addColumn("scores", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn("comments", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn("recommendation", "text", (c) =>
      c.check(sql`recommendation is null or recommendation in ('strong_yes', 'yes', 'maybe', 'no')`),
    )
    .addColumn("confidence", "integer", (c) => c.check(sql`confidence is null or confidence between 1 and 3`))
    .addColumn("overall_comment", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("submitted_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();

  // A decision waits here until staff release it; releasing moves the application's status.
  await db.schema
    .alterTable("applications")
    .addColumn("pending_decision", "text", (c) =>
      c.check(sql`pending_decision is null or pending_decision in ('finalist', 'not_selected')`),
    )
    .addColumn("pending_decision_by", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("decision_feedback", "text")
    .addColumn("decision_released_at", "timestamptz")
    .execute();
}
