/**
 * Stage one: a scenario file → a validated {@link LoadedScenario}. Reads the YAML with positions,
 * follows `extends:`, applies `--set` overrides, validates against the scenario schema and the
 * model's assumptions schema, resolves seed references, checks the targets and the history
 * observations (`history.ts`) and loads the
 * reference scenarios of relative targets. Every mistake is an {@link InputError} naming file,
 * line, column and field; `locate` keeps answering "where was this written?" for later stages.
 *
 * @module
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { loadModel, registry as defaultRegistry, type ModelEntry } from '../../models/index.js';
import type { CompileContext, ModelDefinition } from '../engine/model.js';
import { describeFound, InputError, isParamError, pathString, throwAll, type Location } from './errors.js';
import { readScenarioChain } from './extends.js';
import { checkHistory } from './history.js';
import { locateIn, type Located } from './located.js';
import { applySets, parseSet } from './overrides.js';
import { dataDir as defaultDataDir, seedsDir as defaultSeedsDir } from './paths.js';
import { ScenarioSchema, sourcedValue, type ResolvedSourced, type Scenario } from './schema.js';
import { resolveSeedValue, SeedError } from './seeds.js';
import { resolveTargets, type ResolvedTarget } from './targets.js';
import { explainZod } from './zod-issues.js';

/** A field path: `['targets', 2, 'value']` or `'targets.2.value'`. */
export type FieldPath = string | readonly (string | number)[];

/** The validated scenario: seed references resolved, targets in inline form. */
export type ResolvedScenario = Omit<Scenario, 'baseline' | 'targets'> & {
  baseline: Omit<Scenario['baseline'], 'population' | 'urbanShare'> & { population: ResolvedSourced; urbanShare: ResolvedSourced };
  targets: ResolvedTarget[];
};

/** A loaded scenario, ready for the compile stage. */
export interface LoadedScenario {
  /** Absolute path of the scenario file. */
  file: string;
  /** The files read, most derived first (the file, then what it extends …). */
  files: string[];
  scenario: ResolvedScenario;
  modelName: string;
  /** URL of the model's compiled module (workers import it themselves). */
  modelModule: string;
  /** URL of the model's runner part (`ModelEntry.runner`), which workers import instead, if it has one. */
  runnerModule?: string;
  model: ModelDefinition;
  /** The `assumptions:` block, validated (and defaulted) by the model's schema. */
  assumptions: unknown;
  ctx: CompileContext;
  /** Reference scenarios of relative targets, keyed by the path written in `reference.scenario`. */
  references: Record<string, LoadedScenario>;
  /** The merged, overridden document as parsed (before validation), with positions. */
  raw: Located;
  /** Where a field was written: file (base or derived, or `--set …`), line and column. */
  locate(path: FieldPath, opts?: { key?: boolean }): Location;
}

/** Options of {@link loadScenario}. */
export interface LoadOptions {
  /** `--set path=value` overrides, applied in order. */
  sets?: readonly string[];
  /** Folder of the seed files (default: the project's `seeds/`). */
  seedsDir?: string;
  /** Folder of the demographic tables given to models (default: the project's `seeds/data/`). */
  dataDir?: string;
  /** Registered models (default: `models/index.ts`). */
  registry?: Record<string, ModelEntry>;
  /**
   * Called with the URL of the module that runs draws of each model a scenario (or a reference
   * scenario) names (the model's runner part, else its module), as soon as it is known, before
   * the model is imported and its assumptions validated: the CLI passes it to worker threads
   * started early, so that they import it meanwhile.
   */
  onModel?: (moduleUrl: string) => void;
}

type Options = Required<Omit<LoadOptions, 'onModel'>> & Pick<LoadOptions, 'onModel'>;

/**
 * Loads and validates a scenario file.
 *
 * @example
 * const loaded = await loadScenario('scenarios/heze.yml', { sets: ['draws=2000'] });
 * loaded.scenario.targets.map((t) => t.id);
 * loaded.locate('assumptions.ruralToUrban'); // { file: '/abs/scenarios/heze.yml', line: 31, column: 3 }
 */
export async function loadScenario(file: string, options: LoadOptions = {}): Promise<LoadedScenario> {
  const opts: Options = { sets: [], seedsDir: defaultSeedsDir, dataDir: defaultDataDir, registry: defaultRegistry, ...options };
  return load(resolve(file), opts, []);
}

async function load(file: string, opts: Options, stack: string[]): Promise<LoadedScenario> {
  const chain = readScenarioChain(file);
  const raw = applySets(chain.doc, opts.sets);
  const locate = (path: FieldPath, o?: { key?: boolean }) => locateIn(raw.loc, typeof path === 'string' ? path.split('.') : path, o);
  const errors: InputError[] = [];
  const fail = (path: (string | number)[], init: { found?: string; expected?: string; detail?: string }) =>
    errors.push(new InputError({ ...locate(path), path: pathString(path), ...init }));
  /** Folder that a relative path written at `path` is relative to: its file's, or the cwd for `--set`. */
  const setPaths = opts.sets.map((a) => parseSet(a).path);
  const baseDir = (path: (string | number)[]) => {
    // one file, and no --set at or above the path: that file's, without asking for positions (a
    // cached document parses its text for them: yaml-cache.ts)
    if (chain.files.length === 1 && !setPaths.some((p) => p.length <= path.length && p.every((seg, i) => seg === String(path[i])))) return dirname(file);
    const at = locate(path);
    return at.line > 0 ? dirname(at.file) : process.cwd();
  };

  throwAll(explainZod(ScenarioSchema, raw.value, [], locate));
  const s = ScenarioSchema.parse(raw.value);
  const baseYear = s.baseline.year;

  if (s.horizon <= baseYear) fail(['horizon'], { found: String(s.horizon), expected: `a year after the baseline year ${baseYear}` });
  const sourced = (field: 'population' | 'urbanShare'): ResolvedSourced => {
    const v = s.baseline[field];
    if (typeof v === 'number' || v.seed === undefined) return v as ResolvedSourced;
    const at = ['baseline', field];
    let seedValue: number;
    try {
      seedValue = resolveSeedValue(v.seed, field, baseYear, { seedsDir: opts.seedsDir });
    } catch (e) {
      if (!(e instanceof SeedError)) throw e;
      fail([...at, 'seed'], { detail: e.message });
      return NaN;
    }
    if (!('value' in v)) return { value: seedValue, seed: v.seed, ...(v.why !== undefined ? { why: v.why } : {}) };
    if (Math.abs(v.value - seedValue) > 1e-9 * Math.max(1, Math.abs(seedValue))) {
      fail([...at, 'value'], { found: describeFound(v.value), expected: `${seedValue}, the value of seed ${v.seed} (or drop value: and let the seed fill it)` });
    }
    return v as ResolvedSourced;
  };
  const population = sourced('population');
  const urbanShare = sourced('urbanShare');
  let ageStructure: string | undefined;
  if (s.baseline.ageStructure !== undefined) {
    const at = ['baseline', 'ageStructure'];
    ageStructure = resolve(baseDir(at), s.baseline.ageStructure);
    if (!existsSync(ageStructure)) fail(at, { found: describeFound(s.baseline.ageStructure), expected: `an existing CSV file (no file ${ageStructure})` });
  }
  const entry = opts.registry[s.model];
  if (entry === undefined) fail(['model'], { found: describeFound(s.model), expected: `a registered model: ${Object.keys(opts.registry).join(', ')}` });
  throwAll(errors);

  opts.onModel?.(entry.runner ?? entry.module);
  const model = await loadModel(entry.module);
  throwAll(explainZod(model.assumptionsSchema, s.assumptions, ['assumptions'], locate));
  let assumptions = model.assumptionsSchema.parse(s.assumptions);
  const ctx: CompileContext = {
    scenarioFile: file,
    baseYear,
    horizon: s.horizon,
    steps: s.horizon - baseYear,
    population: sourcedValue(population),
    urbanShare: sourcedValue(urbanShare),
    ...(ageStructure !== undefined ? { ageStructure } : {}),
    dataDir: opts.dataDir,
  };
  if (model.expand !== undefined) {
    const loadPart = async (written: string, at: (string | number)[]) => {
      const partFile = resolve(baseDir(at), written);
      const where = locate(at);
      if ([...stack, file].includes(partFile)) {
        throw new InputError({ ...where, path: pathString(at), detail: `scenario cycle: ${[...stack, file, partFile].map((f) => f.split('/').at(-1)).join(' → ')}` });
      }
      if (!existsSync(partFile)) throw new InputError({ ...where, path: pathString(at), found: describeFound(written), expected: `an existing scenario file (no file ${partFile})` });
      return load(partFile, { ...opts, sets: [] }, [...stack, file]);
    };
    try {
      assumptions = await model.expand(assumptions, ctx, loadPart);
    } catch (e) {
      if (!isParamError(e)) throw e;
      const at = ['assumptions', ...e.path];
      throw new InputError({ ...locate(at), path: pathString(at), detail: e.message });
    }
  }
  const resolved = resolveTargets(s.targets, { baseYear, horizon: s.horizon, model, assumptions, locate, seedsDir: opts.seedsDir });
  throwAll([...resolved.errors, ...checkHistory(s, { model, assumptions, locate })]);

  const references: Record<string, LoadedScenario> = {};
  for (const [k, t] of s.targets.entries()) {
    if (t.reference === undefined || !('scenario' in t.reference)) continue;
    const written = t.reference.scenario;
    if (references[written] !== undefined) continue;
    const at = ['targets', k, 'reference', 'scenario'];
    const refFile = resolve(baseDir(at), written);
    if ([...stack, file].includes(refFile)) {
      fail(at, { detail: `reference cycle: ${[...stack, file, refFile].map((f) => f.split('/').at(-1)).join(' → ')}` });
    } else if (!existsSync(refFile)) {
      fail(at, { found: describeFound(written), expected: `an existing scenario file (no file ${refFile})` });
    } else {
      references[written] = await load(refFile, { ...opts, sets: [] }, [...stack, file]);
    }
  }
  throwAll(errors);

  return {
    file,
    files: chain.files,
    scenario: { ...s, baseline: { ...s.baseline, population, urbanShare }, targets: resolved.targets },
    modelName: s.model,
    modelModule: entry.module,
    ...(entry.runner !== undefined ? { runnerModule: entry.runner } : {}),
    model,
    assumptions,
    ctx,
    references,
    raw,
    locate,
  };
}
