import { describe, expect, it } from 'vitest';
import { calibrateRegion } from '../../src/calibration/calibrate.js';
import { PLAN_REGIONS, planRegionInput } from '../../src/calibration/cities.js';
import { levelSd, PACE_WALK, walkEvidence, walkMeanVariance } from '../../src/calibration/uncertainty.js';
import { dataDir } from '../../src/scenario/paths.js';

describe('uncertainty from evidence', () => {
  it('PACE_WALK is what the plan regions\' two fits give (to its stated digits)', () => {
    const fits = PLAN_REGIONS.map((id) => calibrateRegion(planRegionInput(dataDir, id)).fit);

    const w = walkEvidence(fits);

    expect(w.gaps).toHaveLength(4);
    expect(Number(w.logRho.toFixed(2))).toBe(PACE_WALK.logRho);
    expect(Number(w.nu.toPrecision(2))).toBe(PACE_WALK.nu);
  });

  it('k(T) is the variance of a walk\'s mean over T years', () => {
    expect(walkMeanVariance(10)).toBeCloseTo(2.85, 12);
    expect(walkMeanVariance(1)).toBe(0);
  });

  it('the level keeps what the walk does not explain, never below 0', () => {
    expect(levelSd(0.4, 0.14, 10)).toBeCloseTo(Math.sqrt(0.16 - 0.0196 * 2.85), 12);
    expect(levelSd(0.1, 0.14, 10)).toBe(0);
  });
});
