import { sql } from "kysely";
import type { DB } from "#db/client";
import { audit } from "~/audit/audit.server";
import type { ProfileInput } from "./profile.schema";
import { TERMS_VERSION } from "./terms";
import { enqueueWebhook } from "~/webhooks/webhook-outbox.server";
import { msg } from "~/i18n/message";
import { fail, type Result } from "~/utils/result";

/** What anyone allowed to see a profile sees of it (never the email, never consent bookkeeping). */
export const LISTED_PROFILE_COLUMNS = [
  "id",
  "displayName",
  "headline",
  "bio",
  "disciplines",
  "skills",
  "languages",
  "country",
  "region",
  "timezone",
  "links",
  "hoursPerMonth",
  "availableFrom",
  "availableUntil",
  "visibility",
  "updatedAt",
] as const;

/** What the owner sees of their own profile: also consent and the version that guards edits. */
export const PROFILE_COLUMNS = [
  ...LISTED_PROFILE_COLUMNS,
  "termsVersion",
  "consentedAt",
  "withdrawnAt",
  "requestedVisibility",
  "version",
] as const;

/** The signed-in person's own profile, withdrawn or not. */
export async function getOwnProfile(db: DB, userId: string) {
  return db.selectFrom("allyProfiles").select(PROFILE_COLUMNS).where("userId", "=", userId).executeTakeFirst();
}

export type OwnProfile = NonNullable<Awaited<ReturnType<typeof getOwnProfile>>>;

/** The skills allies already use, most used first: offered as suggestions while typing. */
export async function popularSkills(db: DB, limit = 40): Promise<string[]> {
  const rows = await db
    .selectFrom((eb) =>
      eb
        .selectFrom("allyProfiles")
        .select(sql<string>`unnest(skills)`.as("skill"))
        .where("withdrawnAt", "is", null)
        .as("tags"),
    )
    .select(["skill", sql<number>`count(*)`.as("uses")])
    .groupBy("skill")
    .orderBy("uses", "desc")
    .orderBy("skill")
    .limit(limit)
    .execute();
  return rows.map((row) => row.skill);
}

export type ProfileWrite = Result<{ joined: boolean }, 400 | 409, { field?: "consent" }>;

/**
 * Creates or updates the person's profile. Joining (or rejoining after a withdrawal, or saving
 * after the terms changed) needs consent to the current terms; the version and time are kept.
 * A form loaded before someone else's save (another tab) is refused by its version.
 */
const STALE_MESSAGE = msg("refusals.profiles.stale");

export async function saveProfile(db: DB, userId: string, input: ProfileInput): Promise<ProfileWrite> {
  return db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom("allyProfiles")
      .select(["id", "version", "withdrawnAt", "termsVersion"])
      .where("userId", "=", userId)
      .forUpdate()
      .executeTakeFirst();
    const needsConsent = !current || current.withdrawnAt !== null || current.termsVersion !== TERMS_VERSION;
    if (needsConsent && input.consent !== "on") {
      return fail(400, msg("refusals.profiles.consent"), { field: "consent" });
    }
    if ((current?.version ?? 0) !== input.version) {
      return fail(409, STALE_MESSAGE);
    }
    const fields = {
      displayName: input.displayName,
      headline: input.headline,
      bio: input.bio,
      disciplines: input.disciplines,
      skills: input.skills,
      languages: input.languages,
      country: input.country || null,
      region: input.region ?? null,
      timezone: input.timezone,
      links: JSON.stringify(input.links),
      hoursPerMonth: input.hoursPerMonth,
      availableFrom: input.availableFrom ?? null,
      availableUntil: input.availableUntil ?? null,
      visibility: input.visibility,
      // The person has chosen: a staff import's request is answered.
      requestedVisibility: null,
    };
    const consent = needsConsent
      ? { termsVersion: TERMS_VERSION, consentedAt: sql<Date>`now()`, withdrawnAt: null }
      : {};
    if (!current) {
      // Two first saves at once (a double click, two tabs) both find no row to lock: the second
      // one's insert does nothing and it is answered like any other stale form.
      const created = await trx
        .insertInto("allyProfiles")
        .values({ userId, ...fields, termsVersion: TERMS_VERSION, consentedAt: sql<Date>`now()` })
        .onConflict((oc) => oc.column("userId").doNothing())
        .returning("id")
        .executeTakeFirst();
      if (!created) return fail(409, STALE_MESSAGE);
      await audit(trx, {
        actorId: userId,
        action: "profile.consent",
        subjectType: "ally_profile",
        subjectId: created.id,
        data: { termsVersion: TERMS_VERSION },
      });
      await enqueueWebhook(trx, "ally.joined", { profileId: created.id });
      return { ok: true, joined: true };
    }
    await trx
      .updateTable("allyProfiles")
      .set({ ...fields, ...consent, updatedAt: sql`now()`, version: sql`version + 1` })
      .where("id", "=", current.id)
      .execute();
    if (needsConsent) {
      await audit(trx, {
        actorId: userId,
        action: "profile.consent",
        subjectType: "ally_profile",
        subjectId: current.id,
        data: { termsVersion: TERMS_VERSION },
      });
    }
    if (current.withdrawnAt !== null) await enqueueWebhook(trx, "ally.joined", { profileId: current.id });
    return { ok: true, joined: current.withdrawnAt !== null };
  });
}

/** Withdraws consent: from this moment the profile is out of every listing, search and suggestion. */
export async function withdrawProfile(db: DB, userId: string, version: number): Promise<Result> {
  return db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom("allyProfiles")
      .select(["id", "version", "withdrawnAt"])
      .where("userId", "=", userId)
      .forUpdate()
      .executeTakeFirst();
    if (!current) return fail(404, msg("refusals.profiles.noProfile"));
    if (current.withdrawnAt) return { ok: true };
    if (current.version !== version) {
      return fail(409, msg("refusals.profiles.staleWithdraw"));
    }
    await trx
      .updateTable("allyProfiles")
      .set({ withdrawnAt: sql`now()`, requestedVisibility: null, updatedAt: sql`now()`, version: sql`version + 1` })
      .where("id", "=", current.id)
      .execute();
    await audit(trx, {
      actorId: userId,
      action: "profile.withdraw",
      subjectType: "ally_profile",
      subjectId: current.id,
    });
    return { ok: true };
  });
}
