import { sql } from "kysely";
import type { DB } from "#db/client";
import type { Campaign, NeedProgress } from "./campaigns.server";
import { scoreFit, type Fit, type FitNeed } from "./fit";

/** How many candidates the database hands over for ranking, and how many are shown. */
const CANDIDATES = 300;
const SHOWN = 30;

export interface Suggestion {
  profileId: string;
  displayName: string;
  headline: string;
  fit: Fit;
  /** Other campaigns with overlapping dates this ally has accepted or been asked to join. */
  overlaps: string[];
}

/**
 * Allies ranked by fit for the campaign's open needs. The database narrows to listed allies who
 * match a need and are not yet asked (best-matching first); the ranking itself is pure (fit.ts).
 * Two queries, however many allies there are.
 */
export async function suggestAllies(db: DB, campaign: Campaign, needs: NeedProgress[]): Promise<Suggestion[]> {
  const open: FitNeed[] = needs.map((need) => ({
    id: need.id,
    kind: need.kind,
    value: need.value,
    open: need.quantity - need.accepted - need.proposed,
  }));
  const skills = open.filter((need) => need.kind === "skill" && need.open > 0).map((need) => need.value);
  const disciplines = open.filter((need) => need.kind === "discipline" && need.open > 0).map((need) => need.value);
  if (skills.length === 0 && disciplines.length === 0) return [];

  const candidates = await db
    .selectFrom("allyProfiles")
    .select([
      "id",
      "displayName",
      "headline",
      "disciplines",
      "skills",
      "languages",
      "timezone",
      "hoursPerMonth",
      "availableFrom",
      "availableUntil",
    ])
    .where("withdrawnAt", "is", null)
    .where((eb) =>
      eb.or([
        sql<boolean>`ally_profiles.skills && ${skills}::text[]`,
        sql<boolean>`ally_profiles.disciplines && ${disciplines}::text[]`,
      ]),
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("campaignAssignments")
            .select("id")
            .whereRef("campaignAssignments.profileId", "=", "allyProfiles.id")
            .where("campaignAssignments.campaignId", "=", campaign.id),
        ),
      ),
    )
    .orderBy(
      sql`cardinality(array(select unnest(ally_profiles.skills) intersect select unnest(${skills}::text[])))
      + cardinality(array(select unnest(ally_profiles.disciplines) intersect select unnest(${disciplines}::text[])))`,
      "desc",
    )
    .orderBy(sql`(ally_profiles.languages && ${campaign.languages}::text[])`, "desc")
    .orderBy("hoursPerMonth", "desc")
    .orderBy("id")
    .limit(CANDIDATES)
    .execute();
  const ranked = candidates
    .map((ally) => ({ ally, fit: scoreFit(ally, campaign, open) }))
    .sort((a, b) => b.fit.score - a.fit.score || a.ally.displayName.localeCompare(b.ally.displayName))
    .slice(0, SHOWN);

  const ids = ranked.map(({ ally }) => ally.id);
  const overlapping = ids.length
    ? await db
        .selectFrom("campaignAssignments")
        .innerJoin("campaigns", "campaigns.id", "campaignAssignments.campaignId")
        .select(["campaignAssignments.profileId", "campaigns.name"])
        .where("campaignAssignments.profileId", "in", ids)
        .where("campaignAssignments.campaignId", "!=", campaign.id)
        .where("campaignAssignments.status", "in", ["proposed", "accepted"])
        .where("campaigns.startsOn", "<=", campaign.endsOn)
        .where("campaigns.endsOn", ">=", campaign.startsOn)
        .execute()
    : [];
  return ranked.map(({ ally, fit }) => ({
    profileId: ally.id,
    displayName: ally.displayName,
    headline: ally.headline,
    fit,
    overlaps: overlapping.filter((row) => row.profileId === ally.id).map((row) => row.name),
  }));
}
