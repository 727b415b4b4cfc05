import { CompiledQuery, sql, type Kysely, type Expression, type ExpressionBuilder, type SqlBool } from "kysely";
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
  /** Counts estimated from a sample (a very large result). */
  approximate: boolean;
  total: number;
  disciplines: FacetCount[];
  skills: FacetCount[];
  languages: FacetCount[];
  regions: FacetCount[];
  availableNow: number;
}

const TOP_SKILLS = 15;

function resultsQuery(db: Kysely<Database>, query: DirectoryQuery, audience: DirectoryAudience) {
  const rankFirst = hasSearchText(query.q) && query.sort === "relevance";
  return db
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
    .where(filtersFor(query, audience))
    .$if(rankFirst, (qb) => qb.orderBy(sql`ts_rank(ally_profiles.search, ${textQuery(query.q)})`, "desc"))
    .orderBy("updatedAt", "desc")
    .orderBy("id")
    .limit(DIRECTORY_PAGE_SIZE + 1)
    .offset((query.page - 1) * DIRECTORY_PAGE_SIZE);
}

function matchedQuery(db: Kysely<Database>, where: (eb: Profiles) => Expression<SqlBool>) {
  return db
    .selectFrom("allyProfiles")
    .select(["disciplines", "skills", "languages", "region", availableNowSql.as("availableNow")])
    .where(where);
}

/** The two statements a directory page runs (for the benchmark's raw floor server). */
export function directoryQueries(db: DB, query: DirectoryQuery, audience: DirectoryAudience) {
  return {
    results: resultsQuery(db, query, audience).compile(),
    facets: facetSql(matchedQuery(db, filtersFor(query, audience)).limit(EXACT_FACETS_UP_TO + 1)).compile(db),
  };
}

/**
 * One page of the directory and the facet counts of the whole result, in two or three queries
 * however many profiles match. Counts are over the current result (choosing a value narrows it).
 */
export async function searchDirectory(db: DB, query: DirectoryQuery, audience: DirectoryAudience) {
  return db.transaction().execute(async (trx) => {
    // The planner prices a prefix search on the GIN index above reading the whole table and
    // testing every row, which is many times slower in practice; for these statements only,
    // a full scan is the last resort.
    if (hasSearchText(query.q)) await sql`set local enable_seqscan = off`.execute(trx);
    const rows = await resultsQuery(trx, query, audience).execute();
    const facets = await facetCounts(trx, filtersFor(query, audience));
    return { profiles: rows.slice(0, DIRECTORY_PAGE_SIZE), hasMore: rows.length > DIRECTORY_PAGE_SIZE, facets };
  });
}

/**
 * Facet counts are exact up to this many matches. Beyond it they come from a fixed 10 % sample
 * of the table (stable between requests) and are shown as estimates: counting every row of a
 * result that is most of the directory costs more than a page may take, and "about 41,000"
 * tells a person as much as "41,144".
 */
export const EXACT_FACETS_UP_TO = 3000;
const SAMPLE_PERCENT = 10;

function facetSql(matched: ReturnType<typeof matchedQuery>) {
  return sql<{ facet: string; value: string | null; count: number }>`
    with matched as materialized (${matched})
    select 'total' as facet, null as value, count(*) as count from matched
    union all select 'available', null, count(*) from matched where available_now
    union all (select 'discipline', d, count(*) from matched, unnest(disciplines) d group by d)
    union all (select 'language', l, count(*) from matched, unnest(languages) l group by l)
    union all (select 'region', region, count(*) from matched where region is not null group by region)
    union all (select 'skill', s, count(*) from matched, unnest(skills) s group by s
               order by count(*) desc, s limit ${TOP_SKILLS})`;
}

async function facetCounts(
  db: Kysely<Database>,
  where: (eb: Profiles) => Expression<SqlBool>,
): Promise<DirectoryFacets> {
  const matched = matchedQuery(db, where);
  const exact = await facetSql(matched.limit(EXACT_FACETS_UP_TO + 1)).execute(db);
  let rows = exact.rows;
  let scale = 1;
  if (Number(rows.find((row) => row.facet === "total")?.count ?? 0) > EXACT_FACETS_UP_TO) {
    // The same query over a sample: Kysely has no TABLESAMPLE, so the compiled text gains it.
    const compiled = facetSql(matched).compile(db);
    const sampled = compiled.sql.replace(
      'from "ally_profiles"',
      `from "ally_profiles" tablesample system (${SAMPLE_PERCENT}) repeatable (42)`,
    );
    rows = (await db.executeQuery<(typeof rows)[number]>(CompiledQuery.raw(sampled, [...compiled.parameters]))).rows;
    scale = 100 / SAMPLE_PERCENT;
  }
  const estimate = (count: unknown) => Math.round(Number(count) * scale);
  const of = (facet: string) =>
    rows
      .filter((row) => row.facet === facet)
      .map((row) => ({ value: row.value ?? "", count: estimate(row.count) }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  const total = estimate(rows.find((row) => row.facet === "total")?.count ?? 0);
  return {
    approximate: scale !== 1,
    // A sample can come out below the exact threshold; the result is known to be larger.
    total: scale !== 1 ? Math.max(total, EXACT_FACETS_UP_TO + 1) : total,
    availableNow: estimate(rows.find((row) => row.facet === "available")?.count ?? 0),
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
