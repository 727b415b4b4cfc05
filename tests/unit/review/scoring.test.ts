import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Criterion,
  type SubmittedReview,
  DISAGREEMENT_SPREAD,
  normaliseByReviewer,
  rankApplications,
  reviewerBiases,
  scoreDistribution,
  validateRubric,
  weightedScore,
} from "~/review/scoring";

const criterion = (id: string, weight: number, scaleMin = 1, scaleMax = 5): Criterion => ({
  id,
  name: id,
  weight,
  scaleMin,
  scaleMax,
});

/** The programme's rubric: five criteria on 1–5, weights summing to 100. */
const RUBRIC = [
  criterion("impact", 25),
  criterion("feasibility", 30),
  criterion("team", 20),
  criterion("budget", 15),
  criterion("fit", 10),
];

/** One criterion on 0–100, so a review's raw score is simply its score. */
const OVERALL = [criterion("overall", 1, 0, 100)];

/** Weights written as fractions, which binary floating point cannot hold exactly. */
const FRACTIONAL = [criterion("a", 0.1), criterion("b", 0.2), criterion("c", 0.3), criterion("d", 0.4)];

const review = (
  id: string,
  reviewerId: string,
  applicationId: string,
  scores: SubmittedReview["scores"],
): SubmittedReview => ({ id, reviewerId, applicationId, scores });

const overall = (id: string, reviewerId: string, applicationId: string, score: number | null) =>
  review(id, reviewerId, applicationId, { overall: score });

const fractional = (id: string, reviewerId: string, applicationId: string, digits: string) => {
  const [a, b, c, d] = [...digits].map(Number);
  return review(id, reviewerId, applicationId, { a, b, c, d });
};

/**
 * A harsh and a lenient reviewer who put applications A < B < C in the same order.
 * Harsh: 10, 20, 30 — mean 20, population variance (100 + 0 + 100)/3 = 200/3, sd ≈ 8.165.
 * Lenient: 60, 80, 100 — mean 80, population variance (400 + 0 + 400)/3 = 800/3, sd ≈ 16.330.
 * Both give z = −10/√(200/3) = −20/√(800/3) = −√(3/2) ≈ −1.2247 for A, 0 for B, +√(3/2) for C.
 */
const HARSH_AND_LENIENT = [
  overall("h-a", "harsh", "A", 10),
  overall("h-b", "harsh", "B", 20),
  overall("h-c", "harsh", "C", 30),
  overall("l-a", "lenient", "A", 60),
  overall("l-b", "lenient", "B", 80),
  overall("l-c", "lenient", "C", 100),
];
const Z_EDGE = Math.sqrt(3 / 2);

describe("validateRubric", () => {
  it("accepts a sound rubric", () => {
    expect(validateRubric(RUBRIC)).toEqual([]);
  });

  it("lists every problem that would otherwise produce NaN or a division by zero", () => {
    const problems = validateRubric([
      criterion("zero", 0),
      criterion("negative", -5),
      criterion("nan", Number.NaN),
      criterion("flat", 1, 3, 3),
      criterion("upside-down", 1, 5, 1),
      criterion("fractional", 1, 0.5, 5),
      criterion("flat", 1),
    ]);
    expect(problems).toEqual([
      'Criterion "zero" needs a weight above 0.',
      'Criterion "negative" needs a weight above 0.',
      'Criterion "nan" needs a weight above 0.',
      'Criterion "flat" needs a scale maximum above its minimum.',
      'Criterion "upside-down" needs a scale maximum above its minimum.',
      'Criterion "fractional" needs whole numbers at both ends of its scale.',
      'Criterion "flat" reuses the id "flat".',
    ]);
    expect(validateRubric([])).toEqual(["The rubric has no criteria."]);
  });

  it("makes the scoring functions throw instead of returning NaN", () => {
    expect(() => weightedScore([criterion("zero", 0)], { zero: 3 })).toThrow(RangeError);
    expect(() => rankApplications([], [])).toThrow("The rubric has no criteria.");
  });
});

describe("weightedScore", () => {
  it("weights each criterion's position on its scale", () => {
    // Scores 5,4,3,4,2 on 1–5 sit at (s − 1)/4 = 1, 0.75, 0.5, 0.75, 0.25 of their scales:
    // (25·1 + 30·0.75 + 20·0.5 + 15·0.75 + 10·0.25) / 100 × 100 = (25 + 22.5 + 10 + 11.25 + 2.5) = 71.25
    expect(weightedScore(RUBRIC, { impact: 5, feasibility: 4, team: 3, budget: 4, fit: 2 })).toBe(71.25);
  });

  it("runs from 0 at the bottom of every scale to 100 at the top", () => {
    expect(weightedScore(RUBRIC, { impact: 1, feasibility: 1, team: 1, budget: 1, fit: 1 })).toBe(0);
    expect(weightedScore(RUBRIC, { impact: 5, feasibility: 5, team: 5, budget: 5, fit: 5 })).toBe(100);
  });

  it("puts criteria with different scales on the same footing", () => {
    // 10 on 1–10 is 9/9 = 1; 1 on 0–2 is 1/2 = 0.5: (1·1 + 3·0.5) / (1 + 3) × 100 = 2.5/4 × 100 = 62.5
    const mixed = [criterion("wide", 1, 1, 10), criterion("narrow", 3, 0, 2)];
    expect(weightedScore(mixed, { wide: 10, narrow: 1 })).toBe(62.5);
  });

  it("gives whole-number scores on a 0–100 scale back unchanged", () => {
    // 0.29 × 100 is 28.999999999999996 in floating point; the score must still read 29.
    expect(weightedScore(OVERALL, { overall: 29 })).toBe(29);
  });

  it("is null when a criterion is missing or its score is off the scale, rather than clamping", () => {
    const complete = { impact: 5, feasibility: 4, team: 3, budget: 4, fit: 2 };
    for (const fit of [undefined, null, 0, 6, 2.5, Number.NaN]) {
      expect(weightedScore(RUBRIC, { ...complete, fit })).toBeNull();
    }
  });

  it("ignores scores for criteria that are not in the rubric", () => {
    expect(weightedScore(OVERALL, { overall: 40, retired: 99 })).toBe(40);
  });

  it("stays within 0–100 for any sound rubric and on-scale scores", () => {
    const rubricWithScores = fc
      .array(
        fc.record({
          weight: fc.double({ min: 0.001, max: 1000, noNaN: true }),
          scaleMin: fc.integer({ min: -5, max: 5 }),
          steps: fc.integer({ min: 1, max: 10 }),
        }),
        { minLength: 1, maxLength: 8 },
      )
      .chain((specs) =>
        fc.tuple(
          fc.constant(specs.map((s, i) => criterion(`c${i}`, s.weight, s.scaleMin, s.scaleMin + s.steps))),
          fc.tuple(...specs.map((s) => fc.integer({ min: s.scaleMin, max: s.scaleMin + s.steps }))),
        ),
      );
    fc.assert(
      fc.property(rubricWithScores, ([criteria, values]) => {
        const score = weightedScore(criteria, Object.fromEntries(values.map((v, i) => [`c${i}`, v])));
        expect(score).not.toBeNull();
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(100);
      }),
    );
  });
});

describe("normaliseByReviewer", () => {
  it("gives a harsh and a lenient reviewer who agree on the order the same z-scores", () => {
    const z = normaliseByReviewer(OVERALL, HARSH_AND_LENIENT);
    for (const reviewer of ["h", "l"]) {
      expect(z.get(`${reviewer}-a`)).toBeCloseTo(-Z_EDGE, 12);
      expect(z.get(`${reviewer}-b`)).toBeCloseTo(0, 12);
      expect(z.get(`${reviewer}-c`)).toBeCloseTo(Z_EDGE, 12);
    }
  });

  it("leaves a reviewer with fewer than three scored reviews unnormalised", () => {
    const z = normaliseByReviewer(OVERALL, [
      overall("r1", "new", "A", 40),
      overall("r2", "new", "B", 90),
      // Submitted without a score: the reviewer still has only two usable reviews.
      overall("r3", "new", "C", null),
    ]);
    expect([...z]).toEqual([
      ["r1", null],
      ["r2", null],
      ["r3", null],
    ]);
  });

  it("gives 0 to every review of a reviewer whose scores are all equal", () => {
    const z = normaliseByReviewer(OVERALL, [
      overall("r1", "flat", "A", 70),
      overall("r2", "flat", "B", 70),
      overall("r3", "flat", "C", 70),
    ]);
    expect([...z.values()]).toEqual([0, 0, 0]);
  });

  it("treats scores that are equal on paper as equal, whatever the floating point says", () => {
    // 1114: 0.4·(3/4) = 0.3; 1151: 0.3·1 = 0.3; 2241: 0.1·(1/4) + 0.2·(1/4) + 0.3·(3/4) = 0.3 — all 30 of 100,
    // computed as 30.000000000000004, 30 and 29.999999999999996. Without a tolerance the sd is ~3e-15
    // and these reviews would get z-scores of about ±1.2.
    const z = normaliseByReviewer(FRACTIONAL, [
      fractional("r1", "careful", "A", "1114"),
      fractional("r2", "careful", "B", "1151"),
      fractional("r3", "careful", "C", "2241"),
    ]);
    expect([...z.values()]).toEqual([0, 0, 0]);
  });

  it("gives each reviewer z-scores with mean 0 and population sd 1", () => {
    const scores = fc
      .array(fc.integer({ min: 0, max: 100 }), { minLength: 3, maxLength: 30 })
      .filter((values) => new Set(values).size > 1);
    fc.assert(
      fc.property(scores, (values) => {
        const z = [
          ...normaliseByReviewer(
            OVERALL,
            values.map((score, i) => overall(`r${i}`, "someone", `app${i}`, score)),
          ).values(),
        ].map(Number);
        const mean = z.reduce((sum, v) => sum + v, 0) / z.length;
        const variance = z.reduce((sum, v) => sum + (v - mean) ** 2, 0) / z.length;
        expect(mean).toBeCloseTo(0, 9);
        expect(Math.sqrt(variance)).toBeCloseTo(1, 9);
      }),
    );
  });
});

describe("rankApplications", () => {
  it("removes each reviewer's bias: a harsh and a lenient reviewer who agree on the order rank it as they do", () => {
    // Raw means: A (10 + 60)/2 = 35, B (20 + 80)/2 = 50, C (30 + 100)/2 = 65; raw spreads 50, 60, 70.
    const rows = rankApplications(OVERALL, HARSH_AND_LENIENT);
    expect(rows.map((r) => r.applicationId)).toEqual(["C", "B", "A"]);
    expect(rows.map((r) => [r.rawMean, r.spread, r.reviewCount, r.scoredCount])).toEqual([
      [65, 70, 2, 2],
      [50, 60, 2, 2],
      [35, 50, 2, 2],
    ]);
    // Leniency removed, the two reviewers are 10 points apart at most: no disagreement.
    expect(rows.every((r) => r.residualSpread! < 30 && !r.disagreement)).toBe(true);
    for (const row of rows) expect(row.low! < row.score! && row.score! < row.high!).toBe(true);
  });

  it("ranks every scored application, flags those below the minimum, and puts unscorable ones last", () => {
    const rows = rankApplications(OVERALL, [
      overall("s1", "steady", "a1", 20),
      overall("s2", "steady", "a2", 50),
      overall("s3", "steady", "a3", 80),
      overall("n1", "newcomer", "b2", 95),
      overall("n2", "newcomer", "b1", 95),
      // An application whose only review cannot be scored comes last.
      overall("x1", "steady", "c1", null),
    ]);
    expect(rows.map((r) => r.applicationId).slice(-1)).toEqual(["c1"]);
    expect(rows.filter((r) => r.score !== null)).toHaveLength(5);
    expect(rows.every((r) => r.fewReviews)).toBe(true);
    // b1 and b2 are equal in every respect: the id decides.
    const order = rows.map((r) => r.applicationId);
    expect(order.indexOf("b1")).toBe(order.indexOf("b2") - 1);
    expect(rows.at(-1)).toEqual({
      applicationId: "c1",
      reviewCount: 1,
      scoredCount: 0,
      rawMean: null,
      score: null,
      low: null,
      high: null,
      spread: null,
      residualSpread: null,
      disagreement: false,
      fewReviews: true,
    });
  });

  it(`flags disagreement at a residual spread of ${DISAGREEMENT_SPREAD} points and above, not below`, () => {
    // Each pair is mirrored (r1 high once, r2 high once), so neither reviewer is lenient: residual = raw spread.
    const pair = (id: string, low: number, high: number) => [
      overall(`${id}-1`, "r1", id, low),
      overall(`${id}-2`, "r2", id, high),
      overall(`${id}-3`, "r1", `${id}-mirror`, high),
      overall(`${id}-4`, "r2", `${id}-mirror`, low),
    ];
    const rows = rankApplications(OVERALL, [
      ...pair("below", 40, 69),
      ...pair("at", 40, 70),
      ...pair("above", 40, 71),
      overall("t1", "r3", "alone", 0),
    ]);
    const flags = Object.fromEntries(rows.map((r) => [r.applicationId, [Math.round(r.spread ?? -1), r.disagreement]]));
    expect(flags).toEqual({
      below: [29, false],
      "below-mirror": [29, false],
      at: [30, true],
      "at-mirror": [30, true],
      above: [31, true],
      "above-mirror": [31, true],
      alone: [-1, false],
    });
    for (const row of rows) if (row.spread !== null) expect(row.residualSpread).toBeCloseTo(row.spread, 6);
  });

  it("flags a spread that is 30 on paper even when floating point makes it 29.999999999999996", () => {
    // 1111 scores 0; 2241 scores (0.1·0.25 + 0.2·0.25 + 0.3·0.75) × 100 = 30, computed as 29.999999999999996.
    const rows = rankApplications(FRACTIONAL, [
      fractional("r1", "first", "A", "1111"),
      fractional("r2", "second", "A", "2241"),
      fractional("r3", "first", "B", "2241"),
      fractional("r4", "second", "B", "1111"),
    ]);
    for (const row of rows) {
      expect(row.residualSpread).toBeCloseTo(30, 6);
      expect(row.disagreement).toBe(true);
    }
  });

  it("does not depend on the order of the reviews", () => {
    const someReviews = fc
      .array(
        fc.record({
          reviewerId: fc.constantFrom("r1", "r2", "r3", "r4"),
          applicationId: fc.constantFrom("a1", "a2", "a3", "a4", "a5"),
          scores: fc.record(
            Object.fromEntries(RUBRIC.map((c) => [c.id, fc.option(fc.integer({ min: 1, max: 5 }), { freq: 10 })])),
          ),
        }),
        { maxLength: 30 },
      )
      .map((drafts) => drafts.map((draft, i): SubmittedReview => ({ id: `review-${i}`, ...draft })));
    const withShuffle = someReviews.chain((reviews) =>
      fc.tuple(fc.constant(reviews), fc.shuffledSubarray(reviews, { minLength: reviews.length })),
    );
    fc.assert(
      fc.property(withShuffle, ([reviews, shuffled]) => {
        expect(rankApplications(RUBRIC, shuffled)).toEqual(rankApplications(RUBRIC, reviews));
      }),
    );
  });
});

describe("reviewerBiases", () => {
  it("gives a harsh reviewer a negative bias and a lenient one a positive bias, the same size", () => {
    const biases = reviewerBiases(OVERALL, HARSH_AND_LENIENT);
    expect(biases.map((b) => [b.reviewerId, b.reviews])).toEqual([
      ["harsh", 3],
      ["lenient", 3],
    ]);
    expect(biases[0]!.bias).toBeLessThan(-20);
    expect(biases[1]!.bias).toBeCloseTo(-biases[0]!.bias, 6);
    expect(biases[0]!.low).toBeLessThan(biases[0]!.bias);
    expect(biases[0]!.high).toBeGreaterThan(biases[0]!.bias);
  });

  it("leaves out reviews that cannot be scored", () => {
    const biases = reviewerBiases(OVERALL, [
      overall("1", "low", "A", 20),
      overall("2", "high", "A", 60),
      overall("3", "middle", "A", 50),
      overall("4", "middle", "B", null),
      overall("5", "low", "B", 30),
    ]);
    expect(biases.find((b) => b.reviewerId === "middle")?.reviews).toBe(1);
  });
});

describe("scoreDistribution", () => {
  it("counts each score value per criterion, leaving out missing and off-scale scores", () => {
    const distribution = scoreDistribution(RUBRIC, [
      review("1", "r1", "A", { impact: 5, feasibility: 4, team: 3, budget: 4, fit: 2 }),
      review("2", "r2", "A", { impact: 4, feasibility: 4, team: 2, budget: 5, fit: 1 }),
      review("3", "r1", "B", { impact: 5, feasibility: 9, team: 3, budget: null, fit: 1 }),
    ]);
    // counts[v − 1] for v = 1..5
    expect(distribution).toEqual([
      { criterionId: "impact", counts: [0, 0, 0, 1, 2] },
      { criterionId: "feasibility", counts: [0, 0, 0, 2, 0] },
      { criterionId: "team", counts: [0, 1, 2, 0, 0] },
      { criterionId: "budget", counts: [0, 0, 0, 1, 1] },
      { criterionId: "fit", counts: [2, 1, 0, 0, 0] },
    ]);
  });

  it("offsets the counts by the scale's minimum", () => {
    const [zeroToTwo] = scoreDistribution(
      [criterion("c", 1, 0, 2)],
      [review("1", "r", "A", { c: 0 }), review("2", "r", "B", { c: 2 }), review("3", "r", "C", { c: 2 })],
    );
    expect(zeroToTwo).toEqual({ criterionId: "c", counts: [1, 0, 2] });
  });
});
