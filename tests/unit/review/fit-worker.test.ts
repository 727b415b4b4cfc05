import path from "node:path";
import { describe, expect, it } from "vitest";
import { fitRound, moduleLayout } from "~/review/fit-worker.server";
import { fitScoredRound } from "~/review/round-fit";
import type { Criterion, SubmittedReview } from "~/review/scoring";
import { normalFrom, seededRandom } from "../../support/seeded-random";

// A round of 120 applications × 3 reviews by 12 reviewers with biases, on a two-criterion rubric.
function round() {
  const uniform = seededRandom(5);
  const normal = normalFrom(uniform);
  const criteria: Criterion[] = [
    { id: "c1", name: "Impact", weight: 2, scaleMin: 1, scaleMax: 5 },
    { id: "c2", name: "Feasibility", weight: 1, scaleMin: 1, scaleMax: 5 },
  ];
  const bias = Array.from({ length: 12 }, () => 0.6 * normal());
  const clamp = (x: number) => Math.min(5, Math.max(1, Math.round(x)));
  const scored: SubmittedReview[] = [];
  const topics = new Map<string, string>();
  for (let a = 0; a < 120; a++) {
    const quality = 3 + normal();
    topics.set(`a${a}`, `track-${a % 3}`);
    for (let k = 0; k < 3; k++) {
      const r = (a + k * 5) % 12;
      scored.push({
        id: `rv${a}-${k}`,
        reviewerId: `r${r}`,
        applicationId: `a${a}`,
        scores: { c1: clamp(quality + bias[r]! + 0.5 * normal()), c2: clamp(quality + 0.5 * normal()) },
      });
    }
  }
  return { criteria, scored, options: { minReviews: 3, topics } };
}

describe("a round's fit on a worker thread", () => {
  it("gives exactly the fit computed in process", async () => {
    const { criteria, scored, options } = round();
    const onWorker = await fitRound(criteria, scored, options, 0);
    const inProcess = fitScoredRound(criteria, scored, options);
    expect(onWorker.applications.map((row) => row.applicationId)).toEqual(
      inProcess.applications.map((row) => row.applicationId),
    );
    expect(onWorker).toEqual(inProcess);
    expect(onWorker.applications).toHaveLength(120);
  });

  it("leaves the event loop free while it fits (other requests are answered meanwhile)", async () => {
    const { criteria, scored, options } = round();
    let ticked = false;
    setImmediate(() => (ticked = true));
    await fitRound(criteria, scored, options, 0);
    expect(ticked).toBe(true);
    // The control: a small round fitted in process answers before the loop turns.
    ticked = false;
    setImmediate(() => (ticked = true));
    await fitRound(criteria, scored, options);
    expect(ticked).toBe(false);
  });
});

describe("where the fit's worker is found", () => {
  it("is two directories above app/review when running from source", () => {
    expect(moduleLayout(path.join("/srv", "portal", "app", "review"))).toEqual({
      root: path.join("/srv", "portal"),
      compiled: false,
    });
  });

  // The server bundle is build/server/assets/server-build-*.js: the root is build's parent, not
  // two directories up (which named build/build/cli/calibration-worker.js, a 500 on the ranking page).
  it.each([
    ["the server bundle", ["build", "server", "assets"]],
    ["a compiled command", ["build", "cli"]],
  ])("is build's parent from %s", (_, below) => {
    expect(moduleLayout(path.join("/srv", "portal", ...below))).toEqual({
      root: path.join("/srv", "portal"),
      compiled: true,
    });
  });
});
