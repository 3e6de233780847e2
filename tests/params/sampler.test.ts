import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileParams, type CompiledParams } from '../../src/params/compile.js';
import { cholesky, sampleInputs, type SamplingPlan } from '../../src/params/sampler.js';

const params: CompiledParams = compileParams(
  [
    { key: 'a', label: 'a', unit: '', domain: [0, 1], spec: { dist: 'uniform', min: 0, max: 1 } },
    { key: 'b', label: 'b', unit: '', domain: [-10, 10], spec: { value: { dist: 'triangular', min: -1, mode: 0, max: 2 }, change: { dist: 'uniform', min: -0.1, max: 0.1 } } },
  ],
  2020,
  10,
);

function draw(plan: SamplingPlan, i: number): { u: Float64Array; x: Float64Array } {
  const u = new Float64Array(params.inputs.length);
  const x = new Float64Array(params.inputs.length);
  sampleInputs(params, plan, i, u, x);
  return { u, x };
}

describe('sampleInputs', () => {
  it('with LHS, hits every stratum of every input exactly once', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.nat(), (n, seed) => {
        const plan: SamplingPlan = { seed, draws: n, lhs: true, cholesky: null };
        return params.inputs.every((_, j) => {
          const strata = new Set<number>();
          for (let i = 0; i < n; i++) strata.add(Math.floor(draw(plan, i).u[j] * n));
          return strata.size === n;
        });
      }),
      { numRuns: 40 },
    );
  });

  it("gives draw i the same inputs whatever the batch split and order", () => {
    fc.assert(
      fc.property(fc.nat(), fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 6 }), fc.boolean(), (seed, sizes, lhs) => {
        const n = sizes.reduce((a, b) => a + b, 0);
        const plan: SamplingPlan = { seed, draws: n, lhs, cholesky: null };
        const inOrder = Array.from({ length: n }, (_, i) => Array.from(draw(plan, i).x));
        // batches run backwards, each batch's draws in reverse
        let start = n;
        const split: number[][] = new Array(n);
        for (const size of sizes) {
          start -= size;
          for (let i = start + size - 1; i >= start; i--) split[i] = Array.from(draw(plan, i).x);
        }
        return JSON.stringify(split) === JSON.stringify(inOrder);
      }),
      { numRuns: 40 },
    );
  });

  it('keeps every value in its distribution’s support', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat({ max: 1e6 }), (seed, i) => {
        const { x } = draw({ seed, draws: 1000, lhs: false, cholesky: null }, i);
        return x[0] > 0 && x[0] < 1 && x[1] >= -1 && x[1] <= 2 && x[2] >= -0.1 && x[2] <= 0.1;
      }),
    );
  });

  it('depends on the seed', () => {
    expect(draw({ seed: 1, draws: 10, lhs: false, cholesky: null }, 3).u).not.toEqual(draw({ seed: 2, draws: 10, lhs: false, cholesky: null }, 3).u);
  });

  it('induces the stated normal-score correlation through the copula', () => {
    const n = 4000;
    const rho = 0.6;
    const L = cholesky(Float64Array.from([1, rho, 0, rho, 1, 0, 0, 0, 1]), 3)!;
    const plan: SamplingPlan = { seed: 5, draws: n, lhs: false, cholesky: L };
    const us = Array.from({ length: n }, (_, i) => Array.from(draw(plan, i).u));
    // Spearman correlation of u0, u1 (the uniforms are their own ranks, up to scale)
    const m = (k: number) => us.reduce((s, u) => s + u[k], 0) / n;
    const [m0, m1] = [m(0), m(1)];
    const cov = us.reduce((s, u) => s + (u[0] - m0) * (u[1] - m1), 0) / n;
    const sd = (k: number, mk: number) => Math.sqrt(us.reduce((s, u) => s + (u[k] - mk) ** 2, 0) / n);
    const spearman = cov / (sd(0, m0) * sd(1, m1));
    // (6/π)·asin(ρ/2) = 0.5821; standard error ≈ (1 − ρ²)/√n ≈ 0.01
    expect(spearman).toBeGreaterThan((6 / Math.PI) * Math.asin(rho / 2) - 0.05);
    expect(spearman).toBeLessThan((6 / Math.PI) * Math.asin(rho / 2) + 0.05);
  });
});

describe('cholesky', () => {
  it('factors a positive-definite matrix: L·Lᵀ = A', () => {
    const a = Float64Array.from([4, 2, 0.4, 2, 2, 0.5, 0.4, 0.5, 1]);
    const L = cholesky(a, 3)!;
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        let s = 0;
        for (let k = 0; k < 3; k++) s += L[i * 3 + k] * L[j * 3 + k];
        expect(s).toBeCloseTo(a[i * 3 + j], 12);
      }
    }
  });

  it('returns null for a matrix that is not positive definite', () => {
    expect(cholesky(Float64Array.from([1, 0.9, -0.9, 0.9, 1, 0.9, -0.9, 0.9, 1]), 3)).toBeNull();
  });
});
