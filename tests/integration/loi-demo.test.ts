import { expect, it } from "vitest";
import { seedLoiCycle, LOI_CYCLE_SLUG } from "#db/seed/loi";
import { lettersView } from "~/applications/loi-view.server";
import { stageOf, stagePhase } from "~/applications/stages";
import { listQuestions } from "~/cycles/questions.server";
import { listEligibilityQuestions } from "~/eligibility/eligibility.server";
import { loadConfig } from "~/utils/config.server";
import { describeDb } from "../support/db";

const config = loadConfig({ SESSION_SECRET: "integration-secret-long-enough-for-hmac-use" });

describeDb("the demo's two-stage cycle", (t) => {
  it("is open for letters of intent, with a screen, and letters in every state, seeded once", async () => {
    const first = await seedLoiCycle(t.db, "not-a-real-hash");
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
});
