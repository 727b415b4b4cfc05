import type { Migration, MigrationProvider } from "kysely";
import * as m0001 from "./0001_foundation";

/**
 * Migrations listed explicitly rather than read from the folder, so the same list works
 * under tsx, Vitest and any bundler. Add each new file here; never edit or reorder one
 * that has landed.
 */
const migrations: Record<string, Migration> = {
  "0001_foundation": m0001,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
