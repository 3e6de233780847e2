import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileParams, type CompiledParams, type ParamDecl } from '../../src/params/compile.js';
import { compileSampler, sampleDraw } from '../../src/params/sampler-plan.js';
import { cholesky, sampleInputs, type SamplingPlan } from '../../src/params/sampler.js';
import type { Dist } from '../../src/random/distributions.js';

const dists: Dist[] = [
  { dist: 'normal', mean: 0.5, sd: 0.1 },
  { dist: 'truncnormal', mean: 0.5, sd: 0.2, min: 0.3, max: 0.9 },
  { dist: 'uniform', min: -1, max: 3 },
  { dist: 'triangular', min: 0, mode: 0.2, max: 1 },
  { dist: 'lognormal', median: 0.02, sigma: 0.3 },
  { dist: 'beta', alpha: 2.5, beta: 0.7, min: 1, max: 4 },
  { dist: 'pert', min: 0.01, mode: 0.02, max: 0.04 },
  { dist: 'pert', min: 1, mode: 2, max: 3 },
  { dist: 'pert', min: 5, mode: 5, max: 5 },
];

const decls: ParamDecl[] = [
  ...dists.map((d, k) => ({ key: `p${k}`, label: `p${k}`, unit: '', domain: [-Infinity, Infinity] as [number, number], spec: d })),
  { key: 'w', label: 'walk', unit: '', domain: [-Infinity, Infinity], spec: { value: 1, walk: { sd: 0.1 } } },
  { key: 'v', label: 'walk 2', unit: '', domain: [-Infinity, Infinity], spec: { value: 1, walk: { sd: 0.2 } } },
];
const params: CompiledParams = compileParams(decls, 2020, 6);
const n = params.inputs.length;
const index = (name: string) => params.inputs.findIndex((i) => i.name === name);

/** Correlations: two PERTs, a walk with a normal, the two walks year by year. */
function factor(): Float64Array {
  const a = new Float64Array(n * n);
  for (let j = 0; j < n; j++) a[j * n + j] = 1;
  const set = (i: number, j: number, rho: number) => {
    a[i * n + j] = rho;
    a[j * n + i] = rho;
  };
  set(index('p6.value'), index('p7.value'), 0.6);
  set(index('p0.value'), index('w.walk.2022'), -0.3);
  for (let y = 2022; y <= 2026; y++) set(index(`w.walk.${y}`), index(`v.walk.${y}`), 0.9);
  return cholesky(a, n)!;
}

const L = factor();

function both(plan: SamplingPlan, i: number) {
  const ref = { u: new Float64Array(n), x: new Float64Array(n) };
  const got = { u: new Float64Array(n), x: new Float64Array(n) };
  sampleInputs(params, plan, i, ref.u, ref.x);
  sampleDraw(compileSampler(params.inputs, plan), i, got.u, got.x);
  return { ref, got };
}

describe('sampleDraw', () => {
  it('agrees with the reference sampleInputs to rounding, for every distribution, with and without copula and LHS', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat({ max: 999 }), fc.boolean(), fc.boolean(), (seed, i, lhs, correlated) => {
        const { ref, got } = both({ seed, draws: 1000, lhs, cholesky: correlated ? L : null }, i);

        for (let j = 0; j < n; j++) {
          expect(Math.abs(got.u[j] - ref.u[j])).toBeLessThan(1e-15);
          // relative to the distribution's scale (at least 1)
          expect(Math.abs(got.x[j] - ref.x[j])).toBeLessThan(1e-14 * Math.max(1, Math.abs(ref.x[j])));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the reference’s bits for the uniforms of the inputs a correlation mixes', () => {
    const s = compileSampler(params.inputs, { seed: 3, draws: 100, lhs: false, cholesky: L });
    const mixed = Array.from(s.copula.mixed, (r) => s.copula.corr[r]);
    expect(mixed.map((j) => params.inputs[j].name)).toEqual(['p7.value', ...[2022, 2023, 2024, 2025, 2026].map((y) => `v.walk.${y}`), 'w.walk.2022'].sort((x, y) => index(x) - index(y)));
    for (let i = 0; i < 50; i++) {
      const { ref, got } = both({ seed: 3, draws: 100, lhs: false, cholesky: L }, i);
      for (const j of mixed) expect(got.u[j]).toBe(ref.u[j]);
    }
  });

  it('draws the same numbers from a structured clone of the compiled sampler (as a worker receives it)', () => {
    const s = compileSampler(params.inputs, { seed: 11, draws: 50, lhs: true, cholesky: L });
    const c = structuredClone(s);
    const a = { u: new Float64Array(n), x: new Float64Array(n) };
    const b = { u: new Float64Array(n), x: new Float64Array(n) };
    for (let i = 0; i < 50; i++) {
      sampleDraw(s, i, a.u, a.x);
      sampleDraw(c, i, b.u, b.x);
      expect(b).toEqual(a);
    }
  });

  it('draws the same bits with the JavaScript generator as with WebAssembly (URBCAST_KERNEL=js)', () => {
    const plan = { seed: 5, draws: 80, lhs: false, cholesky: L };
    const wasm = compileSampler(params.inputs, plan);
    const saved = process.env.URBCAST_KERNEL;
    process.env.URBCAST_KERNEL = 'js';
    const js = compileSampler(params.inputs, plan);
    const a = { u: new Float64Array(n), x: new Float64Array(n) };
    const b = { u: new Float64Array(n), x: new Float64Array(n) };
    try {
      sampleDraw(js, 0, b.u, b.x); // (the generator is chosen at a sampler's first draw)
    } finally {
      if (saved === undefined) delete process.env.URBCAST_KERNEL;
      else process.env.URBCAST_KERNEL = saved;
    }
    for (let i = 0; i < 80; i++) {
      sampleDraw(wasm, i, a.u, a.x);
      sampleDraw(js, i, b.u, b.x);
      expect(b).toEqual(a);
    }
  });
});
