import { sql, type Kysely } from "kysely";

// Frozen in time: never edit once landed, never import app code.
export async function up(db: Kysely<any>): Promise<void> {
  // A question shown only when an earlier answer calls for it: { questionId, operator, values } or null.
  await db.schema.alterTable("cycle_questions").addColumn("condition", "jsonb").execute();

  // The eligibility screen of a cycle: choice questions with the answers that qualify, and the kind
  // words said to someone whose answer does not.
  await db.schema
    .createTable("eligibility_questions")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("cycle_id", "uuid", (c) => c.notNull().references("cycles.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("label", "text", (c) => c.notNull())
    .addColumn("help", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("options", "jsonb", (c) => c.notNull())
    .addColumn("qualifying", "jsonb", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex("eligibility_questions_cycle_idx")
    .on("eligibility_questions")
    .columns(["cycle_id", "position"])
    .execute();
  // Only counts of those screened out, by the question that stopped them: nothing about who.
  await db.schema
    .createTable("eligibility_screenouts")
    .addColumn("question_id", "uuid", (c) => c.primaryKey().references("eligibility_questions.id").onDelete("cascade"))
    .addColumn("cycle_id", "uuid", (c) => c.notNull().references("cycles.id").onDelete("cascade"))
    .addColumn("count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  // References a cycle asks for: how many, until when, and the questions put to referees.
  await db.schema
    .alterTable("cycles")
    .addColumn("references_min", "integer", (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`references_min between 0 and 5`),
    )
    .execute();
  await db.schema
    .alterTable("cycles")
    .addColumn("references_max", "integer", (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`references_max between 0 and 5`),
    )
    .execute();
  await db.schema.alterTable("cycles").addColumn("reference_deadline", "timestamptz").execute();
  await db.schema
    .alterTable("cycles")
    .addColumn("referee_questions", "jsonb", (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .execute();
  await sql`alter table cycles add constraint cycles_references_range check (references_min <= references_max)`.execute(
    db,
  );

  await db.schema
    .createTable("reference_requests")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("application_id", "uuid", (c) => c.notNull().references("applications.id").onDelete("cascade"))
    .addColumn("referee_name", "text", (c) => c.notNull())
    .addColumn("referee_email", sql`citext`, (c) => c.notNull())
    .addColumn("relationship", "text", (c) => c.notNull())
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("requested")
        .check(sql`status in ('requested', 'received', 'replaced')`),
    )
    .addColumn("received_at", "timestamptz")
    .addColumn("reminders_sent", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("last_reminded_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  // One live request per applicant and referee: a referee writing for several applicants gets one link each.
  await sql`create unique index reference_requests_live_idx on reference_requests (application_id, referee_email) where status <> 'replaced'`.execute(
    db,
  );
  // The letter lives apart from the applicant's files, so no route that serves an applicant's files can reach it.
  await db.schema
    .createTable("reference_letters")
    .addColumn("request_id", "uuid", (c) => c.primaryKey().references("reference_requests.id").onDelete("cascade"))
    .addColumn("filename", "text")
    .addColumn("size_bytes", "integer")
    .addColumn("sha256", "text")
    .addColumn("bytes", "bytea")
    .addColumn("answers", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}
