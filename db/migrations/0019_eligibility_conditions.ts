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
}
