import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { median, quantile, support, type Dist } from '../../src/random/distributions.js';
import { betaCdf, betaQuantile } from '../../src/random/beta.js';

const cases: [Dist, number, [number, number]][] = [
  [{ dist: 'normal', mean: 2, sd: 3 }, 2, [-Infinity, Infinity]],
  [{ dist: 'truncnormal', mean: 0, sd: 1, min: 0, max: 40 }, 0.6744897501960817, [0, 40]],
  [{ dist: 'uniform', min: 1, max: 3 }, 2, [1, 3]],
  [{ dist: 'triangular', min: 0, mode: 1, max: 1 }, Math.SQRT1_2, [0, 1]],
  [{ dist: 'triangular', min: 0.015, mode: 0.021, max: 0.03 }, 0.03 - Math.sqrt(0.5 * 0.015 * 0.009), [0.015, 0.03]],
  [{ dist: 'lognormal', median: 0.02, sigma: 0.3 }, 0.02, [0, Infinity]],
  [{ dist: 'beta', alpha: 2, beta: 2 }, 0.5, [0, 1]],
  [{ dist: 'beta', alpha: 2, beta: 2, min: 10, max: 20 }, 15, [10, 20]],
  [{ dist: 'pert', min: 0, mode: 5, max: 10 }, 5, [0, 10]],
];

describe('distributions', () => {
  it.each(cases)('%j has median %d and support %j', (d, med, sup) => {
    expect(median(d)).toBeCloseTo(med, 10);
    expect(support(d)).toEqual(sup);
  });

  // non-decreasing up to 1e-12 (beta and PERT quantiles are solved numerically to ~1e-14)
  it.each(cases)('%j: quantiles are non-decreasing and stay in the support', (d, _med, [lo, hi]) => {
    fc.assert(
      fc.property(fc.double({ min: 1e-9, max: 1 - 1e-9, noNaN: true }), fc.double({ min: 1e-9, max: 1 - 1e-9, noNaN: true }), (a, b) => {
        const [u, v] = a <= b ? [a, b] : [b, a];
        const x = quantile(d, u);
        const y = quantile(d, v);
        return x <= y + 1e-12 * Math.max(1, Math.abs(y)) && x >= lo && y <= hi;
      }),
    );
  });

  it('uniform quantile is linear', () => {
    expect(quantile({ dist: 'uniform', min: 1, max: 3 }, 0.25)).toBe(1.5);
  });

  it('lognormal quantile at Φ(1) is median·e^σ', () => {
    expect(quantile({ dist: 'lognormal', median: 2, sigma: 0.5 }, 0.8413447460685429)).toBeCloseTo(2 * Math.exp(0.5), 10);
  });
});

describe('beta', () => {
  it('betaCdf matches closed forms (Beta(1, b): 1 − (1 − x)^b)', () => {
    fc.assert(fc.property(fc.double({ min: 0.001, max: 0.999, noNaN: true }), fc.double({ min: 0.2, max: 8, noNaN: true }), (x, b) => Math.abs(betaCdf(x, 1, b) - (1 - (1 - x) ** b)) < 1e-12));
  });

  it('betaQuantile inverts betaCdf', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 0.999, noNaN: true }), fc.double({ min: 0.5, max: 20, noNaN: true }), fc.double({ min: 0.5, max: 20, noNaN: true }), (p, a, b) =>
        Math.abs(betaCdf(betaQuantile(p, a, b), a, b) - p) < 1e-9,
      ),
    );
  });

  it('betaQuantile matches the closed forms of Beta(a, 1) and Beta(1, b) to 1e-13, from either first guess', () => {
    // a, b below and above 1 exercise both branches of the first guess; p ≤ 0.99 keeps the closed
    // form's own 1 − p accurate.
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 0.99, noNaN: true }), fc.double({ min: 0.3, max: 30, noNaN: true }), (p, s) => {
        const xa = betaQuantile(p, s, 1);
        const xb = betaQuantile(p, 1, s);
        return Math.abs(xa - p ** (1 / s)) < 1e-13 && Math.abs(xb - (1 - (1 - p) ** (1 / s))) < 1e-13;
      }),
    );
  });

  it('betaQuantile is monotone in p and symmetric: x(p; a, b) = 1 − x(1 − p; b, a)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 0.998, noNaN: true }), fc.double({ min: 1e-4, max: 1e-3, noNaN: true }), fc.double({ min: 0.5, max: 20, noNaN: true }), fc.double({ min: 0.5, max: 20, noNaN: true }), (p, dp, a, b) => {
        const x = betaQuantile(p, a, b);
        return betaQuantile(p + dp, a, b) > x && Math.abs(x - (1 - betaQuantile(1 - p, b, a))) < 1e-13;
      }),
    );
  });
});
