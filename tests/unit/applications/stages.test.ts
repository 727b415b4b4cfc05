import { describe, expect, it } from "vitest";
import { canMove, initialStatus } from "~/applications/lifecycle";
import { loiDeadlineProblem, questionsForStage, stageDeadline, stageOf, stagePhase } from "~/applications/stages";
import { english } from "../../support/english";

const opensAt = new Date("2027-03-01T00:00:00Z");
const loiClosesAt = new Date("2027-03-15T21:00:00Z");
const closesAt = new Date("2027-04-20T21:00:00Z");
const twoStage = { status: "open" as const, opensAt, closesAt, loiClosesAt };
const oneStage = { ...twoStage, loiClosesAt: null };

describe("two-stage cycles", () => {
  it("starts an application at the letter of intent only in a two-stage cycle", () => {
    expect(stageOf(twoStage, null)).toBe("loi");
    expect(stageOf(oneStage, null)).toBe("full");
    expect(initialStatus(true)).toBe("loi_draft");
    expect(initialStatus(false)).toBe("draft");
  });

  it("keeps a letter at the LOI stage until it is invited, withdrawn ones included", () => {
    expect(stageOf(twoStage, { status: "loi_submitted", invitedAt: null })).toBe("loi");
    expect(stageOf(twoStage, { status: "not_invited", invitedAt: null })).toBe("loi");
    expect(stageOf(twoStage, { status: "withdrawn", invitedAt: null })).toBe("loi");
    expect(stageOf(twoStage, { status: "draft", invitedAt: new Date() })).toBe("full");
    expect(stageOf(twoStage, { status: "withdrawn", invitedAt: new Date() })).toBe("full");
  });

  it("asks the LOI's questions in the letter, and all of them (the LOI's again) in the full form", () => {
    const questions = [
      { id: "a", stage: "loi" as const },
      { id: "b", stage: "full" as const },
      { id: "c", stage: "loi" as const },
    ];
    expect(questionsForStage(questions, "loi").map((q) => q.id)).toEqual(["a", "c"]);
    expect(questionsForStage(questions, "full").map((q) => q.id)).toEqual(["a", "b", "c"]);
  });

  it("closes each stage at its own deadline", () => {
    expect(stageDeadline(twoStage, "loi")).toEqual(loiClosesAt);
    expect(stageDeadline(twoStage, "full")).toEqual(closesAt);
    const between = new Date("2027-04-01T00:00:00Z");
    expect(stagePhase(twoStage, "loi", between)).toBe("closed");
    expect(stagePhase(twoStage, "full", between)).toBe("accepting");
    expect(stagePhase(twoStage, "loi", new Date("2027-03-10T00:00:00Z"))).toBe("accepting");
  });

  it("wants the LOI deadline between the opening and the full deadline", () => {
    expect(loiDeadlineProblem({ opensAt, closesAt, loiClosesAt })).toBeNull();
    expect(loiDeadlineProblem({ opensAt, closesAt, loiClosesAt: null })).toBeNull();
    expect(english(loiDeadlineProblem({ opensAt, closesAt, loiClosesAt: opensAt })!)).toMatch(/after the opening/);
    expect(english(loiDeadlineProblem({ opensAt, closesAt, loiClosesAt: closesAt })!)).toMatch(/before the full/);
  });

  it("lets a submitted letter be invited or not invited, and nothing else", () => {
    expect(canMove("loi_draft", "loi_submitted")).toBe(true);
    expect(canMove("loi_submitted", "draft")).toBe(true);
    expect(canMove("loi_submitted", "not_invited")).toBe(true);
    expect(canMove("loi_draft", "draft")).toBe(false);
    expect(canMove("loi_submitted", "submitted")).toBe(false);
    expect(canMove("not_invited", "draft")).toBe(false);
  });
});
