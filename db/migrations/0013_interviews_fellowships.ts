import { sql, type Kysely } from "kysely";

// Frozen in time: never edit once landed, never import app code.
export async function up(db: Kysely<any>): Promise<void> {
  // Email attachments (calendar invitations): [{ filename, contentType, content }] or null.
  await db.schema.alterTable("email_outbox").addColumn("attachments", "jsonb").execute();

  // The host's time zone for a position's interviews (slots are entered and shown to the host in
  // it), and how long before an interview a finalist may still book, move or cancel it.
  await db.schema
    .alterTable("positions")
    .addColumn("interview_timezone", "text", (c) => c.notNull().defaultTo("UTC"))
    .execute();
  await db.schema
    .alterTable("positions")
    .addColumn("interview_cutoff_hours", "integer", (c) =>
      c
        .notNull()
        .defaultTo(24)
        .check(sql`interview_cutoff_hours between 0 and 336`),
    )
    .execute();
  // When the finalist was emailed to book an interview for the position (once).
  await db.schema.alterTable("position_candidates").addColumn("interview_invited_at", "timestamptz").execute();
  // A short structured score per interview, private to the host like the notes.
  await db.schema.alterTable("interviews").addColumn("scores", "jsonb").execute();

  await db.schema
    .createTable("interview_slots")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("position_id", "uuid", (c) => c.notNull().references("positions.id").onDelete("cascade"))
    .addColumn("starts_at", "timestamptz", (c) => c.notNull())
    .addColumn("minutes", "integer", (c) => c.notNull().check(sql`minutes between 5 and 480`))
    .addColumn("capacity", "integer", (c) => c.notNull().check(sql`capacity between 1 and 20`))
    .addColumn("location", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("cancelled_at", "timestamptz")
    .addColumn("cancel_message", "text")
    .addColumn("created_by", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex("interview_slots_position_idx")
    .on("interview_slots")
    .columns(["position_id", "starts_at"])
    .execute();
  await db.schema.createIndex("interview_slots_starts_idx").on("interview_slots").column("starts_at").execute();

  // One row per finalist and position: it moves between slots, so its calendar UID stays stable
  // and its sequence counts the changes. A seat of a slot holds at most one booked finalist.
  await db.schema
    .createTable("interview_bookings")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("position_id", "uuid", (c) => c.notNull().references("positions.id").onDelete("cascade"))
    .addColumn("application_id", "uuid", (c) => c.notNull().references("applications.id").onDelete("cascade"))
    .addColumn("slot_id", "uuid", (c) => c.notNull().references("interview_slots.id").onDelete("cascade"))
    .addColumn("seat", "integer", (c) => c.notNull().check(sql`seat >= 1`))
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('booked', 'cancelled')`))
    .addColumn("sequence", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("cancelled_by", "text", (c) => c.check(sql`cancelled_by in ('finalist', 'host', 'program')`))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("interview_bookings_pair_uq", ["position_id", "application_id"])
    .execute();
  await sql`create unique index interview_bookings_seat_uq on interview_bookings (slot_id, seat) where status = 'booked'`.execute(
    db,
  );
  await db.schema.createIndex("interview_bookings_slot_idx").on("interview_bookings").column("slot_id").execute();
  await db.schema
    .createIndex("interview_bookings_application_idx")
    .on("interview_bookings")
    .column("application_id")
    .execute();

  // A private calendar address per person: the token is kept only as its hash.
  await db.schema
    .createTable("calendar_feeds")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("token_hash", "bytea", (c) => c.notNull().unique())
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .addColumn("revoked_at", "timestamptz")
    .addColumn("last_used_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create unique index calendar_feeds_live_uq on calendar_feeds (user_id) where revoked_at is null`.execute(
    db,
  );

  // The fellowship year of a cycle: the term new fellowships take, and the cohort they belong to.
  await db.schema
    .createTable("fellowship_terms")
    .addColumn("cycle_id", "uuid", (c) => c.primaryKey().references("cycles.id").onDelete("cascade"))
    .addColumn("starts_on", "date", (c) => c.notNull())
    .addColumn("ends_on", "date", (c) => c.notNull())
    .addColumn("cohort_year", "integer", (c) => c.notNull().check(sql`cohort_year between 1990 and 2200`))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addCheckConstraint("fellowship_terms_dates_ck", sql`ends_on > starts_on`)
    .execute();

  // Check-ins and reports staff define per cycle, each a form built like the application's.
  await db.schema
    .createTable("report_forms")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("cycle_id", "uuid", (c) => c.notNull().references("cycles.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('check_in', 'midterm', 'final')`))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("every_months", "integer", (c) => c.check(sql`every_months between 1 and 12`))
    .addColumn("offset_months", "integer", (c) => c.check(sql`offset_months between 1 and 36`))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex("report_forms_cycle_idx").on("report_forms").column("cycle_id").execute();

  await db.schema
    .createTable("report_questions")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("form_id", "uuid", (c) => c.notNull().references("report_forms.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("section", "text", (c) => c.notNull().defaultTo("Report"))
    .addColumn("kind", "text", (c) =>
      c.notNull().check(sql`kind in ('short_text', 'long_text', 'single_choice', 'multi_choice', 'url')`),
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
    .createIndex("report_questions_form_idx")
    .on("report_questions")
    .columns(["form_id", "position"])
    .execute();

  await db.schema
    .createTable("fellowships")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("application_id", "uuid", (c) => c.notNull().unique().references("applications.id").onDelete("cascade"))
    .addColumn("cycle_id", "uuid", (c) => c.notNull().references("cycles.id").onDelete("cascade"))
    .addColumn("position_id", "uuid", (c) => c.notNull().references("positions.id").onDelete("cascade"))
    .addColumn("organization_id", "uuid", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("fellow_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("starts_on", "date", (c) => c.notNull())
    .addColumn("ends_on", "date", (c) => c.notNull())
    .addColumn("cohort_year", "integer", (c) => c.notNull())
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("active")
        .check(sql`status in ('active', 'completed', 'ended_early')`),
    )
    .addColumn("ended_at", "timestamptz")
    .addColumn("end_reason", "text")
    .addColumn("alumni_listing_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addCheckConstraint("fellowships_dates_ck", sql`ends_on > starts_on`)
    .execute();
  await db.schema.createIndex("fellowships_fellow_idx").on("fellowships").column("fellow_id").execute();
  await db.schema.createIndex("fellowships_organization_idx").on("fellowships").column("organization_id").execute();
  await db.schema.createIndex("fellowships_cycle_idx").on("fellowships").column("cycle_id").execute();

  await db.schema
    .createTable("fellowship_reports")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("fellowship_id", "uuid", (c) => c.notNull().references("fellowships.id").onDelete("cascade"))
    .addColumn("form_id", "uuid", (c) => c.notNull().references("report_forms.id").onDelete("cascade"))
    .addColumn("due_on", "date", (c) => c.notNull())
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("open")
        .check(sql`status in ('open', 'submitted')`),
    )
    .addColumn("answers", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn("submitted_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint("fellowship_reports_due_uq", ["fellowship_id", "form_id", "due_on"])
    .execute();
  await db.schema
    .createIndex("fellowship_reports_due_idx")
    .on("fellowship_reports")
    .columns(["status", "due_on"])
    .execute();

  await db.schema
    .createTable("report_comments")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("report_id", "uuid", (c) => c.notNull().references("fellowship_reports.id").onDelete("cascade"))
    .addColumn("author_id", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("report_comments_report_idx").on("report_comments").column("report_id").execute();
}
