/**
 * The census catalogue: every prefecture-level unit of China on 2020 boundaries with its 2010
 * and 2020 census figures (`seeds/data/census_prefectures.csv`, derived from the leiii/census
 * compilation of the 6th and 7th census yearbooks by `scripts/census-catalogue.mjs`; see
 * `seeds/data/README.md`). Read once per process.
 *
 * @module
 */
import { join } from 'node:path';
import { readCsv } from '../data/csv.js';
import { dataDir } from '../scenario/paths.js';

/** One census's headline figures of a unit; `null` where the census source has none. */
export interface CensusFigures {
  /** Resident population (常住人口). */
  population: number | null;
  /** Urban residents (城镇人口). */
  urban: number | null;
  /** Age shares in percent: 0–14, 15–59, 60+ and 65+. */
  ageShares: { a0_14: number | null; a15_59: number | null; a60: number | null; a65: number | null };
}

/** A prefecture-level unit (地级市, 地区, 自治州, 盟, a municipality, or a unit managed by its province). */
export interface CensusUnit {
  /** 2020 administrative code, e.g. `371300`. */
  code: string;
  /** Chinese name, e.g. `临沂市`. */
  name: string;
  province: string;
  provinceCode: string;
  /** Toneless pinyin of the name's stem, e.g. `Linyi`. */
  pinyin: string;
  /** Toneless pinyin of the province's stem, e.g. `Shandong`. */
  provincePinyin: string;
  census2010: CensusFigures;
  census2020: CensusFigures;
  /** 2010 extras (only where the 2010 rows reconstruct the 2020 unit): hukou population, births and deaths per 1,000. */
  hukou2010: number | null;
  birthRate2010: number | null;
  deathRate2010: number | null;
  /** 2020 extras: city-core (城区) population; residents registered in another township of the same county, another county of the province, another province. */
  cityCore2020: number | null;
  registeredElsewhere2020: { county: number | null; province: number | null; outside: number | null };
  /** How each census's age–sex pyramid was found (`exact: …` or `shape: …`), or `''` where there is none. */
  pyramidBasis: { 2010: string; 2020: string };
  /** How the 2010 county-file rows map to the 2020 unit. */
  boundary2010: string;
  /** The catalogue row and the source rows it came from. */
  source: string;
  /** 1-based line of the unit in `census_prefectures.csv`. */
  line: number;
}

/** The whole catalogue. */
export interface Catalogue {
  /** Path of the table the units were read from. */
  file: string;
  units: CensusUnit[];
  byCode(code: string): CensusUnit | undefined;
}

/** The catalogue table's file name in `seeds/data/`. */
export const CATALOGUE_FILE = 'census_prefectures.csv';

const num = (s: string | undefined): number | null => (s === undefined || s.trim() === '' ? null : Number(s));

function figures(r: Record<string, string>, y: 2010 | 2020): CensusFigures {
  return {
    population: num(r[`pop_${y}`]),
    urban: num(r[`urban_${y}`]),
    ageShares: { a0_14: num(r[`age_0_14_${y}`]), a15_59: num(r[`age_15_59_${y}`]), a60: num(r[`age_60_${y}`]), a65: num(r[`age_65_${y}`]) },
  };
}

const cache = new Map<string, Catalogue>();

/**
 * Reads the catalogue (cached per folder).
 *
 * @example
 * const linyi = loadCatalogue().byCode('371300'); // { name: '临沂市', census2020: { population: 11018365, … }, … }
 */
export function loadCatalogue(dir: string = dataDir): Catalogue {
  const hit = cache.get(dir);
  if (hit !== undefined) return hit;
  const file = join(dir, CATALOGUE_FILE);
  const units: CensusUnit[] = readCsv(file).map((r, i) => ({
    code: r.code,
    name: r.name,
    province: r.province,
    provinceCode: r.province_code,
    pinyin: r.pinyin,
    provincePinyin: r.province_pinyin,
    census2010: figures(r, 2010),
    census2020: figures(r, 2020),
    hukou2010: num(r.hukou_2010),
    birthRate2010: num(r.birth_rate_2010),
    deathRate2010: num(r.death_rate_2010),
    cityCore2020: num(r.city_core_2020),
    registeredElsewhere2020: { county: num(r.elsewhere_county_2020), province: num(r.elsewhere_province_2020), outside: num(r.elsewhere_outside_2020) },
    pyramidBasis: { 2010: r.pyramid_2010, 2020: r.pyramid_2020 },
    boundary2010: r.boundary_2010,
    source: r.source,
    line: i + 2,
  }));
  const index = new Map(units.map((u) => [u.code, u]));
  const catalogue: Catalogue = { file, units, byCode: (code) => index.get(code) };
  cache.set(dir, catalogue);
  return catalogue;
}

/**
 * Whether a unit has urban figures in both censuses (what `simulate init` and the prefecture
 * backtest need).
 *
 * @example
 * loadCatalogue().units.filter(hasUrbanFigures).length; // 348
 */
export function hasUrbanFigures(u: CensusUnit): boolean {
  return u.census2010.urban !== null && u.census2020.urban !== null && u.census2010.population !== null && u.census2020.population !== null;
}
