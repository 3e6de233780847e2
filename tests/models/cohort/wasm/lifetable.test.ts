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

/** The base scenario's standards and grids, the WebAssembly life tables with their arrays, and the JavaScript solve's. */
function arrange() {
  const d = setup(baseAssumptions()).compiled.data;
  const mx = [d.mxStd.subarray(0, AGES), d.mxStd.subarray(AGES, 2 * AGES)];
  const grids = mx.map((m) => levelGrid(m));
  const kern = createWasmKernel();
  const lifeTables = kern.lifeTables!(mx, grids, 1e-10);
  const k = { survival: kern.alloc(CELLS), birthSurvival: kern.alloc(4) } as StepInputs;
  return { mx, grids, lifeTables, k, e0: kern.alloc(4), last: kern.alloc(4), L: new Float64Array(AGES), s: new Float64Array(CELLS), bs: new Float64Array(4) };
}

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

  it("fd_exp_pairs (fd_exp in two SIMD lanes) gives Math.exp's bits in each lane", () => {
    // Arrange
    const memory = new WebAssembly.Memory({ initial: 8, maximum: 8 });
    const exports = new WebAssembly.Instance(cohortWasmModule(), { env: { memory } }).exports;
    const fdExpPairs = exports.fd_exp_pairs as (x: number, y: number, n: number) => void;
    const x = new Float64Array(memory.buffer, 65536, 2);
    const y = new Float64Array(memory.buffer, 65536 + 16, 2);
    const word = (hi: number, lo = 0): number => new Float64Array(new Uint32Array([lo, hi]).buffer)[0];
    // fdlibm's case boundaries (|x| = 0.5 ln2 at hx 0x3FD62E42/43, 1.5 ln2 at 0x3FF0A2B2), the
    // SIMD path's range (2^-28 ≤ |x| < 704) and what lies outside it
    const edges = [0.5 * Math.LN2, 1.5 * Math.LN2, word(0x3fd62e42), word(0x3fd62e42, 0xffffffff), word(0x3fd62e43), word(0x3ff0a2b2), word(0x3ff0a2b1, 0xffffffff),
      2 ** -28, 2 ** -28 * (1 - 2 ** -53), 704, 703.9999999999999, 1, 0, -0, 709.78, -745.2, Infinity, NaN, 1e-300];
    const special = [...edges, ...edges.map((v) => -v)];
    const near = fc.constantFrom(...special).chain((v) => fc.integer({ min: -3, max: 3 }).map((d) => (v === 0 || !Number.isFinite(v) ? v : v * (1 + d * 2 ** -52))));
    // every x whose high word is a boundary's (fdlibm's cases go by the high word: in 0x3FD62E42's
    // upper part |x| > 0.5 ln2 but k = 0)
    const band = fc.tuple(fc.constantFrom(0x3fd62e42, 0x3ff0a2b2, 0x3e300000, 0x3e2fffff), fc.integer({ min: 0, max: 0xffffffff }), fc.boolean())
      .map(([hi, lo, neg]) => (neg ? -1 : 1) * word(hi, lo));
    const arb = fc.oneof(near, band, fc.double({ min: -40, max: 5, noNaN: true }), fc.double({ min: -800, max: 800, noNaN: true }), fc.double());
    // Act / Assert
    fc.assert(
      fc.property(arb, arb, (a, b) => {
        x[0] = a;
        x[1] = b;
        fdExpPairs(x.byteOffset, y.byteOffset, 1);
        expect(Object.is(y[0], Math.exp(a)), `exp(${a})`).toBe(true);
        expect(Object.is(y[1], Math.exp(b)), `exp(${b})`).toBe(true);
      }),
      { numRuns: 20000 },
    );
  });

  it("writes the same survival ratios and birth survival as lifetable.ts, on and off the grid, and skips a block whose e0 is unchanged", () => {
    // Arrange
    const { mx, grids, lifeTables, k, e0, last, L, s, bs } = arrange();
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

  it('gives lifetable.ts\'s bits year after year when only some blocks change (one block of a sex alone, both in SIMD lanes, or none)', () => {
    // Arrange
    const { mx, grids, lifeTables, k, e0, last, L, s, bs } = arrange();
    // a year: each block's e0 either kept or moved (in the grid, near its ends, or beyond them)
    const move = fc.oneof(fc.constant(null), fc.double({ min: 60, max: 90, noNaN: true }), fc.double({ min: 15, max: 110, noNaN: true }));
    const year = fc.tuple(move, move, move, move);
    fc.assert(
      fc.property(fc.array(year, { minLength: 1, maxLength: 6 }), (years) => {
        last.fill(NaN);
        const now = [70, 66, 69, 65];
        for (const [b, v] of now.entries()) {
          solveLevel(mx[b & 1], v, L, 1e-10, grids[b & 1]);
          bs[b] = survivalRatios(L, s, b * AGES);
        }
        e0.set(now);
        lifeTables(e0, last, k);
        for (const y of years) {
          // Act
          for (let b = 0; b < 4; b++) {
            const v = y[b];
            if (v === null) continue;
            now[b] = v;
            solveLevel(mx[b & 1], v, L, 1e-10, grids[b & 1]);
            bs[b] = survivalRatios(L, s, b * AGES);
          }
          e0.set(now);
          lifeTables(e0, last, k);
          // Assert
          expect(bits(k.survival)).toEqual(bits(s));
          expect(bits(k.birthSurvival)).toEqual(bits(bs));
          expect(Array.from(last)).toEqual(now);
        }
      }),
      { numRuns: 300 },
    );
  });
});
