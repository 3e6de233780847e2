/**
 * The WebAssembly build of the hukou step (hukou.c) against the JavaScript `hukouStep`. Agreement
 * rule (models/cohort/README.md, "Kernels"): both perform the same IEEE-754 operations in the same
 * order, so they give the same bits — state, scratch and hukou flows — and the same DrawError, on
 * any inputs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HFLOW, HFLOW_SLOTS, HUKOU_SLOTS, OH, OL, hukouStep, type HukouInputs } from '../../../../models/cohort/hukou/step.js';
import { FLOW, FLOW_SLOTS, type StepInputs } from '../../../../models/cohort/kernel.js';
import { createWasmKernel } from '../../../../models/cohort/wasm/kernel.js';
import { DrawError } from '../../../../src/engine/model.js';
import { anyReal, arbStepInputs, cells } from '../arbitraries.js';

const wasm = createWasmKernel();

type HukouStepFn = typeof hukouStep;

interface HukouCase {
  Z: Float64Array;
  W: Float64Array;
  k: StepInputs;
  hk: HukouInputs;
  cf: Float64Array;
  year: number;
}

interface HukouOutcome {
  Z: BigUint64Array;
  W: BigUint64Array;
  hf: BigUint64Array;
  error?: { message: string; year: number; param: number };
}

const bits = (a: Float64Array): BigUint64Array => new BigUint64Array(Float64Array.from(a).buffer);

/** Steps copies of Z and W once with `step`; outcomes compare with `toEqual` bit for bit. */
function hukouOutcome(step: HukouStepFn, c: HukouCase, Z: Float64Array = Float64Array.from(c.Z), W: Float64Array = Float64Array.from(c.W), hf: Float64Array = new Float64Array(HFLOW_SLOTS)): HukouOutcome {
  try {
    step(Z, W, c.k, c.hk, c.cf, hf, c.year);
    return { Z: bits(Z), W: bits(W), hf: bits(hf) };
  } catch (e) {
    if (!(e instanceof DrawError)) throw e;
    return { Z: bits(Z), W: bits(W), hf: bits(hf), error: { message: e.message, year: e.year, param: e.param } };
  }
}

/** A spread factor of the cohort step: none, arrivals or departures. */
const spread = fc.oneof(fc.constant(0), anyReal(0, 0.05), anyReal(-0.05, 0));

/**
 * Any hukou step inputs: a state of any size per status (outside stocks from none to many, so that
 * returns may exceed them), citizenisation as a rate (up to 1.2, beyond its domain) or a count
 * (that may exceed the migrants), and any external spread factors.
 */
const arbHukouCase: fc.Arbitrary<HukouCase> = fc
  .record({
    step: arbStepInputs,
    cells: fc.oneof(cells(3 * 404, 0, 1e6), cells(3 * 404, 0, 1)),
    outside: fc.tuple(...[0, 1].map(() => fc.oneof(fc.constant(0), anyReal(0, 1e3), anyReal(0, 1e9)))),
    W: cells(HUKOU_SLOTS, 0, 1e6),
    conversion: fc.oneof(
      anyReal(0, 1.2).map((v) => ({ v, count: false })),
      anyReal(0, 2e8).map((v) => ({ v, count: true })),
      fc.constant({ v: 0, count: true }),
    ),
    gain: anyReal(0, 1),
    phi: anyReal(0, 1),
    delta: anyReal(-0.1, 0.1),
    gU: spread,
    gR: spread,
  })
  .map(({ step, cells: z, outside: [oH, oL], W, conversion, gain, phi, delta, gU, gR }) => {
    const Z = new Float64Array(HUKOU_SLOTS);
    Z.set(z);
    Z[OH] = oH;
    Z[OL] = oL;
    const cf = new Float64Array(FLOW_SLOTS);
    cf[FLOW.extGU] = gU;
    cf[FLOW.extGR] = gR;
    const hk: HukouInputs = {
      conversion: conversion.v,
      conversionIsCount: conversion.count,
      gain,
      arrivalsNonLocal: phi,
      outsideChange: delta,
      conversionParam: 16,
      arrivalsParam: 18,
    };
    return { Z, W, k: step.k, hk, cf, year: step.year };
  });

describe('hukou WebAssembly step', () => {
  it('gives the JavaScript step’s bits (state, scratch, hukou flows), or its DrawError, on random states and inputs', () => {
    const seen = { ok: 0, conversion: 0, returns: 0 };
    fc.assert(
      fc.property(arbHukouCase, (c) => {
        // Act
        const js = hukouOutcome(hukouStep, c);
        const w = hukouOutcome(wasm.hukouStep!, c);
        // Assert
        expect(w).toEqual(js);
        if (!js.error) seen.ok++;
        else if (js.error.param === c.hk.conversionParam) seen.conversion++;
        else seen.returns++;
      }),
      { numRuns: 400 },
    );
    // Every outcome was exercised.
    expect(Math.min(seen.ok, seen.conversion, seen.returns)).toBeGreaterThan(0);
  });

  it('reports a citizenisation count above the migrants, and returns above the outside stock, as the JavaScript step does', () => {
    // Arrange: a case with migrants and arrivals, then one input pushed past each limit.
    const base = fc.sample(
      arbHukouCase.filter((c) => c.cf[FLOW.extGU] > 0 && !hukouOutcome(hukouStep, c).error),
      { numRuns: 1, seed: 11 },
    )[0];
    const tooMany = { ...base, hk: { ...base.hk, conversion: 1e12, conversionIsCount: true } };
    const noOutside = { ...base, Z: Float64Array.from(base.Z).fill(0, OH), hk: { ...base.hk, arrivalsNonLocal: 0 } };
    for (const [c, pattern, param] of [
      [tooMany, /^citizenisation of 1000000000000 persons in \d+ exceeds the \d+ urban residents without local urban hukou$/, 16],
      [noOutside, /^\d+ returning residents in \d+ exceed the 0 registered here living outside$/, 18],
    ] as const) {
      // Act
      const js = hukouOutcome(hukouStep, c);
      const w = hukouOutcome(wasm.hukouStep!, c);
      // Assert
      expect(js.error?.message).toMatch(pattern);
      expect(js.error?.param).toBe(param);
      expect(w).toEqual(js);
    }
  });

  it('works in place on its own arrays, to the same bits as on arrays copied in and out', () => {
    // Arrange
    const c = fc.sample(arbHukouCase.filter((x) => !hukouOutcome(hukouStep, x).error), { numRuns: 1, seed: 5 })[0];
    const own = createWasmKernel();
    const k = { ...c.k, survival: own.place(c.k.survival), birthSurvival: own.place(c.k.birthSurvival), h: own.place(c.k.h), gRU: own.place(c.k.gRU), gUR: own.place(c.k.gUR), e: own.place(c.k.e) };
    const Z = own.place(c.Z);
    const hf = own.alloc(HFLOW_SLOTS);
    // Act
    const inPlace = hukouOutcome(own.hukouStep!, { ...c, k, cf: own.place(c.cf) }, Z, own.place(c.W), hf);
    // Assert
    expect(inPlace).toEqual(hukouOutcome(hukouStep, c));
    expect(hf[HFLOW.naturalReg]).not.toBe(0);
  });
});
