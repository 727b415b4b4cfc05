import { sql } from "kysely";
import type { DB } from "../client";

export const DEMO_PASSWORD = "open-web-fellows";

/** One demo sign-in per role (fictional people); printed by `npm start`. */
export const DEMO_ACCOUNTS = [
  { email: "staff@demo.test", name: "Rosa Delgado", role: "Program staff" },
  { email: "reviewer@demo.test", name: "Kwame Mensah", role: "Reviewer" },
  { email: "partner@demo.test", name: "Lena Fischer", role: "Host partner" },
  { email: "ally@demo.test", name: "Tomás Rivera", role: "Network ally" },
  { email: "applicant@demo.test", name: "Amina Okafor", role: "Applicant" },
  // A finalist of the matching cycle (books an interview) and a fellow part-way through the year.
  { email: "adaeze.nwosu@applicants.demo.test", name: "Adaeze Nwosu", role: "Finalist" },
  { email: "ines.carvalho@applicants.demo.test", name: "Inês Carvalho", role: "Fellow" },
] as const;

/**
 * Creates verified accounts that do not exist yet and returns every id by email. The same hash
 * serves every demo account (they share a password), so seeding hundreds costs one argon2 run.
 */
export async function upsertUsers(
  db: DB,
  users: readonly { email: string; name: string }[],
  passwordHash: string,
): Promise<Map<string, string>> {
  if (users.length === 0) return new Map();
  await db
    .insertInto("users")
    .values(users.map((user) => ({ email: user.email, name: user.name, passwordHash, emailVerifiedAt: sql`now()` })))
    .onConflict((oc) => oc.column("email").doNothing())
    .execute();
  const rows = await db
    .selectFrom("users")
    .select(["id", "email"])
    .where(
      "email",
      "in",
      users.map((user) => user.email),
    )
    .execute();
  return new Map(rows.map((row) => [row.email.toLowerCase(), row.id]));
}
