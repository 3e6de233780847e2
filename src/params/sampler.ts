/**
 * Draws the uncertain inputs of draw i. The numbers depend only on (seed, i, input name)
 * — and, with Latin-hypercube sampling, on the number of draws, which fixes the strata.
 *
 * Correlation uses a Gaussian copula: independent uniforms → normal scores → multiplied by the
 * Cholesky factor of the stated correlation matrix → back to uniforms → each input's quantile.
 * The stated ρ is the normal-score (Pearson) correlation; the resulting Spearman rank
 * correlation is (6/π)·asin(ρ/2).
 *
 * {@link sampleInputs} is the reference algorithm (the dense copula over every input, the
 * reference Beta quantile); the draws run the compiled sampler of `sampler-plan.ts`
 * (`sampleDraw`), which agrees with it to rounding and is tested against it.
 *
 * @module
 */
import { quantile } from '../random/distributions.js';
import { normalCdf, normalQuantile } from '../random/normal.js';
import { permute } from '../random/permutation.js';
import { uniform } from '../random/philox.js';
import type { CompiledParams } from './compile.js';

/** Sampling options, plain data (sent to workers). */
export interface SamplingPlan {
  seed: number;
  draws: number;
  /** Latin-hypercube stratification of every input over the `draws` draws. */
  lhs: boolean;
  /** Lower-triangular Cholesky factor (row-major, n×n over the inputs), or null for independence. */
  cholesky: Float64Array | null;
}

/**
 * Fills `u` with draw i's uniforms (after stratification and copula) and `x` with the inputs'
 * values. Both have one slot per uncertain input.
 *
 * @example
 * const u = new Float64Array(c.inputs.length), x = new Float64Array(c.inputs.length);
 * sampleInputs(c, plan, 17, u, x);
 */
export function sampleInputs(c: CompiledParams, plan: SamplingPlan, i: number, u: Float64Array, x: Float64Array): void {
  const n = c.inputs.length;
  for (let j = 0; j < n; j++) {
    const s = c.inputs[j].stream;
    const v = uniform(plan.seed, i, s, 0);
    u[j] = plan.lhs ? (permute(i, plan.draws, plan.seed, s) + v) / plan.draws : v;
  }
  const L = plan.cholesky;
  if (L !== null) {
    // z = Φ⁻¹(u) in place (x as scratch), then u = Φ(L z).
    for (let j = 0; j < n; j++) x[j] = normalQuantile(u[j]);
    for (let r = n - 1; r >= 0; r--) {
      let z = 0;
      for (let k = 0; k <= r; k++) z += L[r * n + k] * x[k];
      u[r] = Math.min(1 - 1e-16, Math.max(1e-16, normalCdf(z)));
    }
  }
  for (let j = 0; j < n; j++) x[j] = quantile(c.inputs[j].dist, u[j]);
}

/**
 * Cholesky factor of a symmetric positive-definite matrix (row-major), or null if it is not
 * positive definite.
 *
 * @example
 * cholesky(Float64Array.from([1, 0.5, 0.5, 1]), 2); // [1, 0, 0.5, 0.866…]
 */
export function cholesky(a: Float64Array, n: number): Float64Array | null {
  const L = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * n + j];
      for (let k = 0; k < j; k++) s -= L[i * n + k] * L[j * n + k];
      if (i === j) {
        if (!(s > 1e-12)) return null;
        L[i * n + i] = Math.sqrt(s);
      } else L[i * n + j] = s / L[j * n + j];
    }
  }
  return L;
}
