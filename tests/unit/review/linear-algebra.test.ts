import { describe, expect, it } from "vitest";
import { invert, solveLinear } from "~/review/linear-algebra";

// A symmetric positive definite system whose first pivot is not the largest, so pivoting is exercised.
const M = Float64Array.from([1, 2, 0, 2, 5, 1, 0, 1, 3]);
const size = 3;

function multiply(a: Float64Array, x: Float64Array): number[] {
  return Array.from({ length: size }, (_, row) =>
    Array.from({ length: size }, (_, k) => a[row * size + k]! * x[k]!).reduce((sum, value) => sum + value, 0),
  );
}

describe("linear algebra of the calibration", () => {
  it("solves M x = b", () => {
    const x = solveLinear(M, Float64Array.from([3, 9, 7]), size);
    multiply(M, x).forEach((value, i) => expect(value).toBeCloseTo([3, 9, 7][i]!, 12));
    expect(Array.from(x).map((v) => Number(v.toFixed(9)))).toEqual([1, 1, 2]);
  });

  it("inverts M and reports log |M|", () => {
    const { inverse, logDeterminant } = invert(M, size);
    for (let column = 0; column < size; column++) {
      const unit = Float64Array.from({ length: size }, (_, i) => inverse[i * size + column]!);
      multiply(M, unit).forEach((value, row) => expect(value).toBeCloseTo(row === column ? 1 : 0, 12));
    }
    // det M = 1·(15 − 1) − 2·(6 − 0) = 2
    expect(logDeterminant).toBeCloseTo(Math.log(2), 12);
  });

  it("leaves its inputs untouched", () => {
    const copy = Float64Array.from(M);
    solveLinear(M, Float64Array.from([1, 1, 1]), size);
    invert(M, size);
    expect(M).toEqual(copy);
  });
});
