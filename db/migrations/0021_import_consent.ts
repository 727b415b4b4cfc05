import { sql, type Kysely } from "kysely";

// Frozen in time once landed: never edit, never import app code.
export async function up(db: Kysely<any>): Promise<void> {
  // A staff CSV import no longer decides who sees a person's profile (finding 9 of issue 11):
  // imported profiles are shown to staff only, and the visibility the file asked for waits here
  // until the person chooses on their own profile page. Null: nothing is waiting.
  await db.schema
    .alterTable("ally_profiles")
    .addColumn("requested_visibility", "text", (c) =>
      c.check(sql`requested_visibility is null or requested_visibility in ('public', 'network', 'staff')`),
    )
    .execute();
}
