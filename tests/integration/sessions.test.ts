import { sql } from "kysely";
import { expect, it } from "vitest";
import { endAllSessions, listSessions, readSessionToken, resolveSession, startSession } from "~/auth/session.server";
import { loadConfig } from "~/utils/config.server";
import { describeDb, uniqueEmail } from "../support/db";

const config = loadConfig({ SESSION_SECRET: "integration-secret-long-enough-for-hmac-use" });

describeDb("sessions", (t) => {
  async function newUser() {
    const row = await t.db
      .insertInto("users")
      .values({ email: uniqueEmail(), name: "S" })
      .returning("id")
      .executeTakeFirstOrThrow();
    return row.id;
  }
  async function tokenOf(setCookie: string) {
    return (await readSessionToken(
      new Request("http://x", { headers: { Cookie: setCookie.split(";")[0]! } }),
      config,
    ))!;
  }

  it("keeps only the token's hash and resolves the token to its user", async () => {
    const userId = await newUser();
    const setCookie = await startSession(t.db, config, userId, { userAgent: "UA", clientAddress: "1.2.3.4" });
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    const token = await tokenOf(setCookie);
    const session = await resolveSession(t.db, token);
    expect(session?.userId).toBe(userId);
    const stored = await t.db
      .selectFrom("sessions")
      .select("tokenHash")
      .where("userId", "=", userId)
      .executeTakeFirstOrThrow();
    expect(stored.tokenHash.toString("utf8")).not.toContain(token);
  });

  it("refuses a cookie signed with another secret", async () => {
    const userId = await newUser();
    const other = loadConfig({ SESSION_SECRET: "another-secret-that-is-long-enough-too" });
    const setCookie = await startSession(t.db, other, userId, { userAgent: null, clientAddress: null });
    expect(
      await readSessionToken(new Request("http://x", { headers: { Cookie: setCookie.split(";")[0]! } }), config),
    ).toBeNull();
  });

  it("accepts a cookie signed with an older secret during rotation", async () => {
    const userId = await newUser();
    const rotated = loadConfig({ SESSION_SECRET: `new-secret-that-is-long-enough-to-use,${config.sessionSecrets[0]}` });
    const setCookie = await startSession(t.db, config, userId, { userAgent: null, clientAddress: null });
    expect(
      await readSessionToken(new Request("http://x", { headers: { Cookie: setCookie.split(";")[0]! } }), rotated),
    ).not.toBeNull();
  });

  it("rolls the idle expiry forward, never past the absolute limit", async () => {
    const userId = await newUser();
    const token = await tokenOf(await startSession(t.db, config, userId, { userAgent: null, clientAddress: null }));
    await t.db
      .updateTable("sessions")
      .set({
        lastSeenAt: sql`now() - interval '2 hours'`,
        expiresAt: sql`now() + interval '1 day'`,
        absoluteExpiresAt: sql`now() + interval '3 days'`,
      })
      .where("userId", "=", userId)
      .execute();
    expect(await resolveSession(t.db, token)).not.toBeNull();
    const row = await t.db
      .selectFrom("sessions")
      .select([sql<boolean>`expires_at = absolute_expires_at`.as("capped")])
      .where("userId", "=", userId)
      .executeTakeFirstOrThrow();
    expect(row.capped).toBe(true);
  });

  it("ends at the idle expiry and at the absolute limit", async () => {
    const userId = await newUser();
    const idle = await tokenOf(await startSession(t.db, config, userId, { userAgent: null, clientAddress: null }));
    await t.db
      .updateTable("sessions")
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where("userId", "=", userId)
      .execute();
    expect(await resolveSession(t.db, idle)).toBeNull();

    const absolute = await tokenOf(await startSession(t.db, config, userId, { userAgent: null, clientAddress: null }));
    await t.db
      .updateTable("sessions")
      .set({ absoluteExpiresAt: sql`now() - interval '1 second'` })
      .where("userId", "=", userId)
      .execute();
    expect(await resolveSession(t.db, absolute)).toBeNull();
  });

  it("ends every session but the current one", async () => {
    const userId = await newUser();
    const tokens = [];
    for (let i = 0; i < 3; i++)
      tokens.push(
        await tokenOf(await startSession(t.db, config, userId, { userAgent: `UA${i}`, clientAddress: null })),
      );
    const keep = (await resolveSession(t.db, tokens[0]!))!;
    expect(await endAllSessions(t.db, userId, keep.sessionId)).toBe(2);
    expect((await listSessions(t.db, userId)).map((s) => s.id)).toEqual([keep.sessionId]);
  });
});
