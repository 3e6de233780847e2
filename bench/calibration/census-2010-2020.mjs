#!/usr/bin/env node
/**
 * Calibrates the cohort model's migration, reclassification and fertility level to the
 * 2010 → 2020 census change of Heze, Jining, Jinan and Shandong, then compares the calibrated
 * path with the year-end points published since (and a few before) 2020.
 *
 *   npx tsc -p . && node bench/calibration/census-2010-2020.mjs
 *
 * For each region the projection starts from the 2010 census (total and urban share; the age–sex
 * shape is the 2010 national census pyramid, reweighted to the region's own 2010 broad age shares
 * where those are published) and runs 2011 … 2023 with UN WPP 2024 China TFR, e0 by sex and SRB
 * year by year (byYear paths). Three unknowns are solved by bisection, one at a time, repeated
 * until all three targets hold (they interact only weakly):
 *
 *   ρ  rural→urban migration rate (share of the 2010 rural population moving per year, at the
 *      2010 age structure), with reclassification c = ρ/4 (ASSUMPTIONS below) → the census urban
 *      share in 2020;
 *   ν  net external migration rate, the same for both areas (share-neutral) → the census total;
 *   φ  the region's TFR relative to the national WPP value → the published child (0-14) share
 *      (2020 census for the cities; Shandong's year-end 2019 figure, as its census shares are not
 *      in seeds/data).
 *
 * Census day is 1 November, the model's states are year-ends: the two-month offset is ignored
 * (the 2010 census is taken as the end-2010 state and the 2020 census as the end-2020 state), as
 * the cohort model's README does for census baselines. Jinan is on 2020 boundaries throughout
 * (its 2010 census row includes former Laiwu).
 *
 * A second fit ("recent") keeps the 2011–2020 solution and solves ρ and ν for the years after
 * 2020 so that the latest year-end point with both a share and a population is reproduced; the
 * scenarios use the gap between the two fits to set the width of their uncertainty.
 *
 * Writes bench/calibration/results.json (atomically) and prints a table.
 *
 * @module
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import cohort, { METRICS } from '../../dist/models/cohort/index.js';
import { compileParams, evaluatePaths } from '../../dist/src/params/compile.js';
import { readCsv } from '../../dist/src/data/csv.js';
import { writeFileAtomic } from '../../dist/src/util/atomic.js';
import { nationalPyramid, reweight, toCsv } from './age-shape.mjs';
import { ageShares, projectState } from './project-state.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DATA = join(ROOT, 'seeds', 'data');
const OUT = join(ROOT, 'bench', 'calibration', 'results.json');
const FIRST = 2011;
const LAST = 2023;
const H = LAST - 2010;

/** The calibration's stated assumptions (none of these figures is in seeds/data). */
const ASSUMPTIONS = {
  reclassificationPerRho: {
    value: 0.25,
    why:
      'assumption: c = ρ/4, i.e. reclassification moves a fifth of the internal rural→urban transfer. NBS counts residents as urban by where they ' +
      'live (统计上划分城乡的规定: residents\' committees and villages joined to the built-up area), so villages absorbed by towns (村改居, 乡改镇) ' +
      'turn urban in place; the census change identifies only the sum of migration and reclassification, not the split.',
  },
  ruralUrbanTfrRatio: {
    value: 1.25,
    why:
      'assumption: rural TFR 25% above urban. That rural fertility is higher is well established; its size for these regions is not in seeds/data. ' +
      'The two factors are normalised so that their population-weighted mean at the national 2020 census urban share is 1.',
  },
  urbanToRural: { value: 0, why: 'assumption: ρ is a net rate; the census does not separate gross flows both ways, so returns are folded into ρ.' },
  externalSameRateBothAreas: {
    value: true,
    why: 'assumption: net external migration at the same rate in both areas (it does not move the urban share by itself); the census total does not say which area gains or loses.',
  },
  e0: { value: 'WPP national by sex, both areas', why: 'e0 by region and by area is not in seeds/data.' },
  post2020Fertility: {
    value: 'φ_post = (1 + φ)/2',
    why:
      'assumption: after 2020 the region\'s excess (or deficit) fertility relative to the nation is halved. The 2011–2020 φ is fitted to the census child ' +
      'share, which also rises where out-migrating parents leave children behind, so it overstates fertility in out-migration cities; and Shandong\'s ' +
      'own births (shandong_urbanisation.csv notes 2019, 2022, 2023) run 9% above the φ-path in 2019 but within 2% of it in 2022–2023.',
  },
};

const vitals = new Map(readCsv(join(DATA, 'wpp2024_vitals_china.csv')).map((r) => [Number(r.year), r]));
const nationalUrban2020 = Number(readCsv(join(DATA, 'china_census_urban_share.csv')).find((r) => r.census_year === '2020').urban_pct) / 100;
const ratio = ASSUMPTIONS.ruralUrbanTfrRatio.value;
const kU = 1 / (nationalUrban2020 + (1 - nationalUrban2020) * ratio);
const kR = ratio * kU;

// ---------------------------------------------------------------------------------------------
// Regions: start, end, child-share target and later points, all read from seeds/data.
// ---------------------------------------------------------------------------------------------

const censusRows = readCsv(join(DATA, 'cities_census.csv'));
const annualRows = readCsv(join(DATA, 'cities_annual.csv'));
const shandongRows = readCsv(join(DATA, 'shandong_urbanisation.csv'));

/** "age 0-14 18.06%, 15-64 66.17%, 65+ 15.77%" → { froms: [0, 15, 65], shares: [18.06, 66.17, 15.77] } */
function parseAgeNote(note) {
  const m = /age (\d+)-\d+ ([\d.]+)%?, (\d+)-\d+ ([\d.]+)%?, (\d+)\+ ([\d.]+)/.exec(note);
  return m ? { froms: [m[1], m[3], m[5]].map(Number), shares: [m[2], m[4], m[6]].map(Number) } : null;
}

function city(id) {
  const c = (y) => censusRows.find((r) => r.city === id && Number(r.census_year) === y);
  const [c10, c20] = [c(2010), c(2020)];
  const cite = (y) => `seeds/data/cities_census.csv row ${id} ${y}`;
  const bands = (r) => [Number(r.age_0_14_pct), Number(r.age_15_59_pct), Number(r.age_60plus_pct)];
  return {
    id,
    start: { pop: Number(c10.pop), share: Number(c10.urban_pct) / 100, source: cite(2010) },
    end: { pop: Number(c20.pop), share: Number(c20.urban_pct) / 100, source: cite(2020) },
    shape2010: { froms: [0, 15, 60], shares: bands(c10), source: cite(2010) },
    ageTarget: { year: 2020, froms: [0, 15, 60], shares: bands(c20), source: cite(2020) },
    ageChecks: [],
    later: annualRows
      .filter((r) => r.city === id && !/old boundary/.test(r.note) && (Number(r.year) > 2020 || (r.resident_pop_10k !== '' && Number(r.year) < 2020)))
      .map((r) => ({
        year: Number(r.year),
        share: r.urban_pct === '' ? null : Number(r.urban_pct) / 100,
        pop: r.resident_pop_10k === '' ? null : Number(r.resident_pop_10k) * 1e4,
        births: null,
        note: r.note,
        source: `seeds/data/cities_annual.csv row ${id} ${r.year}`,
      })),
  };
}

function shandong() {
  const row = (y, type) => shandongRows.find((r) => Number(r.year) === y && r.type.startsWith(type));
  const [s10, s20] = [row(2010, 'census'), row(2020, 'census')];
  const cite = (y) => `seeds/data/shandong_urbanisation.csv row ${y}`;
  const yearEnd = shandongRows.filter((r) => r.type === 'year-end estimate');
  const ages = yearEnd.map((r) => ({ year: Number(r.year), ...parseAgeNote(r.note), source: `${cite(r.year)} (note)` })).filter((a) => a.froms);
  return {
    id: 'shandong',
    start: { pop: Number(s10.resident_pop_10k) * 1e4, share: Number(s10.urban_pct) / 100, source: `${cite(2010)} (census)` },
    end: { pop: Number(s20.resident_pop_10k) * 1e4, share: Number(s20.urban_pct) / 100, source: `${cite(2020)} (census)` },
    shape2010: null,
    ageTarget: ages.find((a) => a.year === 2019),
    ageChecks: ages.filter((a) => a.year !== 2019),
    later: yearEnd.map((r) => {
      const b = /births ([\d.]+)万/.exec(r.note);
      return {
        year: Number(r.year),
        share: r.urban_pct === '' ? null : Number(r.urban_pct) / 100,
        pop: r.resident_pop_10k === '' ? null : Number(r.resident_pop_10k) * 1e4,
        births: b ? Number(b[1]) * 1e4 : null,
        note: r.note,
        source: cite(r.year),
      };
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// One region's model and a run for given unknowns.
// ---------------------------------------------------------------------------------------------

const metric = Object.fromEntries(METRICS.map((m, i) => [m.name, i]));
const years = Array.from({ length: H }, (_, t) => FIRST + t);

/** Rate parameter specs in the scenario language for unknowns x (post-2020 values optional). */
function specs(x) {
  const by = (f) => ({ byYear: Object.fromEntries(years.map((y) => [String(y), f(vitals.get(y), y > 2020 ? (x.phiRecent ?? x.phi) : x.phi)])) });
  const rate = (before, after) => (after === undefined ? before : { byYear: { 2020: before, 2021: after } });
  const c = ASSUMPTIONS.reclassificationPerRho.value;
  return {
    'tfr.urban': by((v, phi) => phi * kU * Number(v.tfr)),
    'tfr.rural': by((v, phi) => phi * kR * Number(v.tfr)),
    'e0.urban.female': by((v) => Number(v.e0_female)),
    'e0.urban.male': by((v) => Number(v.e0_male)),
    'e0.rural.female': by((v) => Number(v.e0_female)),
    'e0.rural.male': by((v) => Number(v.e0_male)),
    srb: by((v) => Number(v.srb_m_per_f)),
    ruralToUrban: rate(x.rho, x.rhoRecent),
    urbanToRural: ASSUMPTIONS.urbanToRural.value,
    reclassification: rate(x.rho * c, x.rhoRecent === undefined ? undefined : x.rhoRecent * c),
    'external.urban.rate': rate(x.nu, x.nuRecent),
    'external.rural.rate': rate(x.nu, x.nuRecent),
  };
}

function setup(region, dir) {
  const pyramid = nationalPyramid(DATA, 2010);
  const shape = region.shape2010;
  const rows = shape ? reweight(pyramid, shape.froms.map((from, i) => ({ from, share: shape.shares[i] })), region.start.pop) : pyramid;
  const ageStructure = join(dir, `${region.id}-2010.csv`);
  writeFileSync(ageStructure, toCsv(rows, 'temporary'));
  const ctx = {
    scenarioFile: fileURLToPath(import.meta.url),
    baseYear: 2010,
    horizon: LAST,
    steps: H,
    population: region.start.pop,
    urbanShare: region.start.share,
    ageStructure,
    dataDir: DATA,
  };
  const A = cohort.assumptionsSchema.parse({
    tfr: { urban: 1, rural: 1 },
    e0: { urban: { female: 80, male: 75 }, rural: { female: 80, male: 75 } },
    srb: 1.1,
    ruralToUrban: 0,
    urbanToRural: 0,
    reclassification: 0,
    external: { urban: { rate: 0 }, rural: { rate: 0 } },
  });
  const decls = cohort.parameters(A, ctx);
  const model = cohort.compile(A, ctx);
  const probe = compileParams(decls, 2010, H);
  const runner = cohort.createRunner(model, probe);
  const out = new Float64Array(METRICS.length * (H + 1));
  const paths = new Float64Array(decls.length * H);
  const rhoMax = decls.find((d) => d.key === 'ruralToUrban').domain[1];
  /** Runs the model for unknowns x; returns metric accessor m(name, year). */
  const run = (x) => {
    const s = specs(x);
    const cp = compileParams(decls.map((d) => ({ ...d, spec: s[d.key] })), 2010, H);
    evaluatePaths(cp, new Float64Array(0), paths);
    runner.run(paths, out);
    const o = Float64Array.from(out);
    return (name, year) => o[metric[name] * (H + 1) + (year - 2010)];
  };
  const state = (x, atYears) => {
    run(x);
    return projectState(model.data, H, paths, atYears);
  };
  return { run, state, rhoMax };
}

/** x in [lo, hi] with f(x) = target, f increasing, to |Δx| < tol. */
function bisect(f, lo, hi, target, tol = 1e-12) {
  if (!(f(lo) <= target && f(hi) >= target)) throw new Error(`target ${target} outside [f(${lo}), f(${hi})] = [${f(lo)}, ${f(hi)}]`);
  while (hi - lo > tol) {
    const mid = 0.5 * (lo + hi);
    if (f(mid) < target) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

/** Gauss–Seidel over one-dimensional bisections until no unknown moves by more than 1e-10. */
function solve(steps, x) {
  for (let sweep = 0; sweep < 100; sweep++) {
    let moved = 0;
    for (const [key, f, lo, hi, target] of steps) {
      const v = bisect((v) => f({ ...x, [key]: v }), lo, hi, target);
      moved = Math.max(moved, Math.abs(v - x[key]));
      x[key] = v;
    }
    if (moved < 1e-10) return { ...x, sweeps: sweep + 1 };
  }
  throw new Error('calibration did not converge in 100 sweeps');
}

const crude = (m, year) => m('ruralToUrban', year) / m('rural', year - 1);
const pp = (a, b) => Number((100 * (a - b)).toFixed(3));
const r6 = (v) => Number(v.toPrecision(6));

function calibrate(region, dir) {
  const { run, state, rhoMax } = setup(region, dir);
  const target = region.ageTarget;
  const child = (x) => ageShares(state(x, [target.year])[target.year], target.froms)[0];
  const x = solve(
    [
      ['rho', (x) => run(x)('urbanShare', 2020), 0, rhoMax, region.end.share],
      ['nu', (x) => run(x)('total', 2020), -0.05, 0.05, region.end.pop],
      ['phi', child, 0.2, 4, target.shares[0]],
    ],
    { rho: 0.02, nu: 0, phi: 1 },
  );
  const m = run(x);
  const snaps = state(x, [target.year, 2020, ...region.ageChecks.map((a) => a.year)]);
  // The state projection must agree with the model's own runner.
  const s2020 = snaps[2020].reduce((s, v) => s + v, 0);
  if (Math.abs(s2020 / m('total', 2020) - 1) > 1e-12) throw new Error(`${region.id}: state projection and runner disagree`);

  const compare = (m, p) => ({
    year: p.year,
    source: p.source,
    ...(p.note ? { note: p.note } : {}),
    ...(p.share === null ? {} : { share: { observed: p.share, model: r6(m('urbanShare', p.year)), diffPP: pp(m('urbanShare', p.year), p.share) } }),
    ...(p.pop === null ? {} : { pop: { observed: p.pop, model: Math.round(m('total', p.year)), diffPct: pp(m('total', p.year) / p.pop, 1) } }),
    ...(p.births === null ? {} : { births: { observed: p.births, model: Math.round(m('births.U', p.year) + m('births.R', p.year)), diffPct: pp((m('births.U', p.year) + m('births.R', p.year)) / p.births, 1) } }),
  });
  const ages = (a) => ({ year: a.year, bands: a.froms, observed: a.shares, model: ageShares(snaps[a.year], a.froms).map((v) => Number(v.toFixed(2))), source: a.source });

  // Recent fit: the latest point with both a share and a population, with post-2020 fertility at
  // φ_post (ASSUMPTIONS.post2020Fertility); also at φ = 1 and at the 2011–2020 φ, to show how much
  // the fitted ν depends on the fertility assumed.
  const last = region.later.filter((p) => p.year > 2020 && p.share !== null && p.pop !== null).pop();
  const y = last.year;
  const fitRecent = (phiRecent) => {
    const xr = solve(
      [
        ['rhoRecent', (v) => run(v)('urbanShare', y), 0, rhoMax, last.share],
        ['nuRecent', (v) => run(v)('total', y), -0.05, 0.05, last.pop],
      ],
      { ...x, phiRecent, rhoRecent: x.rho, nuRecent: x.nu },
    );
    return { x: xr, m: run(xr) };
  };
  const phiPost = 0.5 * (1 + x.phi);
  const { x: xr, m: mr } = fitRecent(phiPost);
  const sensitivity = [1, x.phi].map((phi) => {
    const f = fitRecent(phi);
    return { phiRecent: r6(phi), rho: r6(f.x.rhoRecent), nu: r6(f.x.nuRecent), crudeRho2021: r6(crude(f.m, 2021)) };
  });
  const c = ASSUMPTIONS.reclassificationPerRho.value;
  return {
    region: region.id,
    start: region.start,
    end: region.end,
    startShape: region.shape2010
      ? `seeds/data/census_pyramid_china.csv rows 2010, reweighted to ${region.shape2010.source} shares 0-14/15-59/60+ = ${region.shape2010.shares.join('/')}`
      : 'seeds/data/census_pyramid_china.csv rows 2010 (national shape; no regional 2010 age shares in seeds/data)',
    solution: {
      rho: r6(x.rho),
      c: r6(x.rho * c),
      nu: r6(x.nu),
      phi: r6(x.phi),
      tfrFactorUrban: r6(x.phi * kU),
      tfrFactorRural: r6(x.phi * kR),
      sweeps: x.sweeps,
    },
    crudeRho: Object.fromEntries([2011, 2015, 2020, 2021, 2022, 2023].map((yr) => [yr, r6(crude(m, yr))])),
    fit: {
      share2020: { census: region.end.share, model: r6(m('urbanShare', 2020)), diffPP: pp(m('urbanShare', 2020), region.end.share) },
      total2020: { census: region.end.pop, model: Math.round(m('total', 2020)) },
      ageTarget: ages(target),
      ageChecks: region.ageChecks.map(ages),
      ...(target.year === 2020 ? {} : { ages2020: ageShares(snaps[2020], [0, 15, 60]).map((v) => Number(v.toFixed(2))) }),
    },
    flows2020: {
      ruralToUrban: Math.round(m('ruralToUrban', 2020)),
      reclassification: Math.round(m('reclassification', 2020)),
      external: Math.round(m('external.U', 2020) + m('external.R', 2020)),
      births: Math.round(m('births.U', 2020) + m('births.R', 2020)),
      deaths: Math.round(m('deaths.U', 2020) + m('deaths.R', 2020)),
      shareGainPP: pp(m('urbanShare', 2020), m('urbanShare', 2019)),
    },
    later: region.later.map((p) => compare(m, p)),
    recent: {
      window: [2021, y],
      target: last.source,
      phiRecent: r6(phiPost),
      rho: r6(xr.rhoRecent),
      c: r6(xr.rhoRecent * c),
      nu: r6(xr.nuRecent),
      crudeRho: Object.fromEntries(years.filter((yr) => yr > 2020).map((yr) => [yr, r6(crude(mr, yr))])),
      later: region.later.filter((p) => p.year > 2020).map((p) => compare(mr, p)),
      fertilitySensitivity: sensitivity,
    },
  };
}

// ---------------------------------------------------------------------------------------------

const dir = mkdtempSync(join(tmpdir(), 'urbcast-calibration-'));
let results;
try {
  results = [city('heze'), city('jining'), city('jinan'), shandong()].map((r) => calibrate(r, dir));
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const report = {
  script: 'bench/calibration/census-2010-2020.mjs',
  model: 'cohort (dist/models/cohort/index.js)',
  period: '2010 census → 2020 census, then year-end points to 2023',
  censusDay:
    'Censuses count on 1 November; the model states are year-ends. The two-month offset is ignored: the 2010 census is the end-2010 state and the 2020 census the end-2020 state.',
  vitals:
    'TFR, e0 by sex and SRB: seeds/data/wpp2024_vitals_china.csv rows 2011–2023 (UN WPP 2024 estimates), year by year; TFR times the region factor φ and the area factors below.',
  tfrAreaFactors: { urban: r6(kU), rural: r6(kR), nationalUrbanShare2020: nationalUrban2020, source: 'seeds/data/china_census_urban_share.csv row 2020' },
  assumptions: ASSUMPTIONS,
  definitions: {
    rho: 'rural→urban rate as the model states it: share of the 2010 (baseline) rural population moving per year at the 2010 age structure',
    crudeRho: 'rural→urban migrants of the year / rural population at the end of the previous year: comparable with a scenario\'s ρ in its baseline year',
    c: 'reclassification rate, share of the (post-migration) rural population per year = ρ × reclassificationPerRho',
    nu: 'net external migration rate, share of each area\'s start-of-year population per year',
    phi: 'the region\'s TFR relative to the national WPP 2024 value',
    recent: 'ρ and ν after 2020 (2011–2020 kept, TFR factor φ_post) that reproduce the latest year-end share and population',
  },
  regions: results,
};
writeFileAtomic(OUT, JSON.stringify(report, null, 2) + '\n');

// ---------------------------------------------------------------------------------------------
// Table.
// ---------------------------------------------------------------------------------------------

const pct = (v, d = 3) => (100 * v).toFixed(d);
console.log('Calibration 2010 → 2020 census (cohort model, WPP 2024 vitals; census day taken as year-end)\n');
console.log(
  ['region', 'ρ(2010)', 'crude ρ 2011', 'crude ρ 2020', 'c', 'ν', 'φ', 'Δ share 2020', 'age target: census → model'].map((s) => s.padEnd(14)).join(''),
);
for (const r of results) {
  const a = r.fit.ageTarget;
  console.log(
    [
      r.region,
      pct(r.solution.rho),
      pct(r.crudeRho[2011]),
      pct(r.crudeRho[2020]),
      pct(r.solution.c),
      pct(r.solution.nu),
      r.solution.phi.toFixed(3),
      `${r.fit.share2020.diffPP.toFixed(4)} pp`,
      `${a.year} ${a.bands.join('/')}: ${a.observed.join('/')} → ${a.model.join('/')}`,
    ]
      .map((s) => String(s).padEnd(14))
      .join(''),
  );
}
console.log('(rates in % per year)\n');
console.log('Calibrated path (2011–2020 rates held) against other published points:');
for (const r of results) {
  for (const p of r.later) {
    const parts = [];
    if (p.share) parts.push(`share ${pct(p.share.observed, 2)} vs ${pct(p.share.model, 2)} (${p.share.diffPP >= 0 ? '+' : ''}${p.share.diffPP.toFixed(2)} pp)`);
    if (p.pop) parts.push(`pop ${(p.pop.observed / 1e4).toFixed(2)}万 vs ${(p.pop.model / 1e4).toFixed(2)}万 (${p.pop.diffPct >= 0 ? '+' : ''}${p.pop.diffPct.toFixed(2)}%)`);
    if (p.births) parts.push(`births ${(p.births.observed / 1e4).toFixed(2)}万 vs ${(p.births.model / 1e4).toFixed(2)}万 (${p.births.diffPct >= 0 ? '+' : ''}${p.births.diffPct.toFixed(1)}%)`);
    console.log(`  ${r.region.padEnd(9)} ${p.year}  ${parts.join('; ')}`);
  }
  for (const a of r.fit.ageChecks) console.log(`  ${r.region.padEnd(9)} ${a.year}  ages ${a.bands.join('/')}: ${a.observed.join('/')} vs ${a.model.join('/')}`);
}
console.log('\nRecent fit (2021 → latest year-end point; 2011–2020 solution kept):');
for (const r of results) {
  const q = r.recent;
  console.log(
    `  ${r.region.padEnd(9)} ${q.window.join('–')} (φ_post ${q.phiRecent.toFixed(3)}): ρ ${pct(q.rho)} (crude 2021 ${pct(q.crudeRho[2021])}), c ${pct(q.c)}, ν ${pct(q.nu)}` +
      ` | ν at φ=1 ${pct(q.fertilitySensitivity[0].nu)}, at φ ${pct(q.fertilitySensitivity[1].nu)} | 2011–2020 rates: crude ρ 2021 ${pct(r.crudeRho[2021])}, ν ${pct(r.solution.nu)}`,
  );
}
console.log(`\nwrote ${OUT}`);
