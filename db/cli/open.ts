import { createDatabase, type DatabaseHandle } from "../client";

/** Opens the database the environment names (DATABASE_URL, else the embedded one) for a command. */
export function openDatabaseFromEnv(): Promise<DatabaseHandle> {
  return createDatabase({
    url: process.env.DATABASE_URL,
    pgliteDataDir: process.env.PGLITE_DATA_DIR ?? "./data/pglite",
  });
}

export async function runCommand(fn: (handle: DatabaseHandle) => Promise<void>): Promise<void> {
  const handle = await openDatabaseFromEnv();
  try {
    await fn(handle);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  } finally {
    await handle.close();
  }
}
