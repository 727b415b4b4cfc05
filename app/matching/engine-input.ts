import type { MatchingInput } from "./engine";

// A matching market that arrives as untrusted JSON (the `npm run match` file), checked before the engine sees it.

export type MatchingInputValidation = { ok: true; input: MatchingInput } | { ok: false; error: string };

class InvalidMatchingInput extends Error {}

function fail(message: string): never {
  throw new InvalidMatchingInput(message);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Checks untrusted data (parsed JSON) and returns a clean copy, or the first problem found. */
export function validateMatchingInput(value: unknown): MatchingInputValidation {
  try {
    return { ok: true, input: parseMatchingInput(value) };
  } catch (error) {
    if (error instanceof InvalidMatchingInput) return { ok: false, error: error.message };
    throw error;
  }
}

// Every id is declared once, for both sides: applicant i as i, position j as -(j + 1). Where an
// entry is (`applicants[3]`) is written only into a message: building those strings for every
// entry, and a Set per ranking, were a fifth of `npm run match` at 10,000 applicants.
const whereOf = (code: number) => (code >= 0 ? `applicants[${code}]` : `positions[${-code - 1}]`);

function parseMatchingInput(value: unknown): MatchingInput {
  if (!isRecord(value)) fail("the input is not a JSON object");
  const applicants = recordsAt(value, "applicants");
  const positions = recordsAt(value, "positions");
  // One namespace for both sides: an id must say unambiguously who it is.
  const declared = new Map<string, number>();
  const applicantIds = applicants.map((entry, i) => declareId(entry, i, declared));
  const positionIds = positions.map((entry, j) => declareId(entry, -(j + 1), declared));
  // seenBy[target] is the last ranker that named it: a repeat within one ranking is a duplicate.
  const positionsSeenBy = new Int32Array(positions.length).fill(-1);
  const applicantsSeenBy = new Int32Array(applicants.length).fill(-1);
  return {
    applicants: applicants.map((entry, i) => ({
      id: applicantIds[i]!,
      ranking: parseRanking(entry, i, "position", declared, positionsSeenBy),
    })),
    positions: positions.map((entry, j) => ({
      id: positionIds[j]!,
      seats: parseSeats(entry.seats, `positions[${j}].seats`),
      ranking: parseRanking(entry, -(j + 1), "applicant", declared, applicantsSeenBy),
    })),
  };
}

function recordsAt(input: Record<string, unknown>, key: string): Record<string, unknown>[] {
  const list = input[key];
  if (!Array.isArray(list)) fail(`"${key}" is missing or not an array`);
  return list.map((entry: unknown, i) => (isRecord(entry) ? entry : fail(`${key}[${i}] is not an object`)));
}

function declareId(entry: Record<string, unknown>, code: number, declared: Map<string, number>): string {
  const { id } = entry;
  if (typeof id !== "string" || id === "") fail(`${whereOf(code)}.id is not a non-empty string`);
  const earlier = declared.get(id);
  if (earlier !== undefined) fail(`${whereOf(code)}.id "${id}" is already the id of ${whereOf(earlier)}`);
  declared.set(id, code);
  return id;
}

function parseRanking(
  entry: Record<string, unknown>,
  owner: number,
  side: "applicant" | "position",
  declared: ReadonlyMap<string, number>,
  seenBy: Int32Array,
): string[] {
  const { ranking } = entry;
  const where = () => whereOf(owner);
  if (!Array.isArray(ranking)) fail(`${where()}.ranking is missing or not an array`);
  const ownerIndex = owner >= 0 ? owner : -owner - 1;
  const ids = new Array<string>(ranking.length);
  for (let k = 0; k < ranking.length; k++) {
    const id: unknown = ranking[k];
    if (typeof id !== "string") fail(`${where()}.ranking[${k}] is not an id string`);
    const code = declared.get(id);
    const index = code === undefined ? -1 : side === "applicant" ? code : -code - 1;
    if (index < 0) {
      // An id from the wrong side is a likelier slip than a typo, so point at it.
      fail(
        code === undefined
          ? `${where()}.ranking names unknown ${side} "${id}"`
          : `${where()}.ranking names "${id}", which is ${whereOf(code)}, not a ${side}`,
      );
    }
    if (seenBy[index] === ownerIndex) fail(`${where()}.ranking names "${id}" twice`);
    seenBy[index] = ownerIndex;
    ids[k] = id;
  }
  return ids;
}

function parseSeats(seats: unknown, where: string): number {
  if (typeof seats !== "number") fail(`${where} is not a number`);
  if (seats < 0) fail(`${where} is negative (${seats})`);
  if (!Number.isInteger(seats)) fail(`${where} is not a whole number (${seats})`);
  return seats;
}
