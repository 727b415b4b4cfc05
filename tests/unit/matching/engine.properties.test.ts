import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  compareMatchings,
  explainPlacements,
  findBlockingPairs,
  matchApplicantProposing,
  matchPositionProposing,
  type Match,
  type MatchingInput,
  type MatchingResult,
} from "~/matching/engine";
import { validateMatchingInput } from "~/matching/engine-input";

// Ids include names that break code keying plain objects by id.
const idArbitrary = fc.oneof(fc.string({ minLength: 1, maxLength: 3 }), fc.constantFrom("__proto__", "constructor"));

// Who ranks whom, pair by pair: mostly both sides, so that lists overlap and applicants compete.
const someRankedBy = fc.constantFrom("both", "both", "both", "both", "applicant", "position", "neither");
const mostlyMutual = fc.constantFrom("both", "both", "both", "both", "both", "both", "applicant", "position");

const seatsArbitrary = fc.oneof(
  { arbitrary: fc.constant(0), weight: 1 },
  { arbitrary: fc.constant(1), weight: 4 },
  { arbitrary: fc.integer({ min: 2, max: 3 }), weight: 2 },
);

interface MarketSize {
  applicantCount: number;
  seats: number[];
}

/** Either side may be empty or larger than the other. */
function anySize(maxApplicants: number, maxPositions: number): fc.Arbitrary<MarketSize> {
  return fc.record({
    applicantCount: fc.integer({ min: 0, max: maxApplicants }),
    seats: fc.array(seatsArbitrary, { maxLength: maxPositions }),
  });
}

// As many seats as applicants. Unbalanced markets almost always have a single stable matching
// (Ashlagi, Kanoria & Leshno 2017), so comparing stable matchings needs balanced ones too.
function balancedSize(maxPositions: number): fc.Arbitrary<MarketSize> {
  return fc
    .array(fc.integer({ min: 1, max: 2 }), { minLength: 2, maxLength: maxPositions })
    .map((seats) => ({ applicantCount: seats.reduce((sum, n) => sum + n, 0), seats }));
}

/** Random orders of 0..count-1, one per member of the other side. */
function ordersArbitrary(members: number, count: number): fc.Arbitrary<number[][]> {
  const indexes = Array.from({ length: count }, (_, i) => i);
  return fc.array(fc.shuffledSubarray(indexes, { minLength: count }), { minLength: members, maxLength: members });
}

/** Random markets of the given size; rank lists may be empty, sparse or complete, in independent random orders. */
function marketArbitrary(
  size: fc.Arbitrary<MarketSize>,
  rankedBy: fc.Arbitrary<string> = someRankedBy,
): fc.Arbitrary<MatchingInput> {
  return size
    .chain(({ applicantCount, seats }) => {
      const positionCount = seats.length;
      const idCount = applicantCount + positionCount;
      const pairCount = applicantCount * positionCount;
      return fc.record({
        applicantCount: fc.constant(applicantCount),
        seats: fc.constant(seats),
        ids: fc.uniqueArray(idArbitrary, { minLength: idCount, maxLength: idCount }),
        rankedBy: fc.array(rankedBy, { minLength: pairCount, maxLength: pairCount }),
        applicantOrders: ordersArbitrary(applicantCount, positionCount),
        positionOrders: ordersArbitrary(positionCount, applicantCount),
      });
    })
    .map(({ applicantCount, seats, ids, rankedBy, applicantOrders, positionOrders }) => {
      const applicantIds = ids.slice(0, applicantCount);
      const positionIds = ids.slice(applicantCount);
      const ranks = (a: number, p: number, side: string) => {
        const who = rankedBy[a * positionIds.length + p];
        return who === "both" || who === side;
      };
      return {
        applicants: applicantIds.map((id, a) => ({
          id,
          ranking: applicantOrders[a]!.filter((p) => ranks(a, p, "applicant")).map((p) => positionIds[p]!),
        })),
        positions: positionIds.map((id, p) => ({
          id,
          seats: seats[p]!,
          ranking: positionOrders[p]!.filter((a) => ranks(a, p, "position")).map((a) => applicantIds[a]!),
        })),
      };
    });
}

const anyMarket = fc.oneof(marketArbitrary(anySize(12, 6)), marketArbitrary(balancedSize(6), mostlyMutual));
// Small enough to enumerate every matching.
const smallMarket = fc.oneof(marketArbitrary(anySize(5, 4)), marketArbitrary(balancedSize(3), mostlyMutual));

const algorithms = { "applicant-proposing": matchApplicantProposing, "position-proposing": matchPositionProposing };

function positionsOf(result: MatchingResult): Map<string, string> {
  return new Map(result.matches.map((m) => [m.applicant, m.position]));
}

function holdersOf(matches: readonly Match[], position: string): string[] {
  return matches.filter((m) => m.position === position).map((m) => m.applicant);
}

/** How much an applicant likes a placement: lower is better, unmatched is worst. */
function applicantRank(input: MatchingInput, applicant: string, position: string | undefined): number {
  const ranking = input.applicants.find((a) => a.id === applicant)!.ranking;
  return position === undefined ? Infinity : ranking.indexOf(position);
}

function positionRank(input: MatchingInput, position: string, applicant: string): number {
  return input.positions.find((p) => p.id === position)!.ranking.indexOf(applicant);
}

/** Every stable matching, by trying every assignment of applicants to mutually acceptable positions. */
function allStableMatchings(input: MatchingInput): Match[][] {
  const seatsLeft = new Map(input.positions.map((p) => [p.id, p.seats]));
  const options = input.applicants.map((a) =>
    a.ranking.filter((p) => input.positions.find((q) => q.id === p)!.ranking.includes(a.id)),
  );
  const stable: Match[][] = [];
  const chosen: Match[] = [];
  const assignFrom = (i: number): void => {
    if (i === input.applicants.length) {
      if (findBlockingPairs(input, chosen).length === 0) stable.push([...chosen]);
      return;
    }
    assignFrom(i + 1);
    for (const position of options[i]!) {
      if (seatsLeft.get(position)! === 0) continue;
      seatsLeft.set(position, seatsLeft.get(position)! - 1);
      chosen.push({ applicant: input.applicants[i]!.id, position });
      assignFrom(i + 1);
      chosen.pop();
      seatsLeft.set(position, seatsLeft.get(position)! + 1);
    }
  };
  assignFrom(0);
  return stable;
}

describe.each(Object.entries(algorithms))("%s", (_, match) => {
  it("returns a stable matching: valid, within seats, mutually acceptable, each applicant once", () => {
    fc.assert(
      fc.property(anyMarket, (input) => {
        expect(validateMatchingInput(input)).toEqual({ ok: true, input });
        const result = match(input);
        const listed = [...result.matches.map((m) => m.applicant), ...result.unmatched];
        expect(new Set(listed).size).toBe(listed.length);
        expect(new Set(listed)).toEqual(new Set(input.applicants.map((a) => a.id)));
        // Matches, then unmatched, each in input order.
        const inputOrder = input.applicants.map((a) => a.id);
        expect(result.matches.map((m) => m.applicant)).toEqual(inputOrder.filter((id) => positionsOf(result).has(id)));
        expect(result.unmatched).toEqual(inputOrder.filter((id) => !positionsOf(result).has(id)));
        for (const { applicant, position } of result.matches) {
          expect(applicantRank(input, applicant, position)).toBeGreaterThanOrEqual(0);
          expect(positionRank(input, position, applicant)).toBeGreaterThanOrEqual(0);
        }
        for (const position of input.positions) {
          expect(holdersOf(result.matches, position.id).length).toBeLessThanOrEqual(position.seats);
        }
        expect(findBlockingPairs(input, result.matches)).toEqual([]);
        expect(match(input)).toEqual(result);
      }),
      { numRuns: 300 },
    );
  });

  it("explains every better choice with a reason that holds in the input", () => {
    fc.assert(
      fc.property(anyMarket, (input) => {
        const result = match(input);
        const placed = positionsOf(result);
        const explanations = explainPlacements(input, result);
        expect(explanations.map((e) => e.applicant)).toEqual(input.applicants.map((a) => a.id));
        explanations.forEach(({ applicant, position, missedChoices }, i) => {
          const { ranking } = input.applicants[i]!;
          expect(position).toBe(placed.get(applicant) ?? null);
          const better = position === null ? ranking : ranking.slice(0, ranking.indexOf(position));
          expect(missedChoices.map((c) => c.position)).toEqual(better);
          for (const choice of missedChoices) {
            const { position: missed } = choice;
            const rank = positionRank(input, missed, applicant);
            if (rank < 0) {
              expect(choice).toEqual({ position: missed, reason: "not-ranked-by-position" });
              continue;
            }
            // Full, and every seat held by someone the position ranked higher.
            const holders = holdersOf(result.matches, missed).sort(
              (x, y) => positionRank(input, missed, x) - positionRank(input, missed, y),
            );
            expect(choice).toEqual({ position: missed, reason: "filled-by-higher-ranked", holders });
            expect(holders.length).toBe(input.positions.find((p) => p.id === missed)!.seats);
            for (const holder of holders) expect(positionRank(input, missed, holder)).toBeLessThan(rank);
          }
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe("against every stable matching, enumerated by brute force on small markets", () => {
  it("applicant-proposing is best and position-proposing worst for every applicant", () => {
    let marketsWithSeveralStableMatchings = 0;
    fc.assert(
      fc.property(smallMarket, (input) => {
        const stable = allStableMatchings(input);
        if (stable.length > 1) marketsWithSeveralStableMatchings++;
        const applicantOptimal = positionsOf(matchApplicantProposing(input));
        const hostOptimal = positionsOf(matchPositionProposing(input));
        for (const matching of stable) {
          const placement = new Map(matching.map((m) => [m.applicant, m.position]));
          for (const { id } of input.applicants) {
            const rankIn = (positions: Map<string, string>) => applicantRank(input, id, positions.get(id));
            expect(rankIn(applicantOptimal)).toBeLessThanOrEqual(rankIn(placement));
            expect(rankIn(hostOptimal)).toBeGreaterThanOrEqual(rankIn(placement));
          }
        }
      }),
      { numRuns: 1000 },
    );
    // Otherwise the comparison above would be vacuous.
    expect(marketsWithSeveralStableMatchings).toBeGreaterThan(10);
  });

  it("position-proposing is best and applicant-proposing worst for every position", () => {
    // With responsive preferences, a position placed differently by two stable matchings prefers
    // every applicant of the one it likes better to every applicant only the other gives it
    // (Roth & Sotomayor 1990, ch. 5), and it fills as many seats in both (the "rural hospitals"
    // theorem, Roth 1986). So the position-optimal matching gives each position applicants it
    // ranks above any that another stable matching would give it instead.
    const prefersAll = (input: MatchingInput, position: string, better: string[], worse: string[]) =>
      better.every((b) => worse.every((w) => positionRank(input, position, b) < positionRank(input, position, w)));
    const except = (applicants: string[], left: string[]) => applicants.filter((a) => !left.includes(a));
    fc.assert(
      fc.property(smallMarket, (input) => {
        const hostOptimal = matchPositionProposing(input).matches;
        const applicantOptimal = matchApplicantProposing(input).matches;
        for (const matching of allStableMatchings(input)) {
          for (const { id } of input.positions) {
            const held = holdersOf(matching, id);
            const best = holdersOf(hostOptimal, id);
            const worst = holdersOf(applicantOptimal, id);
            expect([best.length, worst.length]).toEqual([held.length, held.length]);
            expect(prefersAll(input, id, best, except(held, best))).toBe(true);
            expect(prefersAll(input, id, held, except(worst, held))).toBe(true);
          }
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe("matchApplicantProposing", () => {
  it("does not depend on the order applicants and positions are listed in", () => {
    const reordered = (input: MatchingInput) =>
      fc.record({
        applicants: fc.shuffledSubarray(input.applicants, { minLength: input.applicants.length }),
        positions: fc.shuffledSubarray(input.positions, { minLength: input.positions.length }),
      });
    fc.assert(
      fc.property(
        anyMarket.chain((input) => fc.tuple(fc.constant(input), reordered(input))),
        ([input, shuffled]) => {
          expect(positionsOf(matchApplicantProposing(shuffled))).toEqual(positionsOf(matchApplicantProposing(input)));
        },
      ),
    );
  });

  it("matches like the marriage market where each seat is a position of its own (Gale & Shapley 1962)", () => {
    // Gale & Shapley reduce college admissions to marriage: a college with q places becomes q
    // copies with its ranking, which students rank consecutively where they ranked the college.
    const seatOf = (position: string, seat: number) => JSON.stringify([position, seat]);
    fc.assert(
      fc.property(anyMarket, (input) => {
        const seatsOf = new Map(input.positions.map((p) => [p.id, p.seats]));
        const seatMarket: MatchingInput = {
          applicants: input.applicants.map(({ id, ranking }) => ({
            id,
            ranking: ranking.flatMap((p) => Array.from({ length: seatsOf.get(p)! }, (_, seat) => seatOf(p, seat))),
          })),
          positions: input.positions.flatMap(({ id, seats, ranking }) =>
            Array.from({ length: seats }, (_, seat) => ({ id: seatOf(id, seat), seats: 1, ranking })),
          ),
        };
        const bySeat = matchApplicantProposing(seatMarket);
        const byPosition = {
          matches: bySeat.matches.map(({ applicant, position }) => ({
            applicant,
            position: (JSON.parse(position) as [string, number])[0],
          })),
          unmatched: bySeat.unmatched,
        };
        expect(matchApplicantProposing(input)).toEqual(byPosition);
      }),
    );
  });
});

describe("compareMatchings", () => {
  it("lists exactly the applicants whose placement differs", () => {
    fc.assert(
      fc.property(anyMarket, (input) => {
        const first = matchApplicantProposing(input);
        const second = matchPositionProposing(input);
        const differences = compareMatchings(first, second);
        expect(compareMatchings(first, first)).toEqual([]);
        const before = positionsOf(first);
        const after = positionsOf(second);
        expect(differences.map((d) => d.applicant).sort()).toEqual(
          input.applicants
            .map((a) => a.id)
            .filter((id) => before.get(id) !== after.get(id))
            .sort(),
        );
        for (const { applicant, first: was, second: is } of differences) {
          expect([was, is]).toEqual([before.get(applicant) ?? null, after.get(applicant) ?? null]);
        }
      }),
    );
  });
});
