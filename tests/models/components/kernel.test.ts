import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { componentsStep, FLOW, FLOW_SLOTS, type StepInputs } from '../../../models/components/kernel.js';
import { DrawError } from '../../../src/engine/model.js';
import { thrown } from '../../thrown.js';

function inputs(over: Partial<StepInputs> = {}): StepInputs {
  return { cbrU: 0, cbrR: 0, cdrU: 0, cdrR: 0, rho: 0, ret: 0, c: 0, extU: 0, extR: 0, extUIsCount: false, extRIsCount: false, extUParam: 7, extRParam: 8, ...over };
}

describe('componentsStep: order of operations', () => {
  it('applies natural increase, then migration both ways, then reclassification, then external migration', () => {
    // Arrange: round numbers, so each step's base is visible.
    const S = Float64Array.of(1000, 2000);
    const flows = new Float64Array(FLOW_SLOTS);
    const k = inputs({ cbrU: 0.01, cbrR: 0.02, cdrU: 0.005, cdrR: 0.01, rho: 0.1, ret: 0.01, c: 0.05, extU: 0.02, extR: -30, extRIsCount: true });
    // Act
    componentsStep(S, k, flows, 2022);
    // Assert
    // 1. natural increase on the start: U' = 1000 + 10 − 5 = 1005, R' = 2000 + 40 − 20 = 2020
    expect([flows[FLOW.birthsU], flows[FLOW.deathsU], flows[FLOW.birthsR], flows[FLOW.deathsR]]).toEqual([10, 5, 40, 20]);
    // 2. migration from U', R': F_RU = 202, F_UR = 10.05 → U'' = 1196.95, R'' = 1828.05
    expect(flows[FLOW.ruralToUrban]).toBeCloseTo(202, 12);
    expect(flows[FLOW.urbanToRural]).toBeCloseTo(10.05, 12);
    // 3. reclassification of R'': F_C = 91.4025 → U''' = 1288.3525, R''' = 1736.6475
    expect(flows[FLOW.reclassification]).toBeCloseTo(91.4025, 10);
    // 4. external: rate on the start-of-year urban population (20), a count for rural (−30)
    expect(flows[FLOW.externalU]).toBe(20);
    expect(flows[FLOW.externalR]).toBe(-30);
    expect(S[0]).toBeCloseTo(1308.3525, 9);
    expect(S[1]).toBeCloseTo(1706.6475, 9);
  });
});

describe('componentsStep: accounting', () => {
  const unit = fc.double({ min: 0, max: 1, noNaN: true });
  const pop = fc.double({ min: 0, max: 1e8, noNaN: true });

  it('keeps U_{t+1} − U_t = B − D + F_RU − F_UR + F_C + N (and the same for R) exactly, to rounding', () => {
    fc.assert(
      fc.property(pop, pop, unit, unit, unit, unit, unit, unit, unit, fc.double({ min: -0.2, max: 0.2, noNaN: true }), fc.double({ min: -1e5, max: 1e5, noNaN: true }),
        (U, R, cbrU, cbrR, cdrU, cdrR, rho, ret, c, extU, extR) => {
          const S = Float64Array.of(U, R);
          const f = new Float64Array(FLOW_SLOTS);
          try {
            componentsStep(S, inputs({ cbrU, cbrR, cdrU, cdrR, rho, ret, c, extU, extR, extRIsCount: true }), f, 2030);
          } catch (e) {
            if (e instanceof DrawError) return; // infeasible draw: checked elsewhere
            throw e;
          }
          const scale = 32 * Number.EPSILON * (U + R + Math.abs(extR) + 1);
          expect(Math.abs(S[0] - U - (f[FLOW.birthsU] - f[FLOW.deathsU] + f[FLOW.ruralToUrban] - f[FLOW.urbanToRural] + f[FLOW.reclassification] + f[FLOW.externalU]))).toBeLessThanOrEqual(scale);
          expect(Math.abs(S[1] - R - (f[FLOW.birthsR] - f[FLOW.deathsR] - f[FLOW.ruralToUrban] + f[FLOW.urbanToRural] - f[FLOW.reclassification] + f[FLOW.externalR]))).toBeLessThanOrEqual(scale);
          expect(Math.min(...f.subarray(0, 7))).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });

  it('either leaves both areas ≥ 0 or throws a DrawError — never a negative population', () => {
    fc.assert(
      fc.property(pop, pop, unit, unit, unit, unit, unit, unit, unit, fc.double({ min: -1, max: 1, noNaN: true }), fc.double({ min: -1e8, max: 1e8, noNaN: true }),
        (U, R, cbrU, cbrR, cdrU, cdrR, rho, ret, c, extU, extR) => {
          const S = Float64Array.of(U, R);
          try {
            componentsStep(S, inputs({ cbrU, cbrR, cdrU, cdrR, rho, ret, c, extU, extR, extRIsCount: true }), new Float64Array(FLOW_SLOTS), 2030);
          } catch (e) {
            expect(e).toBeInstanceOf(DrawError);
            return;
          }
          expect(S[0]).toBeGreaterThanOrEqual(0);
          expect(S[1]).toBeGreaterThanOrEqual(0);
          expect(S[0] + S[1]).toBeGreaterThan(0);
        },
      ),
    );
  });
});

describe('componentsStep: infeasible external migration', () => {
  it('throws a DrawError naming the year and external.urban when emigration exceeds the urban population', () => {
    // Arrange
    const S = Float64Array.of(1000, 2000);
    // Act
    const e = thrown(DrawError, () => componentsStep(S, inputs({ extU: -1500, extUIsCount: true }), new Float64Array(FLOW_SLOTS), 2027));
    // Assert
    expect(e.year).toBe(2027);
    expect(e.param).toBe(7);
    expect(e.message).toMatch(/emigration of 1500 persons from the urban population in 2027 exceeds the 1000 persons/);
    expect(Array.from(S)).toEqual([1000, 2000]); // not clamped, not half-written
  });

  it('throws for the rural area with external.rural', () => {
    const e = thrown(DrawError, () => componentsStep(Float64Array.of(1000, 2000), inputs({ cdrR: 0.5, extR: -0.6 }), new Float64Array(FLOW_SLOTS), 2030));
    expect(e.param).toBe(8);
    expect(e.message).toMatch(/rural population in 2030/);
  });

  it('allows emigration of exactly everyone, and immigration into an empty area', () => {
    // Arrange
    const S = Float64Array.of(1000, 0);
    const flows = new Float64Array(FLOW_SLOTS);
    // Act
    componentsStep(S, inputs({ extU: -1, extR: 250, extRIsCount: true }), flows, 2022);
    // Assert
    expect(Array.from(S)).toEqual([0, 250]);
  });

  it('throws when the whole region is emptied (the share is undefined)', () => {
    const e = thrown(DrawError, () => componentsStep(Float64Array.of(1000, 500), inputs({ extU: -1, extR: -1 }), new Float64Array(FLOW_SLOTS), 2024));
    expect(e.message).toMatch(/falls to 0 in 2024/);
  });
});
