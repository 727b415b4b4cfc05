import { sql } from "kysely";
import type { DB } from "#db/client";
import { audit } from "~/audit/audit.server";
import { hashToken, randomToken } from "~/auth/tokens.server";

/**
 * A person's private calendar address: a random token, stored only as its hash, readable by
 * anyone who has the address (calendar apps cannot sign in) and so shown once, scoped to that one
 * calendar, expiring after a year, and revocable. Creating a new one revokes the old (rotation).
 */
export const FEED_LIFETIME_DAYS = 365;

/** The feed's address ends in `.ics`; the route's parameter is `<token>.ics`. */
export function feedPath(token: string): string {
  return `/calendar/${token}.ics`;
}

export async function currentFeed(db: DB, userId: string) {
  return db
    .selectFrom("calendarFeeds")
    .select(["id", "createdAt", "expiresAt", "lastUsedAt"])
    .select(sql<boolean>`expires_at <= now()`.as("expired"))
    .where("userId", "=", userId)
    .where("revokedAt", "is", null)
    .executeTakeFirst();
}

/** Revokes the current address (if any) and makes a new one; returns its token, which is never stored. */
export async function rotateFeed(db: DB, userId: string): Promise<string> {
  const token = randomToken();
  await db.transaction().execute(async (trx) => {
    // One live feed per person: the partial unique index serialises two rotations at once.
    await trx
      .updateTable("calendarFeeds")
      .set({ revokedAt: sql`now()` })
      .where("userId", "=", userId)
      .where("revokedAt", "is", null)
      .execute();
    await trx
      .insertInto("calendarFeeds")
      .values({
        userId,
        tokenHash: hashToken(token),
        expiresAt: sql<Date>`now() + ${`${FEED_LIFETIME_DAYS} days`}::interval`,
      })
      .execute();
    await audit(trx, { actorId: userId, action: "calendar-feed.rotate", subjectType: "user", subjectId: userId });
  });
  return token;
}

export async function revokeFeed(db: DB, userId: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const revoked = await trx
      .updateTable("calendarFeeds")
      .set({ revokedAt: sql`now()` })
      .where("userId", "=", userId)
      .where("revokedAt", "is", null)
      .executeTakeFirst();
    if (revoked.numUpdatedRows === 0n) return false;
    await audit(trx, { actorId: userId, action: "calendar-feed.revoke", subjectType: "user", subjectId: userId });
    return true;
  });
}

/** The owner of a live feed token, or null (unknown, revoked, expired, or a deleted account). */
export async function resolveFeed(db: DB, token: string): Promise<{ userId: string } | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const feed = await db
    .updateTable("calendarFeeds")
    .set({ lastUsedAt: sql`now()` })
    .from("users")
    .whereRef("users.id", "=", "calendarFeeds.userId")
    .where("calendarFeeds.tokenHash", "=", hashToken(token))
    .where("calendarFeeds.revokedAt", "is", null)
    .where("calendarFeeds.expiresAt", ">", sql<Date>`now()`)
    .where("users.deletedAt", "is", null)
    .returning("calendarFeeds.userId")
    .executeTakeFirst();
  return feed ?? null;
}
