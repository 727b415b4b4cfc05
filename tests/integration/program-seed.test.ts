import { sql } from "kysely";
import { expect, it } from "vitest";
import { upsertUsers } from "#db/seed/accounts";
import { seedFellowships } from "#db/seed/fellowships";
import { DEMO_FINALIST, seedInterviews } from "#db/seed/interviews";
import { seedMatching } from "#db/seed/matching";
import { seedOrganizations } from "#db/seed/organizations";
import { demoEmail } from "#db/seed/people";
import { staffDashboard } from "~/fellowships/views.server";
import { finalistInterviews } from "~/interviews/finalist.server";
import { describeDb } from "../support/db";

describeDb("the demo's interviews and fellowship year", (t) => {
  it("adds times and bookings to the matching cycle and two 2025 fellows with reports in every state, once", async () => {
    // The staff member of the demo comments on a report.
    await upsertUsers(t.db, [{ email: "staff@demo.test", name: "Rosa Delgado" }], "not-a-real-hash");
    const seed = async () => {
      const organizations = await seedOrganizations(t.db, "not-a-real-hash");
      await seedMatching(t.db, "not-a-real-hash", organizations);
      await seedInterviews(t.db);
      await seedFellowships(t.db, "not-a-real-hash", organizations);
    };
    await seed();
    await seed();
    const { rows } = await sql<{ slots: number; booked: number; positions: number; fellowships: number }>`
      select (select count(*) from interview_slots s join positions p on p.id = s.position_id
                join cycles c on c.id = p.cycle_id where c.slug = 'open-web-2025') as slots,
             (select count(*) from interview_bookings where status = 'booked') as booked,
             (select count(*) from positions p join cycles c on c.id = p.cycle_id where c.slug = 'open-web-2025') as positions,
             (select count(*) from fellowships) as fellowships`.execute(t.db);
    expect(Number(rows[0]!.slots)).toBe(Number(rows[0]!.positions) * 4);
    expect(Number(rows[0]!.booked)).toBeGreaterThanOrEqual(8);
    expect(Number(rows[0]!.fellowships)).toBe(2);

    const { fellowships } = await staffDashboard(t.db, { cohortYear: 2025 });
    expect(fellowships).toHaveLength(2);
    const states = new Set(fellowships.flatMap((f) => f.reports.map((r) => r.state)));
    expect([...states].sort()).toEqual(["due", "late", "submitted", "upcoming"]);
    expect(fellowships.some((f) => f.organizationName === "Fundación Datos Libres")).toBe(true);
    const comments = await t.db.selectFrom("reportComments").select("id").execute();
    expect(comments).toHaveLength(2);

    // The walk-through's finalist has times to book with partner@demo.test's host, and no booking yet.
    const finalist = await t.db
      .selectFrom("users")
      .select(["id", "timezone"])
      .where("email", "=", demoEmail(DEMO_FINALIST))
      .executeTakeFirstOrThrow();
    expect(finalist.timezone).toBe("Africa/Lagos");
    const view = await finalistInterviews(t.db, finalist.id);
    const datos = view.positions.find((position) => position.organizationName === "Fundación Datos Libres")!;
    expect(datos.booking).toBeNull();
    expect(datos.slots.length).toBeGreaterThan(0);
  });
});
