import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from "kysely";
import type { DB } from "#db/client";
import type { Database } from "#db/types";
import type { DirectoryAudience } from "~/auth/roles";
import { LISTED_PROFILE_COLUMNS } from "./profiles.server";
import {
  facetCounts,
  facetSql,
  facetUnion,
  matchedQuery,
  RANKED_EXACT_UP_TO,
  sampledFacets,
  summarise,
  EXACT_FACETS_UP_TO,
  type DirectoryFacets,
  type FacetRow,
} from "./directory-facets.server";
import { DIRECTORY_PAGE_SIZE, type DirectoryQuery } from "./directory-query";

export type { DirectoryFacets, FacetCount } from "./directory-facets.server";
export type Profiles = ExpressionBuilder<Database, "allyProfiles">;

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
 * The full-text query of what someone typed, in web-search syntax ("a phrase", -not, or), every
 * word an English stem matched as a prefix: policies finds policy, encrypt finds encryption, and
 * a name can be typed in part.
 */
export function textQuery(q: string) {
  return sql`regexp_replace(websearch_to_tsquery('english', ${q})::text, '''(?:[^'']|'''')+''', '\\&:*', 'g')::tsquery`;
}

/** Whether a query has anything to search for (only punctuation finds nothing and is ignored). */
export function hasSearchText(q: string): boolean {
  return /[\p{L}\p{N}]/u.test(q);
}

export function filtersFor(query: DirectoryQuery, audience: DirectoryAudience) {
  return (eb: Profiles) => {
    const conditions: Expression<SqlBool>[] = [listedFor(eb, audience)];
    if (hasSearchText(query.q)) conditions.push(sql<SqlBool>`ally_profiles.search @@ ${textQuery(query.q)}`);
    const tokens = [
      ...query.disciplines.map((value) => `d:${value}`),
      ...query.skills.map((value) => `s:${value}`),
      ...query.languages.map((value) => `l:${value}`),
      ...(query.region ? [`r:${query.region}`] : []),
    ];
    // All chosen facet values at once, through the facet tokens' GIN index.
    if (tokens.length) conditions.push(sql<SqlBool>`ally_profiles.facet_tokens @> ${tokens}::text[]`);
    if (query.availableNow) conditions.push(availableNowSql);
    return eb.and(conditions);
  };
}

const CARD_COLUMNS = [
  "id",
  "displayName",
  "headline",
  "disciplines",
  "skills",
  "languages",
  "country",
  "region",
] as const;

export interface DirectoryCardRow {
  id: string;
  displayName: string;
  headline: string;
  disciplines: string[];
  skills: string[];
  languages: string[];
  country: string | null;
  region: string | null;
  availableNow: boolean;
}

/** A page in order of last update (no words to rank by, or asked for). */
function updatedPageQuery(db: Kysely<Database>, query: DirectoryQuery, audience: DirectoryAudience) {
  return db
    .selectFrom("allyProfiles")
    .select([...CARD_COLUMNS, availableNowSql.as("availableNow")])
    .where(filtersFor(query, audience))
    .orderBy("updatedAt", "desc")
    .orderBy("id")
    .limit(DIRECTORY_PAGE_SIZE + 1)
    .offset((query.page - 1) * DIRECTORY_PAGE_SIZE);
}

/**
 * A ranked search in one statement: the matches are read and ranked once, and the page, the
 * exact total and (up to RANKED_EXACT_UP_TO matches) the exact facet counts all come from them.
 */
function rankedSearchSql(db: Kysely<Database>, query: DirectoryQuery, audience: DirectoryAudience) {
  const matched = db
    .selectFrom("allyProfiles")
    .select([
      ...CARD_COLUMNS,
      "updatedAt",
      availableNowSql.as("availableNow"),
      sql<number>`ts_rank(ally_profiles.search, ${textQuery(query.q)})`.as("rank"),
    ])
    .where(filtersFor(query, audience));
  return sql<{ profiles: DirectoryCardRow[]; total: number | string; facets: FacetRow[] | null }>`
    with matched as materialized (${matched}), counted as (select count(*) as n from matched)
    select
      (select coalesce(jsonb_agg(jsonb_build_object('id', id, 'displayName', display_name, 'headline', headline,
          'disciplines', disciplines, 'skills', skills, 'languages', languages, 'country', country, 'region', region,
          'availableNow', available_now) order by rank desc, updated_at desc, id), '[]'::jsonb)
        from (select * from matched order by rank desc, updated_at desc, id
              limit ${DIRECTORY_PAGE_SIZE + 1} offset ${(query.page - 1) * DIRECTORY_PAGE_SIZE}) page) as profiles,
      (select n from counted) as total,
      case when (select n from counted) <= ${RANKED_EXACT_UP_TO}
        then (select jsonb_agg(f) from (${facetUnion}) f) end as facets`;
}

/** The statements a directory page runs (for the benchmark's raw floor server). */
export function directoryQueries(db: DB, query: DirectoryQuery, audience: DirectoryAudience) {
  if (hasSearchText(query.q) && query.sort === "relevance") return [rankedSearchSql(db, query, audience).compile(db)];
  return [
    updatedPageQuery(db, query, audience).compile(),
    facetSql(matchedQuery(db, filtersFor(query, audience)).limit(EXACT_FACETS_UP_TO + 1)).compile(db),
  ];
}

/**
 * One page of the directory and the facet counts of the whole result, in a fixed number of
 * queries however many profiles match. Counts are over the current result (choosing a value
 * narrows it).
 */
export async function searchDirectory(
  db: DB,
  query: DirectoryQuery,
  audience: DirectoryAudience,
): Promise<{ profiles: DirectoryCardRow[]; hasMore: boolean; facets: DirectoryFacets }> {
  const where = filtersFor(query, audience);
  return db.transaction().execute(async (trx) => {
    let rows: DirectoryCardRow[];
    let facets: DirectoryFacets;
    if (hasSearchText(query.q)) {
      // The planner prices a prefix search on the GIN index above reading the whole table and
      // testing every row, which is many times slower in practice; for these statements only,
      // a full scan is the last resort.
      await sql`set local enable_seqscan = off`.execute(trx);
    }
    if (hasSearchText(query.q) && query.sort === "relevance") {
      const { rows: result } = await rankedSearchSql(trx, query, audience).execute(trx);
      const { profiles, total, facets: counts } = result[0]!;
      rows = profiles;
      facets = counts ? summarise(counts, 1) : await sampledFacets(trx, where, Number(total));
    } else {
      rows = await updatedPageQuery(trx, query, audience).execute();
      facets = await facetCounts(trx, where);
    }
    return { profiles: rows.slice(0, DIRECTORY_PAGE_SIZE), hasMore: rows.length > DIRECTORY_PAGE_SIZE, facets };
  });
}

/** A profile as this viewer may see it; its owner always sees their own (the "as others see it" preview). */
export async function getDirectoryProfile(
  db: DB,
  profileId: string,
  audience: DirectoryAudience,
  viewerId: string | null = null,
) {
  return db
    .selectFrom("allyProfiles")
    .select([...LISTED_PROFILE_COLUMNS, "userId", availableNowSql.as("availableNow")])
    .where("id", "=", profileId)
    .where((eb) =>
      viewerId
        ? eb.or([listedFor(eb, audience), eb.and([eb("userId", "=", viewerId), eb("withdrawnAt", "is", null)])])
        : listedFor(eb, audience),
    )
    .executeTakeFirst();
}
