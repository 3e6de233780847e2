import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { betaCdf, betaCdfInt, betaQuantile } from '../../src/random/beta.js';
import { BETA_TABLE_SIZE, betaTable, betaTableQuantile } from '../../src/random/beta-table.js';

function table(a: number, b: number): Float64Array {
  const t = new Float64Array(BETA_TABLE_SIZE + 3);
  betaTable(a, b, t, 3); // at an offset, as in a sampler's shared array
  return t;
}

const u = fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true });
// PERT shapes (λ = 4: 1 ≤ a, b ≤ 5, a + b = 6) and general Beta shapes
const pert = fc.double({ min: 0, max: 1, noNaN: true }).map((m): [number, number] => [1 + 4 * m, 5 - 4 * m]);
const general = fc.tuple(fc.double({ min: 0.5, max: 20, noNaN: true }), fc.double({ min: 0.5, max: 20, noNaN: true }));
const integer = fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 }));

describe('betaTableQuantile', () => {
  it.each([
    ['PERT', pert],
    ['general', general],
    ['integer', integer],
  ] as const)('agrees with the reference betaQuantile within 1e-14 (%s shapes)', (_, shapes) => {
    fc.assert(
      fc.property(shapes, fc.array(u, { minLength: 1, maxLength: 20 }), ([a, b], us) => {
        const t = table(a, b);

        const diffs = us.map((p) => Math.abs(betaTableQuantile(t, 3, p) - betaQuantile(p, a, b)));

        expect(Math.max(...diffs)).toBeLessThan(1e-14);
      }),
      { numRuns: 150 },
    );
  });

  // Near u = 1 the quantile x is computed as x, not as 1 − x, so its error there is a few tens of
  // ulps of 1 (up to 2.0e-15 in 600,000 random tail points, Beta(8.5, 0.69) at u = 1 − 1.4e-7; the
  // reference betaQuantile does the same): monotone up to 1e-14, its agreement with the reference.
  // And where 1 − x is below half an ulp of 1 (Beta(0.5, 0.5) at u = 1 − 1e-12: 1 − x ≈ 2.5e-24)
  // the nearest double is 1 itself: the support is closed in floating point.
  it('is monotone in u (up to its 1e-14 accuracy, where the quantile is flat) and stays inside the support [0, 1]', () => {
    fc.assert(
      fc.property(fc.oneof(pert, general, integer), u, fc.double({ min: 1e-10, max: 0.5, noNaN: true }), ([a, b], p, dp) => {
        const t = table(a, b);
        const q = Math.min(p + dp, 1 - 1e-12);

        const [x, y] = [betaTableQuantile(t, 3, p), betaTableQuantile(t, 3, q)];

        expect(x).toBeGreaterThanOrEqual(0);
        expect(y).toBeLessThanOrEqual(1);
        expect(y).toBeGreaterThanOrEqual(x - 1e-14);
      }),
      { numRuns: 500 },
    );
  });

  it('is strictly increasing over a fine grid of u for PERT shapes', () => {
    fc.assert(
      fc.property(pert, ([a, b]) => {
        const t = table(a, b);
        const xs = Array.from({ length: 999 }, (_, k) => betaTableQuantile(t, 3, (k + 1) / 1000));

        expect(xs.every((x, k) => k === 0 || x > xs[k - 1])).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it('gives the ends of the support at u = 0 and u = 1, as the reference does', () => {
    const t = table(2.5, 1.5);
    expect([betaTableQuantile(t, 3, 0), betaTableQuantile(t, 3, 1)]).toEqual([0, 1]);
  });

  it('inverts the CDF: I(x) = u to the CDF’s own precision', () => {
    const t = table(3, 3);
    for (const p of [0.001, 0.1, 0.37, 0.5, 0.9, 0.999]) expect(betaCdf(betaTableQuantile(t, 3, p), 3, 3)).toBeCloseTo(p, 14);
  });
});

describe('betaCdfInt', () => {
  it('agrees with the continued fraction for integer shapes', () => {
    fc.assert(
      fc.property(integer, fc.double({ min: 0, max: 1, noNaN: true }), ([a, b], x) => {
        expect(Math.abs(betaCdfInt(x, a, b) - betaCdf(x, a, b))).toBeLessThan(1e-14);
      }),
      { numRuns: 1000 },
    );
  });

  it('gives the closed forms of Beta(1, 1), Beta(3, 1) and Beta(1, 3)', () => {
    expect(betaCdfInt(0.3, 1, 1)).toBeCloseTo(0.3, 15);
    expect(betaCdfInt(0.3, 3, 1)).toBeCloseTo(0.027, 15);
    expect(betaCdfInt(0.3, 1, 3)).toBeCloseTo(1 - 0.343, 15);
  });
});

describe('betaTable', () => {
  it('takes shapes within a few ulps of integers as the integers (the quantile moves by rounding only)', () => {
    const a = 1 + (4 * (0.2 - 0.1)) / (0.3 - 0.1); // 3.0000000000000004: a PERT with its mode midway
    expect(a).not.toBe(3);
    const t = table(a, 3);

    expect(t[3 + 3]).toBe(1);
    for (const p of [0.01, 0.2, 0.5, 0.77, 0.99]) expect(Math.abs(betaTableQuantile(t, 3, p) - betaQuantile(p, a, 3))).toBeLessThan(1e-14);
  });
});
