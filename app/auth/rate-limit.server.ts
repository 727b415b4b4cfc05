import { sql } from "kysely";
import type { DB } from "#db/client";

export const SIGN_IN_WINDOW_MINUTES = 15;
export const SIGN_IN_MAX_FAILURES = 5;

export type RateLimitCheck = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Refuses a sign-in when the account or the client address has failed five times in the last
 * 15 minutes. Kept in the database so the limit holds across processes and restarts. The wait
 * ends when the fifth most recent failure leaves the window.
 */
export async function checkSignInRateLimit(
  db: DB,
  email: string,
  clientAddress: string,
  /** Attempts of this request already recorded (they are not past failures). */
  { pending = 0 } = {},
): Promise<RateLimitCheck> {
  const window = `${SIGN_IN_WINDOW_MINUTES} minutes`;
  const fifthMostRecent = (column: "email" | "client_address", value: string) => sql<{ secondsLeft: number }>`
    (select ceil(extract(epoch from (created_at + ${window}::interval - now()))) as seconds_left
       from sign_in_failures
      where ${sql.ref(column)} = ${value} and created_at > now() - ${window}::interval
      order by created_at desc
      offset ${SIGN_IN_MAX_FAILURES - 1 + pending} limit 1)`;
  const { rows } = await sql<{ secondsLeft: number }>`
    ${fifthMostRecent("email", email)} union all ${fifthMostRecent("client_address", clientAddress)}`.execute(db);
  if (rows.length === 0) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(1, ...rows.map((row) => Number(row.secondsLeft))) };
}

/**
 * Records an attempt before the password is checked, so that parallel attempts all count: each
 * sees the others' rows. A successful attempt deletes its row again.
 */
export async function recordSignInAttempt(db: DB, email: string, clientAddress: string): Promise<string> {
  const row = await db
    .insertInto("signInFailures")
    .values({ email, clientAddress })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function forgetSignInAttempt(db: DB, attemptId: string): Promise<void> {
  await db.deleteFrom("signInFailures").where("id", "=", attemptId).execute();
}

/** A successful sign-in clears the account's failures (the address keeps its count). */
export async function clearSignInFailures(db: DB, email: string): Promise<void> {
  await db.deleteFrom("signInFailures").where("email", "=", email).execute();
}
