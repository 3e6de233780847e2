/**
 * The single-year life table (MODEL.md, "Compiled schedules": constant force within each age, open
 * group 100+) and the mortality level solved from e0.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { standardMx } from '../../../models/cohort/data.js';
import { AGES, levelGrid, personYears, solveLevel, survivalRatios } from '../../../models/cohort/lifetable.js';
import { dataDir } from './helpers.js';

const mxF = standardMx(dataDir, 2021, 'female');
const mxM = standardMx(dataDir, 2021, 'male');

/** A death-rate schedule: positive rates, with a few exact zeros allowed below 100. */
const arbMx = fc
  .array(fc.oneof({ arbitrary: fc.double({ min: 1e-6, max: 3, noNaN: true }), weight: 9 }, { arbitrary: fc.constant(0), weight: 1 }), {
    minLength: AGES,
    maxLength: AGES,
  })
  .map((xs) => {
    const mx = Float64Array.from(xs);
    if (!(mx[100] > 0)) mx[100] = 0.5; // the open group needs a positive rate
    return mx;
  });

describe('personYears', () => {
  it('gives e0 = 1/m for a constant rate m at every age (1e-12 relative)', () => {
    // Why: with mx = m everywhere, l(a) = e^{−ma} and L(a) = e^{−ma}(1 − e^{−m})/m for a < 100, so
    // Σ_{a<100} L(a) = (1 − e^{−100m})/m (a telescoping geometric sum), and the open group adds
    // L(100) = l(100)/m = e^{−100m}/m: e0 = (1 − e^{−100m} + e^{−100m})/m = 1/m exactly.
    for (const m of [0.001, 0.005, 0.0123, 0.02, 0.05, 0.1, 0.37, 1, 2.5]) {
      // Arrange
      const L = new Float64Array(AGES);
      // Act
      const e0 = personYears(new Float64Array(AGES).fill(m), 1, L);
      // Assert
      expect(Math.abs(e0 * m - 1), `m = ${m}`).toBeLessThan(1e-12);
    }
  });

  it('scales the rates by `scale` (a constant schedule m with scale k has e0 = 1/(k·m))', () => {
    const L = new Float64Array(AGES);
    const e0 = personYears(new Float64Array(AGES).fill(0.01), 4, L);
    expect(Math.abs(e0 * 0.04 - 1)).toBeLessThan(1e-12);
  });

  it('closes the table with L(100) = l(100)/mx(100) and returns e0 = Σ L(a)', () => {
    fc.assert(
      fc.property(arbMx, (mx) => {
        // Arrange
        const L = new Float64Array(AGES);
        let l100 = 1;
        for (let a = 0; a < 100; a++) l100 *= Math.exp(-mx[a]);
        // Act
        const e0 = personYears(mx, 1, L);
        // Assert
        expect(Math.abs(L[100] - l100 / mx[100])).toBeLessThanOrEqual(1e-13 * Math.max(L[100], 1e-300));
        let s = 0;
        for (let a = 0; a <= 100; a++) s += L[a];
        expect(Math.abs(e0 - s)).toBeLessThanOrEqual(1e-13 * e0);
      }),
      { numRuns: 100 },
    );
  });

  it('takes L(a) = l(a) where mx(a) = 0 (nobody dies in that year of age)', () => {
    // Arrange: mx = 0 below 10, then 0.1 — l(a) = 1 up to age 10.
    const mx = new Float64Array(AGES).fill(0.1);
    mx.fill(0, 0, 10);
    const L = new Float64Array(AGES);
    // Act
    const e0 = personYears(mx, 1, L);
    // Assert
    for (let a = 0; a < 10; a++) expect(L[a]).toBe(1);
    expect(Math.abs(e0 - (10 + 1 / 0.1))).toBeLessThan(1e-12);
  });
});

describe('survivalRatios', () => {
  it('gives ratios in (0, 1], s(a) = L(a+1)/L(a), s(100) = L(100)/(L(99)+L(100)) stored at 99 and 100, b = L(0)', () => {
    fc.assert(
      fc.property(arbMx, (mx) => {
        // Arrange
        const L = new Float64Array(AGES);
        personYears(mx, 1, L);
        const s = new Float64Array(AGES + 7);
        // Act
        const b = survivalRatios(L, s, 7);
        // Assert
        for (let a = 0; a < AGES; a++) {
          expect(s[7 + a], `s(${a})`).toBeGreaterThan(0);
          expect(s[7 + a], `s(${a})`).toBeLessThanOrEqual(1);
        }
        for (let a = 0; a < 99; a++) expect(s[7 + a]).toBe(L[a + 1] / L[a]);
        expect(s[7 + 100]).toBe(L[100] / (L[99] + L[100]));
        expect(s[7 + 99]).toBe(s[7 + 100]);
        expect(b).toBe(L[0]);
        expect(Array.from(s.subarray(0, 7))).toEqual([0, 0, 0, 0, 0, 0, 0]);
      }),
      { numRuns: 100 },
    );
  });

  it('gives survival 1 and b = 1 where nobody dies (mx = 0 at a and a+1)', () => {
    const mx = new Float64Array(AGES).fill(0.2);
    mx.fill(0, 0, 30);
    const L = new Float64Array(AGES);
    personYears(mx, 1, L);
    const s = new Float64Array(AGES);
    const b = survivalRatios(L, s);
    expect(b).toBe(1);
    for (let a = 0; a < 29; a++) expect(s[a]).toBe(1);
    expect(s[29]).toBeLessThan(1);
  });
});

describe('solveLevel', () => {
  const grids = [levelGrid(mxF), levelGrid(mxM)];

  it('reproduces the requested e0 to 1e-9 for e0 in [20, 100], with and without the bracket table', () => {
    fc.assert(
      fc.property(fc.double({ min: 20, max: 100, noNaN: true }), fc.integer({ min: 0, max: 1 }), fc.boolean(), (e0, sex, useGrid) => {
        // Arrange
        const mx = sex === 0 ? mxF : mxM;
        const L = new Float64Array(AGES);
        // Act
        const theta = solveLevel(mx, e0, L, 1e-10, useGrid ? grids[sex] : undefined);
        // Assert: recompute the table independently of the solver's scratch.
        const check = new Float64Array(AGES);
        expect(Math.abs(personYears(mx, Math.exp(theta), check) - e0)).toBeLessThan(1e-9);
        let s = 0;
        for (let a = 0; a <= 100; a++) s += L[a];
        expect(Math.abs(s - e0), 'L holds the solution').toBeLessThan(1e-9);
      }),
      { numRuns: 200 },
    );
  });

  it('finds θ = 0 for the standard table’s own e0, and θ = ln k for a rate multiplied by k', () => {
    // Arrange
    const L = new Float64Array(AGES);
    const own = personYears(mxF, 1, L);
    const doubled = personYears(mxF, 2, L);
    // Act
    const t0 = solveLevel(mxF, own, L, 1e-12);
    const t1 = solveLevel(mxF, doubled, L, 1e-12);
    // Assert
    expect(Math.abs(t0)).toBeLessThan(1e-9);
    expect(Math.abs(t1 - Math.log(2))).toBeLessThan(1e-9);
  });

  it('makes e0 fall strictly as θ rises (so the level is unique)', () => {
    const g = grids[0].e0;
    for (let i = 1; i < g.length; i++) expect(g[i]).toBeLessThan(g[i - 1]);
  });

  it('meets its tolerance (1e-10) from the table’s cubic start everywhere, including the table’s ends and its own points', () => {
    // Arrange: every 37th table point, its midpoints, and the first and last intervals (where the
    // cubic has no four points and the Illinois iterations run from the table's bracket).
    for (const [sex, mx] of [mxF, mxM].entries()) {
      const e = grids[sex].e0;
      const n = e.length;
      const targets = [e[0], 0.5 * (e[0] + e[1]), 0.5 * (e[n - 2] + e[n - 1]), e[n - 2]];
      for (let k = 1; k < n - 2; k += 37) targets.push(e[k], 0.5 * (e[k] + e[k + 1]));
      for (const e0 of targets) {
        const L = new Float64Array(AGES);
        // Act
        const theta = solveLevel(mx, e0, L, 1e-10, grids[sex]);
        // Assert
        expect(Math.abs(personYears(mx, Math.exp(theta), new Float64Array(AGES)) - e0), `e0 = ${e0}`).toBeLessThan(1e-10);
      }
    }
  });

  it('shares one table per schedule (cached by its values), and a different one for other values', () => {
    expect(levelGrid(Float64Array.from(mxF))).toBe(grids[0]);
    expect(levelGrid(mxF, -4, 0.02, 401)).not.toBe(grids[0]);
    expect(levelGrid(mxM)).not.toBe(grids[0]);
  });
});
