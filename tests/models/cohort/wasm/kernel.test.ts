/**
 * The WebAssembly build of the cohort step against the JavaScript kernel. Agreement rule (README,
 * "Kernels"): both perform the same IEEE-754 operations in the same order, so they give the same
 * bits — every cell, every flow — and the same DrawError, on any inputs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CELLS, FLOW, FLOW_SLOTS, RF, jsKernel } from '../../../../models/cohort/kernel.js';
import { createWasmKernel } from '../../../../models/cohort/wasm/kernel.js';
import { arbStepInputs } from '../arbitraries.js';
import { stepOutcome, values } from '../helpers.js';

const wasm = createWasmKernel();

describe('cohort WebAssembly kernel', () => {
  it('gives the JavaScript kernel’s bits (cells and flows), or its DrawError, on random populations and rates', () => {
    const seen = { ok: 0, error: 0, unfused: 0 };
    fc.assert(
      fc.property(arbStepInputs, ({ P, k, year }) => {
        // Act
        const js = stepOutcome(jsKernel, P, k, year);
        const w = stepOutcome(wasm, P, k, year);
        // Assert
        expect(w).toEqual(js);
        seen[js.error ? 'error' : 'ok']++;
        if (k.hHi > 98) seen.unfused++;
      }),
      { numRuns: 300 },
    );
    // Both outcomes, and the births' separate pass (fertility past age 98), were exercised.
    expect(Math.min(seen.ok, seen.error, seen.unfused)).toBeGreaterThan(0);
  });

  it('reports emigration too large for an age group, and migration into an empty area, as the JavaScript kernel does', () => {
    // Arrange: an urban population only; rural net emigration of twice the rural population.
    const base = fc.sample(arbStepInputs, { numRuns: 1, seed: 7 })[0];
    const P = Float64Array.from(base.P);
    const rural = P.subarray(RF).reduce((s, x) => s + x, 0);
    const tooMany = { ...base.k, extU: 0, extR: -2 * rural - 1, extRIsCount: true };
    const empty = Float64Array.from(P).fill(0, 202);
    const into = { ...base.k, extU: 0, extR: 5, extRIsCount: true };
    for (const [pop, k, pattern] of [
      [P, tooMany, /net external emigration of .* persons from the rural population in 2030 exceeds/],
      [empty, into, /net external migration of 5 persons cannot be spread over an empty rural population in 2030/],
    ] as const) {
      // Act
      const js = stepOutcome(jsKernel, pop, k, 2030);
      const w = stepOutcome(wasm, pop, k, 2030);
      // Assert
      expect(js.error?.message).toMatch(pattern);
      expect(js.error?.param).toBe(11);
      expect(w).toEqual(js);
    }
  });

  it('works in place on its own arrays, to the same bits as on arrays copied in and out', () => {
    // Arrange
    const { P, k, year } = fc.sample(arbStepInputs.filter((x) => !stepOutcome(jsKernel, x.P, x.k, x.year).error), { numRuns: 1, seed: 3 })[0];
    const own = createWasmKernel();
    const ownP = own.place(P);
    const ownK = { ...k, survival: own.place(k.survival), birthSurvival: own.place(k.birthSurvival), h: own.place(k.h), gRU: own.place(k.gRU), gUR: own.place(k.gUR), e: own.place(k.e) };
    const flows = own.alloc(FLOW_SLOTS);
    // Act
    own.step(ownP, own.alloc(CELLS), ownK, flows, year);
    // Assert
    const copied = stepOutcome(wasm, P, k, year);
    expect(Array.from(ownP)).toEqual(Array.from(values(copied.P)));
    expect(Array.from(flows)).toEqual(Array.from(values(copied.flows)));
    expect(flows[FLOW.endU]).toBeGreaterThan(0);
  });

  it('says so when its memory is exhausted or an array is longer than the step’s', () => {
    const kern = createWasmKernel();
    expect(() => kern.alloc(1e6)).toThrow(/out of memory \(1000000 cells asked/);
    const k = fc.sample(arbStepInputs, { numRuns: 1, seed: 1 })[0].k;
    expect(() => kern.step(new Float64Array(CELLS + 1), new Float64Array(CELLS), k, new Float64Array(FLOW_SLOTS), 2030)).toThrow(/P has 405 cells, at most 404 expected/);
  });
});
