/**
 * National vital rates from UN WPP 2024 (seeds/data/wpp2024_vitals_china.csv) and the TFR area
 * factors (rural TFR a stated ratio above urban, normalised at the national 2020 census urban share).
 *
 * @module
 */
import { join } from 'node:path';
import { readCsv } from '../data/csv.js';
import { STATED } from './assumptions-stated.js';

/** One year of WPP 2024 China. */
export interface VitalYear {
  tfr: number;
  e0Female: number;
  e0Male: number;
  srb: number;
}

/** The vitals table and the area factors. */
export interface Vitals {
  at(year: number): VitalYear;
  /** Rows as read (for least-squares lines). */
  rows: ({ year: number } & VitalYear)[];
  /** Urban and rural TFR factors; their mean weighted by the national 2020 urban share is 1. */
  kU: number;
  kR: number;
  nationalUrban2020: number;
}

/**
 * Reads the vitals and computes the area factors.
 *
 * @example
 * loadVitals('seeds/data').at(2020).tfr; // 1.2815…
 */
export function loadVitals(dataDir: string): Vitals {
  const rows = readCsv(join(dataDir, 'wpp2024_vitals_china.csv')).map((r) => ({
    year: Number(r.year),
    tfr: Number(r.tfr),
    e0Female: Number(r.e0_female),
    e0Male: Number(r.e0_male),
    srb: Number(r.srb_m_per_f),
  }));
  const byYear = new Map(rows.map((r) => [r.year, r]));
  const census = readCsv(join(dataDir, 'china_census_urban_share.csv')).find((r) => r.census_year === '2020');
  if (census === undefined) throw new RangeError(`${join(dataDir, 'china_census_urban_share.csv')}: no row for census_year 2020`);
  const nationalUrban2020 = Number(census.urban_pct) / 100;
  const ratio = STATED.ruralUrbanTfrRatio.value;
  const kU = 1 / (nationalUrban2020 + (1 - nationalUrban2020) * ratio);
  return {
    at(year) {
      const r = byYear.get(year);
      if (r === undefined) throw new RangeError(`wpp2024_vitals_china.csv has no row for ${year}`);
      return r;
    },
    rows,
    kU,
    kR: ratio * kU,
    nationalUrban2020,
  };
}

/**
 * Least-squares line through `column` of the vitals for years y1 … y2: value at y1 and slope.
 *
 * @example
 * vitalsLine(loadVitals('seeds/data'), 'tfr', 2022, 2035); // { atFirstYear: 1.0067…, slope: 0.00675… }
 */
export function vitalsLine(v: Vitals, column: keyof VitalYear, y1: number, y2: number): { atFirstYear: number; slope: number } {
  const pts = v.rows.filter((r) => r.year >= y1 && r.year <= y2).map((r) => [r.year - y1, r[column]]);
  const n = pts.length;
  const mx = pts.reduce((s, p) => s + p[0], 0) / n;
  const my = pts.reduce((s, p) => s + p[1], 0) / n;
  const slope = pts.reduce((s, p) => s + (p[0] - mx) * (p[1] - my), 0) / pts.reduce((s, p) => s + (p[0] - mx) ** 2, 0);
  return { atFirstYear: my - slope * mx, slope };
}
