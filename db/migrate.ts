import { Migrator, sql } from "kysely";
import type { DB } from "./client";
import { migrationProvider } from "./migrations/index";

/**
 * Whether the database has every migration this code knows, by one query (how many are applied
 * and the latest name) instead of the migrator, which takes a lock and reads its tables at every
 * start. Anything else (no table yet, fewer, another latest) lets the migrator decide.
 */
export async function isMigrated(db: DB): Promise<boolean> {
  const names = Object.keys(await migrationProvider.getMigrations()).sort();
  try {
    const { rows } = await sql<{ applied: string | number; latest: string | null }>`
      select count(*) as applied, max(name) as latest from kysely_migration`.execute(db);
    return Number(rows[0]?.applied) === names.length && rows[0]?.latest === names.at(-1);
  } catch (error) {
    // A new database has no kysely_migration table yet (undefined_table); anything else is real.
    if ((error as { code?: unknown }).code === "42P01") return false;
    throw error;
  }
}

/** Brings the schema to the latest migration; throws with the failing migration's name. */
export async function migrateToLatest(db: DB): Promise<string[]> {
  if (await isMigrated(db)) return [];
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === "Error");
  if (error) {
    const name = failed ? ` (${failed.migrationName})` : "";
    throw new Error(`Migration failed${name}: ${String((error as Error).message ?? error)}`);
  }
  return (results ?? []).map((result) => result.migrationName);
}
