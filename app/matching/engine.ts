/**
 * Host matching: fellows (applicants) are placed in host positions by deferred acceptance with
 * capacities (Gale & Shapley 1962; the residency match of Roth & Peranson 1999). A pair is only
 * ever matched when each side ranked the other. Pure and deterministic: same input, same output,
 * with applicants listed in input order.
 */

export interface MatchingApplicant {
  id: string;
  ranking: string[];
}

export interface MatchingPosition {
  id: string;
  seats: number;
  ranking: string[];
}

export interface MatchingInput {
  applicants: MatchingApplicant[];
  positions: MatchingPosition[];
}

export interface Match {
  applicant: string;
  position: string;
}

export interface MatchingResult {
  matches: Match[];
  unmatched: string[];
}

/** Why an applicant is not at a position they ranked above the one they got. */
export type MissedChoice =
  | { position: string; reason: "not-ranked-by-position" }
  | { position: string; reason: "filled-by-higher-ranked"; holders: string[] }
  // The position ranked the applicant and had room, or holds someone it ranked lower: the pair blocks,
  // so the matching is not stable. Never produced for the output of the algorithms here.
  | { position: string; reason: "unstable" };

export interface PlacementExplanation {
  applicant: string;
  position: string | null;
  missedChoices: MissedChoice[];
}

export interface PlacementDifference {
  applicant: string;
  first: string | null;
  second: string | null;
}

// ---------------------------------------------------------------------------------------------
// Deferred acceptance. Inputs are assumed valid (see validateMatchingInput). Ids become integer
// indexes and rank lists flat typed arrays, so the proposal loop does no string work and no search.

/** Every rank list of one side in flat arrays: entry k of list i is at slot start[i] + k. */
interface RankLists {
  start: Int32Array;
  target: Int32Array;
}

function indexIds(entries: readonly { id: string }[]): Map<string, number> {
  const indexOf = new Map<string, number>();
  entries.forEach(({ id }, i) => indexOf.set(id, i));
  return indexOf;
}

function toRankLists(
  rankers: readonly { ranking: readonly string[] }[],
  indexOf: ReadonlyMap<string, number>,
): RankLists {
  const start = new Int32Array(rankers.length + 1);
  rankers.forEach(({ ranking }, i) => (start[i + 1] = start[i]! + ranking.length));
  const target = new Int32Array(start[rankers.length]!);
  let slot = 0;
  for (const { ranking } of rankers) {
    for (const id of ranking) {
      const index = indexOf.get(id);
      if (index === undefined) throw new Error(`Unknown id "${id}" in a ranking; run validateMatchingInput first`);
      target[slot++] = index;
    }
  }
  return { start, target };
}

/**
 * For every entry of `lists` (owner ranks target), the rank that target gives the owner in
 * `counterLists`, or -1 when it did not rank them: precomputed once so proposals are O(1).
 */
function counterRanks(lists: RankLists, counterLists: RankLists): Int32Array {
  // Group the counter side's entries by whom they rank (a counting sort), so that each owner's
  // list is then filled in order from a small table of the ranks given to that owner.
  const ownerCount = lists.start.length - 1;
  const rankerCount = counterLists.start.length - 1;
  const groupStart = new Int32Array(ownerCount + 1);
  for (const owner of counterLists.target) groupStart[owner + 1]! += 1;
  for (let o = 0; o < ownerCount; o++) groupStart[o + 1]! += groupStart[o]!;
  const groupEnd = groupStart.slice(0, ownerCount);
  const rankers = new Int32Array(counterLists.target.length);
  const ranksGiven = new Int32Array(counterLists.target.length);
  for (let ranker = 0; ranker < rankerCount; ranker++) {
    const first = counterLists.start[ranker]!;
    for (let entry = first; entry < counterLists.start[ranker + 1]!; entry++) {
      const g = groupEnd[counterLists.target[entry]!]!++;
      rankers[g] = ranker;
      ranksGiven[g] = entry - first;
    }
  }

  const ranks = new Int32Array(lists.target.length);
  const rankFrom = new Int32Array(rankerCount).fill(-1);
  for (let o = 0; o < ownerCount; o++) {
    for (let g = groupStart[o]!; g < groupEnd[o]!; g++) rankFrom[rankers[g]!] = ranksGiven[g]!;
    for (let slot = lists.start[o]!; slot < lists.start[o + 1]!; slot++) ranks[slot] = rankFrom[lists.target[slot]!]!;
    for (let g = groupStart[o]!; g < groupEnd[o]!; g++) rankFrom[rankers[g]!] = -1;
  }
  return ranks;
}

interface Market {
  applicants: RankLists;
  positions: RankLists;
  /** Seats a position can actually fill: never more than the applicants it ranked. */
  capacity: Int32Array;
}

function indexMarket(input: MatchingInput): Market {
  return {
    applicants: toRankLists(input.applicants, indexIds(input.positions)),
    positions: toRankLists(input.positions, indexIds(input.applicants)),
    capacity: Int32Array.from(input.positions, (p) => Math.max(0, Math.min(p.seats, p.ranking.length))),
  };
}

function toResult(input: MatchingInput, positionOf: Int32Array): MatchingResult {
  const matches: Match[] = [];
  const unmatched: string[] = [];
  input.applicants.forEach(({ id }, a) => {
    const p = positionOf[a]!;
    if (p < 0) unmatched.push(id);
    else matches.push({ applicant: id, position: input.positions[p]!.id });
  });
  return { matches, unmatched };
}

/**
 * Applicants propose down their lists; each position holds the best `seats` proposals so far. The
 * result is the applicant-optimal stable matching (Gale & Shapley 1962, Theorem 2), the one the
 * residency match uses: no applicant can do better by misreporting their ranking (Roth 1982).
 */
export function matchApplicantProposing(input: MatchingInput): MatchingResult {
  const market = indexMarket(input);
  const { start, target } = market.applicants;
  const applicantCount = input.applicants.length;
  const rankAtPosition = counterRanks(market.applicants, market.positions);

  // Each position keeps the ranks it gave its held applicants in a max-heap, in its own region of
  // one shared array: the worst held is at the top, ready to be displaced, for any number of seats.
  const heapBase = new Int32Array(input.positions.length + 1);
  market.capacity.forEach((seats, p) => (heapBase[p + 1] = heapBase[p]! + seats));
  const heap = new Int32Array(heapBase[input.positions.length]!);
  const heldCount = new Int32Array(input.positions.length);

  const nextSlot = start.slice(0, applicantCount);
  // Free applicants wait on a stack; the matching found does not depend on the order they propose in.
  const free = Int32Array.from({ length: applicantCount }, (_, i) => i);
  let freeCount = applicantCount;
  while (freeCount > 0) {
    const applicant = free[--freeCount]!;
    const end = start[applicant + 1]!;
    let slot = nextSlot[applicant]!;
    for (; slot < end; slot++) {
      const position = target[slot]!;
      const rank = rankAtPosition[slot]!;
      const seats = market.capacity[position]!;
      if (rank < 0 || seats === 0) continue;
      const base = heapBase[position]!;
      const held = heldCount[position]!;
      if (held < seats) {
        heapPush(heap, base, held, rank);
        heldCount[position] = held + 1;
        break;
      }
      const worstRank = heap[base]!;
      if (rank < worstRank) {
        heapReplaceTop(heap, base, held, rank);
        free[freeCount++] = market.positions.target[market.positions.start[position]! + worstRank]!;
        break;
      }
    }
    // Past the position now holding them; an applicant who ran out of choices never returns.
    nextSlot[applicant] = slot + 1;
  }

  const positionOf = new Int32Array(applicantCount).fill(-1);
  for (let p = 0; p < input.positions.length; p++) {
    for (let h = heapBase[p]!; h < heapBase[p]! + heldCount[p]!; h++) {
      positionOf[market.positions.target[market.positions.start[p]! + heap[h]!]!] = p;
    }
  }
  return toResult(input, positionOf);
}

/** Adds a rank to the max-heap heap[base .. base + size). */
function heapPush(heap: Int32Array, base: number, size: number, rank: number): void {
  let child = size;
  while (child > 0) {
    const parent = (child - 1) >> 1;
    const parentRank = heap[base + parent]!;
    if (parentRank >= rank) break;
    heap[base + child] = parentRank;
    child = parent;
  }
  heap[base + child] = rank;
}

/** Replaces the largest rank of the max-heap heap[base .. base + size) and restores the heap order. */
function heapReplaceTop(heap: Int32Array, base: number, size: number, rank: number): void {
  let parent = 0;
  for (;;) {
    let child = 2 * parent + 1;
    if (child >= size) break;
    if (child + 1 < size && heap[base + child + 1]! > heap[base + child]!) child++;
    if (heap[base + child]! <= rank) break;
    heap[base + parent] = heap[base + child]!;
    parent = child;
  }
  heap[base + parent] = rank;
}

/**
 * Positions propose down their lists to fill their seats; each applicant holds the best offer so
 * far. The result is the host-optimal stable matching, which is also the worst stable matching for
 * every applicant (Roth & Sotomayor 1990, chapter 5).
 */
export function matchPositionProposing(input: MatchingInput): MatchingResult {
  const market = indexMarket(input);
  const { start, target } = market.positions;
  const positionCount = input.positions.length;
  const rankAtApplicant = counterRanks(market.positions, market.applicants);

  const positionOf = new Int32Array(input.applicants.length).fill(-1);
  const rankOfHeld = new Int32Array(input.applicants.length);
  const filled = new Int32Array(positionCount);
  const nextSlot = start.slice(0, positionCount);
  // Positions with a free seat and applicants left to ask wait on a stack, each at most once.
  const waiting = Int32Array.from({ length: positionCount }, (_, i) => i);
  const isWaiting = new Uint8Array(positionCount).fill(1);
  let waitingCount = positionCount;
  while (waitingCount > 0) {
    const position = waiting[--waitingCount]!;
    isWaiting[position] = 0;
    const end = start[position + 1]!;
    let slot = nextSlot[position]!;
    for (; slot < end && filled[position]! < market.capacity[position]!; slot++) {
      const applicant = target[slot]!;
      const rank = rankAtApplicant[slot]!;
      const current = positionOf[applicant]!;
      if (rank < 0 || (current >= 0 && rankOfHeld[applicant]! <= rank)) continue;
      if (current >= 0) {
        filled[current] = filled[current]! - 1;
        if (!isWaiting[current]) {
          isWaiting[current] = 1;
          waiting[waitingCount++] = current;
        }
      }
      positionOf[applicant] = position;
      rankOfHeld[applicant] = rank;
      filled[position] = filled[position]! + 1;
    }
    nextSlot[position] = slot;
  }
  return toResult(input, positionOf);
}

// ---------------------------------------------------------------------------------------------
// Checks and explanations. They work from the input and the listed matches alone, with plain maps,
// so that they judge the algorithms rather than share their mistakes.

function rankByPosition(input: MatchingInput): Map<string, Map<string, number>> {
  // Plain loops: a pair array per ranked applicant (200,000 at 10,000 applicants) was a third of
  // the match command's time, in allocation and garbage collection.
  const ranks = new Map<string, Map<string, number>>();
  for (const { id, ranking } of input.positions) {
    const rankOf = new Map<string, number>();
    for (let rank = 0; rank < ranking.length; rank++) rankOf.set(ranking[rank]!, rank);
    ranks.set(id, rankOf);
  }
  return ranks;
}

function occupantsByPosition(matches: readonly Match[]): Map<string, string[]> {
  const occupants = new Map<string, string[]>();
  for (const { applicant, position } of matches) {
    const list = occupants.get(position);
    if (list) list.push(applicant);
    else occupants.set(position, [applicant]);
  }
  return occupants;
}

/**
 * Pairs (a, p) that would rather be together: each ranked the other, a is unmatched or ranked p
 * above its position, and p has a free seat or holds someone it ranked below a. A matching with
 * none is stable. Listed by applicant in input order, then by the applicant's ranking.
 */
export function findBlockingPairs(input: MatchingInput, matches: readonly Match[]): Match[] {
  const positionOf = new Map(matches.map((m) => [m.applicant, m.position]));
  const ranks = rankByPosition(input);
  const seats = new Map(input.positions.map((p) => [p.id, p.seats]));
  const occupants = occupantsByPosition(matches);
  // Only a position's least-preferred occupant matters; someone it did not rank counts as worst of all.
  const worstHeldRank = new Map(
    [...occupants].map(([position, held]) => [
      position,
      held.reduce((worst, a) => Math.max(worst, ranks.get(position)?.get(a) ?? Infinity), -1),
    ]),
  );
  const blocking: Match[] = [];
  for (const { id: applicant, ranking } of input.applicants) {
    const current = positionOf.get(applicant);
    for (const position of ranking) {
      if (position === current) break;
      const rank = ranks.get(position)?.get(applicant);
      if (rank === undefined) continue;
      const hasFreeSeat = (occupants.get(position)?.length ?? 0) < (seats.get(position) ?? 0);
      if (hasFreeSeat || rank < (worstHeldRank.get(position) ?? -1)) blocking.push({ applicant, position });
    }
  }
  return blocking;
}

/**
 * For each applicant (input order), where they were placed and, for every position they ranked
 * above it, why they are not there.
 */
export function explainPlacements(input: MatchingInput, result: MatchingResult): PlacementExplanation[] {
  const positionOf = new Map(result.matches.map((m) => [m.applicant, m.position]));
  const ranks = rankByPosition(input);
  const seats = new Map(input.positions.map((p) => [p.id, p.seats]));
  const occupants = occupantsByPosition(result.matches);

  function whyNot(applicant: string, position: string): MissedChoice {
    const rankOf = ranks.get(position);
    const rank = rankOf?.get(applicant);
    if (rankOf === undefined || rank === undefined) return { position, reason: "not-ranked-by-position" };
    const held = occupants.get(position) ?? [];
    const preferred = held.filter((other) => (rankOf.get(other) ?? Infinity) < rank);
    const isFull = held.length >= (seats.get(position) ?? 0);
    if (!isFull || preferred.length < held.length) return { position, reason: "unstable" };
    const holders = preferred.sort((x, y) => rankOf.get(x)! - rankOf.get(y)!);
    return { position, reason: "filled-by-higher-ranked", holders };
  }

  return input.applicants.map(({ id: applicant, ranking }) => {
    const position = positionOf.get(applicant) ?? null;
    const placedAt = position === null ? -1 : ranking.indexOf(position);
    const preferred = placedAt < 0 ? ranking : ranking.slice(0, placedAt);
    return { applicant, position, missedChoices: preferred.map((p) => whyNot(applicant, p)) };
  });
}

/**
 * Applicants placed differently by two matchings of the same input (e.g. applicant- versus
 * host-proposing), with their position in each (null: unmatched). Listed in order of first mention
 * in `first` (matches, then unmatched), then in `second`.
 */
export function compareMatchings(first: MatchingResult, second: MatchingResult): PlacementDifference[] {
  const placementIn = (result: MatchingResult) =>
    new Map<string, string | null>([
      ...result.matches.map((m): [string, string] => [m.applicant, m.position]),
      ...result.unmatched.map((a): [string, null] => [a, null]),
    ]);
  const inFirst = placementIn(first);
  const inSecond = placementIn(second);
  const applicants = new Set([...inFirst.keys(), ...inSecond.keys()]);
  return [...applicants].flatMap((applicant) => {
    const difference = { applicant, first: inFirst.get(applicant) ?? null, second: inSecond.get(applicant) ?? null };
    return difference.first === difference.second ? [] : [difference];
  });
}
