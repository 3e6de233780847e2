/**
 * One step of the projection (MODEL.md, "One step", 1–5) on small hand-made inputs, and cell-level
 * properties of whole projections (no negative cell; the identity per step from the kernel's flows).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CELLS, FLOW, FLOW_SLOTS, RF, RM, UF, UM, jsKernel, type StepInputs } from '../../../models/cohort/kernel.js';
import { createWasmKernel } from '../../../models/cohort/wasm/kernel.js';
import { DrawError } from '../../../src/engine/model.js';
import { evaluatePaths } from '../../../src/params/compile.js';
import { sampleInputs } from '../../../src/params/sampler.js';
import { arbCohortInput } from './arbitraries.js';
import { contractContext } from '../../contract/model-contract.js';
import { kernelTrajectory, setup, stepOutcome, sum, values } from './helpers.js';

const wasm = createWasmKernel();

/** Step inputs with nothing happening (survival 1, no births, no moves), overridable. */
function inputs(over: Partial<StepInputs> = {}): StepInputs {
  return {
    survival: new Float64Array(CELLS).fill(1),
    birthSurvival: new Float64Array(4).fill(1),
    h: new Float64Array(101),
    hLo: 0,
    hHi: 0,
    tfrU: 0,
    tfrR: 0,
    srb: 1.05,
    rho: 0,
    gRU: new Float64Array(101),
    ret: 0,
    gUR: new Float64Array(101),
    c: 0,
    extU: 0,
    extR: 0,
    extUIsCount: false,
    extRIsCount: false,
    e: new Float64Array(101).fill(1),
    eMax: 1,
    extUParam: 10,
    extRParam: 11,
    ...over,
  };
}

/** A population with distinct, easily traced cells: P(b, a) = (b + 1)·1000 + a. */
function population(): Float64Array {
  return Float64Array.from({ length: CELLS }, (_, i) => (Math.floor(i / 101) + 1) * 1000 + (i % 101));
}

/**
 * One step of `P` in place, returning its flows; every hand-made case runs through both kernels,
 * which must agree bit for bit, or throw the same DrawError (see tests/models/cohort/wasm/).
 */
function step(P: Float64Array, k: StepInputs, year = 2022): Float64Array {
  const flows = new Float64Array(FLOW_SLOTS);
  const js = stepOutcome(jsKernel, P, k, year);
  expect(stepOutcome(wasm, P, k, year)).toEqual(js);
  if (js.error) throw new DrawError(js.error.message, js.error.year, js.error.param);
  P.set(values(js.P));
  flows.set(values(js.flows));
  return flows;
}

describe('cohortStep: 1. survival and ageing', () => {
  it('moves P(a)·s(a) to age a+1 and pools 99 and 100+ into 100+ with s(100); no births leave age 0 empty', () => {
    // Arrange
    const P0 = population();
    const s = Float64Array.from({ length: CELLS }, (_, i) => 0.5 + (i % 101) / 250);
    const P = Float64Array.from(P0);
    // Act
    const f = step(P, inputs({ survival: s }));
    // Assert
    for (const o of [UF, UM, RF, RM]) {
      expect(P[o]).toBe(0);
      for (let a = 0; a < 99; a++) expect(P[o + a + 1]).toBe(P0[o + a] * s[o + a]);
      expect(P[o + 100]).toBe((P0[o + 99] + P0[o + 100]) * s[o + 100]);
    }
    // deaths = start + births − survivors
    expect(Math.abs(f[FLOW.deathsU] - (sum(P0, 0, 202) - sum(P, 0, 202)))).toBeLessThan(1e-9);
    expect(Math.abs(f[FLOW.deathsR] - (sum(P0, 202, CELLS) - sum(P, 202, CELLS)))).toBeLessThan(1e-9);
    expect([f[FLOW.startU], f[FLOW.startR]]).toEqual([sum(P0, 0, 202), sum(P0, 202, CELLS)]);
  });
});

describe('cohortStep: 2. births', () => {
  it('computes B = Σ f(a)·½[P_F(a) + Q_F(a+1)] and puts π·B·b_M boys and (1−π)·B·b_F girls at age 0', () => {
    // Arrange: fertility only at ages 30 and 31, survival 0.9, birth survival by block.
    const P0 = population();
    const h = new Float64Array(101);
    h[30] = 0.25;
    h[31] = 0.75;
    const k = inputs({
      survival: new Float64Array(CELLS).fill(0.9),
      birthSurvival: Float64Array.from([0.99, 0.98, 0.97, 0.96]),
      h,
      hLo: 30,
      hHi: 31,
      tfrU: 2,
      tfrR: 3,
      srb: 1.1,
    });
    const P = Float64Array.from(P0);
    // Act
    const f = step(P, k);
    // Assert: urban women aged 30: 1030 at the start, 0.9·1030 survivors at the end, etc.
    const BU = 2 * (0.25 * 0.5 * (1030 + 0.9 * 1030) + 0.75 * 0.5 * (1031 + 0.9 * 1031));
    const BR = 3 * (0.25 * 0.5 * (3030 + 0.9 * 3030) + 0.75 * 0.5 * (3031 + 0.9 * 3031));
    const pi = 1.1 / 2.1;
    expect(f[FLOW.birthsU]).toBeCloseTo(BU, 10);
    expect(f[FLOW.birthsR]).toBeCloseTo(BR, 10);
    expect(P[UF]).toBeCloseTo((1 - pi) * BU * 0.99, 10);
    expect(P[UM]).toBeCloseTo(pi * BU * 0.98, 10);
    expect(P[RF]).toBeCloseTo((1 - pi) * BR * 0.97, 10);
    expect(P[RM]).toBeCloseTo(pi * BR * 0.96, 10);
    // deaths include the newborns who do not survive to the year's end
    const survivorsU = sum(P, 0, 202);
    expect(f[FLOW.deathsU]).toBeCloseTo(sum(P0, 0, 202) + BU - survivorsU, 8);
  });
});

describe('cohortStep: 3–4. internal migration and reclassification', () => {
  it('moves Q_R·m(a) and Q_U·r(a) simultaneously, then reclassifies c·Q′_R', () => {
    // Arrange: survival 1 and no births, so Q(a+1) = P(a).
    const P0 = population();
    const m = Float64Array.from({ length: 101 }, (_, a) => 0.001 * (a % 7));
    const r = Float64Array.from({ length: 101 }, (_, a) => 0.0005 * (a % 5));
    const k = inputs({ rho: 2, gRU: m, ret: 3, gUR: r, c: 0.04 });
    const P = Float64Array.from(P0);
    // Act
    const f = step(P, k);
    // Assert
    let fRU = 0;
    let fUR = 0;
    let fC = 0;
    for (const [oU, oR] of [
      [UF, RF],
      [UM, RM],
    ]) {
      for (let a = 1; a <= 100; a++) {
        const qU = a === 100 ? P0[oU + 99] + P0[oU + 100] : P0[oU + a - 1];
        const qR = a === 100 ? P0[oR + 99] + P0[oR + 100] : P0[oR + a - 1];
        const ru = qR * 2 * m[a];
        const ur = qU * 3 * r[a];
        const cl = 0.04 * (qR - ru + ur);
        expect(P[oR + a]).toBeCloseTo(qR - ru + ur - cl, 9);
        expect(P[oU + a]).toBeCloseTo(qU + ru - ur + cl, 9);
        fRU += ru;
        fUR += ur;
        fC += cl;
      }
    }
    expect(f[FLOW.ruralToUrban]).toBeCloseTo(fRU, 8);
    expect(f[FLOW.urbanToRural]).toBeCloseTo(fUR, 8);
    expect(f[FLOW.reclassification]).toBeCloseTo(fC, 8);
  });

  it('empties the rural area exactly with c = 1, whatever the return migration', () => {
    const P = population();
    step(P, inputs({ c: 1, ret: 0.1, gUR: new Float64Array(101).fill(1) }));
    expect(sum(P, 202, CELLS)).toBe(0);
  });
});

describe('cohortStep: 5. external migration', () => {
  it('spreads N = ν·(start population) over sex and age in proportion to e(a)·Q″(a), summing to N', () => {
    // Arrange
    const P0 = population();
    const e = Float64Array.from({ length: 101 }, (_, a) => 0.01 + 0.001 * a);
    const k = inputs({ extU: -0.01, extR: 0.02, e, eMax: 0.11 });
    const P = Float64Array.from(P0);
    const Q = Float64Array.from(P0);
    step(Q, inputs()); // the same step without external migration gives Q″
    // Act
    const f = step(P, k);
    // Assert
    const NU = -0.01 * sum(P0, 0, 202);
    const NR = 0.02 * sum(P0, 202, CELLS);
    expect(f[FLOW.externalU]).toBe(NU);
    expect(f[FLOW.externalR]).toBe(NR);
    let wU = 0;
    let wR = 0;
    for (let a = 0; a <= 100; a++) {
      wU += e[a] * (Q[UF + a] + Q[UM + a]);
      wR += e[a] * (Q[RF + a] + Q[RM + a]);
    }
    for (let a = 0; a <= 100; a++) {
      expect(P[UM + a] - Q[UM + a]).toBeCloseTo((NU * e[a] * Q[UM + a]) / wU, 9);
      expect(P[RF + a] - Q[RF + a]).toBeCloseTo((NR * e[a] * Q[RF + a]) / wR, 9);
    }
    expect(sum(P, 0, 202) - sum(Q, 0, 202)).toBeCloseTo(NU, 7);
    expect(sum(P, 202, CELLS) - sum(Q, 202, CELLS)).toBeCloseTo(NR, 7);
  });

  it('takes a count as given, independent of the population', () => {
    const P = population();
    const f = step(P, inputs({ extU: 123.5, extUIsCount: true, extR: -77, extRIsCount: true }));
    expect([f[FLOW.externalU], f[FLOW.externalR]]).toEqual([123.5, -77]);
  });

  it('throws a DrawError as soon as net emigration exceeds a cell, and does not clamp just below', () => {
    // Arrange: survival 1, no births, e = 1 at every age: the cell hit hardest loses the share
    // −N/ΣQ″ of itself; the limit is N = −ΣQ″ (every cell emptied).
    const P0 = population();
    const R = sum(P0, 202, CELLS);
    const justBelow = inputs({ extR: -R * (1 - 1e-9), extRIsCount: true });
    const justAbove = inputs({ extR: -R * (1 + 1e-9), extRIsCount: true });
    // Act
    const P = Float64Array.from(P0);
    step(P, justBelow);
    // Assert
    for (let i = 202; i < CELLS; i++) expect(P[i]).toBeGreaterThanOrEqual(0);
    expect(Math.abs(sum(P, 202, CELLS) / (R * 1e-9) - 1)).toBeLessThan(1e-5);
    let thrown: unknown;
    try {
      step(Float64Array.from(P0), justAbove, 2031);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(DrawError);
    expect((thrown as DrawError).year).toBe(2031);
    expect((thrown as DrawError).message).toMatch(/rural.*2031/);
  });

  it('throws a DrawError for migration into an empty area, and accepts zero migration there', () => {
    const P = new Float64Array(CELLS);
    P.fill(10, 0, 202);
    expect(() => step(Float64Array.from(P), inputs({ extR: 5, extRIsCount: true }))).toThrow(DrawError);
    expect(() => step(Float64Array.from(P), inputs({ extR: 0, extRIsCount: true }))).not.toThrow();
  });

  it('judges feasibility on the cells that exist: emigration that no non-empty cell exceeds is not an error', () => {
    // MODEL.md: "A negative E larger than the cell it leaves is an input error". Here the rural
    // population lives only at ages 60–69 (after ageing: 61–70), where e(a) = 0.1, while e peaks at
    // 1 at ages 20–29, which are empty. N = −50% of the rural population gives E(a) = −0.5·Q″(a) at
    // every non-empty age: feasible, and MODEL.md's result is exactly half of each cell.
    // Arrange
    const P0 = new Float64Array(CELLS);
    P0.fill(100, 0, 202);
    for (let a = 60; a < 70; a++) P0[RF + a] = P0[RM + a] = 50;
    const e = new Float64Array(101).fill(0.1);
    e.fill(1, 20, 30);
    const k = inputs({ extR: -500, extRIsCount: true, e, eMax: 1 });
    const P = Float64Array.from(P0);
    // Act
    step(P, k);
    // Assert
    for (let a = 61; a <= 70; a++) expect(P[RF + a]).toBeCloseTo(25, 10);
    expect(sum(P, 202, CELLS)).toBeCloseTo(500, 8);
  });
});

describe('cohortStep over whole projections', () => {
  it('never makes a cell negative, and its flows satisfy the identity in each area at every step', () => {
    fc.assert(
      fc.property(arbCohortInput({ steps: [1, 10] }), (input) => {
        // Arrange
        const s = setup(input.assumptions, contractContext(input));
        const paths = new Float64Array(s.params.keys.length * s.H);
        const u = new Float64Array(s.params.inputs.length);
        const x = new Float64Array(s.params.inputs.length);
        sampleInputs(s.params, { seed: input.seed, draws: 1, lhs: false, cholesky: null }, 0, u, x);
        evaluatePaths(s.params, x, paths);
        // Act
        const { cells, flows } = kernelTrajectory(s.compiled.data, s.H, paths);
        // Assert
        for (let t = 1; t <= s.H; t++) {
          for (let i = 0; i < CELLS; i++) expect(cells[t][i], `cell ${i} at t=${t}`).toBeGreaterThanOrEqual(0);
          const f = flows[t];
          const U0 = sum(cells[t - 1], 0, 202);
          const R0 = sum(cells[t - 1], 202, CELLS);
          const U1 = sum(cells[t], 0, 202);
          const R1 = sum(cells[t], 202, CELLS);
          const scale = Math.max(U0, U1, R0, R1);
          const dU = f[FLOW.birthsU] - f[FLOW.deathsU] + f[FLOW.ruralToUrban] - f[FLOW.urbanToRural] + f[FLOW.reclassification] + f[FLOW.externalU];
          const dR = f[FLOW.birthsR] - f[FLOW.deathsR] - f[FLOW.ruralToUrban] + f[FLOW.urbanToRural] - f[FLOW.reclassification] + f[FLOW.externalR];
          expect(Math.abs(U1 - U0 - dU)).toBeLessThanOrEqual(1e-9 * scale);
          expect(Math.abs(R1 - R0 - dR)).toBeLessThanOrEqual(1e-9 * scale);
          for (const name of ['birthsU', 'birthsR', 'deathsU', 'deathsR', 'ruralToUrban', 'urbanToRural', 'reclassification'] as const) {
            expect(f[FLOW[name]], name).toBeGreaterThanOrEqual(-1e-9 * scale);
          }
        }
      }),
      { numRuns: 20 },
    );
  });
});
