import { sql } from "kysely";
import { expect, it } from "vitest";
import { answersInOrder } from "~/applications/admin.server";
import { exportRows } from "~/utils/export-rows.server";
import { createOpenCycle } from "../support/cycles";
import { describeDb, uniqueEmail } from "../support/db";

describeDb("answers export, streamed", (t) => {
  it("resumes batches after submission times to the microsecond, drafts last, each row once", async () => {
    const cycle = await createOpenCycle(t.db);
    const applicants = await t.db
      .insertInto("users")
      .values(Array.from({ length: 40 }, (_, i) => ({ email: uniqueEmail(`export-${i}`), name: `Applicant ${i}` })))
      .returning("id")
      .execute();
    // Submitted in pairs within the same millisecond (apart by a microsecond), every fifth a draft.
    await sql`
      insert into applications (cycle_id, applicant_id, status, answers, submitted_at)
      select ${cycle.id}::uuid, a.id, case when a.n % 5 = 0 then 'draft' else 'submitted' end, '{}'::jsonb,
        case when a.n % 5 = 0 then null else timestamptz '2026-11-01 10:00:00' + (a.n / 2) * interval '1 millisecond'
          + (a.n % 2) * interval '1 microsecond' end
      from unnest(${applicants.map((a) => a.id)}::uuid[]) with ordinality a(id, n)`.execute(t.db);
    const query = answersInOrder(t.db, cycle.id);
    const streamed = [];
    for await (const row of exportRows(t.db, query, 3)) streamed.push(row.id);
    const all = (await query.after(null).limit(1000).execute()).map((row) => row.id);
    expect(all).toHaveLength(40);
    expect(streamed).toEqual(all);
  });
});
