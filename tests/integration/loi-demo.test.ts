import { beforeAll, expect, it } from "vitest";
import { seedLoiCycle, LOI_CYCLE_SLUG } from "#db/seed/loi";
import { lettersView } from "~/applications/loi-view.server";
import { stageOf, stagePhase } from "~/applications/stages";
import { listQuestions } from "~/cycles/questions.server";
import { listEligibilityQuestions } from "~/eligibility/eligibility.server";
import { cycleCompleteness, exportCompletenessCsv } from "~/references/completeness.server";
import { loadConfig } from "~/utils/config.server";
import { describeDb, uniqueEmail } from "../support/db";

const config = loadConfig({ SESSION_SECRET: "integration-secret-long-enough-for-hmac-use" });

describeDb("the demo's two-stage cycle", (t) => {
  let first: string | null = null;
  beforeAll(async () => {
    first = await seedLoiCycle(t.db, "not-a-real-hash");
  });

  it("is open for letters of intent, with a screen, and letters in every state, seeded once", async () => {
    expect(first).not.toBeNull();
    // Seeding again adds nothing (the demo seed runs at every start of a demo database).
    expect(await seedLoiCycle(t.db, "not-a-real-hash")).toBeNull();

    const cycle = await t.db
      .selectFrom("cycles")
      .selectAll()
      .where("slug", "=", LOI_CYCLE_SLUG)
      .executeTakeFirstOrThrow();
    const now = new Date();
    expect(cycle.status).toBe("open");
    expect(cycle.loiClosesAt!.getTime()).toBeGreaterThan(now.getTime());
    expect(cycle.closesAt.getTime()).toBeGreaterThan(cycle.loiClosesAt!.getTime());
    expect([cycle.referencesMin, cycle.referencesMax]).toEqual([2, 3]);
    // A new visitor starts at the letter of intent, which is taking letters now.
    expect(stageOf(cycle, null)).toBe("loi");
    expect(stagePhase(cycle, "loi", now)).toBe("accepting");

    const questions = await listQuestions(t.db, cycle.id);
    expect(questions.filter((question) => question.stage === "loi").map((question) => question.label)).toEqual([
      "Which track are you applying to?",
      "Which policy arena would you work in?",
      "Why is the open web important to you?",
    ]);
    const screen = await listEligibilityQuestions(t.db, cycle.id);
    expect(screen.length).toBe(2);

    const applications = await t.db
      .selectFrom("applications")
      .select(["status", "invitedAt", "answers"])
      .where("cycleId", "=", cycle.id)
      .execute();
    const count = (status: string) => applications.filter((application) => application.status === status).length;
    expect([
      count("loi_draft"),
      count("loi_submitted"),
      count("draft"),
      count("submitted"),
      count("not_invited"),
    ]).toEqual([1, 3, 1, 1, 1]);
    // Invited ones carry an invitation time; letters not invited keep only the letter's answers.
    expect(applications.filter((application) => application.invitedAt !== null)).toHaveLength(2);
    const loiIds = new Set(questions.filter((question) => question.stage === "loi").map((question) => question.id));
    for (const application of applications.filter((candidate) => candidate.invitedAt === null))
      expect(Object.keys(application.answers).every((id) => loiIds.has(id))).toBe(true);

    const view = await lettersView(t.db, config, { ...cycle, loiClosesAt: cycle.loiClosesAt });
    expect(view.rows).toHaveLength(7);
    expect(view.rows.filter((row) => row.invitedAt !== null)).toHaveLength(2);
  });

  it("shows letters of intent honestly in staff completeness and its CSV, never as missing references", async () => {
    const cycle = await t.db
      .selectFrom("cycles")
      .selectAll()
      .where("slug", "=", LOI_CYCLE_SLUG)
      .executeTakeFirstOrThrow();
    const questions = await listQuestions(t.db, cycle.id);
    const entries = await cycleCompleteness(t.db, cycle, questions);
    const byStatus = (status: string) => entries.filter((entry) => entry.status === status);

    for (const entry of [...byStatus("loi_submitted"), ...byStatus("not_invited"), ...byStatus("loi_draft")]) {
      expect(entry.stage).toBe("loi");
      expect(entry.missing.references).toBe(0);
      expect(entry.summary).not.toMatch(/reference/);
    }
    expect(byStatus("loi_submitted").map((entry) => [entry.summary, entry.note])).toEqual(
      Array(3).fill(["", "Letter of intent submitted: references are asked after an invitation"]),
    );
    expect(byStatus("not_invited")[0]).toMatchObject({
      summary: "",
      note: "Not invited to the full application: nothing more is asked",
    });
    // The draft letter lacks only the letter's own answers.
    const draft = byStatus("loi_draft")[0]!;
    expect(draft.missing.answers.every((label) => questions.some((q) => q.label === label && q.stage === "loi"))).toBe(
      true,
    );
    // Invited applications are at the full stage: they lack their references (two asked, none in yet).
    for (const entry of [...byStatus("draft"), ...byStatus("submitted")]) {
      expect(entry.stage).toBe("full");
      expect(entry.missing.references).toBe(2);
      expect(entry.note).toBeNull();
    }
    expect(byStatus("submitted")[0]!.summary).toBe("2 references");

    const staffId = (
      await t.db
        .insertInto("users")
        .values({ email: uniqueEmail("staff"), name: "Staff" })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    const csv = await new Response(await exportCompletenessCsv(t.db, staffId, cycle, questions)).text();
    const [header, ...lines] = csv.trim().split(/\r?\n/);
    const columns = header!.split(",");
    expect(columns).toContain("stage");
    expect(columns.at(-1)).toBe("note");
    const cell = (line: string, column: string) => line.split(",")[columns.indexOf(column)];
    const rows = lines.map((line) => ({
      status: cell(line, "status"),
      stage: cell(line, "stage"),
      referencesMissing: cell(line, "references_missing"),
    }));
    expect(rows.filter((row) => row.status === "loi_submitted")).toEqual(
      Array(3).fill({ status: "loi_submitted", stage: "letter_of_intent", referencesMissing: "0" }),
    );
    expect(rows.find((row) => row.status === "submitted")).toEqual({
      status: "submitted",
      stage: "full_application",
      referencesMissing: "2",
    });
  });
});
