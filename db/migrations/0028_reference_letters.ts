import { sql, type Kysely } from "kysely";

// Frozen in time: never edit once landed, never import app code.
export async function up(db: Kysely<any>): Promise<void> {
  // How many references a cycle asks for (0 and 0: none), and how late letters may still arrive
  // (null: two weeks after the application deadline).
  await db.schema
    .alterTable("cycles")
    .addColumn("references_min", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("references_max", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("reference_deadline", "timestamptz")
    .execute();

  // One request to one referee for one application. The emailed link's token is stored only as its
  // hash; a reminder replaces it (the old link stops working). The letter lives here, not in
  // `files`, so no path that serves an applicant's own files can ever reach it.
  await db.schema
    .createTable("reference_requests")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("application_id", "uuid", (c) => c.notNull().references("applications.id").onDelete("cascade"))
    .addColumn("cycle_id", "uuid", (c) => c.notNull().references("cycles.id").onDelete("cascade"))
    .addColumn("referee_name", "text", (c) => c.notNull())
    .addColumn("referee_email", "text", (c) => c.notNull())
    .addColumn("relationship", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().defaultTo("requested"))
    .addColumn("token_hash", "bytea", (c) => c.notNull().unique())
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .addColumn("reminders_sent", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("last_reminded_at", "timestamptz")
    .addColumn("received_at", "timestamptz")
    .addColumn("revoked_at", "timestamptz")
    .addColumn("answers", "jsonb")
    .addColumn("letter_filename", "text")
    .addColumn("letter_sha256", "text")
    .addColumn("letter_size", "integer")
    .addColumn("letter_bytes", "bytea")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addCheckConstraint("reference_requests_status_check", sql`status in ('requested', 'received', 'revoked')`)
    .execute();
  await db.schema
    .createIndex("reference_requests_application_idx")
    .on("reference_requests")
    .columns(["application_id", "status"])
    .execute();
  await db.schema
    .createIndex("reference_requests_cycle_idx")
    .on("reference_requests")
    .columns(["cycle_id", "status"])
    .execute();
  // The same referee twice for one application, two requests at once included: the key refuses it.
  await sql`create unique index reference_requests_one_per_email on reference_requests
    (application_id, lower(referee_email)) where status <> 'revoked'`.execute(db);
}
