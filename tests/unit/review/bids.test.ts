import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assignReviewers, type AssignmentInput } from "~/review/assignment";
import { checkAssignment } from "~/review/assignment-check";
import { BIDS, bidsToAssignmentTerms, type Bid } from "~/review/bids";

type BidRow = { reviewerId: string; applicationId: string; bid: Bid };

/** A round with the bids applied as the server applies them (assignments.server.ts). */
function withBids(input: AssignmentInput, bids: BidRow[]): AssignmentInput {
  const terms = bidsToAssignmentTerms(bids);
  return { ...input, conflicts: [...input.conflicts, ...terms.conflicts], preferences: terms.preferences };
}

function assign(input: AssignmentInput) {
  const result = assignReviewers(input);
  expect(checkAssignment(input, result).valid).toBe(true);
  return Object.fromEntries(result.added.map((pair) => [pair.applicationId, pair.reviewerId]));
}

const round = (overrides: Partial<AssignmentInput> = {}): AssignmentInput => ({
  applications: [
    { id: "a1", tags: [] },
    { id: "a2", tags: [] },
  ],
  reviewers: [
    { id: "r1", capacity: 1, expertise: [] },
    { id: "r2", capacity: 1, expertise: [] },
  ],
  conflicts: [],
  existing: [],
  k: 1,
  ...overrides,
});

describe("reviewer bids in the assignment", () => {
  it("gives each reviewer the application they are eager for, whichever way round the bids go", () => {
    expect(
      assign(
        withBids(round(), [
          { reviewerId: "r1", applicationId: "a2", bid: "eager" },
          { reviewerId: "r2", applicationId: "a1", bid: "eager" },
        ]),
      ),
    ).toEqual({ a1: "r2", a2: "r1" });
    expect(
      assign(
        withBids(round(), [
          { reviewerId: "r1", applicationId: "a1", bid: "eager" },
          { reviewerId: "r2", applicationId: "a2", bid: "eager" },
        ]),
      ),
    ).toEqual({ a1: "r1", a2: "r2" });
  });

  it("avoids a not-willing pair even against shared expertise", () => {
    const expert = round({
      applications: [
        { id: "a1", tags: ["policy", "privacy"] },
        { id: "a2", tags: [] },
      ],
      reviewers: [
        { id: "r1", capacity: 1, expertise: ["policy", "privacy"] },
        { id: "r2", capacity: 1, expertise: [] },
      ],
    });
    expect(assign(expert)).toEqual({ a1: "r1", a2: "r2" });
    expect(assign(withBids(expert, [{ reviewerId: "r1", applicationId: "a1", bid: "not_willing" }]))).toEqual({
      a1: "r2",
      a2: "r1",
    });
  });

  it("never makes a pair bid as a conflict, even when the application is then left short", () => {
    const input = withBids(round({ reviewers: [{ id: "r1", capacity: 2, expertise: [] }] }), [
      { reviewerId: "r1", applicationId: "a1", bid: "conflict" },
    ]);
    const result = assignReviewers(input);
    expect(result.added).toEqual([{ applicationId: "a2", reviewerId: "r1" }]);
    expect(result.uncovered).toEqual([
      { applicationId: "a1", assigned: 0, needed: 1, reason: "not-enough-eligible-reviewers" },
    ]);
    expect(checkAssignment(input, result).valid).toBe(true);
  });

  it("does not let eagerness unbalance loads: balance still comes first", () => {
    const input = withBids(
      round({
        reviewers: [
          { id: "r1", capacity: 2, expertise: [] },
          { id: "r2", capacity: 2, expertise: [] },
        ],
      }),
      [
        { reviewerId: "r1", applicationId: "a1", bid: "eager" },
        { reviewerId: "r1", applicationId: "a2", bid: "eager" },
      ],
    );
    const assigned = Object.values(assign(input));
    expect(assigned.sort()).toEqual(["r1", "r2"]);
  });

  it("keeps the certificate valid and every conflict bid unassigned on random rounds with random bids", () => {
    const bidRound = fc
      .record({ apps: fc.integer({ min: 1, max: 6 }), reviewers: fc.integer({ min: 1, max: 5 }) })
      .chain(({ apps, reviewers }) => {
        const applicationIds = Array.from({ length: apps }, (_, i) => `a${i}`);
        const reviewerIds = Array.from({ length: reviewers }, (_, i) => `r${i}`);
        const pairs = applicationIds.flatMap((applicationId) =>
          reviewerIds.map((reviewerId) => ({ reviewerId, applicationId })),
        );
        return fc.record({
          capacities: fc.array(fc.nat({ max: 4 }), { minLength: reviewers, maxLength: reviewers }),
          k: fc.integer({ min: 1, max: 3 }),
          bids: fc
            .subarray(pairs)
            .chain((chosen) =>
              fc
                .array(fc.constantFrom(...BIDS), { minLength: chosen.length, maxLength: chosen.length })
                .map((kinds) => chosen.map((pair, index) => ({ ...pair, bid: kinds[index]! }))),
            ),
          applicationIds: fc.constant(applicationIds),
          reviewerIds: fc.constant(reviewerIds),
        });
      });
    fc.assert(
      fc.property(bidRound, ({ capacities, k, bids, applicationIds, reviewerIds }) => {
        const input = withBids(
          {
            applications: applicationIds.map((id) => ({ id, tags: [] })),
            reviewers: reviewerIds.map((id, i) => ({ id, capacity: capacities[i]!, expertise: [] })),
            conflicts: [],
            existing: [],
            k,
          },
          bids,
        );
        const result = assignReviewers(input);
        expect(checkAssignment(input, result).valid).toBe(true);
        const conflicted = new Set(
          bids.filter((b) => b.bid === "conflict").map((b) => `${b.reviewerId}:${b.applicationId}`),
        );
        for (const pair of result.added) expect(conflicted.has(`${pair.reviewerId}:${pair.applicationId}`)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});
