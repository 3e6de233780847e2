/**
 * A small sample of the prefecture backtest (the whole suite: npm run backtest -- --suite
 * prefectures): it runs every model and both baselines, scores each unit's 2020 census, and its
 * results do not depend on the number of workers.
 */
import { describe, expect, it } from 'vitest';
import { nationalPaces, runPrefectureSuite, suiteTable, summarizeSuite } from '../../src/backtest/prefecture-suite.js';
import { prefectureScenario, urgdReference } from '../../src/backtest/prefecture-scenarios.js';
import { prefectureFits } from '../../src/calibration/prefecture-fits.js';
import { fitReferenceClass } from '../../src/calibration/reference-class.js';
import { loadVitals } from '../../src/calibration/vitals.js';
import { hasUrbanFigures, loadCatalogue } from '../../src/census/index.js';
import { dataDir } from '../../src/scenario/paths.js';

const SAMPLE = ['371700', '440300'];

describe('prefecture backtest suite (sample)', () => {
  it('scores every model and both baselines on each unit, the same with 1 or 2 workers', async () => {
    const one = await runPrefectureSuite({ codes: SAMPLE, draws: 60, workers: 1 });
    const two = await runPrefectureSuite({ codes: SAMPLE, draws: 60, workers: 2 });

    expect(one.units).toBe(2);
    expect(one.rows).toHaveLength(2 * 5 * 2);
    expect(two.rows).toEqual(one.rows);
    expect(new Set(one.rows.map((r) => r.method))).toEqual(new Set(['constant trend', 'UN URGD', 'cohort', 'components', 'urgd']));
    expect(one.rows.filter((r) => r.method === 'cohort').every((r) => typeof r.in80 === 'boolean')).toBe(true);
    expect(suiteTable(one.summary)).toMatch(/^\| method \| n \|/);
  });

  it('leaves the unit\'s province out of everything fitted across prefectures', () => {
    const cat = loadCatalogue();
    const heze = cat.byCode('371700')!;
    const fits = prefectureFits();
    const without = { reference: fitReferenceClass(fits, heze.provinceCode), urgd: urgdReference(cat.units.filter(hasUrbanFigures), heze.provinceCode) };
    const withOwn = { reference: fitReferenceClass(fits), urgd: urgdReference(cat.units.filter(hasUrbanFigures), 'none') };
    const o = { vitals: loadVitals(dataDir), dataDir, draws: 10, seed: 1 };

    const a = prefectureScenario(heze, 'cohort', { ...without, ...o }).doc as { assumptions: { ruralToUrban: { value: number; why: string } } };
    const b = prefectureScenario(heze, 'cohort', { ...withOwn, ...o }).doc as { assumptions: { ruralToUrban: { value: number } } };

    expect(without.reference.n).toBeLessThan(withOwn.reference.n);
    expect(a.assumptions.ruralToUrban.value).not.toBe(b.assumptions.ruralToUrban.value);
    expect(a.assumptions.ruralToUrban.why).toContain('without 山东省');
  });

  it('summarises errors and coverage; baselines have no intervals', () => {
    const s = summarizeSuite([
      { code: 'a', province: 'p', method: 'm', metric: 'urbanShare', error: 1, in80: true, in95: true },
      { code: 'b', province: 'p', method: 'm', metric: 'urbanShare', error: -3, in80: false, in95: true },
      { code: 'a', province: 'p', method: 'b', metric: 'urbanShare', error: 2, in80: null, in95: null },
    ]);

    expect(s[0]).toEqual({ method: 'm', metric: 'urbanShare', n: 2, mae: 2, medianAbs: 2, bias: -1, coverage80: 0.5, coverage95: 1 });
    expect(s[1].coverage80).toBeNull();
  });

  it('takes the baselines\' paces from the national 2000 → 2010 series', () => {
    const n = nationalPaces(dataDir);

    expect(n.pointsPerYear).toBeCloseTo((0.4995 - 0.3622) / 10, 12);
    expect(n.growth).toBeGreaterThan(0);
  });
});
