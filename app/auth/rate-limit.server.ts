import { sql } from "kysely";
import type { DB } from "#db/client";

/**
 * Sign-in limits that an attacker cannot turn against the account's owner: past these many
 * failed password checks in the window, a correct password is still accepted, but the sign-in
 * is completed by a code emailed to the account (see sign-in-code.server.ts). Nothing here ever
 * refuses a correct password.
 */
export const SIGN_IN_LIMITS = {
  /** Failures on one account (from any address) before a correct password also needs the code. */
  account: { failures: 5, windowMinutes: 15 },
  /** Failures from one address (across accounts: password spraying) before the same applies there. */
  address: { failures: 20, windowMinutes: 15 },
} as const;

export type SignInRisk = { secondFactor: false } | { secondFactor: true; because: "account" | "address" };

/**
 * Decides, after the password has been found correct, whether this sign-in needs the emailed
 * code. Only finished, failed checks count: attempts still being checked and successful ones
 * never do, so a crowd signing in at once from one address (a campus, a NAT) is never limited.
 * A burst of parallel guesses is still caught: each guess records its failure before it
 * answers, and the correct one decides here, after its own slow hash, by which time the guesses
 * ahead of it in the hashing queue have been recorded.
 */
export async function assessSignInRisk(db: DB, email: string, clientAddress: string): Promise<SignInRisk> {
  const count = (column: "email" | "client_address", value: string, windowMinutes: number) =>
    sql<number>`(select count(*)::int from sign_in_failures
      where ${sql.ref(column)} = ${value} and created_at > now() - ${`${windowMinutes} minutes`}::interval)`;
  const { rows } = await sql<{ account: number; address: number }>`select
      ${count("email", email, SIGN_IN_LIMITS.account.windowMinutes)} as account,
      ${count("client_address", clientAddress, SIGN_IN_LIMITS.address.windowMinutes)} as address`.execute(db);
  const { account, address } = rows[0]!;
  if (account >= SIGN_IN_LIMITS.account.failures) return { secondFactor: true, because: "account" };
  if (address >= SIGN_IN_LIMITS.address.failures) return { secondFactor: true, because: "address" };
  return { secondFactor: false };
}

/** Records one failed password check (unknown email or wrong password), once it has failed. */
export async function recordSignInFailure(db: DB, email: string, clientAddress: string): Promise<void> {
  await db.insertInto("signInFailures").values({ email, clientAddress }).execute();
}

/** A completed sign-in clears the account's failures (the address keeps its count). */
export async function clearSignInFailures(db: DB, email: string): Promise<void> {
  await db.deleteFrom("signInFailures").where("email", "=", email).execute();
}
