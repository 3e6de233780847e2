/**
 * A prefecture's scenario from the census catalogue: its 2020 census as the baseline (population,
 * urban share, age–sex pyramid) and cohort assumptions calibrated to its 2010 → 2020 census change
 * by the calibration API (`calibrateRegion`), every number with its `why:`. The multi-region
 * scenarios (`scenarios/shandong-prefectures.yml`) list one such file per prefecture.
 *
 * @module
 */
import { stringify } from '../vendor/yaml.js';
import { calibrateRegion } from '../calibration/index.js';
import type { CensusPoint, PyramidRows, RegionFit } from '../calibration/index.js';
import type { CensusUnit } from '../census/index.js';
import { pyramidOf } from '../census/index.js';
import { fromPyramid, pyramidCsv } from '../calibration/index.js';

/** Options of {@link prefectureScenario}. */
export interface PrefectureOptions {
  /** The project's `seeds/data/` (catalogue, pyramids, WPP tables). */
  dataDir: string;
  /** Path of the age-structure CSV as the scenario file writes it (relative to the scenario). */
  ageFile: string;
  horizon: number;
  seed: number;
}

/** A prefecture's scenario file, its baseline age CSV and the fit behind them. */
export interface PrefectureScenario {
  yaml: string;
  ageCsv: string;
  fit: RegionFit;
}

const BASELINE_YEAR = 2020;

/** The catalogue row, as cited. */
export function catalogueRow(u: CensusUnit): string {
  return `seeds/data/census_prefectures.csv line ${u.line} (${u.code} ${u.name})`;
}

function censusPoint(u: CensusUnit, year: 2010 | 2020, dataDir: string): CensusPoint {
  const f = year === 2010 ? u.census2010 : u.census2020;
  if (f.population === null || f.urban === null) throw new RangeError(`${u.name}: the ${year} census has no urban figures in the catalogue`);
  const p = pyramidOf(u, year, dataDir);
  const a = f.ageShares;
  const source = `${catalogueRow(u)}, pop_${year} and urban_${year}`;
  const pyramid: PyramidRows | undefined = p === undefined ? undefined : { ageGroups: p.ageGroups, male: p.male, female: p.female, source: `seeds/data/census_pyramids.csv (${u.code}, ${year}; ${p.basis})` };
  const bands = a.a0_14 !== null && a.a15_59 !== null && a.a60 !== null ? { froms: [0, 15, 60], shares: [a.a0_14, a.a15_59, a.a60], source: `${catalogueRow(u)}, age shares ${year}` } : undefined;
  return { year, population: f.population, urbanShare: f.urban / f.population, source, ...(pyramid ? { pyramid } : {}), ...(bands ? { ageBands: bands } : {}) };
}

/**
 * A prefecture's cohort assumptions: the calibration API on its 2010 and 2020 censuses, for a 2020 baseline.
 *
 * @example
 * prefectureCalibration(findRegion(loadCatalogue(), '济宁'), dataDir, 2035).assumptions.ruralToUrban;
 */
export function prefectureCalibration(u: CensusUnit, dataDir: string, horizon: number): ReturnType<typeof calibrateRegion> {
  const start = censusPoint(u, 2010, dataDir);
  const end = censusPoint(u, 2020, dataDir);
  return calibrateRegion({ id: u.pinyin.toLowerCase(), start, end, baselineYear: BASELINE_YEAR, horizon }, { dataDir });
}

/**
 * Builds a prefecture's scenario: baseline 2020 (the census, taken as end-2020), horizon and seed as
 * given, the cohort model with the calibrated assumptions and correlations.
 *
 * @example
 * const s = prefectureScenario(findRegion(loadCatalogue(), '菏泽'), { dataDir, ageFile: 'data/prefectures/heze_age.csv', horizon: 2035, seed: 20221205 });
 * writeFileSync('scenarios/prefectures/heze.yml', s.yaml);
 */
export function prefectureScenario(u: CensusUnit, o: PrefectureOptions): PrefectureScenario {
  const end = censusPoint(u, 2020, o.dataDir);
  const { assumptions, sampling, fit } = prefectureCalibration(u, o.dataDir, o.horizon);
  const p2020 = pyramidOf(u, 2020, o.dataDir);
  if (p2020 === undefined) throw new RangeError(`${u.name}: no 2020 pyramid in the catalogue`);
  const rows = fromPyramid({ ageGroups: p2020.ageGroups, male: p2020.male, female: p2020.female, source: '' });
  const scale = end.population / rows.reduce((s, r) => s + r.male + r.female, 0);
  const ageCsv = pyramidCsv(
    rows.map((r) => ({ ...r, male: r.male * scale, female: r.female * scale })),
    `seeds/data/census_pyramids.csv (${u.code}, 2020; ${p2020.basis})${Math.abs(scale - 1) > 1e-9 ? `, scaled to the census population ${end.population}` : ''}`,
  );
  const yaml = cohortScenarioYaml({
    header: `# ${u.name} (${u.code}): written by src/regions/prefecture-scenario.ts (npm run regions:shandong); do not edit by hand.\n`,
    name: `${u.name} ${u.pinyin}, ${BASELINE_YEAR}–${o.horizon} (from the census catalogue)`,
    description: `Resident urbanisation of ${u.name} from its 2020 census, with cohort assumptions calibrated to its 2010 → 2020 census change (src/calibration, calibrateRegion); written by src/regions/prefecture-scenario.ts.`,
    region: `${u.name} ${u.pinyin}`,
    population: { value: end.population, why: `${catalogueRow(u)}, pop_2020` },
    urbanShare: { value: Number(end.urbanShare.toFixed(6)), why: `${catalogueRow(u)}, urban_2020 / pop_2020 = ${u.census2020.urban} / ${end.population}` },
    ageFile: o.ageFile,
    horizon: o.horizon,
    seed: o.seed,
    sampling,
    assumptions,
  });
  return { yaml, ageCsv, fit };
}

/** What {@link cohortScenarioYaml} writes. */
export interface CohortScenarioText {
  header: string;
  name: string;
  description: string;
  region: string;
  population: { value: number; why: string };
  urbanShare: { value: number; why: string };
  ageFile: string;
  horizon: number;
  seed: number;
  sampling: unknown;
  assumptions: unknown;
}

/**
 * A cohort scenario with a 2020 census baseline as YAML text (every number's `why:` given by the caller).
 *
 * @example
 * cohortScenarioYaml({ header: '# …\n', name, description, region, population, urbanShare, ageFile, horizon: 2035, seed: 1, sampling, assumptions });
 */
export function cohortScenarioYaml(t: CohortScenarioText): string {
  const doc = {
    name: t.name,
    description: t.description,
    region: t.region,
    model: 'cohort',
    baseline: {
      year: BASELINE_YEAR,
      why: 'the 2020 census (1 November), taken as end-2020 as elsewhere in the project',
      population: t.population,
      urbanShare: t.urbanShare,
      ageStructure: t.ageFile,
    },
    horizon: t.horizon,
    draws: 10000,
    seed: t.seed,
    sampling: t.sampling,
    assumptions: t.assumptions,
    targets: [],
  };
  return t.header + stringify(doc, { lineWidth: 0, aliasDuplicateObjects: false });
}
