/**
 * Stage two: a loaded scenario → a {@link CompiledScenario}, plain data only (numbers, strings,
 * arrays, typed arrays), structured-cloneable, so that workers receive it once and run draws
 * with no further look-ups. Every input error found here is a `ParamError` naming the scenario
 * path it is about (a correlation, a target's metric, a lever …), for the CLI to locate.
 *
 * @module
 */
import { resolve, dirname } from 'node:path';
import { compileParams, evaluatePaths, medianInputs, ParamError, type CompiledParams, type UncertainInput } from '../params/compile.js';
import type { SamplingPlan } from '../params/sampler.js';
import { streamId } from '../random/philox.js';
import { median } from '../random/distributions.js';
import { compileCalibration, type CompiledCalibration } from './calibration.js';
import { correlationFactor } from './correlations.js';
import type { EngineInput } from './input.js';
import type { CompiledModel, MetricDecl } from './model.js';
import { compileTargets, type CompiledTarget } from './target-plan.js';

/** One scenario's model and parameters, compiled (the main scenario or a reference). */
export interface CompiledUnit {
  file: string;
  name: string;
  modelName: string;
  /** URL of the model's compiled module. */
  modelModule: string;
  /** URL of the module the draws import `createRunner` from: the model's runner part, else its module. */
  runnerModule: string;
  baseYear: number;
  /** H: projected years y0+1 … y0+H. */
  steps: number;
  params: CompiledParams;
  /** Each parameter's domain; a lever shift is clamped into it. */
  domains: [number, number][];
  model: CompiledModel;
  /**
   * Every uncertain input sampled per draw: the parameters' inputs (`params.inputs`, which the
   * paths read) followed by the targets' own (a reference gain given as a distribution).
   */
  inputs: UncertainInput[];
  sampling: SamplingPlan;
}

/** "What would it take": the parameter moved, the bracket of its level and the targets it answers for. */
export interface CompiledLever {
  /** Index of the parameter in the main unit. */
  param: number;
  key: string;
  label: string;
  unit: string;
  /** The level assumed: the parameter's first-year value with every input at its median. */
  assumed: number;
  /** Bracket of the level searched (`lever.min/max`, else the parameter's domain). */
  lo: number;
  hi: number;
  /** Indices (into `targets`) of the targets whose "needs" this lever answers, ascending. */
  targets: number[];
}

/** A scenario ready to run. */
export interface CompiledScenario {
  main: CompiledUnit & { region: string };
  /** Reference scenarios of relative targets: same seed, same draws (common random numbers). */
  references: CompiledUnit[];
  years: number[];
  metrics: MetricDecl[];
  targets: CompiledTarget[];
  /**
   * One lever per distinct (parameter, bracket): a target's own `lever:`, else the scenario's
   * `lever:`, else the model's `defaultLever`; in order of first use. Each searched once, over its targets.
   */
  levers: CompiledLever[];
  /** The observations weighting the draws (`calibration:`), or null: every draw weighs the same. */
  calibration: CompiledCalibration | null;
}

/** Overrides of the scenario's own `draws` and `seed`. */
export interface CompileOverrides {
  draws?: number;
  seed?: number;
}

function compileUnit(input: EngineInput, seed: number, draws: number, lhs: boolean): CompiledUnit {
  const { model, assumptions, ctx } = input;
  const decls = model.parameters(assumptions, ctx);
  const params = compileParams(decls, ctx.baseYear, ctx.steps);
  const compiled = model.compile(assumptions, ctx);
  return {
    file: input.file,
    name: input.scenario.name,
    modelName: input.modelName,
    modelModule: input.modelModule,
    runnerModule: input.runnerModule ?? input.modelModule,
    baseYear: ctx.baseYear,
    steps: ctx.steps,
    params,
    domains: decls.map((d) => d.domain),
    model: compiled,
    inputs: [...params.inputs],
    sampling: { seed, draws, lhs, cholesky: null },
  };
}

/** The scenario's stated correlations, then those its model's assumptions imply (`ModelDefinition.correlations`). */
function setCorrelations(unit: CompiledUnit, input: EngineInput): void {
  const stated = input.scenario.sampling?.correlations ?? [];
  const implied = input.model.correlations?.(input.assumptions) ?? [];
  try {
    unit.sampling.cholesky = correlationFactor(unit.inputs.map((i) => i.name), [...stated, ...implied]);
  } catch (e) {
    // an implied correlation is not written in the file: locate it at the assumptions that imply it
    if (!(e instanceof ParamError) || implied.length === 0 || e.path[0] !== 'sampling') throw e;
    // a pair's index, or the whole matrix (not positive definite: the implied ones may be the cause)
    const k = e.path.length > 2 ? Number(e.path[2]) : Infinity;
    if (k < stated.length) throw e;
    throw new ParamError(['assumptions'], `the correlations the model's assumptions imply (${implied.length}, with the ${stated.length} stated): ${(e as Error).message}`);
  }
}

/** A lever as written: its parameter, optional bracket, and where (for errors). */
interface StatedLever {
  param: string;
  min?: number;
  max?: number;
  /** Path of the `lever:` field (`['lever']` or `['targets', k, 'lever']`). */
  at: string[];
}

/**
 * One lever. Its bracket is `min/max`, else the parameter's domain; an unbounded side of the
 * domain becomes assumed ∓ 2·max(|assumed|, 1) (state `min/max` for counts of persons). The
 * bracket must hold the assumed level (the search starts there) and have some width.
 */
function compileLever(unit: CompiledUnit, stated: StatedLever): Omit<CompiledLever, 'targets'> {
  const { param: key, at } = stated;
  const p = unit.params.keys.indexOf(key);
  if (p < 0) throw new ParamError([...at, 'param'], `unknown parameter "${key}"; the model's parameters are: ${unit.params.keys.join(', ')}`);
  const H = unit.steps;
  const paths = new Float64Array(unit.params.keys.length * H);
  evaluatePaths(unit.params, medianInputs(unit.params), paths);
  const assumed = paths[p * H];
  const [dlo, dhi] = unit.domains[p];
  if (!(dlo < dhi)) throw new ParamError([...at, 'param'], `parameter "${key}" cannot be shifted: found the domain [${dlo}, ${dhi}], expected a parameter whose level can move`);
  const span = Math.max(Math.abs(assumed), 1);
  const lo = stated.min ?? (Number.isFinite(dlo) ? dlo : assumed - 2 * span);
  const hi = stated.max ?? (Number.isFinite(dhi) ? dhi : assumed + 2 * span);
  const name = at.join('.');
  if (lo < dlo) throw new ParamError([...at, 'min'], `${name}.min ${lo} is below the domain of ${key}, [${dlo}, ${dhi}]`);
  if (hi > dhi) throw new ParamError([...at, 'max'], `${name}.max ${hi} is above the domain of ${key}, [${dlo}, ${dhi}]`);
  if (!(lo < hi)) throw new ParamError(at, `${name}.min (${lo}) must be less than ${name}.max (${hi})`);
  if (assumed < lo) throw new ParamError([...at, 'min'], `found ${name}.min ${lo}, expected at most the assumed level of ${key}, ${+assumed.toPrecision(6)} (the search starts there)`);
  if (assumed > hi) throw new ParamError([...at, 'max'], `found ${name}.max ${hi}, expected at least the assumed level of ${key}, ${+assumed.toPrecision(6)} (the search starts there)`);
  return { param: p, key, label: unit.params.labels[p], unit: unit.params.units[p], assumed, lo, hi };
}

/**
 * The levers of a scenario's targets: each target's own `lever:`, else the scenario's `lever:`,
 * else the model's `defaultLever` (none if the model has none, or does not declare it). A target's
 * lever naming the scenario lever's parameter without a bracket takes the scenario's bracket.
 * Targets whose levers agree in parameter and bracket share one lever (one search).
 */
function compileLevers(input: EngineInput, unit: CompiledUnit, nTargets: number): CompiledLever[] {
  const scenarioLever = input.scenario.lever;
  let fallback: StatedLever | null = null;
  if (scenarioLever !== undefined) fallback = { ...scenarioLever, at: ['lever'] };
  else if (input.model.defaultLever !== undefined && unit.params.keys.includes(input.model.defaultLever)) fallback = { param: input.model.defaultLever, at: ['lever'] };
  const levers: CompiledLever[] = [];
  const add = (stated: StatedLever, k: number) => {
    const c = compileLever(unit, stated);
    const same = levers.find((l) => l.param === c.param && l.lo === c.lo && l.hi === c.hi);
    if (same !== undefined) same.targets.push(k);
    else levers.push({ ...c, targets: [k] });
  };
  // the scenario's lever is checked even when every target has its own
  if (fallback !== null) compileLever(unit, fallback);
  for (let k = 0; k < nTargets; k++) {
    const own = input.scenario.targets[k].lever;
    if (own === undefined) {
      if (fallback !== null) add(fallback, k);
      continue;
    }
    const inherits = own.min === undefined && own.max === undefined && scenarioLever !== undefined && scenarioLever.param === own.param;
    add({ ...(inherits ? scenarioLever : own), at: ['targets', String(k), 'lever'] }, k);
  }
  return levers;
}

/** Prefixes a reference scenario's error with its file, keeping the main scenario's location. */
function inReference<T>(at: string[], file: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof ParamError) {
      const err = new ParamError(at, `in reference scenario ${file}, at ${e.path.join('.')}: ${e.message}`);
      (err as Error).cause = e;
      throw err;
    }
    throw e;
  }
}

/**
 * Compiles a loaded scenario: parameters, model, sampling plan (seed, draws, Latin hypercube,
 * copula), targets, reference scenarios (same seed and draw indices: common random numbers;
 * the main scenario's `lhs` setting, each scenario's own correlations) and the levers.
 *
 * @example
 * const compiled = compileScenario(loaded, { draws: 1000 });
 * compiled.targets.map((t) => t.id);
 */
export function compileScenario(input: EngineInput, overrides: CompileOverrides = {}): CompiledScenario {
  const s = input.scenario;
  const seed = overrides.seed ?? s.seed;
  const draws = overrides.draws ?? s.draws;
  const lhs = s.sampling?.lhs ?? false;
  const main = compileUnit(input, seed, draws, lhs);
  const references: CompiledUnit[] = [];
  const refIndex = new Map<string, number>();
  const targets = compileTargets(s.targets, {
    metrics: main.model.metrics,
    baseYear: main.baseYear,
    steps: main.steps,
    reference(path, at) {
      const refInput = input.references[path] ?? input.references[resolve(dirname(input.file), path)];
      if (refInput === undefined) throw new ParamError(at, `reference scenario "${path}" was not loaded`);
      let unit = refIndex.get(refInput.file);
      if (unit === undefined) {
        const compiled = inReference(at, refInput.file, () => {
          const u = compileUnit(refInput, seed, draws, lhs);
          setCorrelations(u, refInput);
          return u;
        });
        unit = references.push(compiled) - 1;
        refIndex.set(refInput.file, unit);
      }
      const r = references[unit];
      return { unit, metrics: r.model.metrics, baseYear: r.baseYear, steps: r.steps };
    },
    addInput(name, dist) {
      main.inputs.push({ name, param: -1, dist, stream: streamId(name), median: median(dist) });
      return main.inputs.length - 1;
    },
  });
  setCorrelations(main, input);
  const years = Array.from({ length: main.steps + 1 }, (_, t) => main.baseYear + t);
  return {
    main: { ...main, region: s.region },
    references,
    years,
    metrics: main.model.metrics,
    targets,
    levers: compileLevers(input, main, targets.length),
    calibration: s.calibration === undefined ? null : compileCalibration(s.history ?? [], s.calibration, main.model.metrics, main.baseYear, main.steps),
  };
}

/**
 * Compiles without running: every input error of stage two, for `simulate validate`.
 *
 * @example
 * compileForValidation(loaded); // throws ParamError on a bad target, correlation or lever
 */
export function compileForValidation(input: EngineInput): CompiledScenario {
  return compileScenario(input);
}
