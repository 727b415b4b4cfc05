import { describe, expect, it } from "vitest";
import { pickRound, selectForAdvance, type RankedForAdvance } from "~/review/rounds";

const ranked: RankedForAdvance[] = [
  { applicationId: "a", score: 90, short: false },
  { applicationId: "b", score: 80, short: false },
  { applicationId: "c", score: 80, short: false },
  { applicationId: "d", score: 70, short: false },
  { applicationId: "e", score: 95, short: true },
  { applicationId: "f", score: null, short: true },
];

describe("selectForAdvance", () => {
  it("takes the top N by calibrated score, passing over applications short of reviews", () => {
    const result = selectForAdvance(ranked, { method: "top_n", count: 1 });
    expect(result).toEqual({ method: "top_n", selected: ["a"], tiedBeyond: 0, skippedShort: ["e", "f"] });
  });

  it("takes everyone tied at the N-th place, and says how many beyond N", () => {
    const result = selectForAdvance(ranked, { method: "top_n", count: 2 });
    expect(result.selected).toEqual(["a", "b", "c"]);
    expect(result.tiedBeyond).toBe(1);
  });

  it("treats scores equal up to floating-point noise as a tie", () => {
    const noisy: RankedForAdvance[] = [
      { applicationId: "x", score: 0.1 + 0.2, short: false },
      { applicationId: "y", score: 0.3, short: false },
    ];
    expect(selectForAdvance(noisy, { method: "top_n", count: 1 }).selected).toEqual(["x", "y"]);
  });

  it("takes no more than there are, and nothing for N = 0", () => {
    expect(selectForAdvance(ranked, { method: "top_n", count: 10 }).selected).toEqual(["a", "b", "c", "d"]);
    expect(selectForAdvance(ranked, { method: "top_n", count: 0 }).selected).toEqual([]);
  });

  it("takes every scored application at or above a cut-off", () => {
    expect(selectForAdvance(ranked, { method: "cut_off", minScore: 80 }).selected).toEqual(["a", "b", "c"]);
    expect(selectForAdvance(ranked, { method: "cut_off", minScore: 99 }).selected).toEqual([]);
  });

  it("takes exactly the hand-picked applications of the round, short ones included, others ignored", () => {
    const result = selectForAdvance(ranked, { method: "hand_picked", applicationIds: ["f", "d", "zz", "d"] });
    expect(result).toEqual({ method: "hand_picked", selected: ["d", "f"], tiedBeyond: 0, skippedShort: [] });
  });
});

describe("pickRound", () => {
  const rounds = [
    { position: 1, name: "Screening" },
    { position: 2, name: "Panel" },
  ];
  it("shows the round asked for, else the latest", () => {
    expect(pickRound(rounds, "1")?.name).toBe("Screening");
    expect(pickRound(rounds, null)?.name).toBe("Panel");
    expect(pickRound(rounds, "7")?.name).toBe("Panel");
    expect(pickRound([], null)).toBeNull();
  });
});
