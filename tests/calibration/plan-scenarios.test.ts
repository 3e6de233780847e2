/**
 * The plan scenarios' calibrated parts are what the product's calibration writes: a change to the
 * calibration or the data that moves them, or a hand edit of a generated number, fails here until
 * `npm run calibrate:plans` is rerun and its output committed.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { planScenarioFiles } from '../../src/calibration/plan-scenarios.js';
import { PLAN_REGIONS } from '../../src/calibration/cities.js';

describe.each(PLAN_REGIONS)('scenarios/%s.yml', (id) => {
  const f = planScenarioFiles(id);

  it('is the calibration’s output, byte for byte (scenario and age structure)', () => {
    expect(readFileSync(f.scenarioFile, 'utf8')).toBe(f.scenario);
    expect(readFileSync(f.ageFile, 'utf8')).toBe(f.ageCsv);
  });

  it('keeps the hand-written parts: targets, seed and (where present) the hukou block', () => {
    const doc = parse(f.scenario);

    expect(doc.seed).toBe(20221205);
    expect(doc.model).toBe('cohort');
    if (id === 'heze' || id === 'jinan') expect(doc.assumptions.hukou.baseline).toBeDefined();
    if (id !== 'shandong') expect(doc.targets.length).toBeGreaterThan(0);
  });
});
