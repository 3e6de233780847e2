import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstStep, searchByCrossings, weightedMedian, type CrossingTarget, type LeverValues } from '../../src/engine/lever-crossing.js';
import { searchLevers, type LeverEvaluation } from '../../src/engine/lever.js';
import { loadScenario } from '../../src/scenario/load.js';
import { runScenario } from '../../src/engine/run.js';

const lever = { param: 0, key: 'ruralToUrban', label: 'rural→urban migration rate', unit: 'per year', assumed: 0.02, lo: 0, hi: 0.2 };

/**
 * n synthetic lever draws: draw i's quantity at shift Δ is a_i + b_i·Δ + q·Δ² (b_i > 0 and
 * q ≥ 0 over Δ ≥ −0.02: rising), with its exact crossing of `value` by the quadratic formula.
 */
function synthetic(n: number, q: number, seed = 1) {
  let s = seed;
  const rnd = () => ((s = (s * 16807) % 2147483647) / 2147483647);
  const a = Float64Array.from({ length: n }, () => 0.5 + 0.05 * rnd());
  const b = Float64Array.from({ length: n }, () => 1 + rnd());
  const at = (i: number, d: number) => a[i] + b[i] * d + q * d * d;
  // the root of q·Δ² + b·Δ + (a − value) in its cancellation-free form (q = 0 included)
  const crossing = (i: number, value: number) => (2 * (value - a[i])) / (b[i] + Math.sqrt(b[i] * b[i] - 4 * q * (a[i] - value)));
  const values = (d: number): LeverValues => ({ values: Float64Array.from({ length: n }, (_, i) => at(i, d)), n, failed: 0 });
  return { a, b, at, crossing, values };
}

describe('weightedMedian', () => {
  it('is the smallest value with at least half the weight at or below it, ignoring NaN', () => {
    expect(weightedMedian(Float64Array.of(3, 1, 2), null)).toBe(2);
    expect(weightedMedian(Float64Array.of(3, 1, NaN, 2, 4), null)).toBe(2);
    expect(weightedMedian(Float64Array.of(1, 2, 3), Float64Array.of(0.1, 0.1, 0.8))).toBe(3);
    expect(weightedMedian(Float64Array.of(-Infinity, 5, Infinity), null)).toBe(5);
    expect(weightedMedian(Float64Array.of(NaN), null)).toBeNaN();
  });
});

describe('firstStep', () => {
  it('moves a curved response by the gap (secant steps on it), or takes the tangent step without one', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.5, max: 3, noNaN: true }), fc.double({ min: -20, max: 20, noNaN: true }), fc.double({ min: 0.001, max: 0.05, noNaN: true }), (b, q, gap) => {
        // Arrange: a response b·Δ + q·Δ², rising over the Δ that matter (its top, if any, well above the gap)
        fc.pre(q >= 0 || b * b > -8 * q * gap);
        const response = (d: number) => 0.6 + b * d + q * d * d;
        // Act
        const d = firstStep(gap, b, response, 1e-9);
        // Assert: it moves the response by the gap; the tangent step alone is gap / b
        expect(Math.abs(response(d) - response(0) - gap)).toBeLessThanOrEqual(1e-9 * gap);
        expect(firstStep(gap, b, undefined, 1e-9)).toBe(gap / b);
      }),
    );
  });

  it('falls back to its last finite estimate where the path is infeasible', () => {
    // Arrange: infeasible beyond Δ = 0.01
    const response = (d: number) => (d > 0.01 ? NaN : 2 * d + 30 * d * d);
    // Act, Assert: Newton's step 0.02 is infeasible, so it is returned (the search then evaluates the draws there)
    expect(firstStep(0.04, 2, response, 1e-9)).toBe(0.02);
  });
});

describe('searchByCrossings', () => {
  it('finds the median of the draws’ own crossings to within the tolerance, in a few evaluations', async () => {
    await fc.assert(
      fc.asyncProperty(fc.double({ min: 0, max: 5, noNaN: true }), fc.double({ min: 0.52, max: 0.56, noNaN: true }), fc.integer({ min: 1, max: 1e6 }), async (q, value, seed) => {
        // Arrange
        const n = 400;
        const s = synthetic(n, q, seed);
        const target: CrossingTarget = { comparator: '>=', value, slope: 1.5 };
        let evaluations = 0;
        // Act
        const [r] = await searchByCrossings(lever, [target], s.values(0), null, async (delta) => (evaluations++, s.values(delta)));
        // Assert: the exact answer is the median of the exact crossings
        const exact = weightedMedian(Float64Array.from({ length: n }, (_, i) => s.crossing(i, value)), null);
        expect(r).not.toBeNull();
        expect(r!.status).toBe('found');
        expect(Math.abs(r!.needed! - (lever.assumed + exact))).toBeLessThanOrEqual(5e-3 * Math.max(lever.assumed, r!.needed!));
        expect(evaluations).toBeLessThanOrEqual(4);
      }),
      { numRuns: 40 },
    );
  });

  it('settles in one or two evaluations when the median path bends as the draws do', async () => {
    await fc.assert(
      fc.asyncProperty(fc.double({ min: 0, max: 5, noNaN: true }), fc.double({ min: 0.52, max: 0.56, noNaN: true }), fc.integer({ min: 1, max: 1e6 }), async (q, value, seed) => {
        // Arrange: the median path, a + b·Δ + q·Δ² at the draws' median a and b
        const n = 400;
        const s = synthetic(n, q, seed);
        const [a, b] = [weightedMedian(s.a, null), weightedMedian(s.b, null)];
        const target: CrossingTarget = { comparator: '>=', value, slope: b, response: (d) => a + b * d + q * d * d };
        let evaluations = 0;
        // Act
        const [r] = await searchByCrossings(lever, [target], s.values(0), null, async (delta) => (evaluations++, s.values(delta)));
        // Assert
        const exact = weightedMedian(Float64Array.from({ length: n }, (_, i) => s.crossing(i, value)), null);
        expect(Math.abs(r!.needed! - (lever.assumed + exact))).toBeLessThanOrEqual(5e-3 * Math.max(lever.assumed, r!.needed!));
        expect(evaluations).toBeLessThanOrEqual(2);
      }),
      { numRuns: 40 },
    );
  });

  it('agrees with the probing search of lever.ts on the same draws within the tolerance', async () => {
    // Arrange
    const n = 2000;
    const s = synthetic(n, 2, 7);
    const value = 0.55;
    const counts = (delta: number): LeverEvaluation => {
      const v = s.values(delta).values;
      let met = 0;
      for (const x of v) if (x >= value) met++;
      return { met: Float64Array.of(met), n, failed: 0 };
    };
    // Act
    const [probed] = await searchLevers(lever, 1, async (delta) => counts(delta));
    const [crossed] = await searchByCrossings(lever, [{ comparator: '>=', value, slope: 1.5 }], s.values(0), null, async (d) => s.values(d));
    // Assert
    expect(Math.abs(crossed!.needed! - probed.needed!)).toBeLessThanOrEqual(5e-3 * probed.needed!);
  });

  it('weights the draws: the weighted median of their crossings', async () => {
    // Arrange: draws 0 … 99 cross at 0.01·(i + 1); all weight on draws ≥ 80
    const n = 100;
    const values = (d: number): LeverValues => ({ values: Float64Array.from({ length: n }, (_, i) => d - 0.01 * (i + 1)), n, failed: 0 });
    const w = Float64Array.from({ length: n }, (_, i) => (i >= 80 ? 1 : 0));
    // Act
    const [r] = await searchByCrossings({ ...lever, assumed: 0.5, lo: -1, hi: 2 }, [{ comparator: '>=', value: 0, slope: 1 }], values(0), w, async (d) => values(d));
    // Assert: the weighted median crossing is draw 89's, 0.90
    expect(r!.needed! - 0.5).toBeCloseTo(0.9, 10);
  });

  it('answers a falling target (≤ with a rising quantity) too', async () => {
    const s = synthetic(500, 1, 3);
    const [r] = await searchByCrossings(lever, [{ comparator: '<=', value: 0.54, slope: 1.5 }], s.values(0), null, async (d) => s.values(d));
    const exact = weightedMedian(Float64Array.from({ length: 500 }, (_, i) => s.crossing(i, 0.54)), null);
    expect(Math.abs(r!.needed! - (lever.assumed + exact))).toBeLessThanOrEqual(5e-3 * r!.needed!);
  });

  it('leaves to the probing search (null) a two-sided target, an unknown slope, infeasible draws and a crossing outside the bracket', async () => {
    const s = synthetic(200, 0, 5);
    const ev = async (d: number) => s.values(d);
    const cases: [CrossingTarget, (d: number, need: readonly number[]) => Promise<LeverValues>][] = [
      [{ comparator: '~', value: 0.55, slope: 1.5 }, ev],
      [{ comparator: '>=', value: 0.55, slope: 0 }, ev],
      [{ comparator: '>=', value: 0.55, slope: NaN }, ev],
      [{ comparator: '>=', value: 0.55, slope: 1.5 }, async (d) => ({ ...s.values(d), failed: 1 })],
      // needs Δ ≈ 0.5, beyond the bracket's end 0.2 − 0.02
      [{ comparator: '>=', value: 1.3, slope: 1.5 }, ev],
    ];
    for (const [target, evaluate] of cases) {
      const [r] = await searchByCrossings(lever, [target], s.values(0), null, evaluate);
      expect(r, JSON.stringify(target)).toBeNull();
    }
  });
});

describe('runScenario: the crossings search against the probing search', () => {
  it.each(['scenarios/heze.yml', 'scenarios/jining.yml'])('%s: every need within 1 % of its level of the probing search’s', async (file) => {
    // Arrange
    const loaded = await loadScenario(file);
    const o = { draws: 2000, workers: 1, progress: false, sensitivity: false } as const;
    // Act
    const probes = await runScenario(loaded, { ...o, leverSearch: 'probes' });
    const crossings = await runScenario(loaded, { ...o, leverSearch: 'crossings' });
    // Assert
    let found = 0;
    probes.targets.forEach((p, k) => {
      const c = crossings.targets[k];
      expect(c.lever?.status).toBe(p.lever?.status);
      if (p.lever?.needed == null) return;
      found++;
      expect(Math.abs(c.lever!.needed! - p.lever.needed) / Math.max(Math.abs(p.lever.assumed), Math.abs(p.lever.needed))).toBeLessThan(0.01);
      // everything else is the same run
      expect(c.pMet).toBe(p.pMet);
    });
    expect(found).toBeGreaterThan(0);
  });
});
