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

  it("lets the event loop turn between batches, so other requests' I/O is not held up by an export", async () => {
    const query = {
      after: () => t.db.selectFrom("allyProfiles").select(["id"]).orderBy("id"),
      keyOf: (row: { id: string }) => row.id,
    };
    let turns = 0;
    let ticking = true;
    const tick = () => {
      turns++;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    const turnsAt: number[] = [];
    for await (const row of exportRows(
      t.db,
      {
        after: (key: string | null) => (key ? query.after().where("id", ">", key) : query.after()),
        keyOf: query.keyOf,
      },
      50,
    )) {
      void row;
      turnsAt.push(turns);
      if (turnsAt.length === 200) break;
    }
    ticking = false;
    // Rows 51, 101 and 151 each start a batch after at least one more turn of the loop.
    for (const first of [50, 100, 150]) expect(turnsAt[first]!).toBeGreaterThan(turnsAt[first - 1]!);
  });
});
