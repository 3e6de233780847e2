#!/usr/bin/env node
/**
 * Derives every number the four scenarios (scenarios/*.yml) take from the calibration and the
 * data tables, so that each `why:` can point here instead of to a hand calculation:
 *
 *   npx tsc -p . && node bench/calibration/census-2010-2020.mjs && node bench/calibration/scenario-inputs.mjs
 *
 * Reads bench/calibration/results.json and seeds/data; writes bench/calibration/scenario-inputs.json
 * and the baseline age structures scenarios/data/<region>_age.csv (atomically). Rules:
 *
 * - Baseline population where the plan gives none for its base year: linear interpolation between
 *   the 2020 census (taken as end-2020, as in the calibration) and the first later year-end figure.
 * - Age structure: the 2020 national census pyramid reweighted to the region's broad age shares
 *   (2020 census for the cities, year-end 2021 for Shandong), the same in both areas.
 * - ρ, c, ν: two estimates each from the calibration (the 2011–2020 rates carried forward, and the
 *   post-2020 "recent" fit; for ν also the recent fit at the two ends of the fertility range). The
 *   scenario's PERT is symmetric around the midpoint of the estimates, its ends a quarter of their
 *   spread beyond them (at least FLOOR), so the deterministic path (the median) sits half-way.
 *   ρ is the crude rate in the first projected year (what a scenario's ρ means). The rates may also
 *   drift: an uncertain annual change, symmetric PERT around 0, whose extreme moves the rate by the
 *   spread of the estimates again by 2035 (the fits show rates moving that much within a few years);
 *   for ρ and c capped so that the lowest path at most halves the lowest level by 2035.
 * - TFR: the least-squares line through the WPP 2024 national values from the first projected year
 *   to 2035, times the region's post-2020 factor φ_post and the area factor; the level is uncertain
 *   (PERT, half-width |φ − 1|/2 + 15 % of the national level, relative to
 *   the national line), the slope fixed.
 * - e0: the least-squares line through WPP 2024 by sex; level PERT ± 2 years, slope fixed.
 * - SRB: WPP 2024 2021–2023 mean, PERT ± 0.026.
 *
 * @module
 */
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readCsv } from '../../dist/src/data/csv.js';
import { writeFileAtomic } from '../../dist/src/util/atomic.js';
import { bandShares, nationalPyramid, reweight, toCsv } from './age-shape.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DATA = join(ROOT, 'seeds', 'data');
const HORIZON = 2035;
const RULES = {
  margin: 0.25,
  floor: { rho: 0.1, c: 0.1, nu: 0.001 },
  tfrNationalSpread: 0.15,
  e0Spread: 2,
  srbSpread: 0.026,
};

const calibration = JSON.parse(readFileSync(join(ROOT, 'bench', 'calibration', 'results.json'), 'utf8'));
const byRegion = Object.fromEntries(calibration.regions.map((r) => [r.region, r]));
const vitals = readCsv(join(DATA, 'wpp2024_vitals_china.csv'));
const census = readCsv(join(DATA, 'cities_census.csv'));
const annual = readCsv(join(DATA, 'cities_annual.csv'));
const shandongRows = readCsv(join(DATA, 'shandong_urbanisation.csv'));

const sig = (v, n = 4) => Number(v.toPrecision(n));

/** Least-squares line through (year, value) for years y1 … HORIZON: value at y1 and slope. */
function line(column, y1) {
  const pts = vitals.filter((r) => Number(r.year) >= y1 && Number(r.year) <= HORIZON).map((r) => [Number(r.year) - y1, Number(r[column])]);
  const n = pts.length;
  const mx = pts.reduce((s, p) => s + p[0], 0) / n;
  const my = pts.reduce((s, p) => s + p[1], 0) / n;
  const slope = pts.reduce((s, p) => s + (p[0] - mx) * (p[1] - my), 0) / pts.reduce((s, p) => s + (p[0] - mx) ** 2, 0);
  return { atFirstYear: my - slope * mx, slope, rows: `${y1}–${HORIZON}` };
}

/**
 * Symmetric PERT around the midpoint of `estimates`, ends a quarter of their spread beyond them,
 * and a symmetric PERT drift per year over `years` (see the module comment).
 */
function rate(estimates, floor, { relativeFloor, positive, years }) {
  const lo = Math.min(...estimates);
  const hi = Math.max(...estimates);
  const mode = 0.5 * (lo + hi);
  const m = Math.max(RULES.margin * (hi - lo), relativeFloor ? floor * Math.abs(mode) : floor);
  const min = sig(lo - m);
  let d = (hi - lo) / years;
  if (positive) d = Math.min(d, min / 2 / years);
  return {
    value: { dist: 'pert', min, mode: sig(mode), max: sig(hi + m) },
    change: { dist: 'pert', min: -sig(d, 3), mode: 0, max: sig(d, 3) },
    estimates: estimates.map((e) => sig(e, 6)),
  };
}

function interpolated(id, y0) {
  const c20 = census.find((r) => r.city === id && r.census_year === '2020');
  const later = annual.filter((r) => r.city === id && Number(r.year) > 2020 && r.resident_pop_10k !== '').sort((a, b) => a.year - b.year)[0];
  const p0 = Number(c20.pop);
  const p1 = Number(later.resident_pop_10k) * 1e4;
  const w = (y0 - 2020) / (Number(later.year) - 2020);
  return {
    value: Math.round(p0 + w * (p1 - p0)),
    why:
      `not in the data: linear between the 2020 census ${p0} (seeds/data/cities_census.csv row ${id} 2020, taken as end-2020) and the ` +
      `${later.year} year-end ${later.resident_pop_10k}万 (seeds/data/cities_annual.csv row ${id} ${later.year}), weight ${w.toFixed(4)}`,
  };
}

/** Each region's baseline and the source of its age shares. */
const REGIONS = {
  heze: { baseYear: 2021, population: () => interpolated('heze', 2021) },
  jining: { baseYear: 2021, population: () => interpolated('jining', 2021) },
  jinan: { baseYear: 2020, population: () => ({ value: 9242000, why: 'seed jinan.P008 (924.2万, year-end 2020)' }) },
  shandong: {
    baseYear: 2021,
    population: () => {
      const r = shandongRows.find((x) => x.year === '2021');
      return { value: Math.round(Number(r.resident_pop_10k) * 1e4), why: 'seeds/data/shandong_urbanisation.csv row 2021' };
    },
  },
};

function ageBands(id) {
  if (id === 'shandong') {
    const note = shandongRows.find((x) => x.year === '2021').note;
    const m = /age 0-14 ([\d.]+), 15-64 ([\d.]+), 65\+ ([\d.]+)/.exec(note);
    return { froms: [0, 15, 65], shares: m.slice(1).map(Number), source: 'seeds/data/shandong_urbanisation.csv row 2021 (note: year-end 2021 age shares 0-14/15-64/65+)' };
  }
  const r = census.find((x) => x.city === id && x.census_year === '2020');
  return {
    froms: [0, 15, 60],
    shares: [r.age_0_14_pct, r.age_15_59_pct, r.age_60plus_pct].map(Number),
    source: `seeds/data/cities_census.csv row ${id} 2020 (census age shares 0-14/15-59/60+)`,
  };
}

const out = {
  script: 'bench/calibration/scenario-inputs.mjs',
  from: ['bench/calibration/results.json', 'seeds/data/wpp2024_vitals_china.csv', 'seeds/data/census_pyramid_china.csv'],
  rules: RULES,
  tfrAreaFactors: calibration.tfrAreaFactors,
  regions: {},
};

for (const [id, spec] of Object.entries(REGIONS)) {
  const cal = byRegion[id];
  const y1 = spec.baseYear + 1;
  const years = HORIZON - y1;
  const population = spec.population();
  const bands = ageBands(id);
  const rows = reweight(nationalPyramid(DATA, 2020), bands.froms.map((from, i) => ({ from, share: bands.shares[i] })), population.value);
  const file = `scenarios/data/${id}_age.csv`;
  const source =
    `derived by bench/calibration/scenario-inputs.mjs: seeds/data/census_pyramid_china.csv rows 2020 (national 7th census, 5-year groups by sex) ` +
    `with each band scaled to ${bands.source}; within a band the national composition is kept; counts scaled to the baseline population ${population.value}`;
  writeFileAtomic(join(ROOT, file), toCsv(rows, source));

  const phi = cal.solution.phi;
  const phiPost = cal.recent.phiRecent;
  const { urban: kU, rural: kR } = calibration.tfrAreaFactors;
  const tfrLine = line('tfr', y1);
  const tfr = (k) => {
    const mode = k * phiPost * tfrLine.atFirstYear;
    const w = k * tfrLine.atFirstYear * (Math.abs(phi - 1) / 2 + RULES.tfrNationalSpread);
    return { value: { dist: 'pert', min: sig(mode - w), mode: sig(mode), max: sig(mode + w) }, change: sig(k * phiPost * tfrLine.slope) };
  };
  const e0 = (column) => {
    const l = line(column, y1);
    return { value: { dist: 'pert', min: sig(l.atFirstYear - RULES.e0Spread), mode: sig(l.atFirstYear), max: sig(l.atFirstYear + RULES.e0Spread) }, change: sig(l.slope) };
  };
  const srbMean = vitals.filter((r) => ['2021', '2022', '2023'].includes(r.year)).reduce((s, r) => s + Number(r.srb_m_per_f), 0) / 3;
  const sens = cal.recent.fertilitySensitivity.map((s) => s.nu);
  out.regions[id] = {
    baseYear: spec.baseYear,
    firstProjectedYear: y1,
    population,
    ageStructure: { file, bands: bands.froms, shares: bands.shares, check: bandShares(rows, bands.froms).map((v) => sig(v, 4)), source: bands.source },
    ruralToUrban: rate([cal.crudeRho[y1], cal.recent.crudeRho[y1]], RULES.floor.rho, { relativeFloor: true, positive: true, years }),
    reclassification: rate([cal.solution.c, cal.recent.c], RULES.floor.c, { relativeFloor: true, positive: true, years }),
    externalRate: rate([cal.solution.nu, cal.recent.nu, ...sens], RULES.floor.nu, { relativeFloor: false, positive: false, years }),
    tfr: { phi, phiPost, wppLine: { ...tfrLine, atFirstYear: sig(tfrLine.atFirstYear, 6), slope: sig(tfrLine.slope, 6) }, urban: tfr(kU), rural: tfr(kR) },
    e0: { female: e0('e0_female'), male: e0('e0_male') },
    srb: { dist: 'pert', min: sig(srbMean - RULES.srbSpread), mode: sig(srbMean), max: sig(srbMean + RULES.srbSpread) },
  };
}

writeFileAtomic(join(ROOT, 'bench', 'calibration', 'scenario-inputs.json'), JSON.stringify(out, null, 2) + '\n');
for (const [id, r] of Object.entries(out.regions)) {
  console.log(`${id} (baseline ${r.baseYear}, population ${r.population.value})`);
  for (const k of ['ruralToUrban', 'reclassification', 'externalRate', 'srb']) console.log(`  ${k.padEnd(16)} ${JSON.stringify(r[k])}`);
  console.log(`  tfr urban        ${JSON.stringify(r.tfr.urban)}\n  tfr rural        ${JSON.stringify(r.tfr.rural)}`);
  console.log(`  e0 female        ${JSON.stringify(r.e0.female)}\n  e0 male          ${JSON.stringify(r.e0.male)}`);
  console.log(`  age shares       ${r.ageStructure.shares.join('/')} → ${r.ageStructure.check.join('/')}`);
}
