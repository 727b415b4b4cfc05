import type { Language } from "~/i18n/languages";
import { createCookie, type Cookie } from "@remix-run/node";
import { expressionBuilder, sql } from "kysely";
import type { DB } from "#db/client";
import type { Database } from "#db/types";
import type { AppConfig } from "~/utils/config.server";
import { roleFlags, rolesOf } from "./roles.server";
import type { Role } from "./roles";
import { hashToken, randomToken } from "./tokens.server";

export const SESSION_IDLE_DAYS = 30;
export const SESSION_ABSOLUTE_DAYS = 90;
/** A session's expiry rolls forward at most this often, so reading pages rarely writes. */
const TOUCH_AFTER_MINUTES = 60;

const cookies = new WeakMap<AppConfig, Cookie>();

/** The session cookie: a signed random token, nothing else. `__Host-` pins it to this origin over https. */
export function sessionCookie(config: AppConfig): Cookie {
  let cookie = cookies.get(config);
  if (!cookie) {
    cookie = createCookie(config.secureCookies ? "__Host-owf_session" : "owf_session", {
      httpOnly: true,
      sameSite: "lax",
      secure: config.secureCookies,
      path: "/",
      secrets: config.sessionSecrets,
      maxAge: SESSION_ABSOLUTE_DAYS * 24 * 60 * 60,
    });
    cookies.set(config, cookie);
  }
  return cookie;
}

export async function readSessionToken(request: Request, config: AppConfig): Promise<string | null> {
  const value: unknown = await sessionCookie(config).parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 0 ? value : null;
}

export interface SessionMeta {
  userAgent: string | null;
  clientAddress: string | null;
}

/** Starts a session and returns the Set-Cookie header that carries its token. */
export async function startSession(db: DB, config: AppConfig, userId: string, meta: SessionMeta): Promise<string> {
  const token = randomToken();
  await db
    .insertInto("sessions")
    .values({
      tokenHash: hashToken(token),
      userId,
      expiresAt: sql`now() + ${`${SESSION_IDLE_DAYS} days`}::interval`,
      absoluteExpiresAt: sql`now() + ${`${SESSION_ABSOLUTE_DAYS} days`}::interval`,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
      clientAddress: meta.clientAddress,
    })
    .execute();
  return sessionCookie(config).serialize(token);
}

export interface ActiveSession {
  sessionId: string;
  userId: string;
}

/** The live session a token names, rolling its idle expiry forward (never past the absolute limit). */
export async function resolveSession(db: DB, token: string): Promise<ActiveSession | null> {
  const row = await db
    .selectFrom("sessions")
    .select([
      "id",
      "userId",
      sql<boolean>`last_seen_at < now() - ${`${TOUCH_AFTER_MINUTES} minutes`}::interval`.as("stale"),
    ])
    .where("tokenHash", "=", hashToken(token))
    .where("expiresAt", ">", sql<Date>`now()`)
    .where("absoluteExpiresAt", ">", sql<Date>`now()`)
    .executeTakeFirst();
  if (!row) return null;
  if (row.stale) await touchSession(db, row.id);
  return { sessionId: row.id, userId: row.userId };
}

export interface ActiveSessionUser {
  sessionId: string;
  id: string;
  email: string;
  name: string;
  /** The language the person chose; null follows their browser. */
  language: Language | null;
  roles: Role[];
}

/**
 * The live session a token names with its user and roles, in one query (every signed-in page
 * starts here, and a page has a budget of queries); the idle expiry rolls forward as in
 * resolveSession. A deleted user has no live session.
 */
export async function resolveSessionUser(db: DB, token: string): Promise<ActiveSessionUser | null> {
  const row = await db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.userId")
    .select([
      "sessions.id as sessionId",
      "users.id",
      "users.email",
      "users.name",
      "users.locale as language",
      sql<boolean>`sessions.last_seen_at < now() - ${`${TOUCH_AFTER_MINUTES} minutes`}::interval`.as("stale"),
      ...roleFlags(expressionBuilder<Database, never>(), sql.ref<string>("users.id")),
    ])
    .where("sessions.tokenHash", "=", hashToken(token))
    .where("sessions.expiresAt", ">", sql<Date>`now()`)
    .where("sessions.absoluteExpiresAt", ">", sql<Date>`now()`)
    .where("users.deletedAt", "is", null)
    .executeTakeFirst();
  if (!row) return null;
  if (row.stale) await touchSession(db, row.sessionId);
  return {
    sessionId: row.sessionId,
    id: row.id,
    email: row.email,
    name: row.name,
    language: row.language,
    roles: rolesOf(row),
  };
}

async function touchSession(db: DB, sessionId: string): Promise<void> {
  await db
    .updateTable("sessions")
    .set({
      lastSeenAt: sql`now()`,
      expiresAt: sql`least(now() + ${`${SESSION_IDLE_DAYS} days`}::interval, absolute_expires_at)`,
    })
    .where("id", "=", sessionId)
    .execute();
}

/** Ends the session a request carries, if any (at sign-out, and before a new sign-in). */
export async function endRequestSession(db: DB, config: AppConfig, request: Request): Promise<void> {
  const token = await readSessionToken(request, config);
  if (token) await db.deleteFrom("sessions").where("tokenHash", "=", hashToken(token)).execute();
}

/**
 * Signs a user in on this request: a fresh session id at every sign-in, and whatever session the
 * browser carried (perhaps planted by someone else) is ended. Returns the new session's Set-Cookie.
 */
export async function replaceRequestSession(
  db: DB,
  config: AppConfig,
  request: Request,
  userId: string,
  clientAddress: string,
): Promise<string> {
  await endRequestSession(db, config, request);
  return startSession(db, config, userId, { userAgent: request.headers.get("User-Agent"), clientAddress });
}

export async function endSession(db: DB, userId: string, sessionId: string): Promise<boolean> {
  const result = await db
    .deleteFrom("sessions")
    .where("id", "=", sessionId)
    .where("userId", "=", userId)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export async function endAllSessions(db: DB, userId: string, exceptSessionId?: string): Promise<number> {
  let query = db.deleteFrom("sessions").where("userId", "=", userId);
  if (exceptSessionId) query = query.where("id", "!=", exceptSessionId);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

export function clearSessionCookie(config: AppConfig): Promise<string> {
  return sessionCookie(config).serialize("", { maxAge: 0 });
}

export async function listSessions(db: DB, userId: string) {
  return db
    .selectFrom("sessions")
    .select(["id", "createdAt", "lastSeenAt", "expiresAt", "userAgent", "clientAddress"])
    .where("userId", "=", userId)
    .where("expiresAt", ">", sql<Date>`now()`)
    .orderBy("lastSeenAt", "desc")
    .execute();
}
