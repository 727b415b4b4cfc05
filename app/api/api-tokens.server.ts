import { sql } from "kysely";
import type { DB } from "#db/client";
import type { ApiTokenScope } from "#db/types";
import { audit } from "~/audit/audit.server";
import { msg } from "~/i18n/message";
import { Role } from "~/auth/roles";
import { loadRoles } from "~/auth/roles.server";
import { hashToken, randomToken } from "~/auth/tokens.server";

/** A recognisable prefix, so a leaked token is easy to find in logs and by secret scanners. */
export const API_TOKEN_PREFIX = "owf_pat_";

/** Who may hold a token: the API serves staff and host partners (DESIGN: external tools of the program). */
export function mayHoldApiToken(roles: readonly Role[]): boolean {
  return roles.includes(Role.staff) || roles.includes(Role.partner);
}

export async function listApiTokens(db: DB, userId: string) {
  return db
    .selectFrom("apiTokens")
    .select(["id", "name", "scope", "createdAt", "expiresAt", "lastUsedAt"])
    .select(sql<boolean>`expires_at <= now()`.as("expired"))
    .where("userId", "=", userId)
    .where("revokedAt", "is", null)
    .orderBy("createdAt", "desc")
    .execute();
}

export type CreateTokenResult = { ok: true; token: string; id: string } | { ok: false; status: 403; message: string };

/** Makes a token and returns it: the only time it exists outside the caller (only its hash is kept). */
export async function createApiToken(
  db: DB,
  userId: string,
  input: { name: string; scope: ApiTokenScope; lifetimeDays: number },
): Promise<CreateTokenResult> {
  if (!mayHoldApiToken(await loadRoles(db, userId))) {
    return { ok: false, status: 403, message: msg("refusals.apiTokens.notAllowed") };
  }
  const token = `${API_TOKEN_PREFIX}${randomToken()}`;
  const created = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("apiTokens")
      .values({
        userId,
        name: input.name,
        scope: input.scope,
        tokenHash: hashToken(token),
        expiresAt: sql<Date>`now() + ${`${input.lifetimeDays} days`}::interval`,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await audit(trx, {
      actorId: userId,
      action: "api-token.create",
      subjectType: "api_token",
      subjectId: row.id,
      data: { scope: input.scope, lifetimeDays: input.lifetimeDays },
    });
    return row;
  });
  return { ok: true, token, id: created.id };
}

/** Revokes one of the user's own tokens; another user's token id answers like a missing one (false). */
export async function revokeApiToken(db: DB, userId: string, tokenId: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const revoked = await trx
      .updateTable("apiTokens")
      .set({ revokedAt: sql`now()` })
      .where("id", "=", tokenId)
      .where("userId", "=", userId)
      .where("revokedAt", "is", null)
      .executeTakeFirst();
    if (revoked.numUpdatedRows === 0n) return false;
    await audit(trx, { actorId: userId, action: "api-token.revoke", subjectType: "api_token", subjectId: tokenId });
    return true;
  });
}

export type TokenCheck =
  | { ok: true; tokenId: string; userId: string; scope: ApiTokenScope; used: number; resetAt: Date }
  | { ok: false; reason: "unknown" | "revoked" | "expired" };

/**
 * Resolves a bearer token and counts the request in the token's rate window, in one statement
 * (the row lock makes concurrent requests count one after another, on every instance). A window
 * is a fixed minute from its first request.
 */
export async function useApiToken(db: DB, token: string): Promise<TokenCheck> {
  if (!token.startsWith(API_TOKEN_PREFIX) || token.length > 200) return { ok: false, reason: "unknown" };
  const hash = hashToken(token);
  const fresh = sql<boolean>`api_tokens.window_started_at <= now() - interval '1 minute'`;
  const row = await db
    .updateTable("apiTokens")
    .set({
      lastUsedAt: sql`now()`,
      windowStartedAt: sql`case when ${fresh} then now() else api_tokens.window_started_at end`,
      windowCount: sql`case when ${fresh} then 1 else api_tokens.window_count + 1 end`,
    })
    .from("users")
    .whereRef("users.id", "=", "apiTokens.userId")
    .where("apiTokens.tokenHash", "=", hash)
    .where("apiTokens.revokedAt", "is", null)
    .where("apiTokens.expiresAt", ">", sql<Date>`now()`)
    .where("users.deletedAt", "is", null)
    .returning([
      "apiTokens.id",
      "apiTokens.userId",
      "apiTokens.scope",
      "apiTokens.windowCount",
      sql<Date>`api_tokens.window_started_at + interval '1 minute'`.as("resetAt"),
    ])
    .executeTakeFirst();
  if (row) {
    return {
      ok: true,
      tokenId: row.id,
      userId: row.userId,
      scope: row.scope,
      used: row.windowCount,
      resetAt: row.resetAt,
    };
  }
  const known = await db
    .selectFrom("apiTokens")
    .select(["revokedAt", sql<boolean>`expires_at <= now()`.as("expired")])
    .where("tokenHash", "=", hash)
    .executeTakeFirst();
  if (!known) return { ok: false, reason: "unknown" };
  return { ok: false, reason: known.revokedAt ? "revoked" : known.expired ? "expired" : "unknown" };
}
