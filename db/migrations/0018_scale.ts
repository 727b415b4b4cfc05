import { sql, type Kysely } from "kysely";

// Frozen in time: never edit once landed, never import app code.
export async function up(db: Kysely<any>): Promise<void> {
  // The allies export walks listed profiles by name in batches that resume after (name, id):
  // an index scan per batch instead of sorting every listed profile again for each one.
  await sql`create index ally_profiles_export_idx on ally_profiles (display_name, id) where withdrawn_at is null`.execute(
    db,
  );
}
