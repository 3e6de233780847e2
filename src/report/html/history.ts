/**
 * Observed history of a city for the fan charts: census urban shares and populations
 * (`seeds/data/cities_census.csv`) and year-end figures (`seeds/data/cities_annual.csv`), the
 * city found by its key (`heze`) in the scenario's region or file name.
 *
 * @module
 */
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { readCsv } from '../../data/csv.js';

/** An observed point: year, urban share (fraction) and resident population, each maybe missing. */
export interface ObservedPoint {
  year: number;
  urbanShare: number | null;
  total: number | null;
  /** `census` or `year-end`. */
  kind: 'census' | 'year-end';
}

const numberOr = (s: string | undefined, convert: (x: number) => number) => (s === undefined || s.trim() === '' || !Number.isFinite(Number(s)) ? null : convert(Number(s)));
const percent = (x: number) => x / 100;
const persons = (x: number) => x;
const tenThousands = (x: number) => x * 1e4;

/**
 * The observed points of the city whose key appears in `region` or in the file name, sorted by
 * year (census first when both exist for a year); [] when none matches or the tables are absent.
 *
 * @example
 * observedHistory('菏泽市 Heze', '/x/heze.yml', 'seeds/data')[0]; // { year: 2000, urbanShare: null, total: 8097973, kind: 'census' }
 */
export function observedHistory(region: string, file: string, dataDir: string): ObservedPoint[] {
  const census = join(dataDir, 'cities_census.csv');
  const annual = join(dataDir, 'cities_annual.csv');
  if (!existsSync(census) || !existsSync(annual)) return [];
  const names = `${region} ${basename(file)}`.toLowerCase();
  const matches = (city: string) => city !== '' && new RegExp(`\\b${city.toLowerCase()}\\b`).test(names);
  const points: ObservedPoint[] = [];
  for (const r of readCsv(census)) {
    if (!matches(r.city)) continue;
    points.push({ year: Number(r.census_year), urbanShare: numberOr(r.urban_pct, percent), total: numberOr(r.pop, persons), kind: 'census' });
  }
  for (const r of readCsv(annual)) {
    if (!matches(r.city)) continue;
    points.push({ year: Number(r.year), urbanShare: numberOr(r.urban_pct, percent), total: numberOr(r.resident_pop_10k, tenThousands), kind: 'year-end' });
  }
  return points.filter((p) => Number.isInteger(p.year) && (p.urbanShare !== null || p.total !== null)).sort((a, b) => a.year - b.year || (a.kind === 'census' ? -1 : 1));
}
