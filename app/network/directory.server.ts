import { sql, type Expression, type ExpressionBuilder, type SqlBool } from "kysely";
import type { DB } from "#db/client";
import type { Database } from "#db/types";
import type { DirectoryAudience } from "~/auth/roles";
import { DIRECTORY_PAGE_SIZE, type DirectoryQuery } from "./directory-query";

type Profiles = ExpressionBuilder<Database, "allyProfiles">;

/** Which visibility levels an audience reaches. A staff-only profile reaches staff alone. */
export function visibleLevels(audience: DirectoryAudience): ("public" | "network" | "staff")[] {
  if (audience === "staff") return ["public", "network", "staff"];
  if (audience === "network") return ["public", "network"];
  return ["public"];
}

/** Listed: consented, not withdrawn, and visible to this audience. Every directory read goes through it. */
export function listedFor(eb: Profiles, audience: DirectoryAudience): Expression<SqlBool> {
  return eb.and([
    eb("allyProfiles.withdrawnAt", "is", null),
    eb("allyProfiles.visibility", "in", visibleLevels(audience)),
  ]);
}

export const availableNowSql = sql<boolean>`(ally_profiles.hours_per_month > 0
  and (ally_profiles.available_from is null or ally_profiles.available_from <= current_date)
  and (ally_profiles.available_until is null or ally_profiles.available_until >= current_date))`;

/**
 * The full-text query of what someone typed, in web-search syntax ("a phrase", -not, or): English
 * stems (policies finds policy) or, word for word, prefixes (encrypt finds encryption).
 */
export function textQuery(q: string) {
  return sql`(websearch_to_tsquery('english', ${q}) || to_tsquery('simple',
    regexp_replace(websearch_to_tsquery('simple', ${q})::text, '''(?:[^'']|'''')+''', '\\&:*', 'g')))`;
}

/** Whether a query has anything to search for (only punctuation finds nothing and is ignored). */
export function hasSearchText(q: string): boolean {
  return /[\p{L}\p{N}]/u.test(q);
}

function filtersFor(query: DirectoryQuery, audience: DirectoryAudience) {
  return (eb: Profiles) => {
    const conditions: Expression<SqlBool>[] = [listedFor(eb, audience)];
    if (hasSearchText(query.q)) conditions.push(sql<SqlBool>`ally_profiles.search @@ ${textQuery(query.q)}`);
    if (query.disciplines.length)
      conditions.push(sql<SqlBool>`ally_profiles.disciplines @> ${query.disciplines}::text[]`);
    if (query.skills.length) conditions.push(sql<SqlBool>`ally_profiles.skills @> ${query.skills}::text[]`);
    if (query.languages.length) conditions.push(sql<SqlBool>`ally_profiles.languages @> ${query.languages}::text[]`);
    if (query.region) conditions.push(eb("allyProfiles.region", "=", query.region));
    if (query.availableNow) conditions.push(availableNowSql);
    return eb.and(conditions);
  };
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface DirectoryFacets {
  total: number;
  disciplines: FacetCount[];
  skills: FacetCount[];
  languages: FacetCount[];
  regions: FacetCount[];
  availableNow: number;
}

const TOP_SKILLS = 15;

/**
 * One page of the directory and the facet counts of the whole result, in two queries however
 * many profiles match. Counts are over the current result (choosing a value narrows it).
 */
export async function searchDirectory(db: DB, query: DirectoryQuery, audience: DirectoryAudience) {
  const where = filtersFor(query, audience);
  const text = hasSearchText(query.q);
  const rankFirst = text && query.sort === "relevance";
  const [rows, facetRows] = await Promise.all([
    db
      .selectFrom("allyProfiles")
      .select([
        "id",
        "displayName",
        "headline",
        "disciplines",
        "skills",
        "languages",
        "country",
        "region",
        availableNowSql.as("availableNow"),
      ])
      .where(where)
      .$if(rankFirst, (qb) => qb.orderBy(sql`ts_rank_cd(ally_profiles.search, ${textQuery(query.q)})`, "desc"))
      .orderBy("updatedAt", "desc")
      .orderBy("id")
      .limit(DIRECTORY_PAGE_SIZE + 1)
      .offset((query.page - 1) * DIRECTORY_PAGE_SIZE)
      .execute(),
    facetCounts(db, where),
  ]);
  return {
    profiles: rows.slice(0, DIRECTORY_PAGE_SIZE),
    hasMore: rows.length > DIRECTORY_PAGE_SIZE,
    facets: facetRows,
  };
}

async function facetCounts(db: DB, where: (eb: Profiles) => Expression<SqlBool>): Promise<DirectoryFacets> {
  const matched = db
    .selectFrom("allyProfiles")
    .select(["disciplines", "skills", "languages", "region", availableNowSql.as("availableNow")])
    .where(where);
  const { rows } = await sql<{ facet: string; value: string | null; count: number }>`
    with matched as materialized (${matched})
    select 'total' as facet, null as value, count(*) as count from matched
    union all select 'available', null, count(*) from matched where available_now
    union all (select 'discipline', d, count(*) from matched, unnest(disciplines) d group by d)
    union all (select 'language', l, count(*) from matched, unnest(languages) l group by l)
    union all (select 'region', region, count(*) from matched where region is not null group by region)
    union all (select 'skill', s, count(*) from matched, unnest(skills) s group by s
               order by count(*) desc, s limit ${TOP_SKILLS})`.execute(db);
  const of = (facet: string) =>
    rows
      .filter((row) => row.facet === facet)
      .map((row) => ({ value: row.value ?? "", count: Number(row.count) }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  return {
    total: Number(rows.find((row) => row.facet === "total")?.count ?? 0),
    availableNow: Number(rows.find((row) => row.facet === "available")?.count ?? 0),
    disciplines: of("discipline"),
    languages: of("language"),
    regions: of("region"),
    skills: of("skill"),
  };
}

/** One profile as the directory shows it, if this audience may see it (else undefined: a 404). */
export async function getDirectoryProfile(db: DB, profileId: string, audience: DirectoryAudience) {
  return db
    .selectFrom("allyProfiles")
    .select([
      "id",
      "userId",
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
      availableNowSql.as("availableNow"),
    ])
    .where("id", "=", profileId)
    .where((eb) => listedFor(eb, audience))
    .executeTakeFirst();
}
