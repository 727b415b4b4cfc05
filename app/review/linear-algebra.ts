/**
 * Dense linear algebra for the small symmetric positive definite systems of the calibration
 * (one unknown per reviewer and topic, plus the overall level): a few hundred at most, so plain
 * elimination with partial pivoting is exact enough and needs no library.
 */

/** M⁻¹ by Gauss–Jordan elimination with partial pivoting (M symmetric positive definite, small). */
export function invert(matrix: Float64Array, size: number): { inverse: Float64Array; logDeterminant: number } {
  const m = Float64Array.from(matrix);
  const inv = new Float64Array(size * size);
  for (let i = 0; i < size; i++) inv[i * size + i] = 1;
  let logDeterminant = 0;
  for (let col = 0; col < size; col++) {
    let pivot = col;
    for (let row = col + 1; row < size; row++)
      if (Math.abs(m[row * size + col]!) > Math.abs(m[pivot * size + col]!)) pivot = row;
    if (pivot !== col)
      for (let k = 0; k < size; k++) {
        [m[col * size + k], m[pivot * size + k]] = [m[pivot * size + k]!, m[col * size + k]!];
        [inv[col * size + k], inv[pivot * size + k]] = [inv[pivot * size + k]!, inv[col * size + k]!];
      }
    const diagonal = m[col * size + col]! || 1e-12;
    logDeterminant += Math.log(Math.abs(diagonal));
    for (let k = 0; k < size; k++) {
      m[col * size + k]! /= diagonal;
      inv[col * size + k]! /= diagonal;
    }
    for (let row = 0; row < size; row++) {
      if (row === col) continue;
      const factor = m[row * size + col]!;
      if (factor === 0) continue;
      for (let k = 0; k < size; k++) {
        m[row * size + k]! -= factor * m[col * size + k]!;
        inv[row * size + k]! -= factor * inv[col * size + k]!;
      }
    }
  }
  return { inverse: inv, logDeterminant };
}

/** Gaussian elimination with partial pivoting; the matrix is symmetric positive definite here. */
export function solveLinear(matrix: Float64Array, rhs: Float64Array, size: number): Float64Array {
  const m = Float64Array.from(matrix);
  const b = Float64Array.from(rhs);
  for (let col = 0; col < size; col++) {
    let pivot = col;
    for (let row = col + 1; row < size; row++)
      if (Math.abs(m[row * size + col]!) > Math.abs(m[pivot * size + col]!)) pivot = row;
    if (pivot !== col) {
      for (let k = 0; k < size; k++)
        [m[col * size + k], m[pivot * size + k]] = [m[pivot * size + k]!, m[col * size + k]!];
      [b[col], b[pivot]] = [b[pivot]!, b[col]!];
    }
    const diagonal = m[col * size + col]! || 1e-12;
    for (let row = col + 1; row < size; row++) {
      const factor = m[row * size + col]! / diagonal;
      if (factor === 0) continue;
      for (let k = col; k < size; k++) m[row * size + k]! -= factor * m[col * size + k]!;
      b[row]! -= factor * b[col]!;
    }
  }
  const x = new Float64Array(size);
  for (let row = size - 1; row >= 0; row--) {
    let total = b[row]!;
    for (let k = row + 1; k < size; k++) total -= m[row * size + k]! * x[k]!;
    x[row] = total / (m[row * size + row]! || 1e-12);
  }
  return x;
}
