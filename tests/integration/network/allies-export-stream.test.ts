import { expect, it } from "vitest";
import { withQueryStats } from "#db/query-stats";
import { seedScaleAllies } from "#db/seed/scale";
import { exportRows } from "~/utils/export-rows.server";
import { describeDb } from "../../support/db";

describeDb("allies export, streamed", (t) => {
  it("walks every row once, in order, across batch boundaries with equal names", async () => {
    // 26 × 26 names repeat beyond 676 allies: many batches end in the middle of a run of equal names.
    await seedScaleAllies(t.db, 800);
    const query = {
      after: (key: [string, string] | null) => {
        const base = t.db
          .selectFrom("allyProfiles")
          .select(["id", "displayName"])
          .where("withdrawnAt", "is", null)
          .orderBy("displayName")
          .orderBy("id");
        return key ? base.where((eb) => eb(eb.refTuple("displayName", "id"), ">", eb.tuple(key[0], key[1]))) : base;
      },
      keyOf: (row: { id: string; displayName: string }): [string, string] => [row.displayName, row.id],
    };
    const { stats, result } = withQueryStats(async () => {
      const rows = [];
      for await (const row of exportRows(t.db, query, 7)) rows.push(row);
      return rows;
    });
    const streamed = await result;
    const all = await query.after(null).execute();
    expect(streamed).toEqual(all);
    expect(new Set(streamed.map((row) => row.id)).size).toBe(all.length);
    // PGlite: one short query per batch, so other requests get the connection in between.
    if (t.driver === "pglite") expect(stats.count).toBe(Math.floor(all.length / 7) + 1);
  });
});
