import { sql } from "kysely";
import { beforeAll, expect, it } from "vitest";
import { seedScaleAllies } from "#db/seed/scale";
import { RANKED_EXACT_UP_TO } from "~/network/directory-facets.server";
import { parseDirectoryQuery } from "~/network/directory-query";
import { searchDirectory } from "~/network/directory.server";
import { describeDb } from "../../support/db";
import { clearProfiles } from "../../support/network";

const query = (search: string) => parseDirectoryQuery(new URLSearchParams(search));

describeDb("directory search beyond the ranking cap", (t) => {
  beforeAll(async () => {
    await clearProfiles(t.db);
    // Every synthetic bio says "has worked in the open since": staff see them all match "open".
    await seedScaleAllies(t.db, RANKED_EXACT_UP_TO + 200);
  }, 120_000);

  it("lists a broader result most recently updated first, with its total estimated, page after page", async () => {
    const { rows } = await sql<{ id: string }>`select id from ally_profiles
      where withdrawn_at is null order by updated_at desc, id limit 40`.execute(t.db);
    const first = await searchDirectory(t.db, query("q=open"), "staff");
    expect(first.ranked).toBe(false);
    expect(first.profiles.map((profile) => profile.id)).toEqual(rows.slice(0, 20).map((row) => row.id));
    expect(first.hasMore).toBe(true);
    expect(first.facets.approximateTotal).toBe(true);
    expect(first.facets.total).toBeGreaterThan(RANKED_EXACT_UP_TO);
    const second = await searchDirectory(t.db, query("q=open&page=2"), "staff");
    expect(second.profiles.map((profile) => profile.id)).toEqual(rows.slice(20, 40).map((row) => row.id));
  });

  it("still ranks every match of a narrower search by relevance, with exact counts", async () => {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from ally_profiles
      where visibility = 'public' and search @@ to_tsquery('english', 'librarian:*')`.execute(t.db);
    expect(rows[0]!.n).toBeLessThanOrEqual(RANKED_EXACT_UP_TO);
    const result = await searchDirectory(t.db, query("q=librarians"), "public");
    expect(result.ranked).toBe(true);
    expect(result.facets.approximate).toBe(false);
    expect(result.facets.total).toBe(rows[0]!.n);
    // A headline match (weight B) outranks a bio-only match (weight C).
    expect(result.profiles[0]!.headline).toMatch(/Librarian/);
  });
});

describeDb("directory search through the facet index alone", (t) => {
  beforeAll(async () => {
    await clearProfiles(t.db);
    await seedScaleAllies(t.db, 2000);
    await sql`analyze ally_profiles`.execute(t.db);
  }, 120_000);

  // Every synthetic bio has "open": the words match every profile, the discipline about a tenth, so
  // the sample sends this search through the facet index with the words tested on each row. It
  // must find exactly what the plain AND of both conditions finds, in the same order.
  it("finds exactly the matches of words and facet values, ranked, with exact counts", async () => {
    const { rows } = await sql<{ id: string }>`select id from ally_profiles
      where withdrawn_at is null and visibility = 'public' and 'researcher' = any(disciplines)
        and search @@ to_tsquery('english', 'open:*')
      order by ts_rank(search, to_tsquery('english', 'open:*')) desc, updated_at desc, id`.execute(t.db);
    const { rows: sides } = await sql<{ words: number; facets: number }>`select
        count(*) filter (where search @@ to_tsquery('english', 'open:*'))::int as words,
        count(*) filter (where 'researcher' = any(disciplines))::int as facets
      from ally_profiles where withdrawn_at is null and visibility = 'public'`.execute(t.db);
    expect(sides[0]!.words).toBeGreaterThan(5 * sides[0]!.facets);
    expect(rows.length).toBeGreaterThan(20);
    const first = await searchDirectory(t.db, query("q=open&discipline=researcher"), "public");
    expect(first.ranked).toBe(true);
    expect(first.facets.approximate).toBe(false);
    expect(first.facets.total).toBe(rows.length);
    expect(first.profiles.map((profile) => profile.id)).toEqual(rows.slice(0, 20).map((row) => row.id));
    const second = await searchDirectory(t.db, query("q=open&discipline=researcher&page=2"), "public");
    expect(second.profiles.map((profile) => profile.id)).toEqual(rows.slice(20, 40).map((row) => row.id));
  });
});
