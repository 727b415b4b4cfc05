import { sql, type Kysely } from "kysely";

// Frozen in time: never edit once landed, never import app code.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("cycles")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("slug", sql`citext`, (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("opens_at", "timestamptz", (c) => c.notNull())
    .addColumn("closes_at", "timestamptz", (c) => c.notNull())
    .addColumn("timezone", "text", (c) => c.notNull().defaultTo("UTC"))
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("draft")
        .check(sql`status in ('draft', 'open', 'closed', 'reviewing', 'matching', 'complete')`),
    )
    .addColumn("blind_review", "boolean", (c) => c.notNull().defaultTo(true))
    .addColumn("reviewers_per_application", "integer", (c) =>
      c
        .notNull()
        .defaultTo(3)
        .check(sql`reviewers_per_application between 1 and 10`),
    )
    .addColumn("finalist_target", "integer")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addCheckConstraint("cycles_dates_ck", sql`closes_at > opens_at`)
    .execute();

  await db.schema
    .createTable("cycle_questions")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("cycle_id", "uuid", (c) => c.notNull().references("cycles.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("section", "text", (c) => c.notNull().defaultTo("Your application"))
    .addColumn("kind", "text", (c) =>
      c.notNull().check(sql`kind in ('short_text', 'long_text', 'single_choice', 'multi_choice', 'url', 'file')`),
    )
    .addColumn("label", "text", (c) => c.notNull())
    .addColumn("help", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("required", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("max_words", "integer", (c) => c.check(sql`max_words is null or max_words > 0`))
    .addColumn("options", "jsonb", (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn("identifying", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex("cycle_questions_cycle_idx")
    .on("cycle_questions")
    .columns(["cycle_id", "position"])
    .execute();

  await db.schema
    .createTable("applications")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("cycle_id", "uuid", (c) => c.notNull().references("cycles.id").onDelete("cascade"))
    .addColumn("applicant_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("draft")
        .check(
          sql`status in ('draft', 'submitted', 'in_review', 'finalist', 'not_selected', 'matched', 'unmatched', 'accepted', 'declined', 'withdrawn')`,
        ),
    )
    .addColumn("answers", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn("submitted_at", "timestamptz")
    .addColumn("withdrawn_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint("applications_cycle_applicant_uq", ["cycle_id", "applicant_id"])
    .execute();
  await db.schema
    .createIndex("applications_cycle_status_idx")
    .on("applications")
    .columns(["cycle_id", "status"])
    .execute();
  await db.schema.createIndex("applications_applicant_idx").on("applications").column("applicant_id").execute();

  await db.schema
    .createTable("application_events")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("application_id", "uuid", (c) => c.notNull().references("applications.id").onDelete("cascade"))
    .addColumn("actor_id", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("from_status", "text")
    .addColumn("to_status", "text")
    .addColumn("at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex("application_events_application_idx")
    .on("application_events")
    .columns(["application_id", "at"])
    .execute();

  await db.schema
    .createTable("files")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("owner_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("application_id", "uuid", (c) => c.references("applications.id").onDelete("cascade"))
    .addColumn("question_id", "uuid", (c) => c.references("cycle_questions.id").onDelete("cascade"))
    .addColumn("filename", "text", (c) => c.notNull())
    .addColumn("content_type", "text", (c) => c.notNull())
    .addColumn("size_bytes", "integer", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("bytes", "bytea", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex("files_application_question_idx")
    .on("files")
    .columns(["application_id", "question_id"])
    .execute();

  // Self-described and optional; kept apart from the answers so no reviewer query can reach them.
  await db.schema
    .createTable("application_demographics")
    .addColumn("application_id", "uuid", (c) => c.primaryKey().references("applications.id").onDelete("cascade"))
    .addColumn("cycle_id", "uuid", (c) => c.notNull().references("cycles.id").onDelete("cascade"))
    .addColumn("region", "text")
    .addColumn("gender", "text")
    .addColumn("first_generation", "text")
    .addColumn("disability", "text")
    .addColumn("career_stage", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex("application_demographics_cycle_idx")
    .on("application_demographics")
    .column("cycle_id")
    .execute();
}
