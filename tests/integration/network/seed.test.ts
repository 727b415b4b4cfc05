import { sql } from "kysely";
import { expect, it } from "vitest";
import { seedNetwork } from "#db/seed/network";
import { seedScaleAllies } from "#db/seed/scale";
import { describeDb } from "../../support/db";

describeDb("network demo and scale seeds", (t) => {
  // First, while the table is empty: only a large load into an empty table drops indexes.
  it("keeps the table's indexes when a large load fails midway, and keeps none of its rows", async () => {
    const indexes = async () =>
      (
        await sql<{ name: string }>`select indexname as name from pg_indexes
          where tablename = 'ally_profiles' order by indexname`.execute(t.db)
      ).rows.map((row) => row.name);
    const before = await indexes();
    expect(before).toContain("ally_profiles_search_public_idx");
    // The log line after the first batch stands for a crash or a kill partway through.
    const failing = seedScaleAllies(t.db, 100_000, () => {
      throw new Error("killed midway");
    });
    await expect(failing).rejects.toThrow("killed midway");
    expect(await indexes()).toEqual(before);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from ally_profiles`.execute(t.db);
    expect(rows[0]!.n).toBe(0);
  });

  it("adds sixty allies across disciplines and regions and three campaigns, and adds nothing the second time", async () => {
    await seedNetwork(t.db, "not-a-real-hash");
    await seedNetwork(t.db, "not-a-real-hash");
    const { rows } = await sql<{
      allies: number;
      regions: number;
      disciplines: number;
      campaigns: number;
      visibilities: number;
    }>`
      select (select count(*) from ally_profiles) as allies,
             (select count(distinct region) from ally_profiles) as regions,
             (select count(distinct d) from ally_profiles, unnest(disciplines) d) as disciplines,
             (select count(*) from campaigns) as campaigns,
             (select count(distinct visibility) from ally_profiles) as visibilities`.execute(t.db);
    expect(rows[0]).toEqual({ allies: 60, regions: 8, disciplines: 7, campaigns: 3, visibilities: 3 });
    const encrypt = await t.db
      .selectFrom("campaigns")
      .innerJoin("campaignNeeds", "campaignNeeds.campaignId", "campaigns.id")
      .select(["campaigns.name", "campaignNeeds.value"])
      .where("campaigns.slug", "=", "encrypt")
      .execute();
    expect(encrypt.map((row) => row.value).sort()).toEqual(["localization", "security training", "storytelling"]);
    const demoAlly = await t.db
      .selectFrom("allyProfiles")
      .innerJoin("users", "users.id", "allyProfiles.userId")
      .select(["allyProfiles.visibility"])
      .where("users.email", "=", "ally@demo.test")
      .executeTakeFirst();
    expect(demoAlly?.visibility).toBe("public");
  });

  it("fills a database with synthetic allies in batches, and keeps them on a second run", async () => {
    expect(await seedScaleAllies(t.db, 250)).toBe(250);
    expect(await seedScaleAllies(t.db, 250)).toBe(0);
    const { rows } = await sql<{ n: number; searchable: number }>`
      select count(*) as n, count(*) filter (where search @@ to_tsquery('english', 'encryption')) as searchable
      from ally_profiles where terms_version = 'scale'`.execute(t.db);
    expect(rows[0]!.n).toBe(250);
    expect(rows[0]!.searchable).toBeGreaterThan(0);
  });
});
