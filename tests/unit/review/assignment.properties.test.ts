import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  assignReviewers,
  type AssignmentInput,
  type AssignmentResult,
  type ReviewerApplicationPair,
} from "~/review/assignment";

const TOPICS = ["ai", "bio", "climate", "design", "policy"];
const RUNS = { numRuns: 300 };

/**
 * Small rounds, often infeasible: up to 12 applications and 7 reviewers, capacities from 0, k up to
 * 5, any share of pairs in conflict, and existing assignments that may be in conflict, over capacity,
 * or refer to a reviewer or application that is not listed.
 */
const roundArbitrary: fc.Arbitrary<AssignmentInput> = fc
  .record({ applicationCount: fc.nat({ max: 12 }), reviewerCount: fc.nat({ max: 7 }) })
  .chain(({ applicationCount, reviewerCount }) => {
    const applicationIds = Array.from({ length: applicationCount }, (_, index) => `app-${index}`);
    const reviewerIds = Array.from({ length: reviewerCount }, (_, index) => `rev-${index}`);
    const pairs = applicationIds.flatMap((applicationId) =>
      reviewerIds.map((reviewerId) => ({ reviewerId, applicationId })),
    );
    const unlisted = [
      ...applicationIds.slice(0, 1).map((applicationId) => ({ reviewerId: "former-reviewer", applicationId })),
      ...reviewerIds.slice(0, 1).map((reviewerId) => ({ reviewerId, applicationId: "withdrawn-app" })),
    ];
    const existingCandidates = [...pairs, ...unlisted];
    const exactly = (length: number) => ({ minLength: length, maxLength: length });
    return fc.record({
      applications: fc
        .array(fc.subarray(TOPICS), exactly(applicationCount))
        .map((tagLists) => tagLists.map((tags, index) => ({ id: applicationIds[index]!, tags }))),
      reviewers: fc
        .array(fc.record({ capacity: fc.nat({ max: 5 }), expertise: fc.subarray(TOPICS) }), exactly(reviewerCount))
        .map((settings) => settings.map((setting, index) => ({ id: reviewerIds[index]!, ...setting }))),
      conflicts: fc.subarray(pairs),
      existing: fc.subarray(existingCandidates, {
        maxLength: Math.min(existingCandidates.length, applicationCount + 2),
      }),
      k: fc.nat({ max: 5 }),
    });
  });

const keyOf = ({ reviewerId, applicationId }: ReviewerApplicationPair) => `${reviewerId}\n${applicationId}`;

/** The round after assignment, recomputed from scratch: who is on what, and each reviewer's load. */
function outcome(input: AssignmentInput, result: Pick<AssignmentResult, "added">) {
  const taken = new Set([...input.existing, ...result.added].map(keyOf));
  const assignments = [...taken].map((key) => {
    const [reviewerId, applicationId] = key.split("\n") as [string, string];
    return { reviewerId, applicationId };
  });
  const count = (key: keyof ReviewerApplicationPair, id: string) =>
    assignments.filter((assignment) => assignment[key] === id).length;
  const conflicted = new Set(input.conflicts.map(keyOf));
  return {
    isTaken: (pair: ReviewerApplicationPair) => taken.has(keyOf(pair)),
    isConflicted: (pair: ReviewerApplicationPair) => conflicted.has(keyOf(pair)),
    load: (reviewerId: string) => count("reviewerId", reviewerId),
    coverage: (applicationId: string) => count("applicationId", applicationId),
  };
}

/** Edmonds–Karp on the network source → application → reviewer → sink, over an adjacency matrix. */
function maximumAddable(input: AssignmentInput): number {
  const existing = new Set(input.existing.map(keyOf));
  const conflicted = new Set(input.conflicts.map(keyOf));
  const before = outcome(input, { added: [] });
  const { applications, reviewers } = input;
  const source = 0;
  const sink = 1 + applications.length + reviewers.length;
  const capacity = Array.from({ length: sink + 1 }, () => new Array<number>(sink + 1).fill(0));
  const setCapacity = (from: number, to: number, value: number) => (capacity[from]![to] = value);
  applications.forEach((application, a) => {
    setCapacity(source, 1 + a, Math.max(0, input.k - before.coverage(application.id)));
    reviewers.forEach((reviewer, r) => {
      const key = keyOf({ reviewerId: reviewer.id, applicationId: application.id });
      if (!existing.has(key) && !conflicted.has(key)) setCapacity(1 + a, 1 + applications.length + r, 1);
    });
  });
  reviewers.forEach((reviewer, r) => {
    setCapacity(1 + applications.length + r, sink, Math.max(0, reviewer.capacity - before.load(reviewer.id)));
  });

  let flow = 0;
  for (;;) {
    const parent = new Array<number>(sink + 1).fill(-1);
    parent[source] = source;
    const queue = [source];
    while (queue.length > 0 && parent[sink] === -1) {
      const node = queue.shift()!;
      for (let next = 0; next <= sink; next++) {
        if (parent[next] === -1 && capacity[node]![next]! > 0) {
          parent[next] = node;
          queue.push(next);
        }
      }
    }
    if (parent[sink] === -1) return flow;
    // Every arc from the source or into the sink has integral capacity and inner arcs have 1, so push 1.
    for (let node = sink; node !== source; node = parent[node]!) {
      const previous = parent[node]!;
      capacity[previous]![node]!--;
      capacity[node]![previous]!++;
    }
    flow++;
  }
}

function withAddedAsExisting(input: AssignmentInput, result: AssignmentResult): AssignmentInput {
  return { ...input, existing: [...input.existing, ...result.added] };
}

describe("assignReviewers on random rounds", () => {
  it("adds only allowed, new, distinct pairs, past no one's capacity and no application's k", () => {
    fc.assert(
      fc.property(roundArbitrary, (input) => {
        const result = assignReviewers(input);
        const after = outcome(input, result);
        const existing = new Set(input.existing.map(keyOf));
        const addedKeys = result.added.map(keyOf);
        expect(new Set(addedKeys).size).toBe(addedKeys.length);
        for (const pair of result.added) {
          expect(after.isConflicted(pair)).toBe(false);
          expect(existing.has(keyOf(pair))).toBe(false);
          expect(input.applications.some((application) => application.id === pair.applicationId)).toBe(true);
          const reviewer = input.reviewers.find((candidate) => candidate.id === pair.reviewerId);
          expect(after.load(pair.reviewerId)).toBeLessThanOrEqual(reviewer!.capacity);
          expect(after.coverage(pair.applicationId)).toBeLessThanOrEqual(input.k);
        }
      }),
      RUNS,
    );
  });

  it("adds as many assignments as a maximum flow", () => {
    fc.assert(
      fc.property(roundArbitrary, (input) => {
        expect(assignReviewers(input).added).toHaveLength(maximumAddable(input));
      }),
      RUNS,
    );
  });

  it("leaves no added assignment that a lighter reviewer could take to even out loads", () => {
    fc.assert(
      fc.property(roundArbitrary, (input) => {
        const result = assignReviewers(input);
        const after = outcome(input, result);
        const unevenMoves = result.added.flatMap(({ reviewerId: from, applicationId }) =>
          input.reviewers
            .filter((to) => after.load(to.id) < to.capacity && after.load(from) >= after.load(to.id) + 2)
            .map((to) => ({ reviewerId: to.id, applicationId }))
            .filter((move) => !after.isConflicted(move) && !after.isTaken(move))
            .map((move) => ({ from, ...move })),
        );
        expect(unevenMoves).toEqual([]);
      }),
      RUNS,
    );
  });

  it("reports exactly the applications below k, with their count and a reason that holds", () => {
    fc.assert(
      fc.property(roundArbitrary, (input) => {
        const result = assignReviewers(input);
        const after = outcome(input, result);
        const expected = input.applications
          .filter((application) => after.coverage(application.id) < input.k)
          .map((application) => application.id)
          .sort();
        expect(result.uncovered.map((gap) => gap.applicationId)).toEqual(expected);

        for (const gap of result.uncovered) {
          const applicationId = gap.applicationId;
          expect(gap).toMatchObject({ assigned: after.coverage(applicationId), needed: input.k });
          const onIt = input.existing
            .filter((pair) => pair.applicationId === applicationId)
            .map((pair) => pair.reviewerId);
          const free = input.reviewers
            .map((reviewer) => reviewer.id)
            .filter((reviewerId) => !after.isConflicted({ reviewerId, applicationId }));
          const possible = new Set([...onIt, ...free]).size;
          if (gap.reason === "not-enough-eligible-reviewers") {
            expect(possible).toBeLessThan(input.k);
          } else {
            expect(possible).toBeGreaterThanOrEqual(input.k);
            for (const reviewer of input.reviewers) {
              const candidate = { reviewerId: reviewer.id, applicationId };
              if (after.isConflicted(candidate) || after.isTaken(candidate)) continue;
              expect(after.load(reviewer.id)).toBeGreaterThanOrEqual(reviewer.capacity);
            }
          }
        }
      }),
      RUNS,
    );
  });

  it("adds nothing more when re-run with its own additions as existing assignments", () => {
    fc.assert(
      fc.property(roundArbitrary, (input) => {
        const result = assignReviewers(input);
        const rerun = assignReviewers(withAddedAsExisting(input, result));
        expect(rerun.added).toEqual([]);
        expect(rerun.uncovered).toEqual(result.uncovered);
      }),
      RUNS,
    );
  });

  it("gives the same result for the same round, whatever the order of its lists", () => {
    const shuffledRound = roundArbitrary.chain((input) =>
      fc.record({
        input: fc.constant(input),
        shuffled: fc.record({
          applications: fc.shuffledSubarray(
            input.applications.map((application) => ({ ...application, tags: [...application.tags].reverse() })),
            { minLength: input.applications.length },
          ),
          reviewers: fc.shuffledSubarray(input.reviewers, { minLength: input.reviewers.length }),
          conflicts: fc.shuffledSubarray(input.conflicts, { minLength: input.conflicts.length }),
          existing: fc.shuffledSubarray(input.existing, { minLength: input.existing.length }),
          k: fc.constant(input.k),
        }),
      }),
    );
    fc.assert(
      fc.property(shuffledRound, ({ input, shuffled }) => {
        const result = assignReviewers(input);
        expect(assignReviewers(input)).toEqual(result);
        expect(assignReviewers(shuffled)).toEqual(result);
      }),
      RUNS,
    );
  });
});
