import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from "kysely";
import type { DB } from "#db/client";
import type { Database } from "#db/types";
import type { DirectoryAudience } from "~/auth/roles";
import { LISTED_PROFILE_COLUMNS } from "./profiles.server";
import {
  countedSql,
  facetsOrSampleSql,
  matchedQuery,
  RANKED_EXACT_UP_TO,
  samplePercentSql,
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

/** The facet values chosen, as the facet index's tokens (`d:policy`, `l:French`, …). */
function facetTokens(query: DirectoryQuery): string[] {
  return [
    ...query.disciplines.map((value) => `d:${value}`),
    ...query.skills.map((value) => `s:${value}`),
    ...query.languages.map((value) => `l:${value}`),
    ...(query.region ? [`r:${query.region}`] : []),
  ];
}

/** Which of a search's indexes may find its rows (see rankedSearchSql's `sides`). */
type IndexedBy = "both" | "facets";

/**
 * A search's conditions. With `indexed: "facets"` the words are matched through the function
 * under `@@`, which the text index cannot serve, and tested on the rows the facet index finds.
 */
export function filtersFor(query: DirectoryQuery, audience: DirectoryAudience, indexed: IndexedBy = "both") {
  return (eb: Profiles) => {
    const conditions: Expression<SqlBool>[] = [listedFor(eb, audience)];
    if (hasSearchText(query.q))
      conditions.push(
        indexed === "both"
          ? sql<SqlBool>`ally_profiles.search @@ ${textQuery(query.q)}`
          : sql<SqlBool>`ts_match_vq(ally_profiles.search, ${textQuery(query.q)})`,
      );
    const tokens = facetTokens(query);
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
    .select([...CARD_COLUMNS, "updatedAt", availableNowSql.as("availableNow")])
    .where(filtersFor(query, audience))
    .orderBy("updatedAt", "desc")
    .orderBy("id")
    .limit(DIRECTORY_PAGE_SIZE + 1)
    .offset((query.page - 1) * DIRECTORY_PAGE_SIZE);
}

/** The cards of a CTE's rows as one JSON array, in the order given. */
function cardsJson(order: ReturnType<typeof sql>) {
  return sql`coalesce(jsonb_agg(jsonb_build_object('id', id, 'displayName', display_name, 'headline', headline,
    'disciplines', disciplines, 'skills', skills, 'languages', languages, 'country', country, 'region', region,
    'availableNow', available_now) order by ${order}), '[]'::jsonb)`;
}

interface SearchRow {
  profiles: DirectoryCardRow[];
  /** Whether the page is in order of relevance (a ranked search of up to RANKED_EXACT_UP_TO matches). */
  ranked: boolean;
  /** Exact when a ranked search counted every match (up to RANKED_EXACT_UP_TO), else null. */
  total: number | string | null;
  facets: FacetRow[] | null;
  sampledFacets: FacetRow[] | null;
  samplePercent: number;
}

/**
 * A ranked search in one statement. Ranking needs every match's text vector, and the matches of
 * a broad search are spread over most of the table's pages, so only a result of up to
 * RANKED_EXACT_UP_TO matches is ranked: the first that many matches are read (no order, so the
 * read stops there), and when that is all of them the page, the exact total and the exact facet
 * counts come from them. A broader result (or one the sample already shows is broad, without
 * reading its matches) is shown most recently updated first, through the listed-updated index that
 * stops after the page, with the total and facets estimated from the sample, as a filter-only
 * search does.
 */
function rankedSearchSql(db: Kysely<Database>, query: DirectoryQuery, audience: DirectoryAudience) {
  const where = filtersFor(query, audience);
  const tokens = facetTokens(query);
  const matchedBy = (indexed: IndexedBy) =>
    db
      .selectFrom("allyProfiles")
      .select([...CARD_COLUMNS, "updatedAt", "search", availableNowSql.as("availableNow")])
      .where(filtersFor(query, audience, indexed))
      .where(sql<SqlBool>`(select indexed from sides) = ${indexed}`);
  const matched = tokens.length
    ? sql`${matchedBy("both")} union all ${matchedBy("facets")}
        limit ${RANKED_EXACT_UP_TO + 1}`
    : db
        .selectFrom("allyProfiles")
        .select([...CARD_COLUMNS, "updatedAt", "search", availableNowSql.as("availableNow")])
        .where(where)
        .limit(RANKED_EXACT_UP_TO + 1);
  // Words and facet values: the planner ANDs both indexes' bitmaps, and the bitmap of a common
  // word's prefix ("open data": 114,000 profiles) can be most of the time when the facet values
  // match a few thousand. The sample counts the listed profiles each side matches; when the words
  // match over SIDES_RATIO times as many, the facet index alone finds the rows and the words are
  // tested on each (two branches, one switched off by a one-time filter). The other way round
  // (a large facet value tested on the words' rows) measured slower than the AND: fetching rows
  // costs more than a plain token's bitmap.
  const sides = tokens.length
    ? sql`sides as (select case when ${SIDES_RATIO} * facets < words then 'facets' else 'both' end as indexed
        from (select count(*) filter (where facet_tokens @> ${tokens}::text[]) as facets,
            count(*) filter (where search @@ ${textQuery(query.q)}) as words
          from (select * from ally_profiles tablesample system (${samplePercentSql}) repeatable (42)) listed
          where withdrawn_at is null and visibility in (${sql.join(visibleLevels(audience))})) counts),`
    : sql``;
  const ranked = sql`select *, ts_rank(search, ${textQuery(query.q)}) as rank from matched
    where (select n from counted) <= ${RANKED_EXACT_UP_TO}
    order by rank desc, updated_at desc, id
    limit ${DIRECTORY_PAGE_SIZE + 1} offset ${(query.page - 1) * DIRECTORY_PAGE_SIZE}`;
  return sql<SearchRow>`
    with ${sides} matched as materialized (${matched}), ${countedSql(db, where, RANKED_EXACT_UP_TO)}
    select
      case when (select n from counted) <= ${RANKED_EXACT_UP_TO}
        then (select ${cardsJson(sql`rank desc, updated_at desc, id`)} from (${ranked}) page)
        else (select ${cardsJson(sql`updated_at desc, id`)} from (${updatedPageQuery(db, query, audience)}) page)
      end as profiles,
      (select n <= ${RANKED_EXACT_UP_TO} from counted) as ranked,
      (select case when n <= ${RANKED_EXACT_UP_TO} then n end from counted) as total,
      ${facetsOrSampleSql("counted", RANKED_EXACT_UP_TO)}, ${samplePercentSql} as sample_percent`;
}

/**
 * A filter-only search (or words in order of update) in one statement: the page, and the exact
 * facet counts of up to EXACT_FACETS_UP_TO matches (counting stops there), else the sample's.
 */
function filteredSearchSql(db: Kysely<Database>, query: DirectoryQuery, audience: DirectoryAudience) {
  const where = filtersFor(query, audience);
  return sql<SearchRow>`
    with page as (${updatedPageQuery(db, query, audience)}),
      matched as materialized (${matchedQuery(db, where).limit(EXACT_FACETS_UP_TO + 1)}),
      ${countedSql(db, where, EXACT_FACETS_UP_TO)}
    select (select ${cardsJson(sql`updated_at desc, id`)} from page) as profiles, false as ranked, null as total,
      ${facetsOrSampleSql("counted", EXACT_FACETS_UP_TO)}, ${samplePercentSql} as sample_percent`;
}

function searchSql(db: Kysely<Database>, query: DirectoryQuery, audience: DirectoryAudience) {
  return hasSearchText(query.q) && query.sort === "relevance"
    ? rankedSearchSql(db, query, audience)
    : filteredSearchSql(db, query, audience);
}

/** See rankedSearchSql's `sides`. */
const SIDES_RATIO = 5;

/**
 * Memory for a search's bitmaps and sorts. At the default 4 MB a bitmap of a broad match over a
 * million profiles no longer fits and goes lossy (whole pages, every row on them checked again);
 * set for the search's own transaction only.
 */
export const DIRECTORY_WORK_MEM = "32MB";

/** The settings of a search's transaction, in one statement. */
function searchSettings(db: Kysely<Database>, query: DirectoryQuery) {
  // The planner prices a prefix search on the GIN index above reading the whole table and
  // testing every row, which is many times slower in practice; for a text search a full scan
  // is the last resort.
  const seqscan = hasSearchText(query.q) ? "off" : "on";
  // JIT compiles a plan whose estimated cost passes 100,000 (the block samples' estimates do):
  // hundreds of milliseconds of compiling for a statement that runs in tens.
  return sql`select set_config('work_mem', ${DIRECTORY_WORK_MEM}, true), set_config('enable_seqscan', ${seqscan}, true),
    set_config('jit', 'off', true)`;
}

/** The statements a directory page runs (for the benchmark's raw floor server and its EXPLAIN). */
export function directoryQueries(db: DB, query: DirectoryQuery, audience: DirectoryAudience) {
  return [searchSettings(db, query).compile(db), searchSql(db, query, audience).compile(db)];
}

/**
 * One page of the directory and the facet counts of the whole result, in a fixed number of
 * queries however many profiles match (begin, settings, the search, commit). Counts are over
 * the current result (choosing a value narrows it).
 */
export async function searchDirectory(
  db: DB,
  query: DirectoryQuery,
  audience: DirectoryAudience,
): Promise<{ profiles: DirectoryCardRow[]; hasMore: boolean; ranked: boolean; facets: DirectoryFacets }> {
  return db.transaction().execute(async (trx) => {
    await searchSettings(trx, query).execute(trx);
    const { rows } = await searchSql(trx, query, audience).execute(trx);
    const { profiles, ranked, total, facets, sampledFacets, samplePercent } = rows[0]!;
    const known = total === null ? undefined : Number(total);
    return {
      profiles: profiles.slice(0, DIRECTORY_PAGE_SIZE),
      hasMore: profiles.length > DIRECTORY_PAGE_SIZE,
      ranked,
      facets: facets ? summarise(facets, 1) : summarise(sampledFacets ?? [], 100 / samplePercent, known),
    };
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
