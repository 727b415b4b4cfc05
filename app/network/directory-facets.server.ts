import { CompiledQuery, sql, type Expression, type Kysely, type SqlBool } from "kysely";
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
 * exactly up to RANKED_EXACT_UP_TO). Beyond it they come from a fixed 5 % sample of the table,
 * stable between requests, and are shown as estimates: counting every row of a result that is
 * most of the directory costs more than a page may take, and "about 41,000" tells a person as
 * much as "41,144".
 */
export const EXACT_FACETS_UP_TO = 3000;
export const RANKED_EXACT_UP_TO = 3000;
const SAMPLE_PERCENT = 5;

/** Every facet count over a CTE named `matched` (disciplines, skills, languages, region, available_now). */
export const facetUnion = sql<FacetRow>`
    select 'total' as facet, null as value, count(*) as count from matched
    union all select 'available', null, count(*) from matched where available_now
    union all (select 'discipline', d, count(*) from matched, unnest(disciplines) d group by d)
    union all (select 'language', l, count(*) from matched, unnest(languages) l group by l)
    union all (select 'region', region, count(*) from matched where region is not null group by region)
    union all (select 'skill', s, count(*) from matched, unnest(skills) s group by s
               order by count(*) desc, s limit ${TOP_SKILLS})`;

export function matchedQuery(db: Kysely<Database>, where: (eb: Profiles) => Expression<SqlBool>) {
  return db
    .selectFrom("allyProfiles")
    .select(["disciplines", "skills", "languages", "region", availableNowSql.as("availableNow")])
    .where(where);
}

export function facetSql(matched: ReturnType<typeof matchedQuery>) {
  return sql<FacetRow>`with matched as materialized (${matched}) ${facetUnion}`;
}

/** The counts of a filter-only search: exact when the result is small, else estimated. */
export async function facetCounts(
  db: Kysely<Database>,
  where: (eb: Profiles) => Expression<SqlBool>,
): Promise<DirectoryFacets> {
  const { rows } = await facetSql(matchedQuery(db, where).limit(EXACT_FACETS_UP_TO + 1)).execute(db);
  const total = Number(rows.find((row) => row.facet === "total")?.count ?? 0);
  if (total <= EXACT_FACETS_UP_TO) return summarise(rows, 1);
  return sampledFacets(db, where);
}

/** Facet counts estimated from a fixed sample of the table (`knownTotal` when the search counted it). */
export async function sampledFacets(
  db: Kysely<Database>,
  where: (eb: Profiles) => Expression<SqlBool>,
  knownTotal?: number,
): Promise<DirectoryFacets> {
  // Kysely has no TABLESAMPLE, so the compiled statement gains it.
  const compiled = facetSql(matchedQuery(db, where)).compile(db);
  const sampled = compiled.sql.replace(
    'from "ally_profiles"',
    `from "ally_profiles" tablesample system (${SAMPLE_PERCENT}) repeatable (42)`,
  );
  const { rows } = await db.executeQuery<FacetRow>(CompiledQuery.raw(sampled, [...compiled.parameters]));
  return summarise(rows, 100 / SAMPLE_PERCENT, knownTotal);
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
