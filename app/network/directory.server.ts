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

function filtersFor(query: DirectoryQuery, audience: DirectoryAudience) {
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

export interface FacetCount {
  value: string;
  count: number;
}

export interface DirectoryFacets {
  /** Facet counts estimated from a sample (a very large result). */
  approximate: boolean;
  /** Whether the total itself is an estimate (it is exact whenever the results query counted it). */
  approximateTotal: boolean;
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
      // Ranking reads every match anyway, so counting them on the way costs next to nothing.
      sql<number | null>`${rankFirst ? sql`count(*) over ()` : sql`null::bigint`}`.as("matches"),
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
    const facets = await facetCounts(trx, filtersFor(query, audience), rows[0]?.matches ?? undefined);
    const profiles = rows.slice(0, DIRECTORY_PAGE_SIZE).map(({ matches: _matches, ...profile }) => profile);
    return { profiles, hasMore: rows.length > DIRECTORY_PAGE_SIZE, facets };
  });
}

/**
 * Facet counts are exact up to this many matches. Beyond it they come from a fixed 5 % sample
 * of the table (stable between requests) and are shown as estimates: counting every row of a
 * result that is most of the directory costs more than a page may take, and "about 41,000"
 * tells a person as much as "41,144".
 */
export const EXACT_FACETS_UP_TO = 3000;
const SAMPLE_PERCENT = 5;

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

/** Facet counts; `knownTotal` (the number of matches, when the results query counted them) saves a query. */
async function facetCounts(
  db: Kysely<Database>,
  where: (eb: Profiles) => Expression<SqlBool>,
  knownTotal?: number,
): Promise<DirectoryFacets> {
  const matched = matchedQuery(db, where);
  type Row = { facet: string; value: string | null; count: number };
  let rows: Row[] = [];
  let scale = 1;
  const large = knownTotal !== undefined && Number(knownTotal) > EXACT_FACETS_UP_TO;
  if (!large) rows = (await facetSql(matched.limit(EXACT_FACETS_UP_TO + 1)).execute(db)).rows;
  if (large || Number(rows.find((row) => row.facet === "total")?.count ?? 0) > EXACT_FACETS_UP_TO) {
    // The same query over a sample: Kysely has no TABLESAMPLE, so the compiled text gains it.
    const compiled = facetSql(matched).compile(db);
    const sampled = compiled.sql.replace(
      'from "ally_profiles"',
      `from "ally_profiles" tablesample system (${SAMPLE_PERCENT}) repeatable (42)`,
    );
    rows = (await db.executeQuery<Row>(CompiledQuery.raw(sampled, [...compiled.parameters]))).rows;
    scale = 100 / SAMPLE_PERCENT;
  }
  const estimate = (count: unknown) => Math.round(Number(count) * scale);
  const of = (facet: string) =>
    rows
      .filter((row) => row.facet === facet)
      .map((row) => ({ value: row.value ?? "", count: estimate(row.count) }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  const sampledTotal = estimate(rows.find((row) => row.facet === "total")?.count ?? 0);
  return {
    approximate: scale !== 1,
    approximateTotal: scale !== 1 && knownTotal === undefined,
    // A sample can come out below the exact threshold; the result is known to be larger.
    total:
      knownTotal !== undefined
        ? Number(knownTotal)
        : scale !== 1
          ? Math.max(sampledTotal, EXACT_FACETS_UP_TO + 1)
          : sampledTotal,
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
