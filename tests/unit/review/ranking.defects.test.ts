import { describe, expect, it } from "vitest";
import { type Criterion, type SubmittedReview, rankApplications } from "~/review/scoring";

// Defects reported in issue 12, each reproduced on the z-score ranking it replaced.

const OVERALL: Criterion[] = [{ id: "overall", name: "overall", weight: 1, scaleMin: 0, scaleMax: 100 }];
const FRACTIONAL: Criterion[] = ["a", "b", "c", "d"].map((id, index) => ({
  id,
  name: id,
  weight: (index + 1) / 10,
  scaleMin: 1,
  scaleMax: 5,
}));

let counter = 0;
const overall = (reviewerId: string, applicationId: string, score: number): SubmittedReview => ({
  id: `review-${String(counter++).padStart(4, "0")}`,
  reviewerId,
  applicationId,
  scores: { overall: score },
});

/** Reviewers read the same application a few points apart: a fixed, made-up sequence of such noise. */
const NOISE = [7, -6, 3, -8, 5, -2, 8, -4, 1, -7, 6, -3];

/** Three reviewers who each score nine applications, all of them on every one, around 50. */
const panel = (): SubmittedReview[] =>
  ["p1", "p2", "p3"].flatMap((reviewerId, r) =>
    Array.from({ length: 9 }, (_, a) =>
      overall(reviewerId, `common-${a}`, 30 + a * 5 + r * 2 + NOISE[(a * 3 + r) % 12]!),
    ),
  );

describe("ranking defects of the z-score ranking (issue 12)", () => {
  it("counts a reviewer with fewer than three reviews: raw 100 ranks above raw 10", () => {
    const rows = rankApplications(OVERALL, [
      ...panel(),
      // "rare" reviews two applications only: one with the panel (agreeing with it), and "star" alone.
      overall("rare", "common-4", 52),
      overall("rare", "star", 100),
      overall("p1", "weak", 10),
      overall("p2", "weak", 10),
      overall("p3", "weak", 10),
    ]);
    const order = rows.map((row) => row.applicationId);
    expect(order.indexOf("star")).toBeLessThan(order.indexOf("weak"));
    expect(order.at(-1)).toBe("weak");
  });

  it("flags an application below the minimum number of reviews, and does not put it first on one review", () => {
    const rows = rankApplications(OVERALL, [
      ...panel(),
      overall("p1", "solo", 92),
      overall("p1", "trio", 88),
      overall("p2", "trio", 90),
      overall("p3", "trio", 92),
    ]);
    expect(rows[0]?.applicationId).toBe("trio");
    const solo = rows.find((row) => row.applicationId === "solo")!;
    expect(solo.fewReviews).toBe(true);
    expect(rows.find((row) => row.applicationId === "trio")!.fewReviews).toBe(false);
  });

  it("orders applications with equal scores by the documented tie-break, not by floating-point noise", () => {
    // Each application gets 7.5, 15 and 30 on paper from r0, r1 and r2, through different answers; with
    // weights 0.1…0.4 the arithmetic gives z-app 7.500000000000001, 15.000000000000002 and 30.000000000000004.
    const same = (applicationId: string, digits: string[]) =>
      digits.map((d, index) => {
        const [a, b, c, e] = [...d].map(Number);
        return {
          id: `${applicationId}-${index}`,
          reviewerId: `r${index}`,
          applicationId,
          scores: { a, b, c, d: e },
        } satisfies SubmittedReview;
      });
    const reviews = [
      ...same("z-app", ["4111", "1411", "4421"]),
      ...same("m-app", ["1121", "3311", "2521"]),
      ...same("a-app", ["2211", "5211", "5511"]),
      ...same("other", ["1111", "5555", "3333"]),
    ];
    const rows = rankApplications(FRACTIONAL, reviews);
    const tied = rows.filter((row) => row.applicationId !== "other").map((row) => row.applicationId);
    expect(tied).toEqual(["a-app", "m-app", "z-app"]);
    const reversed = rankApplications(FRACTIONAL, [...reviews].reverse());
    expect(reversed.map((row) => row.applicationId)).toEqual(rows.map((row) => row.applicationId));
  });

  it("does not flag disagreement between reviewers who agree exactly but differ in leniency", () => {
    const reviews = Array.from({ length: 6 }, (_, a) => [
      overall("harsh", `app-${a}`, 20 + a * 8),
      overall("lenient", `app-${a}`, 55 + a * 8),
    ]).flat();
    const rows = rankApplications(OVERALL, reviews);
    expect(rows.map((row) => row.disagreement)).toEqual([false, false, false, false, false, false]);
    expect(rows.map((row) => row.applicationId)).toEqual(["app-5", "app-4", "app-3", "app-2", "app-1", "app-0"]);
  });
});
