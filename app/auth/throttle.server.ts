import { sql } from "kysely";
import type { DB } from "#db/client";
import { msg } from "~/i18n/message";

export type RateLimitCheck = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export const THROTTLES = {
  /** Emails with a code (sign-up, reset) asked for from one address: every request counts. */
  codeRequest: { limit: 10, windowMinutes: 60 },
  /** Wrong codes entered from one address (each code also dies after five wrong guesses); right ones never count. */
  codeCheck: { limit: 30, windowMinutes: 60 },
} as const;

type Scope = keyof typeof THROTTLES;

async function secondsUntilAllowed(db: DB, scope: Scope, key: string): Promise<number | null> {
  const { limit, windowMinutes } = THROTTLES[scope];
  const window = `${windowMinutes} minutes`;
  const over = await db
    .selectFrom("throttleEvents")
    .select(sql<number>`ceil(extract(epoch from (created_at + ${window}::interval - now())))`.as("secondsLeft"))
    .where("scope", "=", scope)
    .where("key", "=", key)
    .where("createdAt", ">", sql<Date>`now() - ${window}::interval`)
    .orderBy("createdAt", "desc")
    .offset(limit - 1)
    .limit(1)
    .executeTakeFirst();
  return over ? Math.max(1, Number(over.secondsLeft)) : null;
}

/**
 * Counts one use of a costly unauthenticated endpoint and says whether it is allowed. Requests
 * for one key take turns (a transaction-scoped lock), so a burst at once gets exactly the
 * allowance: none is refused because of others that were themselves refused.
 */
export async function takeThrottle(db: DB, scope: Scope, key: string): Promise<RateLimitCheck> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${`throttle:${scope}:${key}`}))`.execute(trx);
    const wait = await secondsUntilAllowed(trx, scope, key);
    if (wait !== null) return { allowed: false, retryAfterSeconds: wait };
    await trx.insertInto("throttleEvents").values({ scope, key }).execute();
    return { allowed: true };
  });
}

/** For limits on failures only: whether one more try is allowed, without counting it. */
export async function checkThrottle(db: DB, scope: Scope, key: string): Promise<RateLimitCheck> {
  const wait = await secondsUntilAllowed(db, scope, key);
  return wait === null ? { allowed: true } : { allowed: false, retryAfterSeconds: wait };
}

/** Counts one failure (a wrong code) toward a failures-only limit. */
export async function recordThrottleFailure(db: DB, scope: Scope, key: string): Promise<void> {
  await db.insertInto("throttleEvents").values({ scope, key }).execute();
}

export function tooManyMessage(retryAfterSeconds: number): string {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return msg("forms.errors.tooMany", { count: minutes });
}
