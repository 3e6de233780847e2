/**
 * The calibration inputs of the plan scenarios' regions (Heze, Jining, Jinan, Shandong), read from
 * seeds/data: the 2010 and 2020 censuses, the year-end points since, and for Shandong (whose census
 * age shares are not in seeds/data) the year-end age shares. Also each scenario's baseline
 * population and baseline age bands.
 *
 * @module
 */
import { join } from 'node:path';
import { readCsv } from '../data/csv.js';
import type { AgeBands, AgeTarget, RegionCalibrationInput, YearEndPoint } from './types.js';

/** The plan regions with a calibrated scenario. */
export const PLAN_REGIONS = ['heze', 'jining', 'jinan', 'shandong'] as const;
export type PlanRegion = (typeof PLAN_REGIONS)[number];

/** A plan scenario's baseline: year, population (with why) and the age bands of its pyramid. */
export interface PlanBaseline {
  year: number;
  population: { value: number; why: string } | { seed: string };
  /** Population the baseline pyramid is scaled to. */
  pyramidPopulation: number;
  bands: AgeBands;
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
  const census = readCsv(join(dataDir, 'cities_census.csv'));
  const annual = readCsv(join(dataDir, 'cities_annual.csv'));
  const row = (y: number) => {
    const r = census.find((x) => x.city === id && Number(x.census_year) === y);
    if (r === undefined) throw new RangeError(`cities_census.csv: no row ${id} ${y}`);
    return r;
  };
  const cite = (y: number) => `seeds/data/cities_census.csv row ${id} ${y}`;
  const point = (y: number) => {
    const r = row(y);
    return {
      year: y,
      population: Number(r.pop),
      urbanShare: Number(r.urban_pct) / 100,
      source: cite(y),
      ageBands: { froms: [0, 15, 60], shares: [r.age_0_14_pct, r.age_15_59_pct, r.age_60plus_pct].map(Number), source: `${cite(y)} (age shares 0-14/15-59/60+)` },
    };
  };
  const later: YearEndPoint[] = annual
    .filter((r) => r.city === id && !/old boundary/.test(r.note) && (Number(r.year) > 2020 || (r.resident_pop_10k !== '' && Number(r.year) < 2020)))
    .map((r) => ({
      year: Number(r.year),
      ...(num(r.urban_pct) === undefined ? {} : { urbanShare: Number(r.urban_pct) / 100 }),
      ...(num(r.resident_pop_10k) === undefined ? {} : { population: Number(r.resident_pop_10k) * 1e4 }),
      note: r.note,
      source: `seeds/data/cities_annual.csv row ${id} ${r.year}`,
    }));
  const end = point(2020);
  return {
    id,
    start: point(2010),
    end,
    ageTarget: { year: 2020, ...end.ageBands, source: cite(2020) },
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
  const census = (y: number) => {
    const r = row(y, 'census');
    return { year: y, population: Number(r.resident_pop_10k) * 1e4, urbanShare: Number(r.urban_pct) / 100, source: `${cite(y)} (census)` };
  };
  const yearEnd = rows.filter((r) => r.type === 'year-end estimate');
  const ages = yearEnd
    .map((r) => {
      const b = parseAgeNote(r.note, `${cite(r.year)} (note)`);
      return b ? ({ year: Number(r.year), ...b } as AgeTarget) : null;
    })
    .filter((a): a is AgeTarget => a !== null);
  const target = ages.find((a) => a.year === 2019);
  if (target === undefined) throw new RangeError('shandong_urbanisation.csv: no 2019 age shares');
  return {
    id: 'shandong',
    start: census(2010),
    end: census(2020),
    ageTarget: target,
    ageChecks: ages.filter((a) => a.year !== 2019),
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
 * end-2020) and the first later year-end figure; the pyramid's age bands from the 2020 census
 * (Shandong: its year-end 2021 shares).
 *
 * @example
 * planBaseline('seeds/data', 'heze').population; // { value: 8739570, why: 'not in the data …' }
 */
export function planBaseline(dataDir: string, id: PlanRegion): PlanBaseline {
  const year = BASE_YEARS[id];
  if (id === 'shandong') {
    const r = readCsv(join(dataDir, 'shandong_urbanisation.csv')).find((x) => x.year === '2021')!;
    const value = Math.round(Number(r.resident_pop_10k) * 1e4);
    const bands = parseAgeNote(r.note.replace(/age 0-14 ([\d.]+), 15-64 ([\d.]+), 65\+ ([\d.]+)/, 'age 0-14 $1%, 15-64 $2%, 65+ $3'), '');
    if (bands === null) throw new RangeError('shandong_urbanisation.csv row 2021: no age shares in its note');
    return {
      year,
      population: { value, why: 'seeds/data/shandong_urbanisation.csv row 2021' },
      pyramidPopulation: value,
      bands: { ...bands, source: 'seeds/data/shandong_urbanisation.csv row 2021 (note: year-end 2021 age shares 0-14/15-64/65+)' },
    };
  }
  const census = readCsv(join(dataDir, 'cities_census.csv')).find((x) => x.city === id && x.census_year === '2020')!;
  const bands: AgeBands = {
    froms: [0, 15, 60],
    shares: [census.age_0_14_pct, census.age_15_59_pct, census.age_60plus_pct].map(Number),
    source: `seeds/data/cities_census.csv row ${id} 2020 (census age shares 0-14/15-59/60+)`,
  };
  if (id === 'jinan') return { year, population: { seed: 'jinan.P008' }, pyramidPopulation: 9242000, bands };
  const later = readCsv(join(dataDir, 'cities_annual.csv'))
    .filter((r) => r.city === id && Number(r.year) > 2020 && r.resident_pop_10k !== '')
    .sort((a, b) => Number(a.year) - Number(b.year))[0];
  const p0 = Number(census.pop);
  const p1 = Number(later.resident_pop_10k) * 1e4;
  const w = (year - 2020) / (Number(later.year) - 2020);
  const value = Math.round(p0 + w * (p1 - p0));
  return {
    year,
    population: {
      value,
      why:
        `not in the data: linear between the 2020 census ${p0} (seeds/data/cities_census.csv row ${id} 2020, taken as end-2020) and the ` +
        `${later.year} year-end ${later.resident_pop_10k}万 (seeds/data/cities_annual.csv row ${id} ${later.year}), weight ${w.toFixed(4)}`,
    },
    pyramidPopulation: value,
    bands,
  };
}
