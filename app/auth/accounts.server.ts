import { sql } from "kysely";
import type { DB } from "#db/client";
import { renderEmail } from "#emails/index";
import { enqueueEmail } from "~/email/outbox.server";
import { isLanguage, type Language } from "~/i18n/languages";
import type { AppConfig } from "~/utils/config.server";
import { hashPassword, verifyPassword } from "./password.server";
import { checkPasswordStrength } from "./password-strength.server";
import { assessSignInRisk, clearSignInFailures, recordSignInFailure } from "./rate-limit.server";
import { consumeCode, issueCode, VerificationPurpose, type CodeCheck } from "./verification.server";

function link(config: AppConfig, path: string) {
  return new URL(path, config.appUrl).toString();
}

function hourBucket() {
  return new Date().toISOString().slice(0, 13);
}

/**
 * Starts a sign-up. The account is created only when the code comes back, so nobody can hold an
 * email address they cannot read. A taken address gets a notice instead of a code; the caller
 * shows the same screen either way, so sign-up cannot tell who has an account. A password that is
 * easy to guess (judged from the typed name and address alone, so the answer tells nothing about
 * accounts) is refused with the estimator's advice before anything is stored or sent.
 */
export async function startSignUp(
  db: DB,
  config: AppConfig,
  input: {
    name: string;
    email: string;
    password: string;
    /** The language of the sign-up page: the code's email is written in it. */
    language?: Language;
  },
): Promise<WeakPasswordResult | { ok: true }> {
  const strength = checkPasswordStrength(input.password, input);
  if (!strength.ok) return { ok: false, reason: "weak-password", message: strength.message };
  const passwordHash = await hashPassword(input.password);
  await db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom("users")
      .select(["id", "name"])
      .where("email", "=", input.email)
      .where("deletedAt", "is", null)
      .executeTakeFirst();
    if (existing) {
      await enqueueEmail(trx, {
        to: input.email,
        template: "existing-account",
        fallbackLanguage: input.language,
        props: { name: existing.name, loginUrl: link(config, "/login"), resetUrl: link(config, "/forgot-password") },
        idempotencyKey: `existing-account:${existing.id}:${hourBucket()}`,
      });
      return;
    }
    const issued = await issueCode(trx, signingSecret(config), {
      purpose: VerificationPurpose.signup,
      target: input.email,
      // The page's language travels with the request, so a code sent again is in it too.
      payload: { name: input.name, passwordHash, ...(input.language ? { language: input.language } : {}) },
    });
    if (!issued) return;
    await enqueueEmail(trx, {
      to: input.email,
      template: "verification-code",
      language: input.language,
      props: { name: input.name, code: issued.code, verifyUrl: link(config, "/verify") },
      idempotencyKey: `verification:${issued.id}`,
    });
  });
  return { ok: true };
}

/** A new password the strength estimator finds easy to guess; `message` says why and what to do. */
export type WeakPasswordResult = { ok: false; reason: "weak-password"; message: string };

/**
 * Sends a new sign-up code with the details of the last request for this address (the password
 * is never asked twice). Does nothing when there is no recent request or the account exists.
 */
export async function resendSignUpCode(db: DB, config: AppConfig, email: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const pending = await trx
      .selectFrom("verifications")
      .select("payload")
      .where("purpose", "=", VerificationPurpose.signup)
      .where("target", "=", email)
      .where("createdAt", ">", sql<Date>`now() - interval '1 day'`)
      .orderBy("createdAt", "desc")
      .limit(1)
      .executeTakeFirst();
    const payload = pending?.payload;
    if (!payload) return;
    const exists = await trx.selectFrom("users").select("id").where("email", "=", email).executeTakeFirst();
    if (exists) return;
    const issued = await issueCode(trx, signingSecret(config), {
      purpose: VerificationPurpose.signup,
      target: email,
      payload,
    });
    if (!issued) return;
    await enqueueEmail(trx, {
      to: email,
      template: "verification-code",
      language: isLanguage(payload.language) ? payload.language : undefined,
      props: { name: String(payload.name ?? ""), code: issued.code, verifyUrl: link(config, "/verify") },
      idempotencyKey: `verification:${issued.id}`,
    });
  });
}

export type CompleteSignUpResult =
  { ok: true; userId: string } | { ok: false; reason: Exclude<CodeCheck["status"], "ok"> };

/** Creates the account once the emailed code matches. */
export async function completeSignUp(
  db: DB,
  config: AppConfig,
  input: { email: string; code: string },
): Promise<CompleteSignUpResult> {
  return db.transaction().execute(async (trx) => {
    const check = await consumeCode(trx, config.sessionSecrets, {
      purpose: VerificationPurpose.signup,
      target: input.email,
      code: input.code,
    });
    if (check.status !== "ok") return { ok: false, reason: check.status };
    const name = String(check.payload.name ?? "");
    const passwordHash = String(check.payload.passwordHash ?? "");
    const user = await trx
      .insertInto("users")
      // The sign-up page's language becomes the account's: emails sent later (receipts, decisions)
      // have no browser to ask. It can be changed like any choice of language.
      .values({
        email: input.email,
        name,
        passwordHash,
        emailVerifiedAt: sql`now()`,
        locale: isLanguage(check.payload.language) ? check.payload.language : null,
      })
      .onConflict((oc) => oc.column("email").doNothing())
      .returning("id")
      .executeTakeFirst();
    // Someone else verified this address a moment earlier: the code is spent, the account exists.
    if (!user) return { ok: false, reason: "invalid" };
    return { ok: true, userId: user.id };
  });
}

/** Sends a reset code when the address has an account; does nothing visible otherwise. */
export async function startPasswordReset(db: DB, config: AppConfig, email: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const user = await trx
      .selectFrom("users")
      .select(["id", "name"])
      .where("email", "=", email)
      .where("deletedAt", "is", null)
      .executeTakeFirst();
    if (!user) {
      // Spend about the time a real reset takes (rendering its email), so the answer's timing does
      // not tell whether the address has an account.
      await renderEmail("reset-code", { name: "", code: "000000", resetUrl: link(config, "/reset-password") });
      return;
    }
    const issued = await issueCode(trx, signingSecret(config), {
      purpose: VerificationPurpose.reset,
      target: email,
      payload: { userId: user.id },
    });
    if (!issued) return;
    await enqueueEmail(trx, {
      to: email,
      template: "reset-code",
      props: { name: user.name, code: issued.code, resetUrl: link(config, "/reset-password") },
      idempotencyKey: `reset:${issued.id}`,
    });
  });
}

/** Thrown to roll back a reset whose code was right but whose new password is weak. */
class WeakPassword extends Error {
  constructor(readonly result: WeakPasswordResult) {
    super(result.message);
  }
}

/**
 * Sets a new password when the code matches, and ends every session of the account. The
 * password's strength is judged against the account's name too, so only once the code is known
 * right (the answer must not tell a stranger whose name an address has); a weak one rolls back,
 * leaving the code usable for a better password.
 */
export async function completePasswordReset(
  db: DB,
  config: AppConfig,
  input: { email: string; code: string; password: string },
): Promise<CompleteSignUpResult | WeakPasswordResult> {
  const passwordHash = await hashPassword(input.password);
  return db
    .transaction()
    .execute(async (trx): Promise<CompleteSignUpResult> => {
      const check = await consumeCode(trx, config.sessionSecrets, {
        purpose: VerificationPurpose.reset,
        target: input.email,
        code: input.code,
      });
      if (check.status !== "ok") return { ok: false, reason: check.status };
      const userId = String(check.payload.userId);
      const account = await trx.selectFrom("users").select("name").where("id", "=", userId).executeTakeFirst();
      const strength = checkPasswordStrength(input.password, { name: account?.name, email: input.email });
      if (!strength.ok) throw new WeakPassword({ ok: false, reason: "weak-password", message: strength.message });
      const updated = await trx
        .updateTable("users")
        .set({ passwordHash, updatedAt: sql`now()`, version: sql`version + 1` })
        .where("id", "=", userId)
        .where("deletedAt", "is", null)
        .returning("id")
        .executeTakeFirst();
      if (!updated) return { ok: false, reason: "invalid" };
      await trx.deleteFrom("sessions").where("userId", "=", userId).execute();
      await trx.deleteFrom("signInFailures").where("email", "=", input.email).execute();
      return { ok: true, userId };
    })
    .catch((error: unknown) => {
      if (error instanceof WeakPassword) return error.result;
      throw error;
    });
}

export type PasswordSignIn =
  | { ok: true; userId: string }
  | { ok: false; reason: "invalid" }
  /** The password is right, but the account or address has failed often lately: an emailed code completes it. */
  | { ok: false; reason: "second-factor"; userId: string; because: "account" | "address" };

/**
 * Checks an email and password. An unknown email and a wrong password take the same time and
 * give the same answer, and each counts as a failure for the account and the address. A correct
 * password is never refused: where failures have piled up it asks for a second factor instead.
 */
export async function checkPassword(
  db: DB,
  input: { email: string; password: string; clientAddress: string },
): Promise<PasswordSignIn> {
  const user = await db
    .selectFrom("users")
    .select(["id", "passwordHash"])
    .where("email", "=", input.email)
    .where("deletedAt", "is", null)
    .executeTakeFirst();
  const valid = await verifyPassword(user?.passwordHash, input.password);
  if (!user || !valid) {
    await recordSignInFailure(db, input.email, input.clientAddress);
    return { ok: false, reason: "invalid" };
  }
  // Decided after the slow hash, so parallel guesses queued ahead of this one have been counted.
  const risk = await assessSignInRisk(db, input.email, input.clientAddress);
  if (risk.secondFactor) return { ok: false, reason: "second-factor", userId: user.id, because: risk.because };
  await clearSignInFailures(db, input.email);
  return { ok: true, userId: user.id };
}

/** The secret new codes are signed with (the newest one; older ones still verify). */
export function signingSecret(config: AppConfig): string {
  const secret = config.sessionSecrets[0];
  if (!secret) throw new Error("No session secret is configured");
  return secret;
}
