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

function parseMatchingInput(value: unknown): MatchingInput {
  if (!isRecord(value)) fail("the input is not a JSON object");
  const applicants = recordsAt(value, "applicants");
  const positions = recordsAt(value, "positions");
  // One namespace for both sides: an id must say unambiguously who it is.
  const declaredAt = new Map<string, string>();
  const applicantIds = applicants.map((entry, i) => declareId(entry, `applicants[${i}]`, declaredAt));
  const positionIds = positions.map((entry, i) => declareId(entry, `positions[${i}]`, declaredAt));
  const positionSide = { side: "position", ids: new Set(positionIds) } as const;
  const applicantSide = { side: "applicant", ids: new Set(applicantIds) } as const;
  return {
    applicants: applicants.map((entry, i) => ({
      id: applicantIds[i]!,
      ranking: parseRanking(entry, `applicants[${i}]`, positionSide, declaredAt),
    })),
    positions: positions.map((entry, i) => ({
      id: positionIds[i]!,
      seats: parseSeats(entry.seats, `positions[${i}].seats`),
      ranking: parseRanking(entry, `positions[${i}]`, applicantSide, declaredAt),
    })),
  };
}

function recordsAt(input: Record<string, unknown>, key: string): Record<string, unknown>[] {
  const list = input[key];
  if (!Array.isArray(list)) fail(`"${key}" is missing or not an array`);
  return list.map((entry: unknown, i) => (isRecord(entry) ? entry : fail(`${key}[${i}] is not an object`)));
}

function declareId(entry: Record<string, unknown>, where: string, declaredAt: Map<string, string>): string {
  const { id } = entry;
  if (typeof id !== "string" || id === "") fail(`${where}.id is not a non-empty string`);
  const earlier = declaredAt.get(id);
  if (earlier !== undefined) fail(`${where}.id "${id}" is already the id of ${earlier}`);
  declaredAt.set(id, where);
  return id;
}

function parseRanking(
  entry: Record<string, unknown>,
  where: string,
  expected: { side: "applicant" | "position"; ids: ReadonlySet<string> },
  declaredAt: ReadonlyMap<string, string>,
): string[] {
  const { ranking } = entry;
  if (!Array.isArray(ranking)) fail(`${where}.ranking is missing or not an array`);
  const seen = new Set<string>();
  return ranking.map((id: unknown, k) => {
    if (typeof id !== "string") fail(`${where}.ranking[${k}] is not an id string`);
    if (!expected.ids.has(id)) {
      // An id from the wrong side is a likelier slip than a typo, so point at it.
      const elsewhere = declaredAt.get(id);
      fail(
        elsewhere === undefined
          ? `${where}.ranking names unknown ${expected.side} "${id}"`
          : `${where}.ranking names "${id}", which is ${elsewhere}, not a ${expected.side}`,
      );
    }
    if (seen.has(id)) fail(`${where}.ranking names "${id}" twice`);
    seen.add(id);
    return id;
  });
}

function parseSeats(seats: unknown, where: string): number {
  if (typeof seats !== "number") fail(`${where} is not a number`);
  if (seats < 0) fail(`${where} is negative (${seats})`);
  if (!Number.isInteger(seats)) fail(`${where} is not a whole number (${seats})`);
  return seats;
}
