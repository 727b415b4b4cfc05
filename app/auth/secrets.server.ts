import { randomBytes } from "node:crypto";
import type { DB } from "#db/client";

/**
 * The secrets that sign cookies and one-time codes. Configured ones win; without any (the
 * embedded demo), one is generated once and kept in the database so sessions survive a restart.
 */
export async function resolveSessionSecrets(db: DB, configured: string[]): Promise<string[]> {
  if (configured.length > 0) return configured;
  await db
    .insertInto("appMeta")
    .values({ key: "session_secret", value: JSON.stringify(randomBytes(48).toString("base64url")) })
    .onConflict((oc) => oc.column("key").doNothing())
    .execute();
  const row = await db
    .selectFrom("appMeta")
    .select("value")
    .where("key", "=", "session_secret")
    .executeTakeFirstOrThrow();
  return [String(row.value)];
}
