/**
 * A province as the sum of its prefectures: one scenario per prefecture from the census catalogue
 * (`prefecture-scenario.ts`) and the multi-region scenario over them (`model: regions`), with
 * the shared pace factor (its strength from `pace-icc.ts`), migration balanced against the
 * province's own net external rate (calibrated to the province's census change and year-end
 * points) and the province's year-end points as history. Every number carries its `why:`.
 *
 * @module
 */
import { stringify } from '../vendor/yaml.js';
import { calibrateRegion, planRegionInput } from '../calibration/index.js';
import { readCsv } from '../data/csv.js';
import type { Catalogue, CensusUnit } from '../census/index.js';
import { join } from 'node:path';
import { paceIcc } from './pace-icc.js';
import { prefectureScenario } from './prefecture-scenario.js';

/** Files to write, relative to the scenarios folder, with their text. */
export type ScenarioFiles = Record<string, string>;

/** Options of {@link shandongScenarios}. */
export interface ProvinceOptions {
  dataDir: string;
  horizon: number;
  seed: number;
}

/** The region id of a prefecture: its pinyin, lower case. */
export const regionId = (u: CensusUnit) => u.pinyin.toLowerCase();

/** Shandong's 2020 census and year-end points (seeds/data/shandong_urbanisation.csv). */
function provinceRows(dataDir: string) {
  return readCsv(join(dataDir, 'shandong_urbanisation.csv'));
}

/** A `shared:` entry of the regions model. */
export interface SharedFactor {
  input: string;
  rho: number;
  why: string;
}

/**
 * The shared pace factor of a province's prefectures: ρ = the within-province intra-class
 * correlation of the 2010 → 2020 pace over the census catalogue (`pace-icc.ts`), with its why.
 *
 * @example
 * paceFactor(loadCatalogue()).rho; // 0.2
 */
export function paceFactor(catalogue: Catalogue): SharedFactor {
  const icc = paceIcc(catalogue, 'transfer');
  const iccLogit = paceIcc(catalogue, 'logit');
  return {
    input: 'ruralToUrban.value',
    rho: Number(icc.icc.toFixed(2)),
    why:
      `the within-province intra-class correlation of the 2010 → 2020 pace (share of the rural population made urban per year, what ρ measures) over ${icc.units} prefectures in ${icc.provinces} provinces of the census catalogue: ${icc.icc.toFixed(3)} ` +
      `(src/regions/pace-icc.ts; on the logit scale ${iccLogit.icc.toFixed(3)}). Two prefectures of one province share about a fifth of their pace's variation; the rest is their own. ` +
      'Reclassification (correlated 0.8 with ρ in each prefecture) follows through the factor.',
  };
}

/**
 * A multi-region scenario's text: its comment header, then the document (keys in insertion order).
 *
 * @example
 * scenarioYaml('# Henan …\n', { name: 'Henan …', model: 'regions', … });
 */
export function scenarioYaml(header: string, doc: unknown): string {
  return header + stringify(doc, { lineWidth: 0, aliasDuplicateObjects: false });
}

/**
 * Shandong's 16 prefectures and `shandong-prefectures.yml`, as files to write under `scenarios/`.
 *
 * @example
 * for (const [path, text] of Object.entries(shandongScenarios(loadCatalogue(), { dataDir, horizon: 2035, seed: 20221205 }))) writeFileSync(join('scenarios', path), text);
 */
export function shandongScenarios(catalogue: Catalogue, o: ProvinceOptions): ScenarioFiles {
  const units = catalogue.units.filter((u) => u.province === '山东省');
  const files: ScenarioFiles = {};
  for (const u of units) {
    const id = regionId(u);
    const s = prefectureScenario(u, { dataDir: o.dataDir, ageFile: `../data/prefectures/${id}_age.csv`, horizon: o.horizon, seed: o.seed });
    files[`prefectures/${id}.yml`] = s.yaml;
    files[`data/prefectures/${id}_age.csv`] = s.ageCsv;
  }
  const rows = provinceRows(o.dataDir);
  const census = rows.find((r) => r.year === '2020' && r.type.startsWith('census'))!;
  // the province's own external rate: the calibration of Shandong's census change and year-end points, from 2020
  const province = calibrateRegion({ ...planRegionInput(o.dataDir, 'shandong'), baselineYear: 2020, horizon: o.horizon }, { dataDir: o.dataDir });
  const ext = province.assumptions.external.urban.rate;
  const history = rows
    .filter((r) => r.type === 'year-end estimate' && Number(r.year) > 2020 && r.urban_pct !== '')
    .flatMap((r) => [
      { year: Number(r.year), metric: 'urbanShare', value: Number(r.urban_pct) / 100, se: 0.003, source: `seeds/data/shandong_urbanisation.csv row ${r.year}`, why: 'se: assumption, 0.3 points (a year-end estimate; as jinan-calibrated.yml)' },
      { year: Number(r.year), metric: 'total', value: Math.round(Number(r.resident_pop_10k) * 1e4), se: Math.round(Number(r.resident_pop_10k) * 1e4 * 0.005), source: `seeds/data/shandong_urbanisation.csv row ${r.year}`, why: 'se: assumption, 0.5 % (a year-end estimate)' },
    ]);
  const pop = Math.round(Number(census.resident_pop_10k) * 1e4);
  const doc = {
    name: 'Shandong as the sum of its 16 prefectures, 2020–2035',
    description:
      "Each prefecture's cohort model from its 2020 census with assumptions calibrated to its own 2010 → 2020 census change, projected together on the same draws; the province is their sum. A shared pace factor links the prefectures' migration to towns; their net external migration is balanced so that it adds up to the province's. Heze's relative target (heze.P013) is computed against this sum; written by src/regions/province-scenario.ts.",
    region: '山东省 Shandong (16 prefectures)',
    model: 'regions',
    baseline: {
      year: 2020,
      why: 'the 2020 census, as every prefecture (taken as end-2020)',
      population: { value: pop, why: `the province's 2020 census, 10152.75万: seeds/data/shandong_urbanisation.csv row 2020 (census); the prefectures (census_prefectures.csv) must add up to it within 0.5 %` },
      urbanShare: { value: Number(census.urban_pct) / 100, why: `the province's 2020 census, ${census.urban_pct} %: seeds/data/shandong_urbanisation.csv row 2020 (census); the prefectures must add up to it within 0.5 points` },
    },
    horizon: o.horizon,
    draws: 10000,
    seed: o.seed,
    assumptions: {
      id: 'shandong',
      regions: units.map((u) => ({ id: regionId(u), name: u.name, scenario: `prefectures/${regionId(u)}.yml` })),
      groups: [],
      shared: [paceFactor(catalogue)],
      migration: {
        external: { ...ext, why: `Shandong's own net external rate: src/calibration calibrateRegion on the province's censuses and year-end points (planRegionInput shandong, baseline 2020): ${ext.why}` },
        passes: 2,
        why: "each prefecture's external rate is calibrated alone and includes moves to other prefectures; balanced, their flows add up to the province's (no prefecture's inflow invented)",
      },
    },
    targets: [
      {
        seed: 'heze.P013',
        region: 'heze',
        reference: { region: 'shandong' },
        lever: 'heze.ruralToUrban',
        why: "2024 action plan: Heze's yearly gain in 2024–2025 at least 0.5 points above Shandong's; Shandong is the sum of the 16 prefectures in this run",
      },
      { seed: 'heze.P001', region: 'heze', why: "Heze's 2025 target, from Heze's own census-calibrated prefecture model" },
      { seed: 'jining.P026', region: 'jining', why: "Jining's 2025 target, from Jining's own census-calibrated prefecture model" },
      { seed: 'jinan.P006', region: 'jinan', why: "Jinan's 2025 target, from Jinan's own census-calibrated prefecture model" },
    ],
    history,
  };
  const header =
    '# Shandong province as the sum of its 16 prefectures. Written by src/regions/province-scenario.ts\n' +
    '# (npm run regions:shandong, after npm run build); do not edit by hand: change the generator.\n';
  files['shandong-prefectures.yml'] = scenarioYaml(header, doc);
  return files;
}
