/**
 * Jining as the sum of two parts, its metro area (济宁都市区) and the rest, for the plan's
 * metro-area target (jining.P044: 常住人口城镇化率达到85%以上 by 2035). The metro area is taken as
 * the county-level units the plan names for it: 任兖邹曲嘉 (任城区, 兖州区, 邹城市, 曲阜市, 嘉祥县;
 * 001_c2a0322c38666a38.txt line 347) with 济宁高新区, part of its core (line 348); the plan's own
 * 都市区 is narrower (the central city with the 城区 of 邹城 and 曲阜, 嘉祥's 县城 and small towns,
 * line 293), so whole units include rural townships the plan's area may not: their 2010 → 2020 urban
 * gain is 88.39万 against the plan's 84.43万 for its 都市区 (line 35).
 *
 * Each part's figures are the sums of its units' rows in seeds/data/jining_counties.csv (the 2010
 * and 2020 county censuses); each part gets cohort assumptions calibrated to its own 2010 → 2020
 * change (calibrateRegion, age bands 0-14/15-59/60+, the national pyramid reweighted to them).
 *
 * @module
 */
import { join } from 'node:path';
import { stringify } from '../vendor/yaml.js';
import { calibrateRegion, nationalPyramid, pyramidCsv, reweight } from '../calibration/index.js';
import type { CensusPoint } from '../calibration/index.js';
import type { Catalogue } from '../census/index.js';
import { findRegion } from '../census/index.js';
import { readCsv } from '../data/csv.js';
import { paceIcc } from './pace-icc.js';
import { catalogueRow, cohortScenarioYaml, prefectureCalibration } from './prefecture-scenario.js';
import type { ProvinceOptions, ScenarioFiles } from './province-scenario.js';

const TABLE = 'seeds/data/jining_counties.csv';
const PARTS = { metro: { name: '济宁都市区 Jining metro area', what: 'the metro area (任兖邹曲嘉 and 济宁高新区)' }, rest: { name: '济宁市 other counties', what: 'the six other counties (微山, 鱼台, 金乡, 汶上, 泗水, 梁山)' } } as const;

/** A part's census figures, summed over its units' rows. */
function partPoint(dataDir: string, part: 'metro' | 'rest', year: 2010 | 2020): CensusPoint & { lines: string } {
  const all = readCsv(join(dataDir, 'jining_counties.csv'));
  const rows = all.filter((r) => r.part === part && Number(r.census_year) === year);
  const lines = rows.map((r) => all.indexOf(r) + 2).join(', ');
  const n = (k: string) => rows.reduce((s, r) => s + Number(r[k]), 0);
  const pop = n('pop');
  const source = `${TABLE} lines ${lines} (${rows.map((r) => r.county).join(', ')})`;
  return {
    year,
    population: pop,
    urbanShare: n('urban') / pop,
    source,
    lines,
    ageBands: { froms: [0, 15, 60], shares: [n('age_0_14'), n('age_15_59'), n('age_60plus')].map((x) => Number(((100 * x) / pop).toFixed(3))), source },
  };
}

/**
 * `jining-counties.yml` and its two parts' scenarios, as files to write under `scenarios/`.
 *
 * @example
 * jiningMetroScenarios(loadCatalogue(), { dataDir, horizon: 2035, seed: 20221205 })['jining-counties.yml'];
 */
export function jiningMetroScenarios(catalogue: Catalogue, o: ProvinceOptions): ScenarioFiles {
  const files: ScenarioFiles = {};
  for (const part of ['metro', 'rest'] as const) {
    const start = partPoint(o.dataDir, part, 2010);
    const end = partPoint(o.dataDir, part, 2020);
    const { assumptions, sampling } = calibrateRegion({ id: `jining-${part}`, start, end, baselineYear: 2020, horizon: o.horizon }, { dataDir: o.dataDir });
    const rows = reweight(nationalPyramid(o.dataDir, 2020), end.ageBands!, end.population);
    files[`data/counties/jining-${part}_age.csv`] = pyramidCsv(rows, `seeds/data/census_pyramid_china.csv rows 2020 (national 7th census) with each band scaled to ${end.source} (age 0-14/15-59/60+); counts scaled to ${end.population}`);
    files[`counties/jining-${part}.yml`] = cohortScenarioYaml({
      header: `# Jining, ${PARTS[part].what}: written by src/regions/jining-metro.ts (npm run regions:shandong); do not edit by hand.\n`,
      name: `${PARTS[part].name}, 2020–${o.horizon} (from the county censuses)`,
      description: `Resident urbanisation of ${PARTS[part].what} from the 2020 county census, with cohort assumptions calibrated to its 2010 → 2020 change (src/calibration, calibrateRegion); written by src/regions/jining-metro.ts.`,
      region: PARTS[part].name,
      population: { value: end.population, why: `sum of pop, census_year 2020: ${end.source}` },
      urbanShare: { value: Number(end.urbanShare.toFixed(6)), why: `sum of urban / sum of pop, census_year 2020: ${end.source}` },
      ageFile: `../data/counties/jining-${part}_age.csv`,
      horizon: o.horizon,
      seed: o.seed,
      sampling,
      assumptions,
    });
  }
  const jining = findRegion(catalogue, '济宁');
  const whole = prefectureCalibration(jining, o.dataDir, o.horizon);
  const ext = whole.assumptions.external.urban.rate;
  const icc = paceIcc(catalogue, 'transfer');
  const doc = {
    name: 'Jining as its metro area and its other counties, 2020–2035',
    description:
      "Jining's metro area (济宁都市区, the county-level units the plan names for it) and its six other counties, each a cohort model calibrated to its own 2010 → 2020 county census change, projected together; Jining is their sum. For the plan's metro-area target (jining.P044) and its city-wide targets from the same run; written by src/regions/jining-metro.ts.",
    region: '济宁市 Jining (metro area + other counties)',
    model: 'regions',
    baseline: {
      year: 2020,
      why: 'the 2020 census (taken as end-2020)',
      population: { value: jining.census2020.population, why: `${catalogueRow(jining)}, pop_2020; the parts (${TABLE}) must add up to it` },
      urbanShare: { value: Number((jining.census2020.urban! / jining.census2020.population!).toFixed(6)), why: `${catalogueRow(jining)}, urban_2020 / pop_2020` },
    },
    horizon: o.horizon,
    draws: 10000,
    seed: o.seed,
    assumptions: {
      id: 'jining',
      regions: [
        { id: 'metro', name: '济宁都市区', scenario: 'counties/jining-metro.yml', why: '任兖邹曲嘉组团 (001_c2a0322c38666a38.txt line 347: 任城区, 兖州区, 邹城市, 曲阜市, 嘉祥县) with 济宁高新区 (line 348), whole county-level units (the plan\'s area is narrower, line 293)' },
        { id: 'rest', name: '济宁市其他县', scenario: 'counties/jining-rest.yml' },
      ],
      groups: [],
      shared: [
        {
          input: 'ruralToUrban.value',
          rho: Number(icc.icc.toFixed(2)),
          why: `assumption: the within-province intra-class correlation of the 2010 → 2020 pace between prefectures (${icc.icc.toFixed(3)}, src/regions/pace-icc.ts); two parts of one prefecture probably share more, which would widen Jining's interval, not the metro area's`,
        },
      ],
      migration: {
        external: { ...ext, why: `Jining's own net external rate: src/calibration calibrateRegion on its catalogue censuses (${catalogueRow(jining)}): ${ext.why}` },
        why: "each part's external rate is calibrated alone and includes moves between the two parts; balanced, their flows add up to Jining's",
      },
    },
    targets: [
      {
        seed: 'jining.P044',
        region: 'metro',
        lever: 'metro.ruralToUrban',
        why: "济宁都市区 … 到2035年 … 常住人口城镇化率达到85%以上 (001_c2a0322c38666a38.txt line 347); the metro area as the plan's 任兖邹曲嘉 units",
      },
      { seed: 'jining.P026', why: "Jining's 2025 city-wide target, on the sum of the two parts" },
      { seed: 'jining.P027', why: "Jining's 2035 city-wide target, on the sum of the two parts" },
    ],
  };
  files['jining-counties.yml'] =
    '# Jining as the sum of its metro area and its other counties. Written by src/regions/jining-metro.ts\n' +
    '# (npm run regions:shandong, after npm run build); do not edit by hand: change the generator.\n' +
    stringify(doc, { lineWidth: 0, aliasDuplicateObjects: false });
  return files;
}
