/**
 * Census age–sex pyramids of the catalogue's units (`seeds/data/census_pyramids.csv`: 5-year
 * groups 0-4 … 85+ by sex, from the county yearbook tables; see `seeds/data/README.md`).
 *
 * @module
 */
import { join } from 'node:path';
import { readCsv } from '../data/csv.js';
import { dataDir } from '../scenario/paths.js';
import type { CensusUnit } from './catalogue.js';

/** The pyramid table's file name in `seeds/data/`. */
export const PYRAMID_FILE = 'census_pyramids.csv';

/** A census pyramid: counts by 5-year age group and sex. */
export interface CensusPyramid {
  year: 2010 | 2020;
  /** `0-4`, `5-9`, … `85+`. */
  ageGroups: string[];
  male: number[];
  female: number[];
  /**
   * `true` where the counts are the unit's own on 2020 boundaries; `false` where only the shape
   * is the unit's (a 2010 prefecture whose boundary changed, or a 2020 row with another total):
   * scale it to the unit's population before use.
   */
  exact: boolean;
  /** Where the counts come from (file and line). */
  basis: string;
}

const cache = new Map<string, Map<string, CensusPyramid>>();

function table(dir: string): Map<string, CensusPyramid> {
  let t = cache.get(dir);
  if (t !== undefined) return t;
  t = new Map();
  for (const r of readCsv(join(dir, PYRAMID_FILE))) {
    const key = `${r.code}/${r.year}`;
    let p = t.get(key);
    if (p === undefined) {
      p = { year: Number(r.year) as 2010 | 2020, ageGroups: [], male: [], female: [], exact: false, basis: '' };
      t.set(key, p);
    }
    p.ageGroups.push(r.age_group);
    p.male.push(Number(r.male));
    p.female.push(Number(r.female));
  }
  cache.set(dir, t);
  return t;
}

/**
 * The unit's pyramid in a census year, or `undefined` where the census tables have none.
 *
 * @example
 * const p = pyramidOf(loadCatalogue().byCode('371700')!, 2020); // Heze: p.exact === true, p.ageGroups[0] === '0-4'
 */
export function pyramidOf(unit: CensusUnit, year: 2010 | 2020, dir: string = dataDir): CensusPyramid | undefined {
  const p = table(dir).get(`${unit.code}/${year}`);
  const basis = unit.pyramidBasis[year];
  if (p === undefined || basis === '') return undefined;
  return { ...p, ageGroups: [...p.ageGroups], male: [...p.male], female: [...p.female], exact: basis.startsWith('exact'), basis };
}
