import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CompiledLever } from '../../src/engine/compile.js';
import { leverDirections, searchLevers, type LeverEvaluation } from '../../src/engine/lever.js';

const lever: Omit<CompiledLever, 'targets'> = { param: 0, key: 'ruralToUrban', label: 'rural→urban rate', unit: 'per year', assumed: 0.021, lo: 0, hi: 0.3 };

/**
 * A synthetic lever: draw i meets target k when assumed + Δ ≥ c_k + θ_i, with thresholds θ_i
 * spread evenly over ±0.005 (so P(met) crosses 0.5 exactly at level c_k), or the reverse for
 * decreasing targets. Infeasible when the level exceeds `feasibleUpTo`.
 */
function synthetic(cs: { c: number; increasing: boolean }[], n = 2000, feasibleUpTo = Infinity) {
  const theta = Array.from({ length: n }, (_, i) => ((i + 0.5) / n - 0.5) * 0.01);
  let calls = 0;
  const evaluate = async (delta: number): Promise<LeverEvaluation> => {
    calls++;
    const level = lever.assumed + delta;
    if (level > feasibleUpTo) return { met: new Float64Array(cs.length), n, failed: 1 };
    const met = Float64Array.from(cs, ({ c, increasing }) => theta.filter((t) => (increasing ? level >= c + t : level <= c + t)).length);
    return { met, n, failed: 0 };
  };
  return { evaluate, calls: () => calls };
}

describe('searchLevers', () => {
  it('finds the level at which P(met) = 0.5 for each target, sharing evaluations', async () => {
    const targets = [
      { c: 0.025, increasing: true },
      { c: 0.0329, increasing: true },
      { c: 0.011, increasing: true },
      { c: 0.015, increasing: false },
    ];
    const s = synthetic(targets);

    const results = await searchLevers(lever, targets.length, s.evaluate);

    results.forEach((r, k) => {
      expect(r.status).toBe('found');
      expect(r.bracketed).toBe(true);
      expect(Math.abs(r.needed! - targets[k].c)).toBeLessThan(1e-4);
      expect(r).toMatchObject({ param: 'ruralToUrban', assumed: 0.021, draws: 2000 });
    });
    expect(s.calls()).toBeLessThan(60);
  });

  it('reads only the counts it asks for: narrowing asks for one target, and garbage elsewhere changes nothing', async () => {
    // Arrange: the same synthetic lever, once honest and once with every target not asked for counted as met by all
    const targets = [
      { c: 0.025, increasing: true },
      { c: 0.0329, increasing: true },
      { c: 0.015, increasing: false },
    ];
    const honest = synthetic(targets);
    const asked: (readonly number[] | undefined)[] = [];
    const sloppy = async (delta: number, only?: readonly number[]): Promise<LeverEvaluation> => {
      asked.push(only);
      const e = await honest.evaluate(delta);
      return only === undefined ? e : { ...e, met: Float64Array.from(e.met, (m, k) => (only.includes(k) ? m : e.n)) };
    };
    // Act
    const expected = await searchLevers(lever, targets.length, synthetic(targets).evaluate);
    const got = await searchLevers(lever, targets.length, sloppy);
    // Assert
    expect(got).toEqual(expected);
    expect(asked.some((x) => x === undefined)).toBe(true);
    expect(asked.filter((x) => x !== undefined).every((x) => x!.length === 1)).toBe(true);
    expect(new Set(asked.filter((x) => x !== undefined).map((x) => x![0]))).toEqual(new Set([0, 1, 2]));
  });

  it('finds any crossing inside the bracket', async () => {
    await fc.assert(
      fc.asyncProperty(fc.double({ min: 0.006, max: 0.29, noNaN: true }), fc.boolean(), async (c, increasing) => {
        const [r] = await searchLevers(lever, 1, synthetic([{ c, increasing }], 400).evaluate);
        return r.status === 'found' && Math.abs(r.needed! - c) < 0.0002;
      }),
      { numRuns: 30 },
    );
  });

  it('says when P(met) stays above or below 0.5 across the whole bracket', async () => {
    const results = await searchLevers(lever, 2, synthetic([{ c: -1, increasing: true }, { c: 5, increasing: true }]).evaluate);
    expect(results.map((r) => [r.status, r.needed, r.bracketed])).toEqual([
      ['above', null, false],
      ['below', null, false],
    ]);
    expect(results[0].bracket).toEqual([0, 0.3]);
  });

  it('pulls an infeasible end in to the last feasible level', async () => {
    const [r] = await searchLevers(lever, 1, synthetic([{ c: 5, increasing: true }], 200, 0.1).evaluate);
    expect(r.status).toBe('below');
    expect(r.bracket[0]).toBe(0);
    expect(r.bracket[1]).toBeLessThanOrEqual(0.1);
    expect(r.bracket[1]).toBeGreaterThan(0.099);
  });

  it('probes only the side a known direction points to', async () => {
    const s = synthetic([{ c: 0.03, increasing: true }]);
    const probed: number[] = [];
    const [r] = await searchLevers(lever, 1, (d) => (probed.push(d), s.evaluate(d)), { directions: [1] });
    expect(r.status).toBe('found');
    expect(probed.every((d) => d >= 0)).toBe(true);
  });
});

describe('leverDirections', () => {
  it('combines the median path’s slope with the comparator', () => {
    const targets = ['>=', '<', '~', '>'].map((comparator) => ({ comparator }));
    expect(leverDirections(targets, Float64Array.of(2, 2, 2, 1), Float64Array.of(1, 1, 1, 1))).toEqual([1, -1, 0, 0]);
  });
});
