/**
 * The multi-region scenarios written from the census catalogue: the committed files are what the
 * generators write now; Shandong's 16 prefectures add up to the province's 2020 census and their
 * projected sum stays near the province's year-end points 2021–2023; Jining's two parts add up to
 * Jining's censuses.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/census/index.js';
import { readCsv } from '../../src/data/csv.js';
import { projectDeterministic } from '../../src/engine/deterministic.js';
import { jiningMetroScenarios } from '../../src/regions/jining-metro.js';
import { shandongScenarios } from '../../src/regions/province-scenario.js';
import { loadScenario } from '../../src/scenario/load.js';

const dataDir = resolve('seeds/data');
const options = { dataDir, horizon: 2035, seed: 20221205 };

describe('multi-region scenarios from the census catalogue', () => {
  it('are what src/regions writes now (npm run regions:shandong)', () => {
    const catalogue = loadCatalogue(dataDir);
    const files = { ...shandongScenarios(catalogue, options), ...jiningMetroScenarios(catalogue, options) };
    expect(Object.keys(files).filter((f) => f.startsWith('prefectures/'))).toHaveLength(16);
    for (const [path, text] of Object.entries(files)) expect(readFileSync(join('scenarios', path), 'utf8'), path).toBe(text);
  }, 60_000);

  it("Shandong's prefectures add up to the province's 2020 census, and their projected sum stays within 1 point and 1 % of the year-end points 2021–2023", async () => {
    const loaded = await loadScenario('scenarios/shandong-prefectures.yml');
    const units = loadCatalogue(dataDir).units.filter((u) => u.province === '山东省');
    const pop = units.reduce((s, u) => s + u.census2020.population!, 0);
    const urban = units.reduce((s, u) => s + u.census2020.urban!, 0);
    expect(pop).toBe(101527453); // the province's census: 10152.75万 (shandong_urbanisation.csv row 2020)
    expect(Math.abs(urban / pop - 0.6305)).toBeLessThan(0.0001);
    const d = projectDeterministic(loaded);
    const series = (name: string) => d.series[d.metrics.findIndex((m) => m.name === name)];
    expect(series('total')[0]).toBeCloseTo(pop, 0);
    const rows = readCsv(join(dataDir, 'shandong_urbanisation.csv')).filter((r) => r.type === 'year-end estimate' && Number(r.year) >= 2021 && Number(r.year) <= 2023);
    expect(rows).toHaveLength(3);
    for (const r of rows) {
      const t = Number(r.year) - 2020;
      // the 2010→2020 paces run ahead of the post-2020 slowdown (0.2–0.7 points by 2021–2023, README
      // "Provinces and sub-regions"); the plan cities' scenarios refit to their year-end points for it
      expect(Math.abs(series('urbanShare')[t]! - Number(r.urban_pct) / 100), `share ${r.year}`).toBeLessThan(0.01);
      expect(Math.abs(series('total')[t]! / (Number(r.resident_pop_10k) * 1e4) - 1), `population ${r.year}`).toBeLessThan(0.01);
    }
  });

  it("Jining's metro area and other counties add up to Jining's 2010 and 2020 censuses", () => {
    const rows = readCsv(join(dataDir, 'jining_counties.csv'));
    const jining = loadCatalogue(dataDir).units.find((u) => u.name === '济宁市')!;
    for (const [year, f] of [[2010, jining.census2010], [2020, jining.census2020]] as const) {
      const ofYear = rows.filter((r) => Number(r.census_year) === year);
      expect(ofYear.reduce((s, r) => s + Number(r.pop), 0)).toBe(f.population);
      expect(ofYear.reduce((s, r) => s + Number(r.urban), 0)).toBe(f.urban);
      for (const r of ofYear) expect(Number(r.age_0_14) + Number(r.age_15_59) + Number(r.age_60plus)).toBe(Number(r.pop));
    }
    // the metro area's urban gain 2010 → 2020: 88.39万 on whole units, the plan's 都市区 84.43万 (001 line 35)
    const metro = (y: number) => rows.filter((r) => r.part === 'metro' && Number(r.census_year) === y).reduce((s, r) => s + Number(r.urban), 0);
    expect(metro(2020) - metro(2010)).toBe(883897);
  });
});
