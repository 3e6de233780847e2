import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileParams, evaluatePaths, medianInputs } from '../../src/params/compile.js';
import { sampleInputs } from '../../src/params/sampler.js';
import { ParamObjectSchema } from '../../src/params/schema.js';
import { correlationFactor } from '../../src/engine/correlations.js';

const decl = (spec: object, domain: [number, number] = [0, 1]) => ({ key: 'rho', label: 'rho', unit: '', domain, spec: ParamObjectSchema.parse(spec) });

describe('walk: a random walk or AR(1) on a path', () => {
  it('adds one innovation per projected year after the first, named by year', () => {
    const c = compileParams([decl({ value: 0.02, walk: { sd: 0.1, scale: 'log' } })], 2020, 4);

    expect(c.inputs.map((i) => i.name)).toEqual(['rho.walk.2022', 'rho.walk.2023', 'rho.walk.2024']);
    expect(c.inputs.every((i) => i.dist.dist === 'normal')).toBe(true);
  });

  it('follows the central path at the median draw', () => {
    const c = compileParams([decl({ value: 0.02, change: -0.001, walk: { sd: 0.1 } })], 2020, 4);
    const out = new Float64Array(4);

    evaluatePaths(c, medianInputs(c), out);

    expect(Array.from(out).map((x) => Number(x.toFixed(12)))).toEqual([0.02, 0.019, 0.018, 0.017]);
  });

  it('accumulates innovations (random walk), reverts with ar < 1, multiplies on the log scale', () => {
    const eps = Float64Array.from([0.01, -0.02, 0.005]);
    const run = (walk: object) => {
      const c = compileParams([decl({ value: 0.1, walk })], 2020, 4);
      const out = new Float64Array(4);
      evaluatePaths(c, eps, out);
      return Array.from(out).map((x) => Number(x.toFixed(12)));
    };

    expect(run({ sd: 0.01 })).toEqual([0.1, 0.11, 0.09, 0.095]);
    expect(run({ sd: 0.01, ar: 0.5 })).toEqual([0.1, 0.11, 0.085, 0.0975]);
    expect(run({ sd: 0.01, scale: 'log' })).toEqual([0.1, 0.1 * Math.exp(0.01), 0.1 * Math.exp(-0.01), 0.1 * Math.exp(-0.005)].map((x) => Number(x.toFixed(12))));
  });

  it('starts from an uncertain level with initial', () => {
    const c = compileParams([decl({ value: 0.1, walk: { sd: 0.01, initial: 0.5, scale: 'log' } })], 2020, 3);
    const out = new Float64Array(3);

    evaluatePaths(c, Float64Array.from([0.2, 0.01, -0.02]), out);

    expect(c.inputs.map((i) => i.name)).toEqual(['rho.walk.2021', 'rho.walk.2022', 'rho.walk.2023']);
    expect(Array.from(out).map((x) => Number(x.toFixed(12)))).toEqual([0.2, 0.21, 0.19].map((z) => Number((0.1 * Math.exp(z)).toFixed(12))));
  });

  it('moves (path + offset) on the log scale', () => {
    const c = compileParams([decl({ value: 0.001, walk: { sd: 0.1, scale: 'log', offset: 0.005 } }, [-1, 1])], 2020, 2);
    const out = new Float64Array(2);

    evaluatePaths(c, Float64Array.from([-1]), out);

    expect(out[1]).toBeCloseTo(0.006 * Math.exp(-1) - 0.005, 15);
  });

  it('keeps every path inside the domain (property)', () => {
    const c = compileParams([decl({ value: 0.02, walk: { sd: 0.05 } }, [0, 0.05])], 2020, 15);
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 14, maxLength: 14 }), (e) => {
        const out = new Float64Array(15);
        evaluatePaths(c, Float64Array.from(e), out);
        expect(out.every((x) => x >= 0 && x <= 0.05)).toBe(true);
      }),
    );
  });

  it("draws innovations that depend only on seed, draw and name (not on the other parameters)", () => {
    const alone = compileParams([decl({ value: 0.02, walk: { sd: 0.1 } })], 2020, 6);
    const withOther = compileParams([{ ...decl({ value: { dist: 'uniform', min: 0, max: 0.1 } }), key: 'other' }, decl({ value: 0.02, walk: { sd: 0.1 } })], 2020, 6);
    const plan = { seed: 7, draws: 100, lhs: false, cholesky: null };
    const draw = (c: typeof alone, i: number) => {
      const u = new Float64Array(c.inputs.length);
      const x = new Float64Array(c.inputs.length);
      sampleInputs(c, plan, i, u, x);
      return Array.from(x.slice(c.inputs.length - 5));
    };

    expect(draw(withOther, 17)).toEqual(draw(alone, 17));
    expect(draw(alone, 17)).not.toEqual(draw(alone, 18));
  });

  it('labels each year\'s shift', async () => {
    const { inputLabel } = await import('../../src/engine/summarize.js');
    const c = compileParams([decl({ value: 0.02, walk: { sd: 0.1 } })], 2020, 3);

    expect(inputLabel({ inputs: c.inputs, params: c } as never, 1)).toBe('rho: random shift in 2023');
  });

  it('refuses walk with byYear', () => {
    expect(ParamObjectSchema.safeParse({ byYear: { 2022: 1 }, walk: { sd: 0.1 } }).success).toBe(false);
  });

  it('correlates two walks year by year', () => {
    const names = ['a.walk.2022', 'a.walk.2023', 'b.walk.2022', 'b.walk.2023'];

    const L = correlationFactor(names, [{ between: ['a.walk', 'b.walk'], rho: 0.6 }])!;

    // L·Lᵀ = the matrix: a.walk.2022 with b.walk.2022 is 0.6, across years 0
    const at = (i: number, j: number) => Array.from({ length: 4 }, (_, k) => L[i * 4 + k] * L[j * 4 + k]).reduce((s, v) => s + v, 0);
    expect(at(0, 2)).toBeCloseTo(0.6, 12);
    expect(at(1, 3)).toBeCloseTo(0.6, 12);
    expect(at(0, 3)).toBeCloseTo(0, 12);
    expect(() => correlationFactor(names.slice(0, 3), [{ between: ['a.walk', 'b.walk'], rho: 0.6 }])).toThrow(/same number of yearly innovations/);
  });
});
