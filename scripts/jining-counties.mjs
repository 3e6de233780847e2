// Derives seeds/data/jining_counties.csv from leiii/census census_county_2010_v1.csv and
// census_county_2020_v1.csv (MIT; 6th and 7th census yearbooks by county; not committed): Jining's
// county-level units in both censuses, population, urban population and persons aged 0-14, 15-59 and
// 60+ (sums of the 5-year age-group columns by sex), and the part of the prefecture each belongs to:
// the metro area 济宁都市区 (任兖邹曲嘉, 001_c2a0322c38666a38.txt line 347, and 济宁高新区, line 348)
// or the rest. Usage: node scripts/jining-counties.mjs [folder of the leiii files]
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = process.argv[2] ?? '/work/shared/data/leiii_census';
// 2010 boundaries: 市中区 and 任城区 merged into today's 任城区 in 2013 (济宁高新区 is counted apart in 2020), 兖州市 became 兖州区
const METRO = new Set(['市中区', '任城区', '兖州市', '兖州区', '曲阜市', '邹城市', '嘉祥县', '济宁高新技术产业开发区']);
const rows = ['census_year,code,county,part,pop,urban,age_0_14,age_15_59,age_60plus,source'];
const sum = (cells, from, to) => cells.slice(from, to + 1).reduce((s, x) => s + Number(x), 0);
// 2010: columns (0-based) 0 name, 1 code, 2 total, 9 urban, 19–26 ages 0–14 by sex, 27–44 ages 15–59, 45–56 ages 60+
readFileSync(join(dir, 'census_county_2010_v1.csv'), 'utf8').replace(/^\uFEFF/, '').split('\n').forEach((line, k) => {
  const c = line.split(',');
  if (!/^3708[0-9][0-9]$/.test(c[1]) || c[1] === '370800' || c[1] === '370801') return;
  const name = c[0].trim();
  rows.push([2010, c[1], name, METRO.has(name) ? 'metro' : 'rest', c[2], c[9], sum(c, 19, 26), sum(c, 27, 44), sum(c, 45, 56), `"leiii/census census_county_2010_v1.csv line ${k + 1} (6th census yearbook by county, MIT)"`].join(','));
});
// 2020: columns 0 code, 3 name, 4 total, 9 urban, 20–27 ages 0–14, 28–45 ages 15–59, 46–57 ages 60+
readFileSync(join(dir, 'census_county_2020_v1.csv'), 'utf8').replace(/^\uFEFF/, '').split('\n').forEach((line, k) => {
  const c = line.split(',');
  if (!/^3708[0-9][0-9]$/.test(c[0]) || c[0] === '370800') return;
  const name = c[3].trim();
  rows.push([2020, c[0], name, METRO.has(name) ? 'metro' : 'rest', c[4], c[9], sum(c, 20, 27), sum(c, 28, 45), sum(c, 46, 57), `"leiii/census census_county_2020_v1.csv line ${k + 1} (7th census yearbook by county, MIT)"`].join(','));
});
writeFileSync(join(root, 'seeds/data/jining_counties.csv'), rows.join('\n') + '\n');
console.log(`wrote seeds/data/jining_counties.csv: ${rows.length - 1} rows`);
