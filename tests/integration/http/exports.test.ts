import { request, type IncomingMessage } from "node:http";
import { parse } from "csv-parse/sync";
import { expect, it } from "vitest";
import { seedScaleAllies } from "#db/seed/scale";
import { runAssignment } from "~/review/assignments.server";
import { saveReview } from "~/review/reviews.server";
import { createReviewFixture } from "../../support/review";
import { createAlly } from "../../support/network";
import { createUser, describeServer, get, type TestServer, type TestUser } from "../../support/server";

const ALLIES = 20_000;

/** Opens the export and resolves once its first bytes arrived; the body is left paused, unread. */
function openExport(server: TestServer, staff: TestUser): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = request(new URL("/staff/allies.csv", server.url), { headers: { Cookie: staff.cookie } }, (res) => {
      res.once("readable", () => resolve(res));
    });
    req.on("error", reject);
    req.end();
  });
}

function readAll(res: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    res.on("data", (chunk: Buffer) => chunks.push(chunk));
    res.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    res.on("error", reject);
  });
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Reads the body 64 kB at a time with a pause between reads; resolves with the bytes read. */
async function readSlowly(res: IncomingMessage): Promise<number> {
  let bytes = 0;
  for await (const chunk of res) {
    bytes += (chunk as Buffer).length;
    await pause(15);
  }
  return bytes;
}

describeServer("streamed exports", (t) => {
  let staff: TestUser;

  it("streams the allies CSV whole, in name order, with formulas neutralised", { timeout: 180_000 }, async () => {
    staff = await createUser(t.server, { staff: true });
    await createAlly(t.server.db, { displayName: "=HYPERLINK(evil)" });
    await seedScaleAllies(t.server.db, ALLIES);
    const res = await openExport(t.server, staff);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(res.headers["content-disposition"]).toBe('attachment; filename="allies.csv"');
    const records = parse((await readAll(res)).replace(/^\uFEFF/, ""), { columns: true }) as Record<string, string>[];
    expect(records).toHaveLength(ALLIES + 1);
    expect(records.some((record) => record.display_name === "'=HYPERLINK(evil)")).toBe(true);
    const names = records.map((record) => record.display_name!);
    const { count } = await t.server.db
      .selectFrom("allyProfiles")
      .select((eb) => eb.fn.countAll<number>().as("count"))
      .where("withdrawnAt", "is", null)
      .executeTakeFirstOrThrow();
    expect(records).toHaveLength(Number(count));
    // The database's collation decides the order; every batch boundary must keep it.
    const sorted = await t.server.db
      .selectFrom("allyProfiles")
      .select("displayName")
      .where("withdrawnAt", "is", null)
      .orderBy("displayName")
      .orderBy("id")
      .execute();
    expect(names).toEqual(sorted.map((row) => row.displayName.replace(/^=/, "'=")));
  });

  it("lets light requests through while an export runs", { timeout: 60_000 }, async () => {
    let exportDone = false;
    const res = await openExport(t.server, staff);
    // A client on a slow line: the export lasts a few seconds, as a large one does over the internet.
    const running = readSlowly(res).then((bytes) => {
      exportDone = true;
      return bytes;
    });
    for (const word of ["encryption", "privacy"]) {
      const light = await get(t.server, `/directory?q=${word}`, { cookie: staff.cookie });
      expect(light.status).toBe(200);
      expect(await light.text()).toContain(word);
      expect(exportDone).toBe(false);
    }
    expect(await running).toBeGreaterThan(5 * 1024 * 1024);
  });
});

describeServer("streamed review export", (t) => {
  it("streams every submitted review of the cycle, one row each", async () => {
    const fixture = await createReviewFixture(t.server.db, t.server.config, { applicants: 6, reviewers: 4 });
    await runAssignment(t.server.db, t.server.config, fixture.staffId, fixture.cycle);
    const assignments = await t.server.db
      .selectFrom("reviewAssignments")
      .select(["id", "reviewerId"])
      .where("cycleId", "=", fixture.cycle.id)
      .execute();
    const values = {
      scores: Object.fromEntries(fixture.criteria.map((criterion) => [criterion.id, 4])),
      comments: {},
      recommendation: "yes" as const,
      confidence: 2,
      overallComment: "=1+1 looks solid.",
    };
    // Every other assignment submitted, the rest left undone (never exported).
    for (const assignment of assignments.filter((_, i) => i % 2 === 0)) {
      const saved = await saveReview(t.server.db, {
        assignmentId: assignment.id,
        reviewerId: assignment.reviewerId,
        version: 0,
        values,
        submit: true,
      });
      expect(saved.ok).toBe(true);
    }
    const staff = await createUser(t.server, { staff: true });
    const response = await get(t.server, `/staff/cycles/${fixture.cycle.slug}/reviews.csv`, { cookie: staff.cookie });
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Disposition")).toContain("reviews.csv");
    const records = parse((await response.text()).replace(/^\uFEFF/, ""), { columns: true }) as Record<
      string,
      string
    >[];
    const submitted = await t.server.db
      .selectFrom("reviews")
      .innerJoin("reviewAssignments", "reviewAssignments.id", "reviews.assignmentId")
      .select("reviews.id")
      .where("reviewAssignments.cycleId", "=", fixture.cycle.id)
      .where("reviews.submittedAt", "is not", null)
      .execute();
    expect(submitted.length).toBeGreaterThan(0);
    expect(records).toHaveLength(submitted.length);
    expect(records.every((record) => record.applicant && record.reviewer)).toBe(true);
    expect(records.every((record) => record.overall_comment === "'=1+1 looks solid.")).toBe(true);
  });
});
