import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { calibrate, type ReviewScore } from "~/review/calibration";
import { normalFrom, seededRandom } from "../../support/seeded-random";

/** 120 applications, 12 reviewers with planted biases, each application seen by 3 reviewers drawn at random. */
function syntheticPanel(seed: number) {
  const uniform = seededRandom(seed);
  const normal = normalFrom(uniform);
  const biases = Array.from({ length: 12 }, (_, r) => (r - 5.5) * 4); // −22 … +22 points
  const quality = Array.from({ length: 120 }, () => 55 + 15 * normal());
  const reviews: ReviewScore[] = quality.flatMap((q, a) => {
    const pool = [...biases.keys()];
    return [0, 1, 2].map(() => {
      const r = pool.splice(Math.floor(uniform() * pool.length), 1)[0]!;
      return {
        applicationId: `a${a}`,
        reviewerId: `r${String(r).padStart(2, "0")}`,
        score: q + biases[r]! + 5 * normal(),
      };
    });
  });
  return { biases, quality, reviews };
}

describe("calibrate", () => {
  it("recovers planted reviewer biases on synthetic data", () => {
    const { biases, reviews } = syntheticPanel(7);
    const { reviewers } = calibrate(reviews);
    const recovered = reviewers.map((r) => r.bias);
    const meanPlanted = biases.reduce((x, y) => x + y, 0) / biases.length;
    recovered.forEach((bias, r) => expect(Math.abs(bias - (biases[r]! - meanPlanted))).toBeLessThan(3));
    // Almost every planted bias lies in its 95 % interval.
    const inside = reviewers.filter((r, i) => r.low <= biases[i]! - meanPlanted && biases[i]! - meanPlanted <= r.high);
    expect(inside.length).toBeGreaterThanOrEqual(10);
  });

  it("ranks closer to the truth than the raw mean when reviewers are biased", () => {
    const { quality, reviews } = syntheticPanel(11);
    const { applications } = calibrate(reviews);
    const truth = [...quality.keys()].sort((x, y) => quality[y]! - quality[x]!).map((a) => `a${a}`);
    const raw = [...applications].sort((x, y) => y.rawMean - x.rawMean).map((row) => row.applicationId);
    const calibrated = applications.map((row) => row.applicationId);
    const top = (order: string[]) => order.slice(0, 20).filter((id) => truth.slice(0, 20).includes(id)).length;
    expect(top(calibrated)).toBeGreaterThan(top(raw));
  });

  it("widens the interval with fewer reviews and with more discordant ones", () => {
    const panel = ["p1", "p2", "p3", "p4"].flatMap((reviewerId, r) =>
      Array.from({ length: 8 }, (_, a) => ({
        applicationId: `base-${a}`,
        reviewerId,
        score: 40 + a * 4 + ((a + r) % 3) * 3,
      })),
    );
    const { applications } = calibrate([
      ...panel,
      { applicationId: "one", reviewerId: "p1", score: 60 },
      ...["p1", "p2", "p3"].map((reviewerId) => ({ applicationId: "three", reviewerId, score: 60 })),
      ...["p1", "p2", "p3"].map((reviewerId, i) => ({ applicationId: "split", reviewerId, score: [30, 60, 90][i]! })),
    ]);
    const width = (id: string) => {
      const row = applications.find((r) => r.applicationId === id)!;
      return row.high - row.low;
    };
    expect(width("one")).toBeGreaterThan(width("three"));
    expect(width("split")).toBeGreaterThan(width("three"));
    expect(applications.find((r) => r.applicationId === "split")!.disagreement).toBe(true);
    expect(applications.find((r) => r.applicationId === "one")!.fewReviews).toBe(true);
  });

  it("gives the same result whatever the order of the reviews", () => {
    const { reviews } = syntheticPanel(3);
    const sample = reviews.slice(0, 60);
    fc.assert(
      fc.property(fc.shuffledSubarray(sample, { minLength: sample.length }), (shuffled) => {
        expect(calibrate(shuffled)).toEqual(calibrate(sample));
      }),
      { numRuns: 20 },
    );
  });

  it("rejects a score that is not a finite number", () => {
    expect(() => calibrate([{ applicationId: "a", reviewerId: "r", score: Number.NaN }])).toThrow(RangeError);
  });
});

/**
 * Two topics, each read mostly by its own four reviewers (one review in six crosses over): the planted
 * topic gap and planted biases, as in `npm run bench:rank` but small enough for a unit test.
 */
function topicPanel(seed: number, topicGap: number) {
  const uniform = seededRandom(seed);
  const normal = normalFrom(uniform);
  const biases = Array.from({ length: 8 }, () => 8 * normal());
  const applications = Array.from({ length: 160 }, (_, a) => {
    const topic = a % 2;
    return { id: `a${a}`, topic, quality: 50 + topic * topicGap + 10 * normal() };
  });
  const reviews: ReviewScore[] = applications.flatMap((application) => {
    const own = [0, 1, 2, 3].map((i) => application.topic * 4 + i);
    const other = [0, 1, 2, 3].map((i) => (1 - application.topic) * 4 + i);
    const pool = [...own];
    const chosen = [0, 1].map(() => pool.splice(Math.floor(uniform() * pool.length), 1)[0]!);
    chosen.push(uniform() < 0.5 ? pool[0]! : other[Math.floor(uniform() * 4)]!);
    return chosen.map((r) => ({
      applicationId: application.id,
      reviewerId: `r${r}`,
      score: application.quality + biases[r]! + 4 * normal(),
    }));
  });
  const topics = new Map(applications.map((application) => [application.id, `t${application.topic}`]));
  const truth = [...applications].sort((x, y) => y.quality - x.quality).map((application) => application.id);
  return { reviews, topics, truth };
}

function kendall(order: string[], truth: string[]): number {
  const rank = new Map(truth.map((id, i) => [id, i]));
  let score = 0;
  for (let i = 0; i < order.length; i++)
    for (let j = i + 1; j < order.length; j++) score += rank.get(order[i]!)! < rank.get(order[j]!)! ? 1 : -1;
  return score / ((order.length * (order.length - 1)) / 2);
}

describe("calibrate with topics", () => {
  it("keeps a mean per topic when the topics differ, and the strong topic is not read as lenient reviewers", () => {
    const { reviews, topics, truth } = topicPanel(5, 20);
    const withTopics = calibrate(reviews, { topics });
    expect(withTopics.model.topicMeans).toBe(2);
    const order = withTopics.applications.map((row) => row.applicationId);
    const commonMean = calibrate(reviews, { penalties: {} }).applications.map((row) => row.applicationId);
    expect(kendall(order, truth)).toBeGreaterThan(kendall(commonMean, truth));
  });

  it("falls back to one common mean when the topics do not differ (the likelihood-ratio test)", () => {
    const { reviews, topics } = topicPanel(5, 0);
    expect(calibrate(reviews, { topics }).model.topicMeans).toBe(0);
  });
});
