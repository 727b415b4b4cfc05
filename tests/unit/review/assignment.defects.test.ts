import { describe, expect, it } from "vitest";
import { assignReviewers, type AssignmentInput, type AssignmentResult } from "~/review/assignment";
import { checkAssignment } from "~/review/assignment-check";

// Defects reported in issue 12, each reproduced on the greedy assignment it replaced.

const loadsOf = (input: AssignmentInput, result: AssignmentResult) =>
  input.reviewers.map(
    (reviewer) => [...input.existing, ...result.added].filter((pair) => pair.reviewerId === reviewer.id).length,
  );

const overlapOf = (input: AssignmentInput, result: AssignmentResult) =>
  result.added.reduce((total, { reviewerId, applicationId }) => {
    const tags = input.applications.find((application) => application.id === applicationId)!.tags;
    const expertise = input.reviewers.find((reviewer) => reviewer.id === reviewerId)!.expertise;
    return total + tags.filter((tag) => expertise.includes(tag)).length;
  }, 0);

const EXPERTISE_TIE: AssignmentInput = {
  applications: [
    { id: "a1", tags: ["x"] },
    { id: "a2", tags: ["y"] },
  ],
  reviewers: [
    { id: "r1", capacity: 1, expertise: ["x", "y"] },
    { id: "r2", capacity: 1, expertise: ["x"] },
  ],
  conflicts: [],
  existing: [],
  k: 1,
};

describe("assignment defects of the greedy (issue 12)", () => {
  it("reaches the best expertise overlap at the same loads, not a tie-break's", () => {
    // The greedy gives a1 to r1 (a tie on overlap, smaller id), leaving a2 with r2, who knows nothing of it.
    const input = EXPERTISE_TIE;
    const result = assignReviewers(input);
    expect(overlapOf(input, result)).toBe(2);
    expect(result.added).toEqual([
      { applicationId: "a1", reviewerId: "r2" },
      { applicationId: "a2", reviewerId: "r1" },
    ]);
  });

  it("balances loads globally: [2,2,2,2,2] where a chain of moves is needed, not [3,2,1,2,2]", () => {
    const input: AssignmentInput = {
      applications: ["a1", "a2", "a3", "a4", "a5"].map((id) => ({ id, tags: [] })),
      reviewers: ["r1", "r2", "r3", "r4", "r5"].map((id) => ({ id, capacity: 3, expertise: [] })),
      conflicts: [
        ["r2", "a1"],
        ["r3", "a1"],
        ["r2", "a2"],
        ["r3", "a3"],
        ["r4", "a3"],
        ["r2", "a4"],
        ["r3", "a4"],
        ["r4", "a5"],
      ].map(([reviewerId, applicationId]) => ({ reviewerId: reviewerId!, applicationId: applicationId! })),
      existing: [],
      k: 2,
    };
    const result = assignReviewers(input);
    expect(result.uncovered).toEqual([]);
    expect(loadsOf(input, result)).toEqual([2, 2, 2, 2, 2]);
  });

  it("200 applications × 20 reviewers at 90 % capacity leaves 20 short, not 60", () => {
    const input: AssignmentInput = {
      applications: Array.from({ length: 200 }, (_, index) => ({ id: `a${String(index).padStart(3, "0")}`, tags: [] })),
      reviewers: Array.from({ length: 20 }, (_, index) => ({ id: `r${index}`, capacity: 27, expertise: [] })),
      conflicts: [],
      existing: [],
      k: 3,
    };
    const result = assignReviewers(input);
    expect(result.uncovered).toHaveLength(20);
    expect(result.added).toHaveLength(540);
    // The short ones get nothing: every reviewer spent on them would be one an application reaching k lacks.
    expect(result.uncovered.every((gap) => gap.assigned === 0)).toBe(true);
  });
});

describe("the certificate of the expertise example", () => {
  it("proves the greedy's answer worse: a reduced-cost violation and a positive duality gap", () => {
    const result = assignReviewers(EXPERTISE_TIE);
    expect(checkAssignment(EXPERTISE_TIE, result).valid).toBe(true);
    // The greedy's pairs: the same loads, less overlap.
    const greedy = {
      ...result,
      added: [
        { applicationId: "a1", reviewerId: "r1" },
        { applicationId: "a2", reviewerId: "r2" },
      ],
    };
    const check = checkAssignment(EXPERTISE_TIE, greedy);
    expect(check.valid).toBe(false);
    expect(check.problems.some((problem) => problem.includes("reduced cost"))).toBe(true);
    expect(check.primal).toBeGreaterThan(check.dual);
  });
});
