import { describe, expect, it } from "vitest";
import { validateMatchingInput } from "~/matching/engine-input";

const valid = {
  applicants: [
    { id: "a1", ranking: ["p1", "p2"] },
    { id: "a2", ranking: ["p2"] },
  ],
  positions: [
    { id: "p1", seats: 1, ranking: ["a1"] },
    { id: "p2", seats: 2, ranking: ["a2", "a1"] },
  ],
};

/** The valid input with one part replaced. */
function withChange(change: (input: typeof valid) => void): unknown {
  const input = structuredClone(valid);
  change(input);
  return input;
}

function errorOf(value: unknown): string | undefined {
  const validation = validateMatchingInput(value);
  return validation.ok ? undefined : validation.error;
}

describe("validateMatchingInput", () => {
  it("accepts a well-formed input and returns a copy without unknown fields", () => {
    const decorated = { ...valid, note: "x", applicants: valid.applicants.map((a) => ({ ...a, email: "x" })) };
    expect(validateMatchingInput(decorated)).toEqual({ ok: true, input: valid });
  });

  it("refuses what is not an object with both lists", () => {
    expect(errorOf(null)).toBe("the input is not a JSON object");
    expect(errorOf([])).toBe("the input is not a JSON object");
    expect(errorOf({ positions: [] })).toBe('"applicants" is missing or not an array');
    expect(errorOf({ applicants: [], positions: {} })).toBe('"positions" is missing or not an array');
    expect(errorOf({ applicants: [42], positions: [] })).toBe("applicants[0] is not an object");
  });

  it("refuses ids that are not non-empty strings", () => {
    expect(errorOf(withChange((input) => Object.assign(input.applicants[1]!, { id: "" })))).toBe(
      "applicants[1].id is not a non-empty string",
    );
    expect(errorOf(withChange((input) => Object.assign(input.positions[0]!, { id: 7 })))).toBe(
      "positions[0].id is not a non-empty string",
    );
  });

  it("refuses duplicate ids within a side and across sides", () => {
    expect(errorOf(withChange((input) => (input.applicants[1]!.id = "a1")))).toBe(
      'applicants[1].id "a1" is already the id of applicants[0]',
    );
    expect(errorOf(withChange((input) => (input.positions[1]!.id = "p1")))).toBe(
      'positions[1].id "p1" is already the id of positions[0]',
    );
    expect(errorOf(withChange((input) => (input.positions[0]!.id = "a2")))).toBe(
      'positions[0].id "a2" is already the id of applicants[1]',
    );
  });

  it("refuses rankings that name unknown ids or ids of the wrong side", () => {
    expect(errorOf(withChange((input) => input.positions[1]!.ranking.push("a17")))).toBe(
      'positions[1].ranking names unknown applicant "a17"',
    );
    expect(errorOf(withChange((input) => input.applicants[0]!.ranking.push("p9")))).toBe(
      'applicants[0].ranking names unknown position "p9"',
    );
    expect(errorOf(withChange((input) => input.applicants[0]!.ranking.push("a2")))).toBe(
      'applicants[0].ranking names "a2", which is applicants[1], not a position',
    );
    expect(errorOf(withChange((input) => Object.assign(input.applicants[1]!, { ranking: [3] })))).toBe(
      "applicants[1].ranking[0] is not an id string",
    );
    expect(errorOf(withChange((input) => Object.assign(input.applicants[1]!, { ranking: "p1" })))).toBe(
      "applicants[1].ranking is missing or not an array",
    );
  });

  it("refuses an id twice in one ranking", () => {
    expect(errorOf(withChange((input) => input.positions[1]!.ranking.push("a2")))).toBe(
      'positions[1].ranking names "a2" twice',
    );
  });

  it("refuses seats that are negative, fractional or not a number", () => {
    expect(errorOf(withChange((input) => (input.positions[0]!.seats = -1)))).toBe(
      "positions[0].seats is negative (-1)",
    );
    expect(errorOf(withChange((input) => (input.positions[1]!.seats = 1.5)))).toBe(
      "positions[1].seats is not a whole number (1.5)",
    );
    expect(errorOf(withChange((input) => Object.assign(input.positions[0]!, { seats: "2" })))).toBe(
      "positions[0].seats is not a number",
    );
    expect(errorOf(withChange((input) => Object.assign(input.positions[0]!, { seats: undefined })))).toBe(
      "positions[0].seats is not a number",
    );
  });
});
