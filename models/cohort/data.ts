/**
 * Reads the demographic standards the cohort model compiles from `seeds/data/` (each table cites
 * its publisher there): the UN WPP 2024 China mortality schedule and fertility pattern, and the
 * 2020 census age–sex structure.
 *
 * @module
 */
import { join } from 'node:path';
import { ParamError } from '../../src/params/compile.js';
import { readCsv as readCsvFile } from '../../src/data/csv.js';
import { AGES, personYears } from './lifetable.js';

/** The standards are read once per process (they are small and never change during a run). */
const cache = new Map<string, Record<string, string>[]>();
function readCsv(file: string): Record<string, string>[] {
  let rows = cache.get(file);
  if (rows === undefined) {
    rows = readCsvFile(file);
    cache.set(file, rows);
  }
  return rows;
}

/** Sex index in flat layouts: F = 0, M = 1. */
export type Sex = 'female' | 'male';

/** Parses an age-group label ("0", "1-4", "80+", "100+") into [first, last] single ages (last ≤ 100). */
export function parseAgeGroup(label: string): [number, number] | null {
  const s = label.trim();
  let m = /^(\d+)\s*[-–]\s*(\d+)$/.exec(s);
  if (m) return [Number(m[1]), Math.min(100, Number(m[2]))];
  m = /^(\d+)\s*\+$/.exec(s);
  if (m) return [Number(m[1]), 100];
  m = /^(\d+)$/.exec(s);
  if (m) return [Number(m[1]), Number(m[1])];
  return null;
}

/**
 * The WPP 2024 China central death rates for `sex` in the 5-year period containing `year`
 * (periods run mid-year to mid-year, so a year-end state of year Y lies in the period
 * starting ≤ Y < end), each abridged group's rate applied to every single age inside it.
 *
 * @example
 * const mx = standardMx('seeds/data', 2021, 'female'); // 101 values, ages 0 … 100+
 */
export function standardMx(dataDir: string, year: number, sex: Sex): Float64Array {
  const rows = readCsv(join(dataDir, 'wpp2024_mx_china.csv')).filter((r) => r.sex === sex);
  const periods = [...new Set(rows.map((r) => r.period))];
  const period = periods.find((p) => {
    const [a, b] = p.split('-').map(Number);
    return a <= year && year < b;
  });
  if (period === undefined) {
    throw new ParamError(['baseline', 'year'], `no WPP 2024 mortality standard for ${year} (seeds/data has periods ${periods[0]} … ${periods[periods.length - 1]})`);
  }
  const groups = rows
    .filter((r) => r.period === period)
    .map((r) => ({ start: Number(r.age_start), mx: Number(r.mx) }))
    .sort((a, b) => a.start - b.start);
  const mx = new Float64Array(AGES);
  for (let a = 0; a < AGES; a++) {
    let g = groups[0];
    for (const x of groups) if (x.start <= a) g = x;
    mx[a] = g.mx;
  }
  return mx;
}

/**
 * The WPP 2024 China percent-of-TFR pattern for `year` (the latest year on file if `year` is
 * later), each 5-year group's share split equally over its five single ages, normalised to Σ = 1.
 *
 * @example
 * const h = fertilityPattern('seeds/data', 2021); // h[27] ≈ 0.0702
 */
export function fertilityPattern(dataDir: string, year: number): { h: Float64Array; year: number } {
  const rows = readCsv(join(dataDir, 'wpp2024_asfr_pattern_china.csv'));
  const years = [...new Set(rows.map((r) => Number(r.year)))].sort((a, b) => a - b);
  const use = years.filter((y) => y <= year).pop();
  if (use === undefined) {
    throw new ParamError(['baseline', 'year'], `no WPP 2024 fertility pattern for ${year} (seeds/data starts in ${years[0]})`);
  }
  const h = new Float64Array(AGES);
  for (const r of rows.filter((x) => Number(x.year) === use)) {
    const g = parseAgeGroup(r.age_group);
    if (g === null) continue;
    const n = g[1] - g[0] + 1;
    for (let a = g[0]; a <= g[1]; a++) h[a] += Number(r.pct_of_tfr) / n;
  }
  const sum = h.reduce((s, x) => s + x, 0);
  for (let a = 0; a < AGES; a++) h[a] /= sum;
  return { h, year: use };
}

/** Age–sex shape of a population: single-year counts (any unit), ages 0 … 100. */
export interface Shape {
  female: Float64Array;
  male: Float64Array;
}

/**
 * Spreads grouped counts over single ages: equally within closed groups, and an open group
 * (e.g. 80+) over its ages up to 100 in proportion to the standard life table's L(a).
 *
 * @example
 * spreadGroups([{ first: 0, last: 4, count: 5 }], L); // 1 at each age 0 … 4
 */
export function spreadGroups(groups: { first: number; last: number; count: number; open: boolean }[], L: Float64Array): Float64Array {
  const out = new Float64Array(AGES);
  for (const g of groups) {
    if (g.open) {
      let w = 0;
      for (let a = g.first; a <= 100; a++) w += L[a];
      for (let a = g.first; a <= 100; a++) out[a] += (g.count * L[a]) / w;
    } else {
      const n = g.last - g.first + 1;
      for (let a = g.first; a <= g.last; a++) out[a] += g.count / n;
    }
  }
  return out;
}

/**
 * Reads an age-structure CSV (`age_group,male,female` and optionally `area` = urban|rural,
 * optionally `census_year` to pick one year) and returns a shape per area (the same for both
 * when there is no `area` column).
 *
 * @example
 * const { urban, rural } = readAgeStructure('seeds/data/census_pyramid_china.csv', mxF, mxM, 2020);
 */
export function readAgeStructure(
  file: string,
  mxF: Float64Array,
  mxM: Float64Array,
  censusYear?: number,
): { urban: Shape; rural: Shape } {
  const where = ['baseline', 'ageStructure'];
  let rows: Record<string, string>[];
  try {
    rows = readCsvFile(file);
  } catch (e) {
    throw new ParamError(where, `cannot read age-structure file ${file}: ${(e as Error).message}`);
  }
  if (rows.length === 0 || !('age_group' in rows[0]) || !('male' in rows[0]) || !('female' in rows[0])) {
    throw new ParamError(where, `${file}: expected a CSV with columns age_group,male,female (and optionally area)`);
  }
  if ('census_year' in rows[0]) {
    const years = [...new Set(rows.map((r) => Number(r.census_year)))];
    if (censusYear !== undefined) rows = rows.filter((r) => Number(r.census_year) === censusYear);
    else if (years.length > 1) {
      throw new ParamError(where, `${file} has several census_year values (${years.join(', ')}); give a file with one age structure`);
    }
  }
  const LF = new Float64Array(AGES);
  const LM = new Float64Array(AGES);
  personYears(mxF, 1, LF);
  personYears(mxM, 1, LM);
  const build = (subset: Record<string, string>[]): Shape => {
    const parsed = subset.map((r, i) => {
      const g = parseAgeGroup(r.age_group);
      const male = Number(r.male);
      const female = Number(r.female);
      if (g === null || !(male >= 0) || !(female >= 0)) {
        throw new ParamError(where, `${file} row ${i + 2}: expected an age group like 0-4 or 80+ and non-negative counts, found ${JSON.stringify(r.age_group)}, ${r.male}, ${r.female}`);
      }
      return { first: g[0], last: g[1], open: r.age_group.trim().endsWith('+'), male, female };
    });
    const covered = new Uint8Array(AGES);
    for (const g of parsed) for (let a = g.first; a <= g.last; a++) covered[a]++;
    const bad = covered.findIndex((c) => c !== 1);
    if (bad >= 0) throw new ParamError(where, `${file}: the age groups must cover ages 0 … 100 exactly once; age ${bad} is covered ${covered[bad]} times`);
    return {
      female: spreadGroups(parsed.map((g) => ({ ...g, count: g.female })), LF),
      male: spreadGroups(parsed.map((g) => ({ ...g, count: g.male })), LM),
    };
  };
  if ('area' in rows[0]) {
    const urban = rows.filter((r) => r.area === 'urban');
    const rural = rows.filter((r) => r.area === 'rural');
    if (urban.length === 0 || rural.length === 0) throw new ParamError(where, `${file}: the area column must have both urban and rural rows`);
    return { urban: build(urban), rural: build(rural) };
  }
  const s = build(rows);
  return { urban: s, rural: s };
}
