/**
 * The Rogers–Castro migration age schedule (MODEL.md: g(a) = a1·e^{−α1·a} +
 * a2·e^{−α2(a−μ2) − e^{−λ2(a−μ2)}} + c0, defaults a1 = 0.02, α1 = 0.1, a2 = 0.06, α2 = 0.1, μ2 = 20,
 * λ2 = 0.4, c0 = 0.003). Its calibration (κ) is tested in compile.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RC_DEFAULTS, rogersCastro } from '../../../models/cohort/rogers-castro.js';

describe('rogersCastro', () => {
  it('has MODEL.md’s defaults', () => {
    expect(RC_DEFAULTS).toEqual({ a1: 0.02, alpha1: 0.1, a2: 0.06, alpha2: 0.1, mu2: 20, lambda2: 0.4, c: 0.003 });
  });

  it('matches hand-computed values of the default schedule', () => {
    // Hand computation with the defaults:
    //  a = 0:   0.02·e^0 + 0.06·e^{2 − e^8} + 0.003; e^8 ≈ 2981, so the middle term underflows: 0.023
    //  a = 20:  0.02·e^{−2} + 0.06·e^{0 − e^0} + 0.003 = 0.0027067057 + 0.0220727665 + 0.003 = 0.0277794721
    //  a = 23:  0.02·e^{−2.3} + 0.06·e^{−0.3 − e^{−1.2}} + 0.003 = 0.0020051746 + 0.0328894000 + 0.003 = 0.0378945747
    //           (the labour-force peak: 0.3 + e^{−1.2} is smallest near a = μ2 + ln(λ2/α2)/λ2 = 23.47)
    //  a = 30:  0.02·e^{−3} + 0.06·e^{−1 − e^{−4}} + 0.003 = 0.0009957414 + 0.0216721694 + 0.003 = 0.0256679108
    //  a = 60:  0.02·e^{−6} + 0.06·e^{−4 − e^{−16}} + 0.003 = 0.0000495750 + 0.0010989383 + 0.003 = 0.0041485133
    //  a = 100: 0.02·e^{−10} + 0.06·e^{−8 − e^{−32}} + 0.003 = 0.0000009080 + 0.0000201277 + 0.003 = 0.0030210358
    const expected: [number, number][] = [
      [0, 0.023],
      [20, 0.0277794721350188],
      [23, 0.0378945746676521],
      [30, 0.0256679108116477],
      [60, 0.00414851325318817],
      [100, 0.0030210357562694],
    ];
    // Act
    const g = rogersCastro({});
    // Assert
    expect(g.length).toBe(101);
    for (const [a, v] of expected) expect(Math.abs(g[a] - v), `g(${a})`).toBeLessThan(1e-15);
    let peak = 0;
    for (let a = 1; a <= 100; a++) if (g[a] > g[peak]) peak = a;
    expect(peak).toBe(23);
  });

  it('treats undefined and omitted parameters as the defaults, and ignores `why`', () => {
    const d = rogersCastro(undefined);
    expect(Array.from(rogersCastro({}))).toEqual(Array.from(d));
    expect(Array.from(rogersCastro({ a1: undefined, why: 'census 2020 migration table' }))).toEqual(Array.from(d));
  });

  it('uses each given parameter (a1 = 0, μ2 = 25, c = 0.01 at age 25: 0.06·e^{−1} + 0.01)', () => {
    const g = rogersCastro({ a1: 0, mu2: 25, c: 0.01 });
    expect(Math.abs(g[25] - (0.06 * Math.exp(-1) + 0.01))).toBeLessThan(1e-15);
  });

  it('is the sum of its three components at every age, for any non-negative parameters', () => {
    fc.assert(
      fc.property(
        fc.record({
          a1: fc.double({ min: 0, max: 0.1, noNaN: true }),
          alpha1: fc.double({ min: 0, max: 1, noNaN: true }),
          a2: fc.double({ min: 0, max: 0.2, noNaN: true }),
          alpha2: fc.double({ min: 0, max: 1, noNaN: true }),
          mu2: fc.double({ min: 10, max: 40, noNaN: true }),
          lambda2: fc.double({ min: 0, max: 1, noNaN: true }),
          c: fc.double({ min: 0, max: 0.05, noNaN: true }),
        }),
        (p) => {
          const g = rogersCastro(p);
          for (let a = 0; a <= 100; a++) {
            const x = a - p.mu2;
            const want = p.a1 * Math.exp(-p.alpha1 * a) + p.a2 * Math.exp(-p.alpha2 * x - Math.exp(-p.lambda2 * x)) + p.c;
            expect(Math.abs(g[a] - want)).toBeLessThanOrEqual(1e-15 * Math.max(want, 1));
            expect(g[a]).toBeGreaterThanOrEqual(0);
          }
        },
      ),
      { numRuns: 50 },
    );
  });
});
