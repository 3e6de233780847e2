/**
 * `simulate init`: a complete scenario for a census unit. The baseline is the 2020 census
 * (population, urban share, its age–sex pyramid written beside the scenario), the cohort model's
 * assumptions come from the calibration to the 2010 → 2020 census change (src/calibration, every
 * parameter with its `why:`), and the targets are those given with `--target` and, with `--plan`,
 * the plan's own figures as seed references (the plan's seed file is written too). Everything is
 * built in memory, validated from a staging folder, and only then written, each file atomically.
 *
 * @module
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { calibrateRegion } from '../calibration/calibrate.js';
import { fromPyramid, nationalPyramid, pyramidCsv, reweight, type PyramidRow } from '../calibration/pyramid.js';
import { EXTRACT_MARK, extractPlanFile, type Extraction } from '../extract/plan-file.js';
import { loadModel, registry } from '../../models/index.js';
import { loadScenario } from '../scenario/load.js';
import { declaredMetrics } from '../scenario/targets.js';
import { writeOutputFile } from '../io/output-file.js';
import { planTargets } from './plan-targets.js';
import type { InitRegion } from './region.js';
import { targetEntries, type TargetArg } from './target-arg.js';
import { Comment, commentKey, emitYaml, type YamlValue } from './yaml-emit.js';
import { UserError } from '../util/user-error.js';

/** A problem with what init was asked to do (exit code 2). */
export class InitError extends UserError {}

/** Options of {@link buildInit}; defaults merged once. */
export interface InitOptions {
  /** The scenario file to write. */
  out: string;
  /** The baseline year: the 2020 census. */
  baselineYear: number;
  horizon: number;
  model: string;
  draws: number;
  targets: TargetArg[];
  /** A plan whose figures become targets. */
  plan?: string;
  /** Where the plan's seed file goes (it must be where runs look for seeds). */
  seedsDir: string;
  dataDir: string;
  /** The command as typed, for the header. */
  commandLine: string;
}

/** A file to write. */
export interface OutFile {
  path: string;
  text: string;
}

/** What init writes, and what it left out of the targets (with reasons). */
export interface InitFiles {
  scenario: OutFile;
  pyramid: OutFile;
  seeds?: OutFile;
  left: string[];
  extraction?: Extraction;
}

const CENSUS_YEARS = [2020];
const MODELS = ['cohort'];

/** The seed-file stem of a region: its pinyin in lower-case letters. */
export const cityStem = (r: Pick<InitRegion, 'pinyin' | 'code'>): string => r.pinyin.toLowerCase().replace(/[^a-z]/g, '') || `region`;

function baselinePyramid(r: InitRegion, dataDir: string): { rows: PyramidRow[]; source: string } {
  const total = r.end.population;
  if (r.end.pyramid !== undefined) {
    const rows = fromPyramid(r.end.pyramid);
    const sum = rows.reduce((s, x) => s + x.male + x.female, 0);
    const f = total / sum;
    return {
      rows: rows.map((x) => ({ ...x, male: x.male * f, female: x.female * f })),
      source: `${r.end.pyramid.source}${Math.abs(f - 1) > 1e-9 ? `; scaled by ${f.toFixed(6)} to the census population ${total}` : ''}`,
    };
  }
  if (r.end.ageBands === undefined) throw new InitError(`${r.name}: the 2020 census has neither a pyramid nor age shares in the catalogue`);
  return {
    rows: reweight(nationalPyramid(dataDir, 2020), r.end.ageBands, total),
    source: `derived by simulate init: seeds/data/census_pyramid_china.csv rows 2020 (national 7th census, 5-year groups by sex) with each band scaled to ${r.end.ageBands.source}; within a band the national composition is kept; counts scaled to the census population ${total}`,
  };
}

/** Paths of the numbers in `v` that are not finite. */
function nonFinite(v: unknown, path: string[]): string[] {
  if (typeof v === 'number') return Number.isFinite(v) ? [] : [path.join('.')];
  if (typeof v !== 'object' || v === null) return [];
  return Object.entries(v).flatMap(([k, x]) => nonFinite(x, [...path, k]));
}

const pct = (x: number) => `${(100 * x).toFixed(2)}%`;

/**
 * Checks the options every init shares (baseline year, model, horizon, the targets' years).
 *
 * @throws {InitError} naming the option.
 * @example
 * checkInitOptions({ baselineYear: 2020, model: 'cohort', horizon: 2035, targets: [] });
 */
export function checkInitOptions(o: Pick<InitOptions, 'baselineYear' | 'model' | 'horizon' | 'targets'>): void {
  if (!CENSUS_YEARS.includes(o.baselineYear)) {
    throw new InitError(
      `--baseline ${o.baselineYear}: init starts from a census in the catalogue, ${CENSUS_YEARS.join(' or ')} (the 2010 census is the calibration's start; a later base year needs that year's population and urban share, which the catalogue does not have)`,
    );
  }
  if (!MODELS.includes(o.model)) {
    const others = Object.keys(registry).filter((m) => !MODELS.includes(m));
    throw new InitError(`--model ${o.model}: init calibrates ${MODELS.join(', ')} (the calibration fits the cohort model's rates); other models (${others.join(', ')}) need their assumptions written by hand`);
  }
  if (o.horizon <= o.baselineYear) throw new InitError(`--horizon ${o.horizon}: must be after the baseline year ${o.baselineYear}`);
  for (const t of o.targets) {
    if (t.year <= o.baselineYear || t.year > o.horizon) throw new InitError(`--target ${t.text}: the year must be within the projection, ${o.baselineYear + 1}–${o.horizon}`);
  }
}

/**
 * Builds the files of a scenario for `region` (calibrates; reads the plan when given). Nothing is
 * written.
 *
 * @example
 * const files = await buildInit(region, { ...defaults, out: 'scenarios/linyi.yml' });
 * files.scenario.text; // '# 临沂市 (Linyi, 山东省): …'
 */
export async function buildInit(region: InitRegion, o: InitOptions): Promise<InitFiles> {
  checkInitOptions(o);
  const out = resolve(o.out);
  const city = cityStem(region);
  const pyramidPath = join(dirname(out), 'data', `${basename(out).replace(/\.ya?ml$/, '')}_age.csv`);
  const pyr = baselinePyramid(region, o.dataDir);
  let extraction: Extraction | undefined;
  let seeds: OutFile | undefined;
  if (o.plan !== undefined) {
    extraction = extractPlanFile(o.plan, { region: region.name, name: `${region.name} ${region.pinyin}`, city });
    const path = join(o.seedsDir, `${city}.yml`);
    const existing = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
    if (existing !== undefined && !existing.includes(EXTRACT_MARK)) {
      throw new InitError(`${path} exists and was not written by simulate extract (hand-made seeds are never overwritten); move it, or run from a copy`);
    }
    const other = existing === undefined ? undefined : /^name: "?(\S+?)[\s"]/m.exec(existing)?.[1];
    if (other !== undefined && other !== region.name) {
      throw new InitError(`${path} holds the extracted figures of ${other}, which has the same pinyin as ${region.name}; move it to keep both`);
    }
    seeds = { path, text: extraction.yaml };
  }
  let cal: ReturnType<typeof calibrateRegion>;
  try {
    cal = calibrateRegion({ id: region.code, start: region.start, end: region.end, later: [], baselineYear: o.baselineYear, horizon: o.horizon }, { dataDir: o.dataDir });
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    const why = /outside \[f\(0\)/.test(e.message)
      ? 'with no rural→urban migration at all (ρ = 0) the model already ends above the 2020 urban share, and the calibration keeps ρ ≥ 0'
      : 'no rates within their domains reproduce it';
    throw new InitError(
      `${region.name} (${region.code}): the cohort model cannot be calibrated to its 2010 → 2020 census change (${pct(region.start.urbanShare)} → ${pct(region.end.urbanShare)} urban): ${why} (src/calibration: ${e.message})`,
    );
  }


  const broken = nonFinite(cal.assumptions, []);
  if (broken.length > 0) {
    throw new InitError(
      `${region.name} (${region.code}): the cohort model cannot be calibrated to its 2010 → 2020 census change (${pct(region.start.urbanShare)} → ${pct(region.end.urbanShare)} urban): the calibration gives no finite value for ${broken.join(', ')}`,
    );
  }
  const model = await loadModel(registry[o.model].module);
  const metrics = declaredMetrics(model, model.assumptionsSchema.parse(cal.assumptions));
  for (const t of o.targets) {
    if (!metrics.has(t.metric)) throw new InitError(`--target ${t.text}: the ${o.model} model has no metric ${t.metric}; it has ${[...metrics].join(', ')}`);
  }
  const s = cal.fit.solution;
  const header = [
    `${region.name} (${region.pinyin}, ${region.province}, census code ${region.code}): written by \`${o.commandLine}\`.`,
    `Baseline: the 2020 census (${region.end.source}): ${region.end.population} residents, ${pct(region.end.urbanShare)} urban.`,
    `Assumptions: the cohort model calibrated by src/calibration to the 2010 → 2020 census change`,
    `(${pct(region.start.urbanShare)} → ${pct(region.end.urbanShare)} urban, ${region.start.population} → ${region.end.population} residents): ρ = ${s.rho.toFixed(5)},`,
    `c = ${s.c.toFixed(5)}, ν = ${s.nu.toFixed(5)}, φ = ${s.phi.toFixed(3)}; the model reproduces the 2020 share within ${Math.abs(cal.fit.fit.share.diffPP).toFixed(3)} points.`,
    ...region.notes,
    'No year-end figure after 2020 is used (the catalogue has the censuses only): add `history:` and `calibration:` to weight',
    'the draws by later figures (see scenarios/jinan-calibrated.yml).',
  ];
  const targets: YamlValue[] = targetEntries(o.targets) as unknown as YamlValue[];
  let left: string[] = [];
  const staging = mkdtempSync(join(tmpdir(), 'urbcast-init-'));
  try {
    if (extraction !== undefined) {
      const stagedSeeds = join(staging, 'seeds');
      mkdirSync(stagedSeeds);
      writeFileSync(join(stagedSeeds, `${city}.yml`), extraction.yaml);
      const chosen = planTargets(extraction.entries, { seedsDir: stagedSeeds, baseYear: o.baselineYear, horizon: o.horizon, metrics });
      left = chosen.left;
      targets.push(...chosen.targets.map((t) => ({ seed: t.seed, why: t.why })));
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }

  const doc: Record<string, YamlValue | Comment> = {
    name: `${region.name} ${region.pinyin}: from the 2020 census to ${o.horizon}${extraction !== undefined ? `, targets of ${extraction.document}` : ''}`,
    description: `Resident urbanisation of ${region.name} (${region.province}) from the 2020 census to ${o.horizon}, the cohort model calibrated to the 2010 and 2020 censuses.`,
    region: `${region.name} ${region.pinyin}`,
    model: o.model,
    baseline: {
      year: o.baselineYear,
      why: `the 2020 census (7th national census, 1 November 2020), taken as end-2020: ${region.end.source}`,
      population: { value: region.end.population, why: region.end.source },
      urbanShare: { value: region.end.urbanShare, why: region.end.source },
      ageStructure: relative(dirname(out), pyramidPath),
    },
    horizon: o.horizon,
    draws: o.draws,
    seed: Number(region.code.replace(/\D/g, '').slice(0, 9)) || 1,
    sampling: { correlations: cal.sampling.correlations as unknown as YamlValue },
    assumptions: cal.assumptions as unknown as YamlValue,
    targets,
  };
  if (left.length > 0) doc[commentKey()] = new Comment(['Plan figures that are not targets here:', ...left.map((l) => `  ${l}`)].join('\n'));
  const text = `${header.map((h) => `# ${h}`).join('\n')}\n${emitYaml(doc as YamlValue).join('\n')}\n`;
  return {
    scenario: { path: out, text },
    pyramid: { path: pyramidPath, text: pyramidCsv(pyr.rows, pyr.source) },
    ...(seeds !== undefined ? { seeds } : {}),
    left,
    ...(extraction !== undefined ? { extraction } : {}),
  };
}

/**
 * Validates the files from a staging folder (every stage up to compiling the model, as
 * `simulate validate`), then writes them, each atomically, the scenario last. A scenario that
 * does not validate is an internal error of init: nothing is written.
 *
 * @example
 * await writeInit(await buildInit(region, options), { compile });
 */
export async function writeInit(files: InitFiles, o: { compile?: (loaded: Awaited<ReturnType<typeof loadScenario>>) => unknown }): Promise<void> {
  const staging = mkdtempSync(join(tmpdir(), 'urbcast-init-'));
  try {
    const scenario = join(staging, 'scenario', basename(files.scenario.path));
    const pyramid = join(staging, 'scenario', relative(dirname(files.scenario.path), files.pyramid.path));
    mkdirSync(dirname(pyramid), { recursive: true });
    writeFileSync(scenario, files.scenario.text);
    writeFileSync(pyramid, files.pyramid.text);
    const seedsDir = join(staging, 'seeds');
    mkdirSync(seedsDir);
    if (files.seeds !== undefined) writeFileSync(join(seedsDir, basename(files.seeds.path)), files.seeds.text);
    const loaded = await loadScenario(scenario, { seedsDir });
    o.compile?.(loaded);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  writeOutputFile(files.pyramid.path, files.pyramid.text);
  if (files.seeds !== undefined) writeOutputFile(files.seeds.path, files.seeds.text);
  writeOutputFile(files.scenario.path, files.scenario.text);
}
