#!/usr/bin/env node
/**
 * Writes the backtest scenarios: for each case (a region and an origin) a common file
 * (`common/<case>.yml`: baseline at the origin, horizon, draws, seed and the observations after the
 * origin) and one file per model (`<case>-<model>.yml`, `extends:` the common file) whose inputs use
 * only what was known by the origin. Every number is computed here from seeds/data and says where it
 * comes from, or is marked as an assumption with its reason.
 *
 *   npx tsc -p . && node bench/backtests/make-scenarios.mjs [--out DIR]   (default: bench/backtests)
 *
 * The pace of urbanisation is the one thing the models must be told, and all three are told the
 * same pace, in their own terms: the urban–rural growth difference (URGD, the change of
 * logit(urban share) per year) of the decade before the origin.
 *   urgd        URGD = the decade's URGD.
 *   components  a constant rural→urban transfer (migration ρ with reclassification c = ρ/4, the
 *               calibration's split) that, with equal natural increase in both areas, gives the same
 *               10-year gain from the origin's share (exact for this model: the rural share then
 *               falls by a constant factor q a year).
 *   cohort      the same ρ and c (ρ is the share of rural residents moving in the first projected
 *               year; later the ageing countryside sends fewer), TFR, e0 and SRB of the origin year.
 * Where the region's own share at the start of the decade is not in the data (Shandong and the three
 * cities have no 2000 urban share in seeds/data), the nation's 2000→2010 URGD is used instead
 * (assumption, said in each file). Population growth is the region's own decade growth.
 *
 * Vital rates: UN WPP 2024 estimates *of the origin year*, held constant (e0 continues the trend of
 * the years before the origin). WPP 2024 was published in 2024, so even its estimate for 2000 or
 * 2010 is a later reconstruction: a known look-ahead, small for these inputs (the origin year's
 * level, not the later years' values).
 *
 * @module
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { readCsv } from '../../dist/src/data/csv.js';
import { writeFileAtomic } from '../../dist/src/util/atomic.js';
import { nationalPyramid, reweight, pyramidCsv as toCsv } from '../../dist/src/calibration/pyramid.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DATA = join(ROOT, 'seeds', 'data');
const OUT = parseArgs({ options: { out: { type: 'string' } } }).values.out ?? join(ROOT, 'bench', 'backtests');
const DRAWS = 2000;
const SEED = 20101101;

const csv = (f) => readCsv(join(DATA, f));
const nat = new Map(csv('china_urban_share.csv').map((r) => [Number(r.year), r]));
const revised = csv('china_urban_share_revised.csv');
const wpp = new Map(csv('wpp2024_vitals_china.csv').map((r) => [Number(r.year), r]));
const shandong = csv('shandong_urbanisation.csv');
const census = csv('cities_census.csv');
const annual = csv('cities_annual.csv');

const logit = (u) => Math.log(u / (1 - u));
const logistic = (x) => 1 / (1 + Math.exp(-x));
const r6 = (x) => Number(x.toPrecision(6));
const cite = (file, row) => `seeds/data/${file} row ${row}`;

/** Assumptions shared by every case, each with its reason. */
const A = {
  paceSpread: {
    value: 0.4,
    why:
      'assumption: the pace may be 40% slower or faster than the decade before (PERT 0.6×–1.4×), about three times the change of the ' +
      'national URGD from the 1980s to the 1990s (0.0402 → 0.0458 a year, +14%: seeds/data/china_urban_share.csv rows 1980, 1990, 2000)',
  },
  growthSpread: {
    value: 0.005,
    why:
      'assumption: ±0.5 points a year, the fall of the national growth rate from the 1980s (1.48%/yr) to the 1990s (1.03%/yr) ' +
      '(seeds/data/china_urban_share.csv rows 1980, 1990, 2000)',
  },
  reclassPerRho: { value: 0.25, why: 'assumption: c = ρ/4, the split of the calibration (src/calibration/assumptions-stated.ts STATED.reclassificationPerRho)' },
  tfrSpread: { value: 0.15, why: "assumption: ±15% of the WPP level, for the UN's own uncertainty and a regional level (as in scenarios/*.yml)" },
  e0Spread: { value: 2, why: 'assumption: ±2 years for a regional level (as in scenarios/*.yml: provinces differ by that much)' },
  srbSpread: { value: 0.02, why: 'assumption: ±0.02, a regional SRB is not in the data' },
  crudeSpread: { value: 0.15, why: 'assumption: ±15% of the WPP crude rate, for a regional level' },
  equalAreas: 'assumption: no urban–rural split of fertility, mortality or crude rates at the origin is in seeds/data; equal rates leave the share to migration and reclassification',
};

// ---------------------------------------------------------------------------------------------
// Observations
// ---------------------------------------------------------------------------------------------

const SE = {
  yearEndShare: { se: 0.003, why: 'assumption: se 0.3 pp for a year-end sample-survey estimate (the revision of up to 1.2 pp after a census shows errors of that order over a decade)' },
  censusShare: { se: 0.002, why: 'assumption: se 0.2 pp for a census share (coverage and the 1 November census day against the model\'s year-end)' },
  derivedShare: { se: 0.005, why: 'assumption: se 0.5 pp for a value derived from a stated level and change, or a pre-census expectation' },
  yearEndPop: (v) => ({ se: r6(0.01 * v), why: 'assumption: se 1% for a year-end population estimate' }),
  censusPop: (v) => ({ se: r6(0.005 * v), why: 'assumption: se 0.5% for a census total (coverage; census day against year-end)' }),
};

const obs = (year, metric, value, se, source, vintage) => ({ year, metric, value: r6(value), se: se.se, ...(vintage ? { vintage } : {}), source, why: se.why });

function nationalHistory(from, to, { skipAsPublished = false } = {}) {
  const out = [];
  for (let y = from + 1; y <= to; y++) {
    const r = nat.get(y);
    const superseded = /SUPERSEDED/.test(r.vintage);
    if (skipAsPublished && superseded) continue;
    const v = superseded ? y + 1 : undefined;
    const note = superseded ? ' (as first published; superseded after the 2020 census)' : ` (${r.vintage})`;
    out.push(obs(y, 'urbanShare', Number(r.urban_pct) / 100, SE.yearEndShare, `${cite('china_urban_share.csv', y)}${note}`, v));
    if (!skipAsPublished) out.push(obs(y, 'total', Number(r.total_pop_10k) * 1e4, SE.yearEndPop(Number(r.total_pop_10k) * 1e4), `${cite('china_urban_share.csv', y)}${note}`, v));
  }
  return out;
}

function revisedHistory() {
  const out = revised.map((r) => obs(Number(r.year), 'urbanShare', Number(r.urban_pct) / 100, SE.yearEndShare, `${cite('china_urban_share_revised.csv', r.year)} (post-2020-census vintage)`, 2021));
  const r20 = nat.get(2020);
  out.push(obs(2020, 'urbanShare', Number(r20.urban_pct) / 100, SE.yearEndShare, `${cite('china_urban_share.csv', 2020)} (${r20.vintage})`, 2021));
  return out;
}

function shandongHistory(origin, horizon) {
  const out = [];
  for (const r of shandong) {
    const y = Number(r.year);
    if (y <= origin || y > horizon) continue;
    if (r.type.startsWith('pre-census')) continue; // the 2020 expectation; the census value of that year is scored
    const isCensus = r.type.startsWith('census');
    const derived = /derived/.test(`${r.source} ${r.note}`);
    const src = `${cite('shandong_urbanisation.csv', y)}${isCensus ? ' (census)' : ''}`;
    if (r.urban_pct !== '') out.push(obs(y, 'urbanShare', Number(r.urban_pct) / 100, isCensus ? SE.censusShare : derived ? SE.derivedShare : SE.yearEndShare, src));
    if (r.resident_pop_10k !== '') {
      const v = Number(r.resident_pop_10k) * 1e4;
      out.push(obs(y, 'total', v, isCensus ? SE.censusPop(v) : SE.yearEndPop(v), src));
    }
  }
  return out;
}

function cityHistory(id, origin, horizon) {
  const out = [];
  const c20 = census.find((r) => r.city === id && r.census_year === '2020');
  out.push(obs(2020, 'urbanShare', Number(c20.urban_pct) / 100, SE.censusShare, `${cite('cities_census.csv', `${id} 2020`)} (census)`));
  out.push(obs(2020, 'total', Number(c20.pop), SE.censusPop(Number(c20.pop)), `${cite('cities_census.csv', `${id} 2020`)} (census)`));
  for (const r of annual.filter((r) => r.city === id)) {
    const y = Number(r.year);
    // old-boundary points (Jinan before 2019) are not comparable with the 2020-boundary baseline;
    // a year-end 2020 point duplicates the census of that year, which is scored instead
    if (y <= origin || y > horizon || y === 2020 || /old boundary/.test(r.note)) continue;
    const src = cite('cities_annual.csv', `${id} ${y}`);
    if (r.urban_pct !== '') out.push(obs(y, 'urbanShare', Number(r.urban_pct) / 100, /derived/.test(r.note) ? SE.derivedShare : SE.yearEndShare, src));
    if (r.resident_pop_10k !== '') {
      const v = Number(r.resident_pop_10k) * 1e4;
      out.push(obs(y, 'total', v, SE.yearEndPop(v), src));
    }
  }
  return out.sort((a, b) => a.year - b.year || a.metric.localeCompare(b.metric));
}

// ---------------------------------------------------------------------------------------------
// Cases
// ---------------------------------------------------------------------------------------------

const natPoint = (y) => ({ share: Number(nat.get(y).urban_pct) / 100, pop: Number(nat.get(y).total_pop_10k) * 1e4, source: cite('china_urban_share.csv', y) });
const nationalPace = (y0, y1) => {
  const [a, b] = [natPoint(y0), natPoint(y1)];
  return { urgd: (logit(b.share) - logit(a.share)) / (y1 - y0), why: `national URGD ${y0}→${y1}: logit ${(100 * a.share).toFixed(2)}% → ${(100 * b.share).toFixed(2)}% over ${y1 - y0} years (${a.source}, ${b.source})` };
};
const growthOf = (p0, p1, years, why) => ({ g: (p1 / p0) ** (1 / years) - 1, why });

function cityCase(id, label, horizon, extraNote) {
  const c10 = census.find((r) => r.city === id && r.census_year === '2010');
  const c00 = census.find((r) => r.city === id && r.census_year === '2000');
  const pace = nationalPace(2000, 2010);
  return {
    id: `${id}-2010`,
    name: `${label}: backtest from the 2010 census`,
    region: c10.city_name,
    origin: 2010,
    horizon,
    baseline: {
      population: { value: Number(c10.pop), why: `2010 census total: ${cite('cities_census.csv', `${id} 2010`)} (census day taken as year-end)` },
      urbanShare: { value: Number(c10.urban_pct) / 100, why: `2010 census urban share ${c10.urban_pct}%: ${cite('cities_census.csv', `${id} 2010`)}` },
    },
    pace: { ...pace, why: `${pace.why}; assumption: ${label}'s own 2000 urban share is not in seeds/data (the 2000 row has the total only), so the nation's pace is used` },
    growth: growthOf(Number(c00.pop), Number(c10.pop), 10, `${label}'s own growth 2000→2010: census totals ${c00.pop} → ${c10.pop} (${cite('cities_census.csv', `${id} 2000`)}, ${cite('cities_census.csv', `${id} 2010`)})${extraNote ?? ''}`),
    ageShape: {
      rows: reweight(nationalPyramid(DATA, 2010), { froms: [0, 15, 60], shares: [c10.age_0_14_pct, c10.age_15_59_pct, c10.age_60plus_pct].map(Number), source: 'cities_census.csv' }, Number(c10.pop)),
      source: `derived by bench/backtests/make-scenarios.mjs: seeds/data/census_pyramid_china.csv rows 2010 (national 6th census) with each band scaled to ${cite('cities_census.csv', `${id} 2010`)} (census age shares 0-14/15-59/60+)`,
    },
    history: cityHistory(id, 2010, horizon),
    notes: [],
  };
}

function cases() {
  const n90 = natPoint(1990);
  const n00 = natPoint(2000);
  const n10 = natPoint(2010);
  const national2000 = {
    id: 'national-2000',
    name: 'China: backtest from year-end 2000',
    region: '中国 China',
    origin: 2000,
    horizon: 2010,
    baseline: {
      population: { value: n00.pop, why: `year-end 2000 total: ${n00.source}` },
      urbanShare: { value: n00.share, why: `year-end 2000 urban share 36.22%: ${n00.source} (current NBS vintage, consistent with the 2000 census)` },
    },
    pace: nationalPace(1990, 2000),
    growth: growthOf(n90.pop, n00.pop, 10, `national growth 1990→2000: year-end totals (${n90.source}, ${n00.source})`),
    ageShape: { rows: nationalPyramid(DATA, 2000), source: 'seeds/data/census_pyramid_china.csv rows 2000 (national 5th census by sex and 5-year age), as published' },
    history: nationalHistory(2000, 2010),
    notes: ['Observed: the year-end series 2001–2010 of the current NBS vintage (1996–1999 were revised after the 2000 census; 2001–2010 as now published).'],
  };
  const base2010 = {
    origin: 2010,
    horizon: 2020,
    region: '中国 China',
    baseline: {
      population: { value: n10.pop, why: `year-end 2010 total: ${n10.source}` },
      urbanShare: { value: n10.share, why: `year-end 2010 urban share 49.95%: ${n10.source} (the 2010 census gave 49.68%, ${cite('china_census_urban_share.csv', 2010)})` },
    },
    pace: nationalPace(2000, 2010),
    growth: growthOf(n00.pop, n10.pop, 10, `national growth 2000→2010: year-end totals (${n00.source}, ${n10.source})`),
    ageShape: { rows: nationalPyramid(DATA, 2010), source: 'seeds/data/census_pyramid_china.csv rows 2010 (national 6th census by sex and 5-year age), as published' },
  };
  const s00 = shandong.find((r) => r.year === '2000');
  const s10 = shandong.find((r) => r.year === '2010');
  const sp = nationalPace(2000, 2010);
  return [
    national2000,
    {
      ...base2010,
      id: 'national-2010-published',
      name: 'China: backtest from year-end 2010, against the 2011–2019 values as first published',
      history: nationalHistory(2010, 2020),
      notes: ['Observed: 2011–2019 as first published (vintage = the next year), superseded after the 2020 census; 2020 from the post-census vintage.'],
    },
    {
      ...base2010,
      id: 'national-2010-revised',
      name: 'China: backtest from year-end 2010, against the post-2020-census revision',
      history: revisedHistory(),
      notes: ['Observed: the post-2020-census vintage; of its 2011–2019 values only 2015 is in seeds/data, so n = 2.'],
    },
    {
      id: 'shandong-2010',
      name: 'Shandong: backtest from the 2010 census',
      region: '山东省 Shandong',
      origin: 2010,
      horizon: 2023,
      baseline: {
        population: { value: Number(s10.resident_pop_10k) * 1e4, why: `2010 census total: ${cite('shandong_urbanisation.csv', 2010)}` },
        urbanShare: { value: Number(s10.urban_pct) / 100, why: `2010 census urban share 49.76% (derived there from the 2020 census and the stated 10-year change): ${cite('shandong_urbanisation.csv', 2010)}` },
      },
      pace: { ...sp, why: `${sp.why}; assumption: Shandong's 2000 urban share is not in seeds/data, so the nation's pace is used (Shandong was at the national level in 2010: 49.76% against 49.68%)` },
      growth: growthOf(Number(s00.resident_pop_10k) * 1e4, Number(s10.resident_pop_10k) * 1e4, 10, `Shandong's growth 2000→2010: census totals (${cite('shandong_urbanisation.csv', 2000)}, ${cite('shandong_urbanisation.csv', 2010)})`),
      ageShape: { rows: nationalPyramid(DATA, 2010), source: 'seeds/data/census_pyramid_china.csv rows 2010 (national 6th census): assumption, no Shandong 2010 age structure in seeds/data' },
      history: shandongHistory(2010, 2023),
      notes: ['The 2020 pre-census expectation (61.8%) is not scored; the 2020 census value is.'],
    },
    cityCase('heze', 'Heze', 2022),
    cityCase('jining', 'Jining', 2023, '; the 2000 figure is of low-medium confidence and its boundary may differ'),
    cityCase('jinan', 'Jinan', 2022, '; both on 2020 boundaries (including former Laiwu)'),
  ];
}

// ---------------------------------------------------------------------------------------------
// Model inputs
// ---------------------------------------------------------------------------------------------

const pert = (mode, lo, hi) => ({ dist: 'pert', min: r6(lo), mode: r6(mode), max: r6(hi) });
const spread = (mode, f) => pert(mode, mode * (1 - f), mode * (1 + f));
const around = (mode, d) => pert(mode, mode - d, mode + d);

/** The constant rural→urban transfer (ρ, c = ρ/4) giving the case's 10-year gain; see the module comment. */
function transfer(k, pace, growth, n) {
  const s0 = k.baseline.urbanShare.value;
  const s10 = logistic(logit(s0) + 10 * pace.urgd);
  const q = ((1 - s10) / (1 - s0)) ** 0.1;
  const nu = growth.g - n;
  const keep = (q * (1 + growth.g) - nu) / (1 + n); // (1 − ρ)(1 − ρ/4)
  const kk = 1 - keep;
  const c = A.reclassPerRho.value;
  const rho = (1 + c - Math.sqrt((1 + c) ** 2 - 4 * c * kk)) / (2 * c);
  return { rho, s10, q, nu };
}

function wppAt(y) {
  const r = wpp.get(y);
  return { tfr: Number(r.tfr), e0f: Number(r.e0_female), e0m: Number(r.e0_male), srb: Number(r.srb_m_per_f), cbr: Number(r.cbr_per1000) / 1000, cdr: Number(r.cdr_per1000) / 1000 };
}

function models(k) {
  const o = k.origin;
  const v = wppAt(o);
  const back = wpp.has(o - 10) ? o - 10 : 1995; // the first year on file
  const vb = wppAt(back);
  const wcite = `seeds/data/wpp2024_vitals_china.csv row ${o} (UN WPP 2024 estimate for the origin year: a later reconstruction, a known look-ahead)`;
  const n = v.cbr - v.cdr;
  const { rho, s10, nu } = transfer(k, k.pace, k.growth, n);
  const c = rho * A.reclassPerRho.value;
  const paceWhy = (what) =>
    `${what} from the pace: ${k.pace.why}, ${k.pace.urgd.toFixed(5)}/yr; applied from the origin's ${(100 * k.baseline.urbanShare.value).toFixed(2)}% it gives ${(100 * s10).toFixed(2)}% after 10 years, ` +
    `which this constant rate reproduces (bench/backtests/make-scenarios.mjs transfer()); spread: ${A.paceSpread.why}`;
  const extWhy = `the decade's growth (${(100 * k.growth.g).toFixed(3)}%/yr: ${k.growth.why}) minus natural increase at the origin (CBR − CDR, ${wcite}); spread: ${A.growthSpread.why}`;
  const rate = (value, why) => ({ value, why });
  const e0Change = (f) => r6((f(v) - f(vb)) / (o - back));
  const e0 = (f, label) =>
    rate(around(f(v), A.e0Spread.value), `${wcite}, ${label}; change ${e0Change(f)}/yr: the trend ${back}→${o} (seeds/data/wpp2024_vitals_china.csv rows ${back}, ${o}) continued; ${A.e0Spread.why}`);
  const e0WithChange = (f, label) => ({ ...e0(f, label), change: e0Change(f) });
  return {
    urgd: {
      urgd: rate(spread(k.pace.urgd, A.paceSpread.value), `${k.pace.why}; spread: ${A.paceSpread.why}`),
      growth: rate(around(k.growth.g, A.growthSpread.value), `${k.growth.why}; spread: ${A.growthSpread.why}`),
    },
    components: {
      cbr: {
        urban: rate(spread(v.cbr, A.crudeSpread.value), `CBR ${wcite}; ${A.equalAreas}; ${A.crudeSpread.why}`),
        rural: rate(spread(v.cbr, A.crudeSpread.value), `as cbr.urban (${A.equalAreas})`),
      },
      cdr: {
        urban: rate(spread(v.cdr, A.crudeSpread.value), `CDR ${wcite}; ${A.equalAreas}; ${A.crudeSpread.why}`),
        rural: rate(spread(v.cdr, A.crudeSpread.value), `as cdr.urban (${A.equalAreas})`),
      },
      ruralToUrban: rate(spread(rho, A.paceSpread.value), paceWhy('ρ')),
      urbanToRural: rate(0, 'assumption: ρ is a net rate (as in the calibration, src/calibration/assumptions-stated.ts STATED.urbanToRural)'),
      reclassification: rate(spread(c, A.paceSpread.value), `c = ρ/4 (${A.reclassPerRho.why}); ρ as ruralToUrban`),
      external: {
        urban: { rate: rate(around(nu, A.growthSpread.value), `net external rate: ${extWhy}`) },
        rural: { rate: rate(around(nu, A.growthSpread.value), 'as external.urban (assumption: the same rate in both areas, so it does not move the share by itself)') },
      },
    },
    cohort: {
      tfr: {
        urban: rate(spread(v.tfr, A.tfrSpread.value), `TFR ${wcite}; ${A.equalAreas}; ${A.tfrSpread.why}`),
        rural: rate(spread(v.tfr, A.tfrSpread.value), `as tfr.urban (${A.equalAreas})`),
      },
      e0: {
        urban: { female: e0WithChange((x) => x.e0f, 'e0_female'), male: e0WithChange((x) => x.e0m, 'e0_male') },
        rural: { female: e0WithChange((x) => x.e0f, 'e0_female'), male: e0WithChange((x) => x.e0m, 'e0_male') },
      },
      srb: rate(around(v.srb, A.srbSpread.value), `${wcite}, srb; ${A.srbSpread.why}`),
      ruralToUrban: rate(spread(rho, A.paceSpread.value), `${paceWhy('ρ')} (for the cohort model ρ is the share of rural residents moving in the first projected year; later the ageing countryside sends fewer)`),
      urbanToRural: rate(0, 'assumption: ρ is a net rate (as in the calibration, src/calibration/assumptions-stated.ts STATED.urbanToRural)'),
      reclassification: rate(spread(c, A.paceSpread.value), `c = ρ/4 (${A.reclassPerRho.why}); ρ as ruralToUrban`),
      external: {
        urban: { rate: rate(around(nu, A.growthSpread.value), `net external rate: ${extWhy} (the cohort model's own natural increase follows its age structure, so its total can differ)`) },
        rural: { rate: rate(around(nu, A.growthSpread.value), 'as external.urban (assumption: the same rate in both areas, so it does not move the share by itself)') },
      },
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Files
// ---------------------------------------------------------------------------------------------

const HEADER = (k, what) =>
  [
    `# ${k.name}: ${what}.`,
    '# Written by bench/backtests/make-scenarios.mjs from seeds/data (do not edit by hand; rerun it).',
    `# Origin ${k.origin} (the baseline); observations ${k.origin + 1}–${k.horizon} are scored by \`simulate backtest\`.`,
    ...k.notes.map((n) => `# ${n}`),
    '',
  ].join('\n');

function write(file, header, doc) {
  writeFileAtomic(join(OUT, file), `${header}${stringify(doc, { lineWidth: 0 })}`);
  return file;
}

mkdirSync(join(OUT, 'common'), { recursive: true });
const written = [];
for (const k of cases()) {
  written.push(
    write(`common/${k.id}.yml`, HEADER(k, 'the common part (baseline, horizon, observations)'), {
      name: k.name,
      region: k.region,
      baseline: { year: k.origin, why: 'the origin of the backtest', ...k.baseline },
      horizon: k.horizon,
      draws: DRAWS,
      seed: SEED,
      history: k.history,
    }),
  );
  const age = `data/${k.id}_age.csv`;
  writeFileAtomic(join(OUT, age), toCsv(k.ageShape.rows, k.ageShape.source));
  for (const [model, assumptions] of Object.entries(models(k))) {
    written.push(
      write(`${k.id}-${model}.yml`, HEADER(k, `model ${model}`), {
        extends: `common/${k.id}.yml`,
        name: `${k.name} (${model})`,
        model,
        ...(model === 'cohort' ? { baseline: { ageStructure: age } } : {}),
        assumptions,
      }),
    );
  }
}
console.log(written.join('\n'));
