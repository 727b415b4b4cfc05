import { describe, expect, it } from "vitest";
import {
  compareMatchings,
  explainPlacements,
  findBlockingPairs,
  matchApplicantProposing,
  matchPositionProposing,
  type MatchingInput,
} from "~/matching/engine";

/** Single-seat positions from compact rankings, as in the marriage problem. */
function marriageMarket(men: Record<string, string[]>, women: Record<string, string[]>): MatchingInput {
  return {
    applicants: Object.entries(men).map(([id, ranking]) => ({ id, ranking })),
    positions: Object.entries(women).map(([id, ranking]) => ({ id, seats: 1, ranking })),
  };
}

function pairs(...list: [string, string][]) {
  return list.map(([applicant, position]) => ({ applicant, position }));
}

// Gale & Shapley, "College Admissions and the Stability of Marriage" (1962), example 1: three men
// and three women whose rankings are cyclic, so every man's first choice ranks him last. Men
// proposing, everyone gets their first choice at once (αA βB γC); women proposing, every woman gets
// hers (αC βA γB). The paper notes a third stable matching in between (αB βC γA). So the two sides'
// optimal matchings differ, which is what "applicant-optimal" versus "host-optimal" is about.
const galeShapleyCyclic = marriageMarket(
  { alpha: ["A", "B", "C"], beta: ["B", "C", "A"], gamma: ["C", "A", "B"] },
  { A: ["beta", "gamma", "alpha"], B: ["gamma", "alpha", "beta"], C: ["alpha", "beta", "gamma"] },
);

// Gale & Shapley (1962), example 2: four by four, with the unique stable matching αC βD γA δB.
// Men proposing it takes a chain of rejections: β is turned down by A for α, then displaces δ at D,
// δ displaces γ at B, γ displaces α at A, α is refused by B and ends at C. Women proposing reaches
// the same matching, which proves it is the only stable one (the two optima coincide).
const galeShapleyUnique = marriageMarket(
  {
    alpha: ["A", "B", "C", "D"],
    beta: ["A", "D", "C", "B"],
    gamma: ["B", "A", "C", "D"],
    delta: ["D", "B", "C", "A"],
  },
  {
    A: ["delta", "gamma", "alpha", "beta"],
    B: ["beta", "delta", "alpha", "gamma"],
    C: ["delta", "alpha", "beta", "gamma"],
    D: ["gamma", "beta", "alpha", "delta"],
  },
);

// A hospitals/residents instance with capacities, in the style of Roth & Sotomayor's college
// admissions chapter (1990, ch. 5); worked by hand:
// - residents propose: r1 → h2 (held); r2, r3 → h1 (both held, h1 has 2 seats); r4 → h1, which did
//   not rank r4; r4 → h2, which prefers its r1; r4 → h3, which has no seat: r4 stays unmatched.
//   Every matched resident has their first choice, so no one can do better: applicant-optimal.
// - hospitals propose: h1 offers r1 and r3, h2 offers r2; each resident holds their only offer.
//   Every hospital has its top choices among those who would come: host-optimal.
// r1 and r2 swap between the two; r3 and r4 are the same in both ("rural hospitals": the same
// residents are matched and each hospital fills as many seats in every stable matching).
const hospitalsResidents: MatchingInput = {
  applicants: [
    { id: "r1", ranking: ["h2", "h1"] },
    { id: "r2", ranking: ["h1", "h2"] },
    { id: "r3", ranking: ["h1", "h2"] },
    { id: "r4", ranking: ["h1", "h2", "h3"] },
  ],
  positions: [
    { id: "h1", seats: 2, ranking: ["r1", "r3", "r2"] },
    { id: "h2", seats: 1, ranking: ["r2", "r1", "r4"] },
    { id: "h3", seats: 0, ranking: ["r4"] },
  ],
};

describe("matchApplicantProposing and matchPositionProposing on worked examples", () => {
  it("gives each side its optimum in Gale & Shapley's cyclic example", () => {
    expect(matchApplicantProposing(galeShapleyCyclic)).toEqual({
      matches: pairs(["alpha", "A"], ["beta", "B"], ["gamma", "C"]),
      unmatched: [],
    });
    expect(matchPositionProposing(galeShapleyCyclic)).toEqual({
      matches: pairs(["alpha", "C"], ["beta", "A"], ["gamma", "B"]),
      unmatched: [],
    });
    // The matching in between is stable too. In αA βC γB, γ (at B, his last choice) and A (holding
    // α, her last choice) prefer each other: a blocking pair.
    expect(findBlockingPairs(galeShapleyCyclic, pairs(["alpha", "B"], ["beta", "C"], ["gamma", "A"]))).toEqual([]);
    expect(findBlockingPairs(galeShapleyCyclic, pairs(["alpha", "A"], ["beta", "C"], ["gamma", "B"]))).toEqual(
      pairs(["gamma", "A"]),
    );
  });

  it("finds the unique stable matching of Gale & Shapley's second example from both sides", () => {
    const unique = { matches: pairs(["alpha", "C"], ["beta", "D"], ["gamma", "A"], ["delta", "B"]), unmatched: [] };
    expect(matchApplicantProposing(galeShapleyUnique)).toEqual(unique);
    expect(matchPositionProposing(galeShapleyUnique)).toEqual(unique);
  });

  it("fills capacities, respects unacceptable pairs and zero seats in a hospitals/residents example", () => {
    const applicantOptimal = matchApplicantProposing(hospitalsResidents);
    const hostOptimal = matchPositionProposing(hospitalsResidents);
    expect(applicantOptimal).toEqual({ matches: pairs(["r1", "h2"], ["r2", "h1"], ["r3", "h1"]), unmatched: ["r4"] });
    expect(hostOptimal).toEqual({ matches: pairs(["r1", "h1"], ["r2", "h2"], ["r3", "h1"]), unmatched: ["r4"] });
    expect(findBlockingPairs(hospitalsResidents, applicantOptimal.matches)).toEqual([]);
    expect(findBlockingPairs(hospitalsResidents, hostOptimal.matches)).toEqual([]);
    expect(compareMatchings(applicantOptimal, hostOptimal)).toEqual([
      { applicant: "r1", first: "h2", second: "h1" },
      { applicant: "r2", first: "h1", second: "h2" },
    ]);
  });

  it("never matches a pair where one side did not rank the other, even with seats to spare", () => {
    const input: MatchingInput = {
      applicants: [
        { id: "a1", ranking: ["p1"] },
        { id: "a2", ranking: [] },
      ],
      positions: [
        { id: "p1", seats: 3, ranking: ["a2"] },
        { id: "p2", seats: 3, ranking: ["a1", "a2"] },
      ],
    };
    const nobody = { matches: [], unmatched: ["a1", "a2"] };
    expect(matchApplicantProposing(input)).toEqual(nobody);
    expect(matchPositionProposing(input)).toEqual(nobody);
    expect(findBlockingPairs(input, [])).toEqual([]);
  });

  it("places no one in a position with zero seats", () => {
    const input: MatchingInput = {
      applicants: [{ id: "a1", ranking: ["p1"] }],
      positions: [{ id: "p1", seats: 0, ranking: ["a1"] }],
    };
    expect(matchApplicantProposing(input)).toEqual({ matches: [], unmatched: ["a1"] });
    expect(matchPositionProposing(input)).toEqual({ matches: [], unmatched: ["a1"] });
  });

  it("handles empty markets", () => {
    const empty = { matches: [], unmatched: [] };
    expect(matchApplicantProposing({ applicants: [], positions: [] })).toEqual(empty);
    expect(matchPositionProposing({ applicants: [], positions: [] })).toEqual(empty);
    const noPositions = { applicants: [{ id: "a1", ranking: [] }], positions: [] };
    expect(matchApplicantProposing(noPositions)).toEqual({ matches: [], unmatched: ["a1"] });
    expect(matchPositionProposing({ applicants: [], positions: [{ id: "p1", seats: 2, ranking: [] }] })).toEqual(empty);
  });

  it("holds any number of seats, displacing the worst held applicant first", () => {
    // Applicants propose in input order to one position with 3 seats that ranks them in reverse:
    // each newcomer beyond the third displaces the worst held, so the last three remain.
    const ids = ["a1", "a2", "a3", "a4", "a5", "a6"];
    const input: MatchingInput = {
      applicants: ids.map((id) => ({ id, ranking: ["p1"] })),
      positions: [{ id: "p1", seats: 3, ranking: [...ids].reverse() }],
    };
    const expected = { matches: pairs(["a4", "p1"], ["a5", "p1"], ["a6", "p1"]), unmatched: ["a1", "a2", "a3"] };
    expect(matchApplicantProposing(input)).toEqual(expected);
    expect(matchPositionProposing(input)).toEqual(expected);
  });
});

describe("explainPlacements", () => {
  it("says for each better choice whether the position did not rank them or was filled by preferred applicants", () => {
    expect(explainPlacements(hospitalsResidents, matchPositionProposing(hospitalsResidents))).toEqual([
      {
        applicant: "r1",
        position: "h1",
        missedChoices: [{ position: "h2", reason: "filled-by-higher-ranked", holders: ["r2"] }],
      },
      {
        applicant: "r2",
        position: "h2",
        missedChoices: [{ position: "h1", reason: "filled-by-higher-ranked", holders: ["r1", "r3"] }],
      },
      { applicant: "r3", position: "h1", missedChoices: [] },
      {
        applicant: "r4",
        position: null,
        missedChoices: [
          { position: "h1", reason: "not-ranked-by-position" },
          { position: "h2", reason: "filled-by-higher-ranked", holders: ["r2"] },
          // Zero seats: full from the start, with no one to name.
          { position: "h3", reason: "filled-by-higher-ranked", holders: [] },
        ],
      },
    ]);
  });

  it("flags a choice the position would have accepted as unstable instead of inventing a reason", () => {
    const unstable = { matches: pairs(["r2", "h1"]), unmatched: ["r1", "r3", "r4"] };
    const [r1] = explainPlacements(hospitalsResidents, unstable);
    expect(r1).toEqual({
      applicant: "r1",
      position: null,
      missedChoices: [
        { position: "h2", reason: "unstable" },
        { position: "h1", reason: "unstable" },
      ],
    });
    expect(findBlockingPairs(hospitalsResidents, unstable.matches)).toContainEqual({ applicant: "r1", position: "h2" });
  });

  it("flags a full position holding someone it ranked lower as unstable", () => {
    // The blocked matching of Gale & Shapley's cyclic example: A holds α, whom it ranks below γ.
    const blocked = { matches: pairs(["alpha", "A"], ["beta", "C"], ["gamma", "B"]), unmatched: [] };
    expect(explainPlacements(galeShapleyCyclic, blocked)[2]).toEqual({
      applicant: "gamma",
      position: "B",
      missedChoices: [
        { position: "C", reason: "filled-by-higher-ranked", holders: ["beta"] },
        { position: "A", reason: "unstable" },
      ],
    });
  });
});

describe("compareMatchings", () => {
  it("lists only the applicants placed differently, with null for unmatched", () => {
    const first = { matches: pairs(["a1", "p1"], ["a2", "p2"]), unmatched: ["a3"] };
    const second = { matches: pairs(["a1", "p1"], ["a3", "p2"]), unmatched: ["a2"] };
    expect(compareMatchings(first, first)).toEqual([]);
    expect(compareMatchings(first, second)).toEqual([
      { applicant: "a2", first: "p2", second: null },
      { applicant: "a3", first: null, second: "p2" },
    ]);
  });
});
