/**
 * The cohort model's draw-independent inputs (MODEL.md, "Compiled schedules"): the baseline
 * population, the standards, and the calibration κ of the migration schedules.
 */
import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { calibration, compileCohort } from '../../../models/cohort/compile.js';
import { fertilityPattern, readAgeStructure, standardMx } from '../../../models/cohort/data.js';
import { CELLS, FLOW, FLOW_SLOTS, RF, RM, UF, UM, cohortStep, type StepInputs } from '../../../models/cohort/kernel.js';
import { rogersCastro } from '../../../models/cohort/rogers-castro.js';
import type { CohortAssumptions } from '../../../models/cohort/schema.js';
import cohort from '../../../models/cohort/index.js';
import { baseAssumptions, context, dataDir, sum } from './helpers.js';

const A = cohort.assumptionsSchema.parse(baseAssumptions());

describe('compileCohort: baseline population', () => {
  it('splits the scenario’s total and urban share over the census shape, the same shape in both areas', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e3, max: 1e9, noNaN: true }), fc.double({ min: 0.01, max: 0.99, noNaN: true }), (population, urbanShare) => {
        // Act
        const d = compileCohort(A, context({ population, urbanShare }));
        // Assert
        const U = sum(d.baseline, 0, 202);
        const R = sum(d.baseline, 202, CELLS);
        expect(Math.abs(U - population * urbanShare)).toBeLessThanOrEqual(1e-12 * population);
        expect(Math.abs(R - population * (1 - urbanShare))).toBeLessThanOrEqual(1e-12 * population);
        for (let i = 0; i < 202; i++) {
          expect(Math.abs(d.baseline[i] / U - d.baseline[202 + i] / R)).toBeLessThan(1e-15);
        }
      }),
      { numRuns: 20 },
    );
  });

  it('follows the 2020 census pyramid (with 80+ spread by L(a)) by default', () => {
    // Arrange
    const mxF = standardMx(dataDir, 2021, 'female');
    const mxM = standardMx(dataDir, 2021, 'male');
    const { urban } = readAgeStructure(join(dataDir, 'census_pyramid_china.csv'), mxF, mxM, 2020);
    const total = sum(urban.female) + sum(urban.male);
    // Act
    const d = compileCohort(A, context({ population: 1e6, urbanShare: 0.5 }));
    // Assert
    for (let a = 0; a <= 100; a++) {
      expect(Math.abs(d.baseline[UF + a] - (0.5e6 * urban.female[a]) / total)).toBeLessThan(1e-9);
      expect(Math.abs(d.baseline[RM + a] - (0.5e6 * urban.male[a]) / total)).toBeLessThan(1e-9);
    }
    expect(d.sources.ageStructure).toMatch(/census 2020/);
  });

  it('uses a per-area age structure given by the scenario', () => {
    // Arrange: urban population all aged 20–39, rural all aged 60–79.
    const dir = mkdtempSync(join(tmpdir(), 'cohort-compile-'));
    const file = join(dir, 'ages.csv');
    writeFileSync(
      file,
      'area,age_group,male,female\n' +
        'urban,0-19,0,0\nurban,20-39,10,10\nurban,40+,0,0\n' +
        'rural,0-59,0,0\nrural,60-79,30,10\nrural,80+,0,0\n',
    );
    // Act
    const d = compileCohort(A, context({ population: 1000, urbanShare: 0.4, ageStructure: file }));
    // Assert
    expect(d.baseline[UF + 20]).toBeCloseTo(200 / 20, 12);
    expect(d.baseline[UM + 19]).toBe(0);
    expect(d.baseline[RM + 70]).toBeCloseTo(600 * (30 / 40) / 20, 12);
    expect(d.baseline[RF + 59]).toBe(0);
    expect(d.sources.ageStructure).toBe(file);
  });
});

describe('compileCohort: standards', () => {
  it('stores mx* as [female | male] for the baseline period and the fertility pattern with its range 10–54', () => {
    const d = compileCohort(A, context({ baseYear: 2021 }));
    expect(Array.from(d.mxStd.subarray(0, 101))).toEqual(Array.from(standardMx(dataDir, 2021, 'female')));
    expect(Array.from(d.mxStd.subarray(101))).toEqual(Array.from(standardMx(dataDir, 2021, 'male')));
    expect(Array.from(d.h)).toEqual(Array.from(fertilityPattern(dataDir, 2021).h));
    expect([d.hLo, d.hHi]).toEqual([10, 54]);
    expect(d.sources.fertilityYear).toBe(2021);
  });

  it('takes the external schedule and the return schedule from migrationSchedule unless given', () => {
    // Arrange
    const mig = { a1: 0, c: 0.01 };
    const B = cohort.assumptionsSchema.parse({ ...baseAssumptions(), migrationSchedule: mig, externalSchedule: { mu2: 30 } });
    // Act
    const d = compileCohort(B, context());
    // Assert
    const g = rogersCastro(mig);
    const KU = calibration(g, d.baseline, UF, UM);
    for (let a = 0; a <= 100; a++) expect(d.gUR[a]).toBe(g[a] * KU);
    expect(Array.from(d.e)).toEqual(Array.from(rogersCastro({ mu2: 30 })));
    expect(d.eMax).toBe(Math.max(...d.e));
  });

  it('records whether external migration is a rate or a count, per area', () => {
    const B = cohort.assumptionsSchema.parse({ ...baseAssumptions(), external: { urban: { count: 100 }, rural: { rate: 0 } } });
    const d = compileCohort(B, context());
    expect([d.extUIsCount, d.extRIsCount]).toEqual([true, false]);
  });
});

describe('calibration κ', () => {
  const arbSchedule = fc.record({
    a1: fc.double({ min: 0, max: 0.05, noNaN: true }),
    alpha1: fc.double({ min: 0.01, max: 0.3, noNaN: true }),
    a2: fc.double({ min: 0.01, max: 0.1, noNaN: true }),
    mu2: fc.double({ min: 15, max: 30, noNaN: true }),
    lambda2: fc.double({ min: 0.1, max: 1, noNaN: true }),
    c: fc.double({ min: 0.0005, max: 0.01, noNaN: true }),
  });

  it('makes Σ_{s,a} κ·g(a)·P_R(a) = Σ_{s,a} P_R(a) for the baseline rural (and urban) population', () => {
    fc.assert(
      fc.property(arbSchedule, arbSchedule, fc.double({ min: 0.05, max: 0.95, noNaN: true }), (mig, ret, urbanShare) => {
        // Arrange
        const B: CohortAssumptions = { ...A, migrationSchedule: mig, returnSchedule: ret };
        // Act
        const d = compileCohort(B, context({ urbanShare }));
        // Assert: gRU = κ_R·g, so Σ gRU·P_R must equal ΣP_R (and likewise for returns).
        let moveR = 0;
        let moveU = 0;
        for (let a = 0; a <= 100; a++) {
          moveR += d.gRU[a] * (d.baseline[RF + a] + d.baseline[RM + a]);
          moveU += d.gUR[a] * (d.baseline[UF + a] + d.baseline[UM + a]);
        }
        const R = sum(d.baseline, 202, CELLS);
        const U = sum(d.baseline, 0, 202);
        expect(Math.abs(moveR - R)).toBeLessThanOrEqual(1e-12 * R);
        expect(Math.abs(moveU - U)).toBeLessThanOrEqual(1e-12 * U);
        const g = rogersCastro(mig);
        const k = d.gRU[40] / g[40];
        for (let a = 0; a <= 100; a++) expect(Math.abs(d.gRU[a] - k * g[a])).toBeLessThanOrEqual(1e-15 * d.gRU[a]);
      }),
      { numRuns: 20 },
    );
  });

  it('is 0 for an empty population (no division by zero)', () => {
    expect(calibration(rogersCastro({}), new Float64Array(CELLS), RF, RM)).toBe(0);
  });

  it('applies the rate to the survived population Q: with survival 1 and no births, the first-year flow is ρ·Σ κg(a+1)·P_R(a)', () => {
    // MODEL.md calibrates κ on P_R,t0 (so that ρ = "share of the rural population that moves in the
    // baseline year"), but step 3 applies m(a) = ρκg(a) to Q, the population after survival and
    // ageing. With survival 1 and no births, Q(a+1) = P(a) and Q(100) = P(99) + P(100), so the flow
    // is ρ·Σ_s [Σ_{a≤98} κg(a+1)P(a) + κg(100)(P(99) + P(100))], which is NOT ρ·ΣP_R: the ages shift.
    // Arrange
    const d = compileCohort(A, context());
    const rho = 0.03;
    const k: StepInputs = {
      survival: new Float64Array(CELLS).fill(1),
      birthSurvival: new Float64Array(4).fill(1),
      h: d.h,
      hLo: d.hLo,
      hHi: d.hHi,
      tfrU: 0,
      tfrR: 0,
      srb: 1.05,
      rho,
      gRU: d.gRU,
      ret: 0,
      gUR: d.gUR,
      c: 0,
      extU: 0,
      extR: 0,
      extUIsCount: false,
      extRIsCount: false,
      e: d.e,
      eMax: d.eMax,
      extUParam: 10,
      extRParam: 11,
    };
    const P = Float64Array.from(d.baseline);
    const flows = new Float64Array(FLOW_SLOTS);
    let want = 0;
    for (const o of [RF, RM]) {
      for (let a = 0; a < 99; a++) want += rho * d.gRU[a + 1] * d.baseline[o + a];
      want += rho * d.gRU[100] * (d.baseline[o + 99] + d.baseline[o + 100]);
    }
    const R0 = sum(d.baseline, 202, CELLS);
    // Act
    cohortStep(P, new Float64Array(CELLS), k, flows, 2022);
    // Assert
    expect(Math.abs(flows[FLOW.ruralToUrban] - want)).toBeLessThanOrEqual(1e-12 * want);
    // …and on the census shape one year of ageing alone moves the realised share away from ρ:
    const realised = flows[FLOW.ruralToUrban] / R0;
    expect(Math.abs(realised / rho - 1)).toBeGreaterThan(1e-4);
    expect(Math.abs(realised / rho - 1)).toBeLessThan(0.05);
  });
});
