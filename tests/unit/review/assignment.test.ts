import { describe, expect, it } from "vitest";
import { assignReviewers, type AssignmentInput, type ReviewerApplicationPair } from "~/review/assignment";

const pair = (reviewerId: string, applicationId: string): ReviewerApplicationPair => ({ reviewerId, applicationId });

function reviewers(...ids: string[]): AssignmentInput["reviewers"] {
  return ids.map((id) => ({ id, capacity: 10, expertise: [] }));
}

function applications(...ids: string[]): AssignmentInput["applications"] {
  return ids.map((id) => ({ id, tags: [] }));
}

function assign(input: Partial<AssignmentInput>) {
  return assignReviewers({ applications: [], reviewers: [], conflicts: [], existing: [], k: 1, ...input });
}

describe("assignReviewers", () => {
  it("gives every application k distinct reviewers and spreads the load", () => {
    const result = assign({
      applications: applications("a1", "a2", "a3"),
      reviewers: reviewers("r1", "r2", "r3"),
      k: 2,
    });

    const count = (key: keyof ReviewerApplicationPair, id: string) =>
      result.added.filter((assignment) => assignment[key] === id).length;
    expect(result.uncovered).toEqual([]);
    expect(["a1", "a2", "a3"].map((id) => count("applicationId", id))).toEqual([2, 2, 2]);
    expect(["r1", "r2", "r3"].map((id) => count("reviewerId", id))).toEqual([2, 2, 2]);
  });

  it("prefers expertise among equally loaded reviewers, then the smaller id", () => {
    const result = assign({
      applications: [{ id: "a1", tags: ["climate", "policy"] }],
      reviewers: [
        { id: "r1", capacity: 5, expertise: ["design"] },
        { id: "r2", capacity: 5, expertise: ["climate"] },
        { id: "r3", capacity: 5, expertise: ["policy", "climate"] },
        { id: "r4", capacity: 5, expertise: ["climate"] },
      ],
      k: 2,
    });

    expect(result.added).toEqual([pair("r2", "a1"), pair("r3", "a1")]);
  });

  it("keeps existing assignments and counts them toward coverage and load", () => {
    const result = assign({
      applications: applications("a1", "a2"),
      reviewers: [
        { id: "r1", capacity: 1, expertise: [] },
        { id: "r2", capacity: 5, expertise: [] },
        { id: "r3", capacity: 5, expertise: [] },
      ],
      existing: [pair("r1", "a1"), pair("r2", "a1")],
      k: 2,
    });

    // a1 is already covered; r1 is full, so a2 gets the two others.
    expect(result.added).toEqual([pair("r2", "a2"), pair("r3", "a2")]);
    expect(result.uncovered).toEqual([]);
  });

  it("on a re-run only fills the gaps, such as the one left by a recusal", () => {
    const input = { applications: applications("a1", "a2"), reviewers: reviewers("r1", "r2", "r3"), k: 2 };
    const first = assign(input);
    const recused = pair("r1", "a1");
    expect(first.added).toContainEqual(recused);

    const second = assign({
      ...input,
      conflicts: [recused],
      existing: first.added.filter((assignment) => assignment.reviewerId !== "r1" || assignment.applicationId !== "a1"),
    });

    // The other reviewer of a1 stays, so the only one left is the reviewer who was on a2 only.
    const stillOnA1 = first.added.find((p) => p.applicationId === "a1" && p.reviewerId !== "r1")!.reviewerId;
    const left = ["r2", "r3"].find((id) => id !== stillOnA1)!;
    expect(second.added).toEqual([pair(left, "a1")]);
    expect(second.uncovered).toEqual([]);
  });

  it("assigns the only reviewer free of conflict", () => {
    const result = assign({
      applications: applications("a1"),
      reviewers: reviewers("r1", "r2", "r3"),
      conflicts: [pair("r1", "a1"), pair("r3", "a1")],
    });

    expect(result.added).toEqual([pair("r2", "a1")]);
  });

  it("reports applications left uncovered when capacity runs out", () => {
    const result = assign({
      applications: applications("a1", "a2", "a3"),
      reviewers: [
        { id: "r1", capacity: 2, expertise: [] },
        { id: "r2", capacity: 2, expertise: [] },
      ],
      k: 2,
    });

    // Two applications can reach k = 2; the third is left short whole rather than two halfway.
    expect(result.added).toHaveLength(4);
    expect(result.uncovered).toEqual([
      { applicationId: "a3", assigned: 0, needed: 2, reason: "reviewers-at-capacity" },
    ]);
  });

  it("reports a structural gap when fewer than k reviewers are free of conflict", () => {
    const result = assign({
      applications: applications("a1", "a2"),
      reviewers: reviewers("r1", "r2", "r3"),
      conflicts: [pair("r1", "a1"), pair("r2", "a1")],
      k: 2,
    });

    expect(result.uncovered).toEqual([
      { applicationId: "a1", assigned: 1, needed: 2, reason: "not-enough-eligible-reviewers" },
    ]);
  });

  it("reports every application as structurally uncovered when k exceeds the reviewers", () => {
    const result = assign({ applications: applications("a1"), reviewers: reviewers("r1", "r2"), k: 3 });

    expect(result.added).toHaveLength(2);
    expect(result.uncovered).toEqual([
      { applicationId: "a1", assigned: 2, needed: 3, reason: "not-enough-eligible-reviewers" },
    ]);
  });

  it("moves an earlier choice to reach the maximum coverage a plain greedy misses", () => {
    // A greedy in id order gives a1 to r1 (the expert), leaving a2, which only r1 may review, uncovered.
    const result = assign({
      applications: [
        { id: "a1", tags: ["ai"] },
        { id: "a2", tags: [] },
      ],
      reviewers: [
        { id: "r1", capacity: 1, expertise: ["ai"] },
        { id: "r2", capacity: 1, expertise: [] },
      ],
      conflicts: [pair("r2", "a2")],
    });

    expect(result.added).toEqual([pair("r2", "a1"), pair("r1", "a2")]);
    expect(result.uncovered).toEqual([]);
  });

  it("lets reviewers with a large existing load catch up before adding to them", () => {
    const result = assign({
      applications: applications("a1", "a2", "a3", "a4"),
      reviewers: reviewers("r1", "r2"),
      existing: [pair("r1", "old1"), pair("r1", "old2"), pair("r1", "old3")],
    });

    expect(result.added).toEqual([pair("r2", "a1"), pair("r2", "a2"), pair("r2", "a3"), pair("r1", "a4")]);
  });

  it("keeps an existing assignment in conflict or over capacity, and adds nothing to that reviewer", () => {
    const result = assign({
      applications: applications("a1", "a2"),
      reviewers: [{ id: "r1", capacity: 1, expertise: [] }],
      conflicts: [pair("r1", "a1")],
      existing: [pair("r1", "a1"), pair("r1", "a2")],
      k: 1,
    });

    expect(result).toMatchObject({ added: [], uncovered: [] });
  });

  it("handles empty rounds and k = 0", () => {
    expect(assign({ reviewers: reviewers("r1") })).toMatchObject({ added: [], uncovered: [] });
    expect(assign({ applications: applications("a1"), k: 0 })).toMatchObject({ added: [], uncovered: [] });
    expect(assign({ applications: applications("a1") }).uncovered).toEqual([
      { applicationId: "a1", assigned: 0, needed: 1, reason: "not-enough-eligible-reviewers" },
    ]);
  });

  it("rejects duplicate ids and invalid numbers", () => {
    expect(() => assign({ applications: applications("a1", "a1") })).toThrow(RangeError);
    expect(() => assign({ reviewers: reviewers("r1", "r1") })).toThrow(RangeError);
    expect(() => assign({ k: -1 })).toThrow(RangeError);
    expect(() => assign({ k: 1.5 })).toThrow(RangeError);
    expect(() => assign({ reviewers: [{ id: "r1", capacity: -1, expertise: [] }] })).toThrow(RangeError);
  });
});
