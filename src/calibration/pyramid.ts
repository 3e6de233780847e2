/**
 * Age–sex pyramids for the calibration: the national census pyramid, a region's pyramid from its
 * broad age shares (the national one with each band scaled to the region's share: a derivation,
 * not data, and every file written says so), band shares, and the CSV the cohort model reads.
 *
 * @module
 */
import { join } from 'node:path';
import { parseAgeGroup } from '../../models/cohort/data.js';
import { readCsv } from '../data/csv.js';
import { bandOf } from './band.js';
import type { AgeBands, PyramidRows } from './types.js';

/** One 5-year group of a pyramid. */
export interface PyramidRow {
  age_group: string;
  first: number;
  male: number;
  female: number;
}

/**
 * The national census pyramid of `censusYear` (seeds/data/census_pyramid_china.csv).
 *
 * @example
 * nationalPyramid('seeds/data', 2010).length; // 21 groups, 0-4 … 100+
 */
export function nationalPyramid(dataDir: string, censusYear: number): PyramidRow[] {
  return readCsv(join(dataDir, 'census_pyramid_china.csv'))
    .filter((r) => Number(r.census_year) === censusYear)
    .map((r) => ({ age_group: r.age_group, first: firstAge(r.age_group), male: Number(r.male), female: Number(r.female) }));
}

function firstAge(label: string): number {
  const g = parseAgeGroup(label);
  if (g === null) throw new RangeError(`not an age group: ${JSON.stringify(label)}`);
  return g[0];
}

/**
 * Rows of a {@link PyramidRows} (e.g. a census catalogue pyramid).
 *
 * @example
 * fromPyramid({ ageGroups: ['0-4', '5+'], male: [1, 2], female: [1, 2], source: '' })[1].first; // 5
 */
export function fromPyramid(p: PyramidRows): PyramidRow[] {
  return p.ageGroups.map((g, i) => ({ age_group: g, first: firstAge(g), male: p.male[i], female: p.female[i] }));
}

/**
 * Scales each band of `rows` to the region's share and the whole to `total`. Within a band the
 * composition of `rows` is kept. Throws when the shares do not add up to 100 ± 0.05.
 *
 * @example
 * reweight(nationalPyramid('seeds/data', 2020), { froms: [0, 15, 60], shares: [25.1, 56.57, 18.32], source: '' }, 8795939);
 */
export function reweight(rows: PyramidRow[], bands: AgeBands, total: number): PyramidRow[] {
  const sum = bands.shares.reduce((s, b) => s + b, 0);
  if (Math.abs(sum - 100) > 0.05) throw new RangeError(`band shares add up to ${sum}, not 100 (${bands.source})`);
  const band = (first: number) => bandOf(bands.froms, first);
  const national = new Float64Array(bands.froms.length);
  for (const r of rows) national[band(r.first)] += r.male + r.female;
  return rows.map((r) => {
    const b = band(r.first);
    const f = ((bands.shares[b] / sum) * total) / national[b];
    return { ...r, male: r.male * f, female: r.female * f };
  });
}

/**
 * Broad-band shares (percent) of a pyramid.
 *
 * @example
 * bandShares(nationalPyramid('seeds/data', 2020), [0, 15, 60]); // [17.95…, 63.35…, 18.70…]
 */
export function bandShares(rows: PyramidRow[], froms: number[]): number[] {
  const out = new Float64Array(froms.length);
  let all = 0;
  for (const r of rows) {
    out[bandOf(froms, r.first)] += r.male + r.female;
    all += r.male + r.female;
  }
  return Array.from(out, (x) => (100 * x) / all);
}

/**
 * CSV text in the format the cohort model reads (`age_group,male,female`), counts rounded to whole
 * persons, with a `source` column repeated on every row.
 *
 * @example
 * pyramidCsv(rows, 'derived: …'); // 'age_group,male,female,source\n0-4,…'
 */
export function pyramidCsv(rows: PyramidRow[], source: string): string {
  const q = `"${source.replaceAll('"', '""')}"`;
  return ['age_group,male,female,source', ...rows.map((r) => `${r.age_group},${Math.round(r.male)},${Math.round(r.female)},${q}`)].join('\n') + '\n';
}
