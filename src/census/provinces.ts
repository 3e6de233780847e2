/**
 * Provinces (省, 自治区, 直辖市) as the census has them: their own 2010 and 2020 census totals
 * (`seeds/data/census_provinces.csv`, the county files' province rows, derived by
 * `scripts/census-catalogue.mjs`) and the catalogue's prefecture-level units that belong to them.
 * The units need not add up to the province: {@link provinceCoverage} says by how much they do not.
 *
 * @module
 */
import { join } from 'node:path';
import { readCsv } from '../data/csv.js';
import { dataDir } from '../scenario/paths.js';
import type { CensusPoint } from '../calibration/types.js';
import type { Catalogue, CensusUnit } from './catalogue.js';
import { nameStem } from './names.js';

/** The provinces' table's file name in `seeds/data/`. */
export const PROVINCES_FILE = 'census_provinces.csv';
/** The provinces' age–sex pyramids (5-year groups, 0-4 … 85+, both censuses). */
export const PROVINCE_PYRAMIDS_FILE = 'census_province_pyramids.csv';

/** A province: its census totals and its catalogue units. */
export interface Province {
  /** e.g. `410000`. */
  code: string;
  /** e.g. `河南省`. */
  name: string;
  /** e.g. `河南`. */
  stem: string;
  /** e.g. `Henan`. */
  pinyin: string;
  /** The province's own census totals (`null` where the source has none). */
  census2010: { population: number | null; urban: number | null };
  census2020: { population: number | null; urban: number | null };
  /** 1-based line in `census_provinces.csv`, and the source rows it came from. */
  line: number;
  source: string;
  /** The catalogue's units of the province, in catalogue order. */
  units: CensusUnit[];
}

const num = (s: string | undefined): number | null => (s === undefined || s.trim() === '' ? null : Number(s));

/**
 * The provinces with their units (read once per call; the table has 31 rows).
 *
 * @example
 * loadProvinces(loadCatalogue()).find((p) => p.code === '410000')!.units.length; // 18
 */
export function loadProvinces(cat: Catalogue, dir: string = dataDir): Province[] {
  return readCsv(join(dir, PROVINCES_FILE)).map((r, i) => ({
    code: r.code,
    name: r.name,
    stem: nameStem(r.name),
    pinyin: r.pinyin,
    census2010: { population: num(r.pop_2010), urban: num(r.urban_2010) },
    census2020: { population: num(r.pop_2020), urban: num(r.urban_2020) },
    line: i + 2,
    source: r.source,
    units: cat.units.filter((u) => u.provinceCode === r.code),
  }));
}

/** How a set of a province's units compares with the province's own 2020 census. */
export interface Coverage {
  population: number;
  urban: number;
  /** The province's census population minus the units' (negative: the units count more people). */
  gap: number;
  /** The units' population as a share of the province's. */
  share: number;
}

/**
 * The 2020 population and urban residents of `units` (which must all have them), against the
 * province's census.
 *
 * @example
 * provinceCoverage(henan, henan.units).gap; // 0
 */
export function provinceCoverage(p: Province, units: CensusUnit[]): Coverage {
  const population = units.reduce((s, u) => s + u.census2020.population!, 0);
  const urban = units.reduce((s, u) => s + u.census2020.urban!, 0);
  const total = p.census2020.population ?? Number.NaN;
  return { population, urban, gap: total - population, share: population / total };
}

/**
 * A province's own census as a calibration point: its population and urban share
 * (`census_provinces.csv`) and its pyramid (`census_province_pyramids.csv`), each citing its row;
 * `undefined` where the census row lacks them.
 *
 * @example
 * provinceCensusPoint(henan, 2010)!.urbanShare; // 0.3852
 */
export function provinceCensusPoint(p: Province, year: 2010 | 2020, dir: string = dataDir): CensusPoint | undefined {
  const f = year === 2010 ? p.census2010 : p.census2020;
  if (f.population === null || f.urban === null) return undefined;
  const rows = readCsv(join(dir, PROVINCE_PYRAMIDS_FILE)).filter((r) => r.code === p.code && Number(r.year) === year);
  if (rows.length === 0) return undefined;
  return {
    year,
    population: f.population,
    urbanShare: f.urban / f.population,
    source: `seeds/data/${PROVINCES_FILE} line ${p.line} (${p.code} ${p.name}, ${year}; ${p.source})`,
    pyramid: { ageGroups: rows.map((r) => r.age_group), male: rows.map((r) => Number(r.male)), female: rows.map((r) => Number(r.female)), source: `seeds/data/${PROVINCE_PYRAMIDS_FILE} rows ${p.code} ${year}` },
  };
}
