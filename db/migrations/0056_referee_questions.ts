import { sql, type Kysely } from "kysely";

// Frozen in time once landed: never edit, never import app code.
export async function up(db: Kysely<any>): Promise<void> {
  // A cycle's own questions for its referees (none: the portal's three default questions). A
  // referee's answers stay in `reference_requests.answers`, keyed by these questions' ids.
  await db.schema
    .createTable("referee_questions")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("cycle_id", "uuid", (c) => c.notNull().references("cycles.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("label", "text", (c) => c.notNull())
    .addColumn("required", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("referee_questions_position_key", ["cycle_id", "position"])
    .execute();
}
