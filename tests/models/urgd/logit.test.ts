import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { logistic, logit } from '../../../models/urgd/logit.js';

describe('logit and logistic', () => {
  it('are 0 and ½ at the middle', () => {
    expect(logit(0.5)).toBe(0);
    expect(logistic(0)).toBe(0.5);
  });

  it('invert each other, to the conditioning of the logit (≈ ε / u(1 − u))', () => {
    fc.assert(
      fc.property(fc.double({ min: -30, max: 30, noNaN: true }), (L) => {
        const u = logistic(L);
        const tolerance = 8 * Number.EPSILON * (2 + Math.exp(Math.abs(L)));
        expect(Math.abs(logit(u) - L)).toBeLessThanOrEqual(tolerance);
      }),
    );
  });

  it('give shares in [0, 1] that add up to 1 for any finite logit, never NaN', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (L) => {
        const u = logistic(L);
        const r = logistic(-L);
        expect(u).toBeGreaterThanOrEqual(0);
        expect(u).toBeLessThanOrEqual(1);
        expect(Math.abs(u + r - 1)).toBeLessThanOrEqual(2 * Number.EPSILON);
      }),
    );
  });

  it('keep the small share accurate in the tail (no loss to 1 − u)', () => {
    // Arrange: a share so close to 1 that 1 − u is below double precision's spacing near 1.
    const L = 40;
    // Act
    const rural = logistic(-L);
    // Assert: e^(−40) to full relative precision.
    expect(rural / Math.exp(-40)).toBeCloseTo(1, 12);
  });
});
