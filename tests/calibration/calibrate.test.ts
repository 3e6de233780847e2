/**
 * The calibration recovers known rates: a region is projected from its 2010 census with chosen
 * ρ, ν and φ by the same model, and the fit to the projection's 2020 share, population and child
 * share must give them back.
 */
import { describe, expect, it } from 'vitest';
import cohort from '../../models/cohort/index.js';
import { calibrateRegion } from '../../src/calibration/calibrate.js';
import { nationalPyramid } from '../../src/calibration/pyramid.js';
import { regionModel, stateAgeShares } from '../../src/calibration/region-model.js';
import type { RegionCalibrationInput } from '../../src/calibration/types.js';
import { loadVitals } from '../../src/calibration/vitals.js';
import { dataDir } from '../../src/scenario/paths.js';

const vitals = loadVitals(dataDir);
const start = { year: 2010, population: 5e6, urbanShare: 0.4, source: 'test start' };
const truth = { rho: 0.021, nu: -0.004, phi: 1.3 };

function synthetic(later: boolean): RegionCalibrationInput {
  const m = regionModel({ startYear: 2010, lastYear: 2023, switchYear: 2020, population: start.population, urbanShare: start.urbanShare, pyramid: nationalPyramid(dataDir, 2010), vitals, dataDir });
  const run = m.run({ ...truth, rhoRecent: 0.015, nuRecent: -0.002, phiRecent: (1 + truth.phi) / 2 });
  const shares = stateAgeShares(m.states(truth, [2020])[2020], [0, 15, 60]);
  return {
    id: 'synthetic',
    start,
    end: { year: 2020, population: run('total', 2020), urbanShare: run('urbanShare', 2020), source: 'test end', ageBands: { froms: [0, 15, 60], shares, source: 'test ages' } },
    later: later ? [{ year: 2023, population: run('total', 2023), urbanShare: run('urbanShare', 2023), source: 'test 2023' }] : [],
    baselineYear: 2020,
    horizon: 2035,
  };
}

describe('calibrateRegion', () => {
  it('recovers the rates that produced the census change', () => {
    const { fit } = calibrateRegion(synthetic(false));

    expect(fit.solution.rho).toBeCloseTo(truth.rho, 5);
    expect(fit.solution.nu).toBeCloseTo(truth.nu, 5);
    expect(fit.solution.phi).toBeCloseTo(truth.phi, 4);
    expect(fit.solution.c).toBeCloseTo(truth.rho / 4, 5);
    expect(Math.abs(fit.fit.share.diffPP)).toBeLessThan(1e-6);
    expect(fit.recent).toBeUndefined();
  });

  it('recovers the post-census rates from a later year-end point', () => {
    const { fit } = calibrateRegion(synthetic(true));

    expect(fit.recent?.rho).toBeCloseTo(0.015, 5);
    expect(fit.recent?.nu).toBeCloseTo(-0.002, 5);
    expect(fit.recent?.window).toEqual([2021, 2023]);
  });

  it('writes an assumptions block the cohort model accepts, a why: on every parameter', () => {
    const { assumptions, sampling } = calibrateRegion(synthetic(true));
    const whys: string[] = [];
    const walk = (o: unknown): void => {
      if (typeof o !== 'object' || o === null) return;
      if ('value' in o) whys.push(String((o as { why?: string }).why ?? ''));
      else Object.values(o).forEach(walk);
    };
    walk(assumptions);

    expect(() => cohort.assumptionsSchema.parse(assumptions)).not.toThrow();
    expect(whys).toHaveLength(12);
    for (const w of whys) expect(w).toMatch(/seeds\/data\/|assumption|test (start|end)/);
    expect(sampling.correlations.map((c) => c.between.join(' ~ '))).toContain('ruralToUrban.value ~ reclassification.value');
  });

  it('refuses a baseline before the second census', () => {
    expect(() => calibrateRegion({ ...synthetic(false), baselineYear: 2015 })).toThrow(/before the second census/);
  });

  it('is deterministic', () => {
    const input = synthetic(true);

    expect(calibrateRegion(input)).toEqual(calibrateRegion(input));
  });
});
