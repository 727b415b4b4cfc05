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

export interface Factorization {
  /** M⁻¹ (full, symmetric). */
  inverse: Float64Array;
  logDeterminant: number;
  solve(rhs: Float64Array): Float64Array;
}

/**
 * M = LLᵀ (Cholesky) for a symmetric positive definite M: the solution, the inverse and log|M| from
 * one factor, about a quarter of the work of {@link invert} plus {@link solveLinear} (the calibration
 * solves one such system per EM iteration, and at 200 reviewers that work is most of a refit). Falls
 * back to elimination with pivoting when rounding leaves M not numerically positive definite.
 */
export function factorize(matrix: Float64Array, size: number): Factorization {
  const l = cholesky(matrix, size);
  if (!l) {
    const { inverse, logDeterminant } = invert(matrix, size);
    return { inverse, logDeterminant, solve: (rhs) => solveLinear(matrix, rhs, size) };
  }
  let logDeterminant = 0;
  for (let i = 0; i < size; i++) logDeterminant += 2 * Math.log(l[i * size + i]!);
  // L⁻¹ (lower triangular), then M⁻¹ = L⁻ᵀL⁻¹, of which only the lower half is computed.
  const li = new Float64Array(size * size);
  for (let j = 0; j < size; j++) {
    li[j * size + j] = 1 / l[j * size + j]!;
    for (let i = j + 1; i < size; i++) {
      let total = 0;
      for (let k = j; k < i; k++) total += l[i * size + k]! * li[k * size + j]!;
      li[i * size + j] = -total / l[i * size + i]!;
    }
  }
  const inverse = new Float64Array(size * size);
  for (let i = 0; i < size; i++)
    for (let j = 0; j <= i; j++) {
      let total = 0;
      for (let k = i; k < size; k++) total += li[k * size + i]! * li[k * size + j]!;
      inverse[i * size + j] = total;
      inverse[j * size + i] = total;
    }
  const solve = (rhs: Float64Array) => {
    const y = new Float64Array(size);
    for (let i = 0; i < size; i++) {
      let total = rhs[i]!;
      for (let k = 0; k < i; k++) total -= l[i * size + k]! * y[k]!;
      y[i] = total / l[i * size + i]!;
    }
    const x = new Float64Array(size);
    for (let i = size - 1; i >= 0; i--) {
      let total = y[i]!;
      for (let k = i + 1; k < size; k++) total -= l[k * size + i]! * x[k]!;
      x[i] = total / l[i * size + i]!;
    }
    return x;
  };
  return { inverse, logDeterminant, solve };
}

/** The lower-triangular L with LLᵀ = M, or null when a pivot is not positive. */
function cholesky(matrix: Float64Array, size: number): Float64Array | null {
  const l = new Float64Array(size * size);
  for (let i = 0; i < size; i++)
    for (let j = 0; j <= i; j++) {
      let total = matrix[i * size + j]!;
      for (let k = 0; k < j; k++) total -= l[i * size + k]! * l[j * size + k]!;
      if (i === j) {
        if (!(total > 0)) return null;
        l[i * size + i] = Math.sqrt(total);
      } else l[i * size + j] = total / l[j * size + j]!;
    }
  return l;
}
