import { sql } from "kysely";
import type { DB } from "#db/client";
import type { RateLimitCheck } from "./rate-limit.server";

export const THROTTLES = {
  /** Emails with a code (sign-up, reset) asked for from one address. */
  codeRequest: { limit: 10, windowMinutes: 60 },
  /** Codes checked from one address (each code also dies after five wrong guesses). */
  codeCheck: { limit: 30, windowMinutes: 60 },
} as const;

/**
 * Counts one use of a costly unauthenticated endpoint and says whether it is allowed. The event
 * is recorded first, so parallel requests see each other; a refused one is not counted.
 */
export async function takeThrottle(db: DB, scope: keyof typeof THROTTLES, key: string): Promise<RateLimitCheck> {
  const { limit, windowMinutes } = THROTTLES[scope];
  const event = await db.insertInto("throttleEvents").values({ scope, key }).returning("id").executeTakeFirstOrThrow();
  const window = `${windowMinutes} minutes`;
  const over = await db
    .selectFrom("throttleEvents")
    .select(sql<number>`ceil(extract(epoch from (created_at + ${window}::interval - now())))`.as("secondsLeft"))
    .where("scope", "=", scope)
    .where("key", "=", key)
    .where("createdAt", ">", sql<Date>`now() - ${window}::interval`)
    .orderBy("createdAt", "desc")
    .offset(limit)
    .limit(1)
    .executeTakeFirst();
  if (!over) return { allowed: true };
  await db.deleteFrom("throttleEvents").where("id", "=", event.id).execute();
  return { allowed: false, retryAfterSeconds: Math.max(1, Number(over.secondsLeft)) };
}

export function tooManyMessage(retryAfterSeconds: number): string {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return `Too many attempts from your connection. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}
