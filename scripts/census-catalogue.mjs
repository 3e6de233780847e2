#!/usr/bin/env node
// Derives the project's census catalogue (seeds/data/census_prefectures.csv,
// seeds/data/census_pyramids.csv and the provinces' totals and pyramids, seeds/data/census_provinces.csv and
// census_province_pyramids.csv) from the leiii/census files in ../shared/data/leiii_census/
// (MIT licence; 6th and 7th census yearbooks and bulletins). The raw files are never committed:
// only the columns a feature uses, each row naming where it came from.
//
//   npm run build && node scripts/census-catalogue.mjs [--from DIR] [--out DIR]
//
// tests/census/derive.test.ts re-derives both tables and checks they equal the committed ones.
// How the 2020 units are matched to the 2010 rows is written into each row's `boundary_2010`
// and explained in seeds/data/README.md ("The census catalogue").
import { readFileSync, writeFileSync, mkdirSync, renameSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pinyin } from 'pinyin-pro';
import { parseCsv } from '../dist/src/data/csv.js';
import { nameStem } from '../dist/src/census/names.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : dflt;
};
const from = resolve(opt('--from', join(root, '..', 'shared', 'data', 'leiii_census')));
const out = resolve(opt('--out', join(root, 'seeds', 'data')));

const CITY = 'census_city_2010-2020_v1.csv';
const C10 = 'census_county_2010_v1.csv';
const C20 = 'census_county_2020_v1.csv';
const read = (f) => parseCsv(readFileSync(join(from, f), 'utf8'));
const city = read(CITY);
const c10 = read(C10);
const c20 = read(C20);

/** A count or rate, or null where the cell is empty or "NA". */
const num = (s) => {
  const t = (s ?? '').trim();
  if (t === '' || t === 'NA') return null;
  const v = Number(t);
  return Number.isFinite(v) ? v : null;
};
// Header row numbers: data row k of a file is line k + 1 (the header is line 1).
const line = (rows, r) => rows.indexOf(r) + 2;

// Age columns: 5-year groups by sex; 0 and 1-4 are summed into 0-4.
const GROUPS = ['0-4', '5-9', '10-14', '15-19', '20-24', '25-29', '30-34', '35-39', '40-44', '45-49', '50-54', '55-59', '60-64', '65-69', '70-74', '75-79', '80-84', '85+'];
/** The columns of each 5-year group by sex, given a column-finder `col(part, sex)`. */
function ageColumns(col) {
  const m = [], f = [];
  for (const g of GROUPS) {
    const parts = g === '0-4' ? ['0', '1-4'] : [g];
    m.push(parts.map((p) => col(p, '男')));
    f.push(parts.map((p) => col(p, '女')));
  }
  return { m, f };
}
const ageColumns2010 = (header) =>
  ageColumns((g, sex) => header.find((h) => h.startsWith(g === '85+' ? '85岁及以上' : `${g}岁`) && h.includes(sex)));
const ageColumns2020 = (header) =>
  ageColumns((g, sex) => header.find((h) => h === (g === '85+' ? `${sex}_85岁以上` : `${sex}_${g.replace('-', '到')}岁`)));
function pyramid(rows, cols) {
  const sum = (cs) => {
    let s = 0;
    for (const r of rows) for (const c of cs) {
      const v = num(r[c]);
      if (v === null) return null;
      s += v;
    }
    return s;
  };
  const male = cols.m.map(sum), female = cols.f.map(sum);
  return male.includes(null) || female.includes(null) ? null : { male, female };
}
const cols10 = ageColumns2010(Object.keys(c10[0]));
const cols20 = ageColumns2020(Object.keys(c20[0]));
for (const c of [...cols10.m, ...cols10.f, ...cols20.m, ...cols20.f].flat()) {
  if (c === undefined) throw new Error('an age column was not found in the county files');
}

const by10 = new Map(c10.map((r) => [r['区划代码'].trim(), r]));
const by20 = new Map(c20.map((r) => [r['区划代码'].trim(), r]));

const toPinyin = (s) => pinyin(s, { toneType: 'none', type: 'array' }).join('');
const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);

// Units whose 2020 boundaries join two 2010 prefectures (the city file's 2010 population says so).
const MERGED = { '370100': ['370100', '371200'] }; // 济南市 + 莱芜市 (Laiwu abolished, January 2019)
// Municipalities: the 2010 county file has the province-level row only.
const MUNICIPAL = { '110100': '110000', '120100': '120000', '310100': '310000', '500100': '500000' };

const close = (a, b) => a !== null && b !== null && Math.abs(a - b) <= 0.005 * b;

/** The 2010 county-file rows that make up the 2020 unit, and how they were found. */
function match2010(code, name, pop2010) {
  const codes = MERGED[code] ?? [MUNICIPAL[code] ?? code];
  let rows = codes.map((c) => by10.get(c)).filter(Boolean);
  let how = codes.length > 1 ? `sum of 2010 rows ${codes.join(' + ')}` : `2010 row ${codes[0]}`;
  if (rows.length !== codes.length) {
    // A unit renamed or re-coded since 2010 (地区 → 市): the prefecture-level 2010 row of the same stem.
    const s = nameStem(name);
    const cands = c10.filter((r) => nameStem(r['地区']) === s && /00$/.test(r['区划代码'].trim()) && !/0000$/.test(r['区划代码'].trim()));
    const alt = cands.length === 1 ? cands : c10.filter((r) => nameStem(r['地区']) === s);
    if (alt.length !== 1) return { rows: [], basis: 'none', how: 'no 2010 row found' };
    rows = alt;
    how = `2010 row ${alt[0]['区划代码'].trim()} (${alt[0]['地区'].trim()}, same name, new code)`;
  }
  const total = rows.reduce((s, r) => s + (num(r['合计']) ?? NaN), 0);
  if (close(total, pop2010)) return { rows, basis: 'same', how: `${how}; its population ${total} equals the 2020-boundary 2010 figure` };
  return { rows, basis: 'differs', how: `${how}; its population ${total} differs from the 2020-boundary 2010 figure ${pop2010 ?? 'unknown'}` };
}

const units = [];
const pyramids = [];
for (const r of city) {
  const code = r.city_code.trim();
  const name = r.city.trim();
  const row20 = by20.get(code);
  const srcCity = `${CITY} line ${line(city, r)}`;
  let pop2020 = num(r.popu_2020);
  let urban2020 = num(r.popu_urban_2020);
  const notes = [srcCity];
  const same20 = row20 !== undefined && (pop2020 === null || num(row20['人口数_合计']) === pop2020);
  if (pop2020 === null && row20 !== undefined) {
    pop2020 = num(row20['人口数_合计']);
    notes.push(`pop_2020 from ${C20} line ${line(c20, row20)}`);
  }
  if (urban2020 === null && same20) {
    urban2020 = num(row20['城镇人口']);
    if (urban2020 !== null) notes.push(`urban_2020 from ${C20} line ${line(c20, row20)}`);
  }
  const pop2010 = num(r.popu_2010);
  const m10 = match2010(code, name, pop2010);
  const rows10 = m10.basis === 'same' ? m10.rows : [];
  const sum10 = (col) => {
    if (rows10.length === 0) return null;
    let s = 0;
    for (const x of rows10) {
      const v = num(x[col]);
      if (v === null) return null;
      s += v;
    }
    return s;
  };
  // Rates per mille: population-weighted over the rows.
  const rate10 = (col) => {
    if (rows10.length === 0) return null;
    let s = 0, w = 0;
    for (const x of rows10) {
      const v = num(x[col]), p = num(x['合计']);
      if (v === null || p === null) return null;
      s += v * p;
      w += p;
    }
    return Math.round((s / w) * 1000) / 1000;
  };
  if (rows10.length > 0) notes.push(`2010 extras from ${C10} line${rows10.length > 1 ? 's' : ''} ${rows10.map((x) => line(c10, x)).join(' + ')}`);
  if (same20) notes.push(`2020 extras from ${C20} line ${line(c20, row20)}`);
  const pick20 = (col) => (same20 ? num(row20[col]) : null);
  const s = nameStem(name);
  // A 65+ share above the 60+ share cannot be right (湘潭市 2010 in the source): left out, and said so.
  const ages = {};
  for (const y of [2010, 2020]) {
    for (const k of ['0_14', '15_59', '60', '65']) ages[`age_${k}_${y}`] = num(r[`age_${k}_${y}`]);
    const a60 = ages[`age_60_${y}`], a65 = ages[`age_65_${y}`];
    if (a60 !== null && a65 !== null && a65 > a60) {
      notes.push(`age_65_${y} left out: the source's ${a65} exceeds its 60+ share ${a60}`);
      ages[`age_65_${y}`] = null;
    }
  }
  units.push({
    code,
    name,
    province: r.province.trim(),
    province_code: r.province_code.trim(),
    pinyin: cap(toPinyin(s)),
    // 陕西 and 山西 share the toneless spelling Shanxi; the official romanisation writes 陕西 Shaanxi.
    province_pinyin: nameStem(r.province) === '陕西' ? 'Shaanxi' : cap(toPinyin(nameStem(r.province))),
    pop_2010: pop2010,
    urban_2010: num(r.popu_urban_2010),
    pop_2020: pop2020,
    urban_2020: urban2020,
    ...ages,
    hukou_2010: sum10('户籍人口'),
    birth_rate_2010: rate10('出生率（‰）'),
    death_rate_2010: rate10('死亡率（‰）'),
    city_core_2020: pick20('城区人口'),
    elsewhere_county_2020: pick20('户口登记地在外乡镇街道人口_本县'),
    elsewhere_province_2020: pick20('户口登记地在外乡镇街道人口_本省其他县'),
    elsewhere_outside_2020: pick20('户口登记地在外乡镇街道人口_省外'),
    pyramid_2010: '',
    pyramid_2020: '',
    boundary_2010: m10.basis === 'same' ? m10.how : m10.basis === 'differs' ? `differs: ${m10.how}` : `none: ${m10.how}`,
    source: notes.join('; '),
  });
  const unit = units[units.length - 1];
  const push = (year, p, basis) => {
    if (p === null) return;
    unit[`pyramid_${year}`] = basis;
    GROUPS.forEach((g, i) => pyramids.push({ code, year, age_group: g, male: p.male[i], female: p.female[i] }));
  };
  if (row20 !== undefined) {
    const p = pyramid([row20], cols20);
    const t = num(row20['人口数_合计']);
    push(2020, p, same20 ? `exact: ${C20} line ${line(c20, row20)}` : `shape: ${C20} line ${line(c20, row20)}, whose total ${t} differs from the unit's ${pop2020}`);
  }
  if (m10.rows.length > 0) {
    const p = pyramid(m10.rows, cols10);
    const lines10 = `${C10} line${m10.rows.length > 1 ? 's' : ''} ${m10.rows.map((x) => line(c10, x)).join(' + ')}`;
    push(2010, p, m10.basis === 'same' ? `exact: ${lines10}` : `shape: ${lines10}, on 2010 boundaries that differ from 2020's`);
  }
}

// The provinces' own census totals (the county files' province rows, code XX0000): what a province
// scenario's prefecture units are compared with (they need not add up to it: units outside the
// catalogue, the Xinjiang Production and Construction Corps' cities counted inside prefectures).
const provinceRows = [];
const provincePyramids = [];
for (const r20 of c20) {
  const code = r20['区划代码'].trim();
  if (!/^\d\d0000$/.test(code)) continue;
  const r10 = by10.get(code);
  const name = r20['省'].trim();
  provinceRows.push({
    code,
    name,
    pinyin: nameStem(name) === '陕西' ? 'Shaanxi' : cap(toPinyin(nameStem(name))),
    pop_2010: r10 === undefined ? null : num(r10['合计']),
    urban_2010: r10 === undefined ? null : num(r10['城镇人口']),
    pop_2020: num(r20['人口数_合计']),
    urban_2020: num(r20['城镇人口']),
    source: `${C20} line ${line(c20, r20)}${r10 === undefined ? '' : `; 2010 from ${C10} line ${line(c10, r10)}`}`,
  });
  for (const [year, rows, cols] of [[2010, r10 === undefined ? [] : [r10], cols10], [2020, [r20], cols20]]) {
    const p = rows.length === 0 ? null : pyramid(rows, cols);
    if (p !== null) GROUPS.forEach((g, i) => provincePyramids.push({ code, year, age_group: g, male: p.male[i], female: p.female[i] }));
  }
}

const csv = (rows) => {
  const keys = Object.keys(rows[0]);
  const cell = (v) => {
    if (v === null || v === undefined) return '';
    const t = String(v);
    return /[",\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
  };
  return `${keys.join(',')}\n${rows.map((r) => keys.map((k) => cell(r[k])).join(',')).join('\n')}\n`;
};
mkdirSync(out, { recursive: true });
for (const [file, rows] of [['census_prefectures.csv', units], ['census_pyramids.csv', pyramids], ['census_provinces.csv', provinceRows], ['census_province_pyramids.csv', provincePyramids]]) {
  const tmp = join(out, `.${file}.tmp`);
  writeFileSync(tmp, csv(rows));
  renameSync(tmp, join(out, file));
}
const withUrban = units.filter((u) => u.urban_2010 !== null && u.urban_2020 !== null).length;
process.stdout.write(`${units.length} units (${withUrban} with urban figures in both censuses), ${pyramids.length / GROUPS.length} pyramids, ${provinceRows.length} provinces → ${out}\n`);
