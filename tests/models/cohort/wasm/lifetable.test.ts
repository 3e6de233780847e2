/**
 * The WebAssembly build of a year's life tables (lifetable.c) against lifetable.ts: its exp gives
 * Math.exp's bits (fdlibm's exp, which V8 uses), and the survival ratios and birth survival of
 * every block are the same bits as the JavaScript solve's, on and off the e0 grid.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CELLS, type StepInputs } from '../../../../models/cohort/kernel.js';
import { AGES, levelGrid, solveLevel, survivalRatios } from '../../../../models/cohort/lifetable.js';
import { cohortWasmModule, createWasmKernel } from '../../../../models/cohort/wasm/kernel.js';
import { baseAssumptions, setup } from '../helpers.js';

const bits = (a: ArrayLike<number>): BigUint64Array => new BigUint64Array(Float64Array.from(a).buffer);

describe('lifetable.c', () => {
  it("fd_exp gives Math.exp's bits", () => {
    // Arrange
    const memory = new WebAssembly.Memory({ initial: 8, maximum: 8 });
    const fdExp = new WebAssembly.Instance(cohortWasmModule(), { env: { memory } }).exports.fd_exp as (x: number) => number;
    const special = [0, -0, 1, -1, 0.5 * Math.LN2, 1.5 * Math.LN2, 2 ** -28, -(2 ** -29), 709.78, 709.79, -745.1, -745.2, -708.4, 1e-300, Infinity, -Infinity, NaN];
    // Act / Assert: special and boundary values, then the ranges the life tables use and beyond
    for (const x of special) expect(Object.is(fdExp(x), Math.exp(x)), `exp(${x})`).toBe(true);
    fc.assert(
      fc.property(fc.oneof(fc.double({ min: -40, max: 5, noNaN: true }), fc.double({ min: -800, max: 800, noNaN: true }), fc.double({ noNaN: true })), (x) => {
        expect(Object.is(fdExp(x), Math.exp(x)), `exp(${x})`).toBe(true);
      }),
      { numRuns: 20000 },
    );
  });

  it("writes the same survival ratios and birth survival as lifetable.ts, on and off the grid, and skips a block whose e0 is unchanged", () => {
    // Arrange
    const d = setup(baseAssumptions()).compiled.data;
    const mx = [d.mxStd.subarray(0, AGES), d.mxStd.subarray(AGES, 2 * AGES)];
    const grids = mx.map((m) => levelGrid(m));
    const kern = createWasmKernel();
    const lifeTables = kern.lifeTables!(mx, grids, 1e-10);
    const k = { survival: kern.alloc(CELLS), birthSurvival: kern.alloc(4) } as StepInputs;
    const e0 = kern.alloc(4);
    const last = kern.alloc(4);
    const L = new Float64Array(AGES);
    const s = new Float64Array(CELLS);
    const bs = new Float64Array(4);
    // e0 within the grid's range, and beyond it (the bracketing solve)
    const e0Arb = fc.oneof(fc.double({ min: 20, max: 95, noNaN: true }), fc.double({ min: 1, max: 20, noNaN: true }), fc.double({ min: 95, max: 140, noNaN: true }));
    fc.assert(
      fc.property(fc.array(e0Arb, { minLength: 4, maxLength: 4 }), (e) => {
        // Act
        last.fill(NaN);
        e0.set(e);
        lifeTables(e0, last, k);
        for (let b = 0; b < 4; b++) {
          solveLevel(mx[b & 1], e[b], L, 1e-10, grids[b & 1]);
          bs[b] = survivalRatios(L, s, b * AGES);
        }
        // Assert
        expect(bits(k.survival)).toEqual(bits(s));
        expect(bits(k.birthSurvival)).toEqual(bits(bs));
        expect(Array.from(last)).toEqual(e);
      }),
      { numRuns: 300 },
    );
    // a block whose e0 equals last is left as it is
    k.survival.fill(-1);
    lifeTables(e0, last, k);
    expect(Array.from(k.survival).every((v) => v === -1)).toBe(true);
  });
});
