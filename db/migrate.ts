import { Migrator } from "kysely";
import type { DB } from "./client";
import { migrationProvider } from "./migrations/index";

/** Brings the schema to the latest migration; throws with the failing migration's name. */
export async function migrateToLatest(db: DB): Promise<string[]> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === "Error");
  if (error) {
    const name = failed ? ` (${failed.migrationName})` : "";
    throw new Error(`Migration failed${name}: ${String((error as Error).message ?? error)}`);
  }
  return (results ?? []).map((result) => result.migrationName);
}
