import { sql } from "kysely";
import type { DB } from "#db/client";
import type { ProfileVisibility } from "#db/types";
import { saveProfile } from "~/network/profiles.server";
import type { ProfileInput } from "~/network/profile.schema";
import { uniqueEmail } from "./ids";

export interface TestAlly {
  userId: string;
  profileId: string;
  email: string;
}

/** An account (a new one, or `account`) with a consented profile, made through the app's own saveProfile. */
export async function createAlly(
  db: DB,
  overrides: Partial<Omit<ProfileInput, "visibility">> & { visibility?: ProfileVisibility } = {},
  account?: { id: string; email: string },
): Promise<TestAlly> {
  const email = account?.email ?? uniqueEmail("ally");
  const user =
    account ??
    (await db
      .insertInto("users")
      .values({ email, name: overrides.displayName ?? "Test Ally", emailVerifiedAt: new Date() })
      .returning("id")
      .executeTakeFirstOrThrow());
  const saved = await saveProfile(db, user.id, {
    intent: "save",
    displayName: "Test Ally",
    headline: "",
    bio: "",
    disciplines: ["technologist"],
    skills: [],
    languages: ["English"],
    country: undefined,
    region: undefined,
    timezone: "UTC",
    links: [],
    hoursPerMonth: 10,
    availableFrom: undefined,
    availableUntil: undefined,
    visibility: "public",
    consent: "on",
    version: 0,
    ...overrides,
  });
  if (!saved.ok) throw new Error(saved.message);
  const profile = await db
    .selectFrom("allyProfiles")
    .select("id")
    .where("userId", "=", user.id)
    .executeTakeFirstOrThrow();
  return { userId: user.id, profileId: profile.id, email };
}

/** Removes every profile, so a test can count exactly what it made. */
export async function clearProfiles(db: DB): Promise<void> {
  await sql`delete from ally_profiles`.execute(db);
}
