/**
 * A fast Beta(a, b) quantile for one shape used many times (a PERT input drawn in every draw):
 * at compile time, the quantiles on a grid of u (the reference {@link betaQuantile}) and their
 * slopes dx/du = 1/density; per call, a cubic Hermite interpolation of that table as the start and
 * {@link betaRefine}'s scaled stopping rule — usually one Halley step, one CDF evaluation. The two
 * outer cells (u < 1/N or u > 1 − 1/N, where the slope is unbounded) use the reference algorithm.
 *
 * Flat layout of a table (`BETA_TABLE_SIZE` numbers): [a, b, lnorm, integer (1: a and b are
 * integers, the CDF a finite sum), x_1, s_1, x_2, s_2, …, x_{N−1}, s_{N−1}] with x_k the quantile
 * of u = k/N and s_k = (1/N)/density(x_k).
 *
 * @module
 */
import { BETA_INT_MAX, betaDensity, betaLogNorm, betaQuantileNorm, betaRefine } from './beta.js';

/** Grid cells over u. */
const N = 64;
/** Numbers in one table. */
export const BETA_TABLE_SIZE = 4 + 2 * (N - 1);
/** Stopping rule of the refinement (see {@link betaRefine}): error after the last step below ~1e-18. */
const SCALED_TOL = 1e-6;

/** v rounded to an integer if it is within 4 ulps of one (a PERT's 1 + λ(mode − min)/w often is), else v. */
function nearInteger(v: number): number {
  const r = Math.round(v);
  return Math.abs(v - r) <= 4 * Number.EPSILON * v ? r : v;
}

/**
 * Writes the table of Beta(a, b) (a, b > 0) into `out` from `at`. Shapes within 4 ulps of integers
 * are taken as those integers (the quantile moves by about 1e-15: rounding), for the finite CDF.
 *
 * @example
 * const t = new Float64Array(BETA_TABLE_SIZE);
 * betaTable(2.2, 3.8, t, 0);
 */
export function betaTable(a0: number, b0: number, out: Float64Array, at: number): void {
  const integer = Number.isInteger(nearInteger(a0)) && Number.isInteger(nearInteger(b0)) && nearInteger(a0) + nearInteger(b0) <= BETA_INT_MAX;
  const a = integer ? nearInteger(a0) : a0;
  const b = integer ? nearInteger(b0) : b0;
  const lnorm = betaLogNorm(a, b);
  out[at] = a;
  out[at + 1] = b;
  out[at + 2] = lnorm;
  out[at + 3] = integer ? 1 : 0;
  for (let k = 1; k < N; k++) {
    const x = betaQuantileNorm(k / N, a, b, lnorm);
    out[at + 2 + 2 * k] = x;
    out[at + 3 + 2 * k] = 1 / (N * betaDensity(x, a, b, lnorm));
  }
}

/**
 * The Beta quantile of p from a table written by {@link betaTable} (0 for p ≤ 0, 1 for p ≥ 1, as
 * {@link betaQuantile}): agrees with {@link betaQuantile} to about 1e-15.
 *
 * @example
 * const t = new Float64Array(BETA_TABLE_SIZE);
 * betaTable(2, 3, t, 0);
 * betaTableQuantile(t, 0, 0.3); // ≈ betaQuantile(0.3, 2, 3)
 */
export function betaTableQuantile(t: Float64Array, at: number, p: number): number {
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  const a = t[at];
  const b = t[at + 1];
  const lnorm = t[at + 2];
  const g = p * N;
  const k = Math.floor(g);
  if (k < 1 || k >= N - 1) return betaQuantileNorm(p, a, b, lnorm);
  const s = g - k;
  const s2 = s * s;
  const s3 = s2 * s;
  const i = at + 2 + 2 * k;
  // cubic Hermite basis on the cell [k/N, (k+1)/N]; slopes already scaled by the cell width
  let x = (2 * s3 - 3 * s2 + 1) * t[i] + (s3 - 2 * s2 + s) * t[i + 1] + (3 * s2 - 2 * s3) * t[i + 2] + (s3 - s2) * t[i + 3];
  if (!(x > 0 && x < 1)) x = 0.5 * (t[i] + t[i + 2]);
  return betaRefine(p, a, b, lnorm, x, SCALED_TOL, t[at + 3] === 1);
}
