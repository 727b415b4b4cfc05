import { sql } from "kysely";
import type { DB } from "#db/client";

/** Removes what has stopped mattering: old sign-in failures and throttle counts, dead codes and sessions. */
export async function pruneExpired(db: DB): Promise<void> {
  await db
    .deleteFrom("signInFailures")
    .where("createdAt", "<", sql<Date>`now() - interval '1 day'`)
    .execute();
  await db
    .deleteFrom("throttleEvents")
    .where("createdAt", "<", sql<Date>`now() - interval '1 day'`)
    .execute();
  await db
    .deleteFrom("verifications")
    .where("expiresAt", "<", sql<Date>`now() - interval '1 day'`)
    .execute();
  await db
    .deleteFrom("sessions")
    .where((eb) => eb.or([eb("expiresAt", "<", sql<Date>`now()`), eb("absoluteExpiresAt", "<", sql<Date>`now()`)]))
    .execute();
}

/** Prunes now and every hour; the timer does not keep the process alive. */
export function startPruning(db: DB, onError: (error: unknown) => void): () => void {
  const run = () => void pruneExpired(db).catch(onError);
  run();
  const timer = setInterval(run, 60 * 60 * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
