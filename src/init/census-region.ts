/**
 * A census catalogue unit (src/census) as an {@link InitRegion}: its 2010 and 2020 censuses as
 * calibration points, each with its pyramid where the catalogue has one (else its broad age
 * shares, which the calibration reweights the national pyramid to), every figure citing its row.
 *
 * @module
 */
import type { AgeBands, CensusPoint, PyramidRows } from '../calibration/types.js';
import { hasUrbanFigures, type CensusFigures, type CensusUnit } from '../census/catalogue.js';
import { pyramidOf } from '../census/pyramid.js';
import { InitError } from './init.js';
import type { InitRegion } from './region.js';

const ROWS = 'seeds/data/census_prefectures.csv';

function point(u: CensusUnit, year: 2010 | 2020, f: CensusFigures, dataDir?: string): CensusPoint {
  const row = `${ROWS} line ${u.line} (${u.code} ${u.name}, ${year})`;
  const p = pyramidOf(u, year, dataDir);
  const pyramid: PyramidRows | undefined =
    p === undefined ? undefined : { ageGroups: p.ageGroups, male: p.male, female: p.female, source: `seeds/data/census_pyramids.csv rows ${u.code} ${year}${p.exact ? '' : ' (shape only, scaled to the population)'}` };
  const a = f.ageShares;
  const shares = [a.a0_14, a.a15_59, a.a60];
  const bands: AgeBands | undefined =
    shares.every((x): x is number => x !== null) && Math.abs(shares.reduce((s, x) => s + x, 0) - 100) <= 0.05
      ? { froms: [0, 15, 60], shares, source: `${row}: age shares 0-14/15-59/60+` }
      : undefined;
  return {
    year,
    population: f.population!,
    urbanShare: f.urban! / f.population!,
    source: row,
    ...(pyramid !== undefined ? { pyramid } : {}),
    ...(bands !== undefined ? { ageBands: bands } : {}),
  };
}

/**
 * The init region of a catalogue unit; throws {@link InitError} when the catalogue lacks its urban
 * figures.
 *
 * @example
 * initRegionOf(findRegion(loadCatalogue(), '临沂市')).end.population; // 11018365
 */
export function initRegionOf(u: CensusUnit, dataDir?: string): InitRegion {
  if (!hasUrbanFigures(u)) {
    throw new InitError(`${u.name} (${u.code}): the census catalogue has no urban population for 2010 or 2020 (${ROWS} line ${u.line}), so there is no urbanisation to calibrate`);
  }
  const start = point(u, 2010, u.census2010, dataDir);
  const end = point(u, 2020, u.census2020, dataDir);
  if (end.pyramid === undefined && end.ageBands === undefined) {
    throw new InitError(`${u.name} (${u.code}): the 2020 census has neither a pyramid nor complete age shares in the catalogue`);
  }
  const notes: string[] = [];
  if (!/^exact/.test(u.pyramidBasis[2020])) notes.push(`2020 pyramid: ${u.pyramidBasis[2020] || 'none in the catalogue; the national pyramid reweighted to the age shares'}.`);
  if (u.boundary2010 !== '' && !/equals the 2020-boundary/.test(u.boundary2010)) notes.push(`2010 on 2020 boundaries: ${u.boundary2010}.`);
  return { code: u.code, name: u.name, province: u.province, pinyin: u.pinyin, start, end, notes };
}
