import { sql, type Kysely } from "kysely";
import type { Database } from "#db/types";
import { generateCode, hashCode, safeEqual } from "./tokens.server";
import { msg } from "~/i18n/message";

export const VerificationPurpose = {
  signup: "signup",
  reset: "reset",
  deleteAccount: "delete-account",
  /** The second step of a sign-in whose account or address has failed often lately. */
  signIn: "sign-in",
} as const;
export type VerificationPurpose = (typeof VerificationPurpose)[keyof typeof VerificationPurpose];

export const CODE_TTL_MINUTES = 15;
export const MAX_CODE_ATTEMPTS = 5;
/** A second request within this window reuses the code already sent (a double click sends one email). */
export const RESEND_AFTER_SECONDS = 60;

export type CodeCheck =
  { status: "ok"; id: string; payload: Record<string, unknown> } | { status: "invalid" | "expired" | "locked" };

function scope(purpose: VerificationPurpose, target: string) {
  return `${purpose}:${target.toLowerCase()}`;
}

/**
 * Issues a code for `target`, retiring earlier ones, and returns it with the row id; returns
 * null when a code was issued moments ago (the caller then sends nothing new).
 */
export async function issueCode(
  trx: Kysely<Database>,
  secret: string,
  input: { purpose: VerificationPurpose; target: string; payload?: Record<string, unknown> },
): Promise<{ id: string; code: string } | null> {
  // Two requests at once for one address must not both see "nothing sent yet".
  await sql`select pg_advisory_xact_lock(hashtext(${`verification:${scope(input.purpose, input.target)}`}))`.execute(
    trx,
  );
  const recent = await trx
    .selectFrom("verifications")
    .select("id")
    .where("purpose", "=", input.purpose)
    .where("target", "=", input.target)
    .where("consumedAt", "is", null)
    .where("createdAt", ">", sql<Date>`now() - ${`${RESEND_AFTER_SECONDS} seconds`}::interval`)
    .executeTakeFirst();
  if (recent) return null;

  await trx
    .updateTable("verifications")
    .set({ consumedAt: sql`now()` })
    .where("purpose", "=", input.purpose)
    .where("target", "=", input.target)
    .where("consumedAt", "is", null)
    .execute();
  const code = generateCode();
  const row = await trx
    .insertInto("verifications")
    .values({
      purpose: input.purpose,
      target: input.target,
      codeHash: hashCode(secret, scope(input.purpose, input.target), code),
      payload: input.payload ? JSON.stringify(input.payload) : null,
      expiresAt: sql`now() + ${`${CODE_TTL_MINUTES} minutes`}::interval`,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { id: row.id, code };
}

/**
 * Checks a code against the newest live one for `target` and uses it up when it matches. Each
 * wrong guess counts; after five the code is dead. Run inside a transaction: the row is locked
 * so two guesses at once cannot both count as the fifth.
 */
export async function consumeCode(
  trx: Kysely<Database>,
  secrets: string[],
  input: { purpose: VerificationPurpose; target: string; code: string },
): Promise<CodeCheck> {
  const row = await trx
    .selectFrom("verifications")
    .select(["id", "codeHash", "payload", "attempts", sql<boolean>`expires_at <= now()`.as("expired")])
    .where("purpose", "=", input.purpose)
    .where("target", "=", input.target)
    .where("consumedAt", "is", null)
    .orderBy("createdAt", "desc")
    .limit(1)
    .forUpdate()
    .executeTakeFirst();
  if (!row) return { status: "invalid" };
  if (row.expired) return { status: "expired" };
  if (row.attempts >= MAX_CODE_ATTEMPTS) return { status: "locked" };

  const matches = secrets.some((secret) =>
    safeEqual(row.codeHash, hashCode(secret, scope(input.purpose, input.target), input.code)),
  );
  if (!matches) {
    const attempts = row.attempts + 1;
    await trx.updateTable("verifications").set({ attempts }).where("id", "=", row.id).execute();
    return { status: attempts >= MAX_CODE_ATTEMPTS ? "locked" : "invalid" };
  }
  await trx
    .updateTable("verifications")
    .set({ consumedAt: sql`now()` })
    .where("id", "=", row.id)
    .execute();
  return { status: "ok", id: row.id, payload: row.payload ?? {} };
}

export const CODE_MESSAGES: Record<Exclude<CodeCheck["status"], "ok">, string> = {
  invalid: msg("forms.errors.codeInvalid"),
  expired: msg("forms.errors.codeExpired"),
  locked: msg("forms.errors.codeLocked"),
};
