import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MomentSet } from '../../../src/engine/aggregate/moments.js';

describe('MomentSet', () => {
  it('computes the mean and the sample standard deviation', () => {
    const m = new MomentSet(1);
    [2, 4, 4, 4, 5, 5, 7, 9].forEach((x) => m.add(0, x));
    expect(m.mean[0]).toBe(5);
    expect(m.sd(0)).toBeCloseTo(Math.sqrt(32 / 7), 14);
  });

  it('agrees with the two-pass formulas', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 2, maxLength: 100 }), (xs) => {
        const m = new MomentSet(1);
        xs.forEach((x) => m.add(0, x));
        const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
        const v = xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1);
        return Math.abs(m.mean[0] - mean) < 1e-9 && Math.abs(m.variance(0) - v) < 1e-6 * Math.max(1, v);
      }),
    );
  });

  it('has sd 0 with fewer than two values', () => {
    const m = new MomentSet(2);
    m.add(0, 3);
    expect([m.sd(0), m.sd(1)]).toEqual([0, 0]);
  });
});
