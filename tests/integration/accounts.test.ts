import { sql } from "kysely";
import { expect, it } from "vitest";
import {
  checkPassword,
  completePasswordReset,
  completeSignUp,
  resendSignUpCode,
  startPasswordReset,
  startSignUp,
} from "~/auth/accounts.server";
import { startSession, resolveSession, readSessionToken } from "~/auth/session.server";
import { loadConfig } from "~/utils/config.server";
import { describeDb, uniqueEmail } from "../support/db";
import { emailsTo, latestEmailTo } from "../support/outbox";
import { codeIn } from "../support/smtp";
import { english } from "../support/english";

const config = loadConfig({ SESSION_SECRET: "integration-secret-long-enough-for-hmac-use" });
const password = "a long enough password";

describeDb("accounts", (t) => {
  async function signUp(email = uniqueEmail()) {
    await startSignUp(t.db, config, { name: "Ada Lovelace", email, password });
    const message = await latestEmailTo(t.db, email);
    return { email, code: codeIn(message!.text) };
  }

  it("creates the account only when the emailed code comes back", async () => {
    const { email, code } = await signUp();
    expect(await t.db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirst()).toBeUndefined();
    const result = await completeSignUp(t.db, config, { email, code });
    expect(result.ok).toBe(true);
    const user = await t.db.selectFrom("users").selectAll().where("email", "=", email).executeTakeFirstOrThrow();
    expect(user.name).toBe("Ada Lovelace");
    expect(user.emailVerifiedAt).toBeInstanceOf(Date);
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    // The code is single use.
    expect(await completeSignUp(t.db, config, { email, code })).toEqual({ ok: false, reason: "invalid" });
  });

  it("stores the code hashed, never as sent", async () => {
    const { email, code } = await signUp();
    const row = await t.db
      .selectFrom("verifications")
      .select("codeHash")
      .where("target", "=", email)
      .executeTakeFirstOrThrow();
    expect(row.codeHash).not.toContain(code);
  });

  it("sends a taken address a notice instead of a code, with no new account", async () => {
    const { email, code } = await signUp();
    await completeSignUp(t.db, config, { email, code });
    await startSignUp(t.db, config, { name: "Impostor", email: email.toUpperCase(), password });
    const messages = await emailsTo(t.db, email.toUpperCase());
    expect(messages.map((m) => m.template)).toEqual(["existing-account"]);
    const users = await t.db.selectFrom("users").select("id").where("email", "=", email).execute();
    expect(users).toHaveLength(1);
  });

  it("a double submit sends one code, not two", async () => {
    const email = uniqueEmail();
    await Promise.all([
      startSignUp(t.db, config, { name: "A", email, password }),
      startSignUp(t.db, config, { name: "A", email, password }),
    ]).catch(() => undefined);
    await startSignUp(t.db, config, { name: "A", email, password });
    expect((await emailsTo(t.db, email)).length).toBe(1);
  });

  it("locks the code after five wrong guesses", async () => {
    const { email, code } = await signUp();
    const wrong = code === "000000" ? "111111" : "000000";
    const reasons = [];
    for (let i = 0; i < 5; i++)
      reasons.push((await completeSignUp(t.db, config, { email, code: wrong })) as { reason: string });
    expect(reasons.map((r) => r.reason)).toEqual(["invalid", "invalid", "invalid", "invalid", "locked"]);
    expect(await completeSignUp(t.db, config, { email, code })).toEqual({ ok: false, reason: "locked" });
  });

  it("refuses an expired code", async () => {
    const { email, code } = await signUp();
    await t.db
      .updateTable("verifications")
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where("target", "=", email)
      .execute();
    expect(await completeSignUp(t.db, config, { email, code })).toEqual({ ok: false, reason: "expired" });
  });

  it("resends a code with the pending details after the waiting time, retiring the old one", async () => {
    const { email, code: first } = await signUp();
    await resendSignUpCode(t.db, config, email);
    expect((await emailsTo(t.db, email)).length).toBe(1);
    await t.db
      .updateTable("verifications")
      .set({ createdAt: sql`now() - interval '2 minutes'` })
      .where("target", "=", email)
      .execute();
    await resendSignUpCode(t.db, config, email);
    const second = codeIn((await latestEmailTo(t.db, email))!.text);
    if (second !== first)
      expect(await completeSignUp(t.db, config, { email, code: first })).toMatchObject({ ok: false });
    expect(await completeSignUp(t.db, config, { email, code: second })).toMatchObject({ ok: true });
  });

  it("resets a password by code and ends every session", async () => {
    const { email, code } = await signUp();
    const created = await completeSignUp(t.db, config, { email, code });
    if (!created.ok) throw new Error("sign-up failed");
    const cookie = await startSession(t.db, config, created.userId, { userAgent: null, clientAddress: null });
    const token = await readSessionToken(
      new Request("http://x", { headers: { Cookie: cookie.split(";")[0]! } }),
      config,
    );

    await startPasswordReset(t.db, config, email);
    const resetCode = codeIn((await latestEmailTo(t.db, email))!.text);
    const result = await completePasswordReset(t.db, config, {
      email,
      code: resetCode,
      password: "another long password",
    });
    expect(result.ok).toBe(true);
    expect(await resolveSession(t.db, token!)).toBeNull();
    expect(await checkPassword(t.db, { email, password, clientAddress: "10.0.0.1" })).toMatchObject({ ok: false });
    expect(
      await checkPassword(t.db, { email, password: "another long password", clientAddress: "10.0.0.1" }),
    ).toMatchObject({ ok: true });
  });

  // Finding 5 of the penetration test (issue 11): weak passwords were accepted.
  it("refuses a weak password at sign-up with the estimator's advice, storing and sending nothing", async () => {
    const email = uniqueEmail("weak");
    for (const weak of ["1234567890", "password12", "adalovelace1"]) {
      const result = await startSignUp(t.db, config, { name: "Ada Lovelace", email, password: weak });
      expect(result).toMatchObject({ ok: false, reason: "weak-password" });
      if (!result.ok) expect(english(result.message)).toMatch(/^This password is too easy to guess\. .+\. .+\.$/);
    }
    expect(await emailsTo(t.db, email)).toEqual([]);
    expect(await t.db.selectFrom("verifications").select("id").where("target", "=", email).execute()).toEqual([]);
    expect(await startSignUp(t.db, config, { name: "Ada Lovelace", email, password })).toEqual({ ok: true });
  });

  it("refuses a weak new password at reset (the account's name counts) and keeps the code for a better one", async () => {
    const { email, code } = await signUp();
    await completeSignUp(t.db, config, { email, code });
    await startPasswordReset(t.db, config, email);
    const resetCode = codeIn((await latestEmailTo(t.db, email))!.text);
    for (const weak of ["aaaaaaaaaa", "Lovelace2026"]) {
      const refused = await completePasswordReset(t.db, config, { email, code: resetCode, password: weak });
      expect(refused).toMatchObject({ ok: false, reason: "weak-password" });
      expect(english((refused as { message: string }).message)).toContain("too easy to guess");
    }
    expect(await checkPassword(t.db, { email, password, clientAddress: "10.0.0.2" })).toMatchObject({ ok: true });
    const result = await completePasswordReset(t.db, config, {
      email,
      code: resetCode,
      password: "another long password",
    });
    expect(result.ok).toBe(true);
  });

  it("sends nothing for a reset of an unknown address", async () => {
    const email = uniqueEmail("nobody");
    await startPasswordReset(t.db, config, email);
    expect(await emailsTo(t.db, email)).toEqual([]);
  });

  it("answers an unknown email and a wrong password alike; past five failures the right password asks for a code", async () => {
    const { email, code } = await signUp();
    await completeSignUp(t.db, config, { email, code });
    expect(await checkPassword(t.db, { email: uniqueEmail(), password, clientAddress: "10.1.0.1" })).toEqual({
      ok: false,
      reason: "invalid",
    });
    for (let i = 0; i < 5; i++) {
      expect(await checkPassword(t.db, { email, password: "wrong password", clientAddress: `10.2.0.${i}` })).toEqual({
        ok: false,
        reason: "invalid",
      });
    }
    // Never refused: the right password is still accepted, and an emailed code finishes the sign-in.
    const user = await t.db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow();
    expect(await checkPassword(t.db, { email, password, clientAddress: "10.3.0.1" })).toEqual({
      ok: false,
      reason: "second-factor",
      userId: user.id,
      because: "account",
    });
    // Wrong guesses keep getting the same answer as before.
    expect(await checkPassword(t.db, { email, password: "still wrong", clientAddress: "10.3.0.1" })).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("catches the right password inside a burst of parallel guesses: it needs the emailed code", async () => {
    const { email, code } = await signUp();
    await completeSignUp(t.db, config, { email, code });
    const guesses = Array.from({ length: 12 }, (_, i) =>
      checkPassword(t.db, { email, password: `guess-${i}`, clientAddress: `10.50.0.${i}` }),
    );
    // The right password, sent with the burst, is hashed after the guesses queued ahead of it.
    const right = checkPassword(t.db, { email, password, clientAddress: "10.50.1.1" });
    const results = await Promise.all(guesses);
    expect(results.every((result) => !result.ok && result.reason === "invalid")).toBe(true);
    expect(await right).toMatchObject({ ok: false, reason: "second-factor" });
  });

  it("counts only failed checks per address: successes never add up, failures across accounts do", async () => {
    const address = `10.9.${Math.floor(Math.random() * 250)}.7`;
    const { email, code } = await signUp();
    await completeSignUp(t.db, config, { email, code });
    for (let i = 0; i < 30; i++) {
      expect(await checkPassword(t.db, { email, password, clientAddress: address })).toMatchObject({ ok: true });
    }
    for (let i = 0; i < 20; i++) await checkPassword(t.db, { email: uniqueEmail(), password, clientAddress: address });
    expect(await checkPassword(t.db, { email, password, clientAddress: address })).toMatchObject({
      reason: "second-factor",
      because: "address",
    });
    expect(await checkPassword(t.db, { email, password, clientAddress: "10.8.0.1" })).toMatchObject({ ok: true });
  });
});
