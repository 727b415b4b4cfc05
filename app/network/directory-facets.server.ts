import { sql, type Expression, type Kysely, type SelectQueryBuilder, type SqlBool } from "kysely";
import type { Database } from "#db/types";
import { availableNowSql, type Profiles } from "./directory.server";

export interface FacetCount {
  value: string;
  count: number;
}

export interface DirectoryFacets {
  /** Facet counts estimated from a sample (a very large result). */
  approximate: boolean;
  /** Whether the total itself is an estimate (it is exact whenever the search counted it). */
  approximateTotal: boolean;
  total: number;
  disciplines: FacetCount[];
  skills: FacetCount[];
  languages: FacetCount[];
  regions: FacetCount[];
  availableNow: number;
}

export interface FacetRow {
  facet: string;
  value: string | null;
  count: number | string;
}

const TOP_SKILLS = 15;
/**
 * Facet counts are exact up to this many matches of a filter-only search (a ranked search counts
 * exactly up to RANKED_EXACT_UP_TO). Beyond it they come from a fixed block sample of the table
 * (5 %, or SAMPLE_BLOCKS pages of a larger table), stable between requests, and are shown as
 * estimates: counting every row of a result that is most of the directory costs more than a page
 * may take, and "about 41,000" tells a person as much as "41,144".
 */
export const EXACT_FACETS_UP_TO = 3000;
export const RANKED_EXACT_UP_TO = 3000;
export const SAMPLE_PERCENT = 5;
/**
 * At most this many pages (≈ 5,000 profiles) are sampled: 5 % of a million profiles is 7,000
 * pages, whose reading alone took longer than a page may. Every search with words reads the
 * sample (see countedSql), so it is kept small: testing the words on 10,000 sampled profiles
 * took 20–70 ms; an estimate from 5,000 is as useful to a reader ("about 41,000").
 */
export const SAMPLE_BLOCKS = 750;

/** The percentage sampled: 5 %, less for a table over SAMPLE_BLOCKS × 20 pages (as last analysed). */
export const samplePercentSql = sql<number>`(select least(${sql.lit(SAMPLE_PERCENT)},
  100.0 * ${sql.lit(SAMPLE_BLOCKS)} / greatest(relpages, 1))::real from pg_class where oid = 'ally_profiles'::regclass)`;

/** Every facet count over a CTE (`matched` or `sampled`): disciplines, skills, languages, region, available_now. */
export function facetUnionOver(cte: "matched" | "sampled") {
  const from = sql.raw(cte);
  return sql<FacetRow>`
    select 'total' as facet, null as value, count(*) as count from ${from}
    union all select 'available', null, count(*) from ${from} where available_now
    union all (select 'discipline', d, count(*) from ${from}, unnest(disciplines) d group by d)
    union all (select 'language', l, count(*) from ${from}, unnest(languages) l group by l)
    union all (select 'region', region, count(*) from ${from} where region is not null group by region)
    union all (select 'skill', s, count(*) from ${from}, unnest(skills) s group by s
               order by count(*) desc, s limit ${TOP_SKILLS})`;
}

/**
 * The facet columns of a fixed block sample of the table under the same filters (Kysely has
 * no TABLESAMPLE, so the sample is a subquery named like the table, which the planner pulls up).
 */
export function sampledQuery(db: Kysely<Database>, where: (eb: Profiles) => Expression<SqlBool>) {
  const sample = sql<Database["allyProfiles"]>`(select * from ally_profiles
    tablesample system (${samplePercentSql}) repeatable (42))`.as("allyProfiles");
  const from = db.selectFrom(sample) as unknown as SelectQueryBuilder<Database, "allyProfiles", object>;
  return from.select(["disciplines", "skills", "languages", "region", availableNowSql.as("availableNow")]).where(where);
}

/**
 * A result the sample puts at more than this many times the exact threshold is taken as broad
 * without counting its matches. Counting up to the threshold reads the whole bitmap of the
 * search's index first, and for a broad prefix at a million profiles that was most of a page's
 * time (≈ 180 of 270 ms for "security training"). At a million profiles the sample holds ~16
 * matches of a result of 3,000 and the cut-off is at ~32, so a result within the threshold is
 * not taken for a broad one (if it ever were, it would be listed by update with estimated counts,
 * as every broad result is).
 */
export const BROAD_BY_SAMPLE_FACTOR = 2;

/**
 * The `sampled` and `counted` CTEs: how many rows `matched` holds (it stops at threshold + 1), or
 * just threshold + 1 when the sample already shows the result is broad (then `matched` is never
 * read). `matched` is a CTE of the same statement.
 */
export function countedSql(db: Kysely<Database>, where: (eb: Profiles) => Expression<SqlBool>, threshold: number) {
  return sql`sampled as materialized (${sampledQuery(db, where)}),
    counted as (select case
      when (select count(*) from sampled) * 100.0 / ${samplePercentSql}
        > ${BROAD_BY_SAMPLE_FACTOR * threshold} then ${threshold + 1}::bigint
      else (select count(*) from matched)
    end as n)`;
}

/** The exact counts of up to EXACT_FACETS_UP_TO matches, or (beyond) the sample's, as one SQL expression. */
export function facetsOrSampleSql(countedCte: "counted", limit: number) {
  return sql<{ exact: FacetRow[] | null; sampled: FacetRow[] | null }>`
      case when (select n from ${sql.raw(countedCte)}) <= ${limit}
        then (select jsonb_agg(f) from (${facetUnionOver("matched")}) f) end as facets,
      case when (select n from ${sql.raw(countedCte)}) > ${limit}
        then (select jsonb_agg(f) from (${facetUnionOver("sampled")}) f) end as sampled_facets`;
}

export function matchedQuery(db: Kysely<Database>, where: (eb: Profiles) => Expression<SqlBool>) {
  return db
    .selectFrom("allyProfiles")
    .select(["disciplines", "skills", "languages", "region", availableNowSql.as("availableNow")])
    .where(where);
}

export function summarise(rows: FacetRow[], scale: number, knownTotal?: number): DirectoryFacets {
  const estimate = (count: unknown) => Math.round(Number(count) * scale);
  const of = (facet: string) =>
    rows
      .filter((row) => row.facet === facet)
      .map((row) => ({ value: row.value ?? "", count: estimate(row.count) }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  const counted = estimate(rows.find((row) => row.facet === "total")?.count ?? 0);
  const approximate = scale !== 1;
  return {
    approximate,
    approximateTotal: approximate && knownTotal === undefined,
    // A sample can come out below the exact threshold; the result is known to be larger.
    total: knownTotal ?? (approximate ? Math.max(counted, EXACT_FACETS_UP_TO + 1) : counted),
    availableNow: estimate(rows.find((row) => row.facet === "available")?.count ?? 0),
    disciplines: of("discipline"),
    languages: of("language"),
    regions: of("region"),
    skills: of("skill"),
  };
}
