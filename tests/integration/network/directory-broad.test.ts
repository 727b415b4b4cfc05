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
