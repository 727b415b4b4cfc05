import { sql } from "kysely";
import type { DB } from "#db/client";
import { audit } from "~/audit/audit.server";
import type { CampaignInput } from "./campaigns.schema";
import { fail, type Result } from "~/utils/result";
import { msg } from "~/i18n/message";
import { localizeCampaign } from "~/i18n/content";
import { DEFAULT_LANGUAGE, type Language } from "~/i18n/languages";

export const CAMPAIGN_COLUMNS = [
  "id",
  "slug",
  "name",
  "summary",
  "startsOn",
  "endsOn",
  "status",
  "languages",
  "timezone",
  "version",
] as const;

export async function getCampaignBySlug(db: DB, slug: string) {
  return db.selectFrom("campaigns").select(CAMPAIGN_COLUMNS).where("slug", "=", slug).executeTakeFirst();
}

export type Campaign = NonNullable<Awaited<ReturnType<typeof getCampaignBySlug>>>;

/** Every campaign with its staffing: places needed and accepted, in one query. */
export async function listCampaigns(db: DB) {
  return db
    .selectFrom("campaigns")
    .select([
      "id",
      "slug",
      "name",
      "status",
      "startsOn",
      "endsOn",
      (eb) =>
        eb
          .selectFrom("campaignNeeds")
          .select(sql<number>`coalesce(sum(quantity), 0)`.as("n"))
          .whereRef("campaignNeeds.campaignId", "=", "campaigns.id")
          .as("needed"),
      (eb) =>
        eb
          .selectFrom("campaignAssignments")
          .select(sql<number>`count(*)`.as("n"))
          .whereRef("campaignAssignments.campaignId", "=", "campaigns.id")
          .where("campaignAssignments.status", "in", ["accepted", "completed"])
          .as("accepted"),
    ])
    .orderBy("startsOn", "desc")
    .execute();
}

export type CampaignWrite = Result<{ slug: string }, 404 | 409, { field?: "slug" }>;

export async function createCampaign(db: DB, actorId: string, input: CampaignInput): Promise<CampaignWrite> {
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto("campaigns")
      .values({
        slug: input.slug,
        name: input.name,
        summary: input.summary,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        status: input.status,
        languages: input.languages,
        timezone: input.timezone,
      })
      .onConflict((oc) => oc.column("slug").doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!inserted) return fail(409, msg("refusals.campaigns.slugTaken"), { field: "slug" });
    await audit(trx, {
      actorId,
      action: "campaign.create",
      subjectType: "campaign",
      subjectId: inserted.id,
      data: { slug: input.slug },
    });
    return { ok: true, slug: input.slug };
  });
}

/** Saves a campaign's details unless someone saved since the form was loaded (`version`). */
export async function updateCampaign(
  db: DB,
  actorId: string,
  campaignId: string,
  input: CampaignInput,
): Promise<CampaignWrite> {
  return db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom("campaigns")
      .select(["id", "version"])
      .where("id", "=", campaignId)
      .forUpdate()
      .executeTakeFirst();
    if (!current) return fail(404, msg("refusals.campaigns.campaignMissing"));
    if (current.version !== input.version) {
      return fail(409, msg("refusals.campaigns.stale"));
    }
    const clash = await trx
      .selectFrom("campaigns")
      .select("id")
      .where("slug", "=", input.slug)
      .where("id", "!=", campaignId)
      .executeTakeFirst();
    if (clash) return fail(409, msg("refusals.campaigns.slugTaken"), { field: "slug" });
    await trx
      .updateTable("campaigns")
      .set({
        slug: input.slug,
        name: input.name,
        summary: input.summary,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        status: input.status,
        languages: input.languages,
        timezone: input.timezone,
        updatedAt: sql`now()`,
        version: sql`version + 1`,
      })
      .where("id", "=", campaignId)
      .execute();
    await audit(trx, { actorId, action: "campaign.update", subjectType: "campaign", subjectId: campaignId });
    return { ok: true, slug: input.slug };
  });
}

export async function addNeed(
  db: DB,
  actorId: string,
  campaignId: string,
  need: { kind: "discipline" | "skill"; value: string; quantity: number },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    // Adding the same need twice sets its number instead of failing.
    const row = await trx
      .insertInto("campaignNeeds")
      .values({ campaignId, ...need })
      .onConflict((oc) => oc.columns(["campaignId", "kind", "value"]).doUpdateSet({ quantity: need.quantity }))
      .returning("id")
      .executeTakeFirstOrThrow();
    await audit(trx, {
      actorId,
      action: "campaign.need",
      subjectType: "campaign",
      subjectId: campaignId,
      data: { needId: row.id, ...need },
    });
  });
}

export async function removeNeed(db: DB, actorId: string, campaignId: string, needId: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const removed = await trx
      .deleteFrom("campaignNeeds")
      .where("id", "=", needId)
      .where("campaignId", "=", campaignId)
      .returning(["kind", "value"])
      .executeTakeFirst();
    if (removed)
      await audit(trx, {
        actorId,
        action: "campaign.need.remove",
        subjectType: "campaign",
        subjectId: campaignId,
        data: removed,
      });
    return removed !== undefined;
  });
}

/** Each need with how many allies accepted and how many were asked and have not answered. */
export async function needProgress(db: DB, campaignId: string) {
  return db
    .selectFrom("campaignNeeds")
    .leftJoin("campaignAssignments", "campaignAssignments.needId", "campaignNeeds.id")
    .select([
      "campaignNeeds.id",
      "campaignNeeds.kind",
      "campaignNeeds.value",
      "campaignNeeds.quantity",
      sql<number>`count(campaign_assignments.id) filter (where campaign_assignments.status in ('accepted', 'completed'))`.as(
        "accepted",
      ),
      sql<number>`count(campaign_assignments.id) filter (where campaign_assignments.status = 'proposed')`.as(
        "proposed",
      ),
    ])
    .where("campaignNeeds.campaignId", "=", campaignId)
    .groupBy("campaignNeeds.id")
    .orderBy("campaignNeeds.createdAt")
    .orderBy("campaignNeeds.id")
    .execute();
}

export type NeedProgress = Awaited<ReturnType<typeof needProgress>>[number];

/** A campaign's assignments for staff, with the ally's name (never their email). */
export async function listAssignments(db: DB, campaignId: string) {
  return campaignAssignmentsWithAlly(db, campaignId).orderBy("campaignAssignments.createdAt", "desc").execute();
}

/** A campaign's assignments with the ally's display name and the need they fill: staff page and API alike. */
export function campaignAssignmentsWithAlly(db: DB, campaignId: string) {
  return db
    .selectFrom("campaignAssignments")
    .innerJoin("allyProfiles", "allyProfiles.id", "campaignAssignments.profileId")
    .leftJoin("campaignNeeds", "campaignNeeds.id", "campaignAssignments.needId")
    .select([
      "campaignAssignments.id",
      "campaignAssignments.status",
      "campaignAssignments.answeredAt",
      "campaignAssignments.createdAt",
      "allyProfiles.id as profileId",
      "allyProfiles.displayName",
      "campaignNeeds.value as needValue",
    ])
    .where("campaignAssignments.campaignId", "=", campaignId);
}

/** The public page: an active or closed campaign and the allies who accepted and chose to be shown. */
/** A campaign's public page, its summary in `language` where staff translated it. */
export async function getPublicCampaign(db: DB, slug: string, language: Language = DEFAULT_LANGUAGE) {
  const stored = await db
    .selectFrom("campaigns")
    .select(["id", "slug", "name", "summary", "startsOn", "endsOn", "status", "translations"])
    .where("slug", "=", slug)
    .where("status", "in", ["active", "closed"])
    .executeTakeFirst();
  if (!stored) return undefined;
  const campaign = localizeCampaign(stored, language);
  const allies = await db
    .selectFrom("campaignAssignments")
    .innerJoin("allyProfiles", "allyProfiles.id", "campaignAssignments.profileId")
    .select([
      "allyProfiles.id",
      "allyProfiles.displayName",
      "allyProfiles.headline",
      // A link to the profile only where the public may open it.
      sql<boolean>`ally_profiles.visibility = 'public'`.as("publicProfile"),
    ])
    .where("campaignAssignments.campaignId", "=", campaign.id)
    .where("campaignAssignments.status", "in", ["accepted", "completed"])
    .where("campaignAssignments.showPublicly", "=", true)
    .where("allyProfiles.withdrawnAt", "is", null)
    .orderBy("allyProfiles.displayName")
    .execute();
  return { campaign, allies };
}
