import { sql, type Kysely } from "kysely";

// Frozen in time: never edit once landed, never import app code.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("organizations")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("slug", sql`citext`, (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("website", "text")
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("focus_areas", "jsonb", (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn("country", "text")
    .addColumn("remote_friendly", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable("org_members")
    .addColumn("organization_id", "uuid", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("role", "text", (c) =>
      c
        .notNull()
        .defaultTo("member")
        .check(sql`role in ('owner', 'member')`),
    )
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("org_members_pk", ["organization_id", "user_id"])
    .execute();
  await db.schema.createIndex("org_members_user_idx").on("org_members").column("user_id").execute();

  // Invitations carry what accepting them grants (a reviewer's capacity, a member's role).
  await db.schema.alterTable("invitations").addColumn("payload", "jsonb").execute();
}
