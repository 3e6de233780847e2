/**
 * `simulate init --region <province>`: a province as the sum of its prefecture-level units, a
 * `model: regions` scenario over one cohort scenario per unit, each unit written by
 * {@link buildInit} exactly as `simulate init --region <unit>` writes it (its own 2020 census,
 * assumptions calibrated to its own 2010 → 2020 change). The province's `--target`s apply to the
 * sum. What is summed is said in the files: the scenario's baseline is the sum of the units'
 * censuses (the regions model checks that they add up to it), and its `why:` compares that sum
 * with the province's own census row (`seeds/data/census_provinces.csv`), which it need not equal.
 *
 * Units init refuses (no urban figures in a census, or a 2010 → 2020 change the calibration cannot
 * fit, e.g. 深圳市, 100 % urban) make the command refuse (exit 2), naming each and why; with
 * `partial` the province is written without them, and the scenario's name, header and baseline
 * `why:` say which were left out and what share of the census population the rest covers.
 *
 * Migration between the units is balanced (the regions model's `migration:`) against the
 * province's own net external rate, calibrated to its 2010 and 2020 census rows and pyramids
 * (Shandong's also to its year-end points, which the census tables lack for other provinces).
 * Everything is validated from a staging folder before anything is written.
 *
 * @module
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import type { Catalogue, CensusUnit } from '../census/catalogue.js';
import { provinceCensusPoint, provinceCoverage, type Coverage, type Province } from '../census/provinces.js';
import { calibrateRegion } from '../calibration/calibrate.js';
import { writeOutputFile } from '../io/output-file.js';
import { loadModel, registry } from '../../models/index.js';
import { paceFactor, scenarioYaml } from '../regions/province-scenario.js';
import { loadScenario } from '../scenario/load.js';
import { declaredMetrics } from '../scenario/targets.js';
import { initRegionOf } from './census-region.js';
import { targetEntries } from './target-arg.js';
import { buildInit, checkInitOptions, cityStem, InitError, type InitOptions, type OutFile } from './init.js';

/** Options of {@link buildProvinceInit}: init's, with a folder for `out`. */
export interface ProvinceInitOptions extends Omit<InitOptions, 'out' | 'plan'> {
  /** The folder to write into: `<pinyin>.yml`, `prefectures/<id>.yml`, `prefectures/data/<id>_age.csv`. */
  outDir: string;
  /** Write the province without the units init refuses (else refuse). */
  partial: boolean;
}

/** A unit init refused, and why (init's message). */
export interface RefusedUnit {
  unit: CensusUnit;
  why: string;
}

/** The province's files and what they cover. */
export interface ProvinceFiles {
  /** The `model: regions` scenario. */
  scenario: OutFile;
  /** The units' scenarios and pyramids. */
  parts: OutFile[];
  included: { id: string; unit: CensusUnit }[];
  refused: RefusedUnit[];
  /** The included units against the province's own 2020 census. */
  coverage: Coverage;
}

const ROWS = 'seeds/data/census_prefectures.csv';
const pct = (x: number, d = 2) => `${(100 * x).toFixed(d)}%`;

/** The file stem of a province's scenario: its pinyin in lower-case letters. */
export const provinceStem = (p: Pick<Province, 'pinyin'>): string => p.pinyin.toLowerCase().replace(/[^a-z]/g, '');

/** What the included units sum to, against the province's census (for the baseline's why). */
function coverageWhy(p: Province, c: Coverage, refused: RefusedUnit[]): string {
  const row = `seeds/data/census_provinces.csv line ${p.line} (${p.code} ${p.name}: ${p.source})`;
  const total = p.census2020.population;
  if (total === null) return `the province has no census row in ${row}`;
  const left = refused.length > 0 ? `; left out (init cannot initialise them, --partial): ${refused.map((r) => `${r.unit.name} ${r.unit.code} (${r.unit.census2020.population ?? 'no'} residents)`).join(', ')}` : '';
  const how =
    c.gap === 0
      ? `exactly the province's own 2020 census, ${total} residents (${row})`
      : `${pct(c.share)} of the province's own 2020 census, ${total} residents (${row}): ${c.gap > 0 ? `${c.gap} residents are in no summed unit` : `the units count ${-c.gap} residents more than the province (some units overlap: in Xinjiang probably the Production and Construction Corps' cities inside prefectures; not checked)`}`;
  return `${how}${left}`;
}

/**
 * The `migration:` block that balances the units' net external flows against the province's own
 * rate (calibrated to its 2010 and 2020 census rows, as Shandong's is to its censuses and year-end
 * points), or why there is none.
 */
function balancing(p: Province, o: ProvinceInitOptions): { block?: Record<string, unknown>; notes: string[] } {
  const start = provinceCensusPoint(p, 2010, o.dataDir);
  const end = provinceCensusPoint(p, 2020, o.dataDir);
  const none = (why: string) => ({ notes: [`Migration between the units is not balanced (no \`migration:\`): ${why}; each unit's net external rate, calibrated alone, also covers moves to the other units.`] });
  if (start === undefined || end === undefined) return none(`the province's census rows lack a census or pyramid (seeds/data/census_provinces.csv line ${p.line})`);
  let ext;
  try {
    ext = calibrateRegion({ id: p.code, start, end, later: [], baselineYear: o.baselineYear, horizon: o.horizon }, { dataDir: o.dataDir }).assumptions.external.urban.rate;
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    return none(`the cohort model cannot be calibrated to the province's own 2010 → 2020 census change (${e.message})`);
  }
  return {
    block: {
      external: { ...ext, why: `${p.name}'s own net external rate: src/calibration calibrateRegion on the province's 2010 and 2020 census rows and pyramids (seeds/data/census_provinces.csv line ${p.line}, census_province_pyramids.csv rows ${p.code}; baseline ${o.baselineYear}): ${ext.why}` },
      passes: 2,
      why: "each unit's external rate is calibrated alone and includes moves to the province's other units; balanced, their flows add up to the province's (no unit's inflow invented); where the units do not cover the whole province, the province's rate stands for theirs (an assumption)",
    },
    notes: [`Migration: the units' net external flows are balanced to the province's own rate, calibrated to its 2010 and 2020 census rows (seeds/data/census_provinces.csv line ${p.line}).`],
  };
}

/**
 * Builds a province's files (calibrates every unit); nothing is written.
 *
 * @throws {InitError} when a unit cannot be initialised (without `partial`), none can, or a target is not a metric of the sum.
 * @example
 * const files = await buildProvinceInit(henan, catalogue, { ...defaults, outDir: 'scenarios/henan', partial: false });
 * files.included.length; // 18
 */
export async function buildProvinceInit(p: Province, catalogue: Catalogue, o: ProvinceInitOptions): Promise<ProvinceFiles> {
  if (/\.ya?ml$/i.test(o.outDir)) throw new InitError(`--out ${o.outDir}: for a province, --out is a folder (it gets ${provinceStem(p)}.yml, prefectures/*.yml and prefectures/data/*_age.csv)`);
  checkInitOptions(o);
  const regionsModel = await loadModel(registry.regions.module);
  const metrics = declaredMetrics(regionsModel, undefined);
  for (const t of o.targets) {
    if (!metrics.has(t.metric)) throw new InitError(`--target ${t.text}: the province's sum (the regions model) has no metric ${t.metric}; it has ${[...metrics].join(', ')}`);
  }
  const outDir = resolve(o.outDir);
  const scenarioPath = join(outDir, `${provinceStem(p)}.yml`);
  const parts: OutFile[] = [];
  const included: ProvinceFiles['included'] = [];
  const refused: RefusedUnit[] = [];
  const ids = new Set<string>();
  for (const unit of p.units) {
    let id = cityStem(unit);
    if (ids.has(id)) id = `${id}-${unit.code}`;
    try {
      const region = initRegionOf(unit, o.dataDir);
      const f = await buildInit(region, { ...o, out: join(outDir, 'prefectures', `${id}.yml`), targets: [] });
      parts.push(f.scenario, f.pyramid);
      included.push({ id, unit });
      ids.add(id);
    } catch (e) {
      if (!(e instanceof InitError)) throw e;
      refused.push({ unit, why: e.message });
    }
  }
  if (refused.length > 0 && (!o.partial || included.length === 0)) {
    const list = refused.map((r) => `  ${r.why}`).join('\n');
    throw new InitError(
      included.length === 0
        ? `${p.name} (${p.code}): none of its ${p.units.length} units can be initialised:\n${list}`
        : `${p.name} (${p.code}): ${refused.length} of its ${p.units.length} units cannot be initialised:\n${list}\n` +
            `Give --partial to write the province as the sum of the other ${included.length} (${pct(provinceCoverage(p, included.map((x) => x.unit)).share, 1)} of its 2020 census population); the scenario then says which were left out.`,
    );
  }
  const units = included.map((x) => x.unit);
  const c = provinceCoverage(p, units);
  const migration = balancing(p, o);
  const lines = units.map((u) => u.line).join(', ');
  const whole = refused.length > 0 ? `${included.length} of its ${p.units.length} prefecture-level units` : `its ${p.units.length} prefecture-level units`;
  const header = [
    `${p.name} (${p.pinyin}, ${p.code}) as the sum of ${whole}: written by \`${o.commandLine}\`.`,
    `Each unit (prefectures/*.yml) is what \`simulate init --region <unit>\` writes: its 2020 census, the cohort model calibrated to its own 2010 → 2020 change.`,
    `Summed: ${units.map((u) => u.name).join(', ')}: ${c.population} residents, ${pct(c.urban / c.population)} urban in 2020 (${ROWS} lines ${lines}).`,
    `The province's own 2020 census: ${p.census2020.population ?? 'none'} residents${p.census2020.urban !== null && p.census2020.population !== null ? `, ${pct(p.census2020.urban / p.census2020.population)} urban` : ''} (seeds/data/census_provinces.csv line ${p.line}); the units are ${pct(c.share)} of it.`,
    ...refused.map((r) => `Left out (--partial): ${r.why}`),
    ...migration.notes,
    'No year-end figure after 2020 is used (the catalogue has the censuses only; Shandong\'s scenario adds its year-end points as history).',
  ];
  const doc = {
    name: `${p.name} ${p.pinyin} as the sum of ${whole}, ${o.baselineYear}–${o.horizon}`,
    description: `Each unit's cohort model from its 2020 census with assumptions calibrated to its own 2010 → 2020 census change (simulate init), projected together on the same draws; the ${refused.length > 0 ? 'sum of the units written' : 'province'} is their sum. A shared pace factor links the units' migration to towns${migration.block !== undefined ? "; their net external migration is balanced so that it adds up to the province's" : ''}.`,
    region: `${p.name} ${p.pinyin} (${included.length} prefecture-level unit${included.length === 1 ? '' : 's'}${refused.length > 0 ? `, without ${refused.map((r) => r.unit.name).join(', ')}` : ''})`,
    model: 'regions',
    baseline: {
      year: o.baselineYear,
      why: 'the 2020 census (1 November), taken as end-2020, as every unit',
      population: { value: c.population, why: `the sum of the units' 2020 census populations (${ROWS} lines ${lines}, pop_2020): ${coverageWhy(p, c, refused)}` },
      urbanShare: { value: Number((c.urban / c.population).toFixed(6)), why: `the units' urban residents over their residents, 2020 census (${ROWS} lines ${lines}, urban_2020 / pop_2020 = ${c.urban} / ${c.population})` },
    },
    horizon: o.horizon,
    draws: o.draws,
    seed: Number(p.code),
    assumptions: {
      // the whole's id; a unit of the same pinyin (吉林市 in 吉林省) keeps its own
      id: ids.has(provinceStem(p)) ? `${provinceStem(p)}-province` : provinceStem(p),
      regions: included.map(({ id, unit }) => ({ id, name: unit.name, scenario: `prefectures/${id}.yml` })),
      groups: [],
      shared: [paceFactor(catalogue)],
      ...(migration.block !== undefined ? { migration: migration.block } : {}),
    },
    targets: targetEntries(o.targets, ' (on the sum of the units)'),
  };
  return { scenario: { path: scenarioPath, text: scenarioYaml(header.map((h) => `# ${h}\n`).join(''), doc) }, parts, included, refused, coverage: c };
}

/**
 * Validates the province's files from a staging folder (loading every unit's scenario and the
 * sum, then compiling), then writes them, each atomically, the province's scenario last.
 *
 * @example
 * await writeProvinceInit(files, { compile });
 */
export async function writeProvinceInit(files: ProvinceFiles, o: { compile?: (loaded: Awaited<ReturnType<typeof loadScenario>>) => unknown }): Promise<void> {
  const root = dirname(files.scenario.path);
  const staging = mkdtempSync(join(tmpdir(), 'urbcast-init-'));
  try {
    for (const f of [...files.parts, files.scenario]) {
      const path = join(staging, 'out', relative(root, f.path));
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, f.text);
    }
    const seedsDir = join(staging, 'seeds');
    mkdirSync(seedsDir);
    try {
      o.compile?.(await loadScenario(join(staging, 'out', relative(root, files.scenario.path)), { seedsDir }));
    } catch (e) {
      // a scenario init wrote that does not validate is init's bug, not the user's input
      throw new Error(`simulate init: the province's scenario does not validate (nothing was written): ${e instanceof Error ? e.message : String(e)}`, { cause: e });
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  for (const f of files.parts) writeOutputFile(f.path, f.text);
  writeOutputFile(files.scenario.path, files.scenario.text);
}
