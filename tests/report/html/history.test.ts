import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { observedHistory } from '../../../src/report/html/history.js';
import { dataDir } from '../../../src/scenario/paths.js';

describe('observedHistory', () => {
  it("finds Heze's censuses and year-end figures by the key in the region", () => {
    const points = observedHistory('菏泽市 Heze', '/somewhere/plan.yml', dataDir);

    const census2010 = points.find((p) => p.year === 2010 && p.kind === 'census');
    expect(census2010).toMatchObject({ year: 2010, total: 8287693, kind: 'census' });
    expect(census2010?.urbanShare).toBeCloseTo(0.3501, 12);
    expect(points.find((p) => p.year === 2022 && p.kind === 'year-end')?.total).toBeCloseTo(8683200, 6);
    expect(points.map((p) => p.year)).toEqual([...points.map((p) => p.year)].sort((a, b) => a - b));
  });

  it('matches the file name too, and nothing for an unknown region', () => {
    expect(observedHistory('Somewhere', '/x/jinan.yml', dataDir).length).toBeGreaterThan(0);
    expect(observedHistory('Toyland', '/virtual/toy.yml', dataDir)).toEqual([]);
  });

  it('returns [] when the tables are absent', () => {
    expect(observedHistory('Heze', 'heze.yml', mkdtempSync(join(tmpdir(), 'urbcast-nodata-')))).toEqual([]);
  });

  it('skips rows with neither a share nor a population', () => {
    const dir = mkdtempSync(join(tmpdir(), 'urbcast-data-'));
    writeFileSync(join(dir, 'cities_census.csv'), 'city,census_year,pop,urban_pct\ntoy,2010,,\ntoy,2020,100,50\n');
    writeFileSync(join(dir, 'cities_annual.csv'), 'city,year,resident_pop_10k,urban_pct\ntoy,2021,,51.5\n');

    expect(observedHistory('Toy', 'toy.yml', dir)).toEqual([
      { year: 2020, urbanShare: 0.5, total: 100, kind: 'census' },
      { year: 2021, urbanShare: 0.515, total: null, kind: 'year-end' },
    ]);
  });
});
