/**
 * The calibration inputs of the plan scenarios' regions (Heze, Jining, Jinan, Shandong): the 2010
 * and 2020 censuses with their pyramids from the census catalogue (Shandong's summed over its
 * prefectures), the year-end points since (seeds/data/cities_annual.csv,
 * seeds/data/shandong_urbanisation.csv). Also each scenario's baseline population and pyramid.
 *
 * @module
 */
import { join } from 'node:path';
import { loadCatalogue, type CensusUnit } from '../census/index.js';
import { readCsv } from '../data/csv.js';
import { bandShares, fromPyramid } from './pyramid.js';
import { censusPoint, sumPyramids, unitAgeBands, unitPyramid } from './catalogue-input.js';
import type { AgeBands, AgeTarget, PyramidRows, RegionCalibrationInput, YearEndPoint } from './types.js';

/** The plan regions with a calibrated scenario. */
export const PLAN_REGIONS = ['heze', 'jining', 'jinan', 'shandong'] as const;
export type PlanRegion = (typeof PLAN_REGIONS)[number];

/** A plan scenario's baseline: year, population (with why) and its pyramid's shape. */
export interface PlanBaseline {
  year: number;
  population: { value: number; why: string } | { seed: string };
  /** Population the baseline pyramid is scaled to. */
  pyramidPopulation: number;
  /** The 2020 census pyramid (its shape; counts are scaled to `pyramidPopulation`). */
  pyramid: PyramidRows;
}

/** The plan cities' 2020 codes in the census catalogue. */
export const PLAN_CODES = { heze: '371700', jining: '370800', jinan: '370100' } as const;

function unitOf(dataDir: string, id: keyof typeof PLAN_CODES): CensusUnit {
  const u = loadCatalogue(dataDir).byCode(PLAN_CODES[id]);
  if (u === undefined) throw new RangeError(`census catalogue: no unit ${PLAN_CODES[id]} (${id})`);
  return u;
}

function shandongPyramid(dataDir: string, year: 2010 | 2020): PyramidRows {
  const units = loadCatalogue(dataDir).units.filter((u) => u.provinceCode === '370000');
  const p = sumPyramids(units, year, '山东省 Shandong', dataDir);
  if (p === undefined) throw new RangeError(`census catalogue: a Shandong prefecture has no ${year} pyramid`);
  return p;
}

/** Scenario baseline years (the plans' base years: heze.P004, jining's plan table, jinan.P008, Shandong's 2021 row). */
const BASE_YEARS: Record<PlanRegion, number> = { heze: 2021, jining: 2021, jinan: 2020, shandong: 2021 };
const HORIZON = 2035;

/** "age 0-14 18.06%, 15-64 66.17%, 65+ 15.77%" → bands [0, 15, 65]. */
function parseAgeNote(note: string, source: string): AgeBands | null {
  const m = /age (\d+)-\d+ ([\d.]+)%?, (\d+)-\d+ ([\d.]+)%?, (\d+)\+ ([\d.]+)/.exec(note);
  return m ? { froms: [m[1], m[3], m[5]].map(Number), shares: [m[2], m[4], m[6]].map(Number), source } : null;
}

const num = (s: string | undefined) => (s === undefined || s === '' ? undefined : Number(s));

function cityInput(dataDir: string, id: Exclude<PlanRegion, 'shandong'>): RegionCalibrationInput {
  const u = unitOf(dataDir, id);
  const annual = readCsv(join(dataDir, 'cities_annual.csv'));
  const later: YearEndPoint[] = annual
    .filter((r) => r.city === id && !/old boundary/.test(r.note) && (Number(r.year) > 2020 || (r.resident_pop_10k !== '' && Number(r.year) < 2020)))
    .map((r) => ({
      year: Number(r.year),
      ...(num(r.urban_pct) === undefined ? {} : { urbanShare: Number(r.urban_pct) / 100 }),
      ...(num(r.resident_pop_10k) === undefined ? {} : { population: Number(r.resident_pop_10k) * 1e4 }),
      note: r.note,
      source: `seeds/data/cities_annual.csv row ${id} ${r.year}`,
    }));
  const bands = unitAgeBands(u, 2020);
  if (bands === undefined) throw new RangeError(`census catalogue: ${u.code} has no 2020 age shares`);
  return {
    id,
    start: censusPoint(u, 2010, dataDir),
    end: censusPoint(u, 2020, dataDir),
    ageTarget: { year: 2020, ...bands },
    later,
    baselineYear: BASE_YEARS[id],
    horizon: HORIZON,
  };
}

function shandongInput(dataDir: string): RegionCalibrationInput {
  const rows = readCsv(join(dataDir, 'shandong_urbanisation.csv'));
  const row = (y: number, type: string) => {
    const r = rows.find((x) => Number(x.year) === y && x.type.startsWith(type));
    if (r === undefined) throw new RangeError(`shandong_urbanisation.csv: no ${type} row for ${y}`);
    return r;
  };
  const cite = (y: number | string) => `seeds/data/shandong_urbanisation.csv row ${y}`;
  const census = (y: 2010 | 2020) => {
    const r = row(y, 'census');
    return { year: y, population: Number(r.resident_pop_10k) * 1e4, urbanShare: Number(r.urban_pct) / 100, source: `${cite(y)} (census)`, pyramid: shandongPyramid(dataDir, y) };
  };
  const yearEnd = rows.filter((r) => r.type === 'year-end estimate');
  const ages = yearEnd
    .map((r) => {
      const b = parseAgeNote(r.note, `${cite(r.year)} (note)`);
      return b ? ({ year: Number(r.year), ...b } as AgeTarget) : null;
    })
    .filter((a): a is AgeTarget => a !== null);
  const end = census(2020);
  const froms = [0, 15, 60];
  const target: AgeTarget = { year: 2020, froms, shares: bandShares(fromPyramid(end.pyramid), froms), source: end.pyramid.source };
  return {
    id: 'shandong',
    start: census(2010),
    end,
    ageTarget: target,
    ageChecks: ages,
    later: yearEnd.map((r) => {
      const b = /births ([\d.]+)万/.exec(r.note);
      return {
        year: Number(r.year),
        ...(num(r.urban_pct) === undefined ? {} : { urbanShare: Number(r.urban_pct) / 100 }),
        ...(num(r.resident_pop_10k) === undefined ? {} : { population: Number(r.resident_pop_10k) * 1e4 }),
        ...(b ? { births: Number(b[1]) * 1e4 } : {}),
        note: r.note,
        source: cite(r.year),
      };
    }),
    baselineYear: BASE_YEARS.shandong,
    horizon: HORIZON,
  };
}

/**
 * The calibration input of a plan region.
 *
 * @example
 * planRegionInput('seeds/data', 'heze').end.population; // 8795939
 */
export function planRegionInput(dataDir: string, id: PlanRegion): RegionCalibrationInput {
  return id === 'shandong' ? shandongInput(dataDir) : cityInput(dataDir, id);
}

/**
 * A plan scenario's baseline: the plan's population where it gives one (Jinan: seed jinan.P008),
 * else the data's (Shandong's 2021 row) or a linear interpolation between the 2020 census (taken as
 * end-2020) and the first later year-end figure; the pyramid is the 2020 census's (Shandong's summed
 * over its prefectures).
 *
 * @example
 * planBaseline('seeds/data', 'heze').population; // { value: 8739570, why: 'not in the data …' }
 */
export function planBaseline(dataDir: string, id: PlanRegion): PlanBaseline {
  const year = BASE_YEARS[id];
  if (id === 'shandong') {
    const r = readCsv(join(dataDir, 'shandong_urbanisation.csv')).find((x) => x.year === '2021')!;
    const value = Math.round(Number(r.resident_pop_10k) * 1e4);
    return { year, population: { value, why: 'seeds/data/shandong_urbanisation.csv row 2021' }, pyramidPopulation: value, pyramid: shandongPyramid(dataDir, 2020) };
  }
  const u = unitOf(dataDir, id);
  const pyramid = unitPyramid(u, 2020, dataDir);
  if (pyramid === undefined) throw new RangeError(`census catalogue: ${u.code} has no 2020 pyramid`);
  if (id === 'jinan') return { year, population: { seed: 'jinan.P008' }, pyramidPopulation: 9242000, pyramid };
  const later = readCsv(join(dataDir, 'cities_annual.csv'))
    .filter((r) => r.city === id && Number(r.year) > 2020 && r.resident_pop_10k !== '')
    .sort((a, b) => Number(a.year) - Number(b.year))[0];
  const p0 = u.census2020.population!;
  const p1 = Number(later.resident_pop_10k) * 1e4;
  const w = (year - 2020) / (Number(later.year) - 2020);
  const value = Math.round(p0 + w * (p1 - p0));
  return {
    year,
    population: {
      value,
      why:
        `not in the data: linear between the 2020 census ${p0} (seeds/data/census_prefectures.csv line ${u.line}, taken as end-2020) and the ` +
        `${later.year} year-end ${later.resident_pop_10k}万 (seeds/data/cities_annual.csv row ${id} ${later.year}), weight ${w.toFixed(4)}`,
    },
    pyramidPopulation: value,
    pyramid,
  };
}
