/**
 * The Gaussian copula of the sampler, over the correlated inputs only and the non-zero entries of
 * the Cholesky factor L only. The stated correlations are usually few and sparse (Heze: 58 of 69
 * inputs, 98 non-zero entries of 2,415), and an uncorrelated input's copula is a round trip
 * u → Φ(Φ⁻¹(u)) that only rounds u.
 *
 * What it keeps from the full copula (`sampleInputs`): an input whose row of L has an off-diagonal
 * entry (a *mixed* row) gets Φ(Σ L·z) summed over the same entries in the same order — the skipped
 * terms are 0·z = ±0, and y + ±0 = y for every partial sum y the loop can reach (+0 included) — so
 * its uniform has the same bits. What it changes, by rounding only: every other input keeps its
 * uniform as drawn, instead of Φ(Φ⁻¹(u)).
 *
 * @module
 */
import { normalCdf, normalQuantile } from '../random/normal.js';

/** The copula over the correlated inputs (flat, structured-cloneable). */
export interface CopulaSubset {
  /** Inputs whose normal score z = Φ⁻¹(u) a mixed row reads or which have a mixed row, ascending (m). */
  corr: Int32Array;
  /** Positions (in `corr`) of the mixed rows. */
  mixed: Int32Array;
  /** Mixed row q's non-zero entries are `rowStart[q] … rowStart[q+1] − 1`. */
  rowStart: Int32Array;
  /** Column of each entry, as a position in `corr`, ascending within a row. */
  col: Int32Array;
  /** Value of each entry. */
  val: Float64Array;
  /** Per input: its position in `corr` when its uniform is kept (then z is exactly Φ⁻¹(u)), else −1. */
  scoreAt: Int32Array;
}

/** Whether L (n×n, row-major) has an off-diagonal entry in row j or a diagonal other than 1. */
function isMixed(L: Float64Array, n: number, j: number): boolean {
  if (L[j * n + j] !== 1) return true;
  for (let k = 0; k < j; k++) if (L[j * n + k] !== 0) return true;
  return false;
}

/**
 * The copula of a Cholesky factor L (n×n, row-major, lower-triangular), or of none (null).
 *
 * @example
 * const c = copulaSubset(Float64Array.from([1, 0, 0, 0, 1, 0, 0, 0.5, Math.sqrt(0.75)]), 3);
 * [...c.corr]; // [1, 2]: input 0 is not correlated
 * [...c.mixed]; // [1]: input 2's uniform is recomputed, input 1's is kept
 */
export function copulaSubset(L: Float64Array | null, n: number): CopulaSubset {
  const mixedRow = Array.from({ length: n }, (_, j) => L !== null && isMixed(L, n, j));
  const read = Array.from({ length: n }, (_, k) => mixedRow.some((m, j) => m && L![j * n + k] !== 0));
  const on = mixedRow.flatMap((m, j) => (m || read[j] ? [j] : []));
  const mixed: number[] = [];
  const rowStart = [0];
  const col: number[] = [];
  const val: number[] = [];
  const scoreAt = new Int32Array(n).fill(-1);
  on.forEach((j, r) => {
    if (!mixedRow[j]) {
      scoreAt[j] = r;
      return;
    }
    mixed.push(r);
    on.forEach((k, c) => {
      const v = L![j * n + k];
      if (c <= r && v !== 0) {
        col.push(c);
        val.push(v);
      }
    });
    rowStart.push(col.length);
  });
  return { corr: Int32Array.from(on), mixed: Int32Array.from(mixed), rowStart: Int32Array.from(rowStart), col: Int32Array.from(col), val: Float64Array.from(val), scoreAt };
}

/**
 * Applies the copula to a draw's uniforms `u` in place; `z` (one slot per entry of `corr`) is
 * left holding the normal scores Φ⁻¹(u) of the uniforms as drawn.
 *
 * @example
 * const c = copulaSubset(unit.sampling.cholesky, unit.inputs.length);
 * applyCopula(c, u, new Float64Array(c.corr.length));
 */
export function applyCopula(c: CopulaSubset, u: Float64Array, z: Float64Array): void {
  const { corr, mixed, rowStart, col, val } = c;
  for (let k = 0; k < corr.length; k++) z[k] = normalQuantile(u[corr[k]]);
  for (let q = 0; q < mixed.length; q++) {
    let y = 0;
    for (let e = rowStart[q], end = rowStart[q + 1]; e < end; e++) y += val[e] * z[col[e]];
    u[corr[mixed[q]]] = Math.min(1 - 1e-16, Math.max(1e-16, normalCdf(y)));
  }
}
