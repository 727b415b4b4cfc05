import { sql, type Kysely } from "kysely";

// Frozen in time: never edit once landed, never import app code.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("cycles").addColumn("ranking_deadline", "timestamptz").execute();

  await db.schema
    .createTable("positions")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("cycle_id", "uuid", (c) => c.notNull().references("cycles.id").onDelete("cascade"))
    .addColumn("organization_id", "uuid", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("seats", "integer", (c) =>
      c
        .notNull()
        .defaultTo(1)
        .check(sql`seats between 0 and 20`),
    )
    .addColumn("skills", "jsonb", (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn("location", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("remote", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex("positions_cycle_idx").on("positions").column("cycle_id").execute();
  await db.schema.createIndex("positions_organization_idx").on("positions").column("organization_id").execute();

  // Which finalists each position considers (staff decide).
  await db.schema
    .createTable("position_candidates")
    .addColumn("position_id", "uuid", (c) => c.notNull().references("positions.id").onDelete("cascade"))
    .addColumn("application_id", "uuid", (c) => c.notNull().references("applications.id").onDelete("cascade"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("position_candidates_pk", ["position_id", "application_id"])
    .execute();
  await db.schema
    .createIndex("position_candidates_application_idx")
    .on("position_candidates")
    .column("application_id")
    .execute();

  // Private to the host: never shown to another host or to the finalist.
  await db.schema
    .createTable("interviews")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("position_id", "uuid", (c) => c.notNull().references("positions.id").onDelete("cascade"))
    .addColumn("application_id", "uuid", (c) => c.notNull().references("applications.id").onDelete("cascade"))
    .addColumn("notes", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("updated_by", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint("interviews_pair_uq", ["position_id", "application_id"])
    .execute();

  // Both sides' rank-order lists: a finalist ranks positions, a position ranks finalists.
  await db.schema
    .createTable("rank_entries")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("cycle_id", "uuid", (c) => c.notNull().references("cycles.id").onDelete("cascade"))
    .addColumn("side", "text", (c) => c.notNull().check(sql`side in ('applicant', 'position')`))
    .addColumn("application_id", "uuid", (c) => c.notNull().references("applications.id").onDelete("cascade"))
    .addColumn("position_id", "uuid", (c) => c.notNull().references("positions.id").onDelete("cascade"))
    .addColumn("rank", "integer", (c) => c.notNull().check(sql`rank > 0`))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("rank_entries_pair_uq", ["side", "application_id", "position_id"])
    .execute();
  await sql`create unique index rank_entries_applicant_rank_uq on rank_entries (application_id, rank) where side = 'applicant'`.execute(
    db,
  );
  await sql`create unique index rank_entries_position_rank_uq on rank_entries (position_id, rank) where side = 'position'`.execute(
    db,
  );
  await db.schema.createIndex("rank_entries_cycle_idx").on("rank_entries").columns(["cycle_id", "side"]).execute();

  await db.schema
    .createTable("match_runs")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("cycle_id", "uuid", (c) => c.notNull().references("cycles.id").onDelete("cascade"))
    .addColumn("inputs", "jsonb", (c) => c.notNull())
    .addColumn("result", "jsonb", (c) => c.notNull())
    .addColumn("host_optimal", "jsonb", (c) => c.notNull())
    .addColumn("blocking_pairs", "integer", (c) => c.notNull())
    .addColumn("run_by", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("published_at", "timestamptz")
    .addColumn("published_by", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .execute();
  await sql`create unique index match_runs_published_uq on match_runs (cycle_id) where published_at is not null`.execute(
    db,
  );

  await db.schema
    .alterTable("applications")
    .addColumn("matched_position_id", "uuid", (c) => c.references("positions.id").onDelete("set null"))
    .addColumn("placement_answered_at", "timestamptz")
    .execute();
}
