import { createDatabase, type DatabaseHandle } from "../client";

/** Opens the database the environment names (DATABASE_URL, else the embedded one) for a command. */
export function openDatabaseFromEnv(): Promise<DatabaseHandle> {
  return createDatabase({
    url: process.env.DATABASE_URL,
    pgliteDataDir: process.env.PGLITE_DATA_DIR ?? "./data/pglite",
  });
}

export async function runCommand(fn: (handle: DatabaseHandle) => Promise<void>): Promise<void> {
  let handle: DatabaseHandle;
  try {
    handle = await openDatabaseFromEnv();
  } catch (error) {
    // E.g. the embedded database is held by a running server: say which, and stop.
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
    return;
  }
  try {
    await fn(handle);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  } finally {
    await handle.close();
  }
}
