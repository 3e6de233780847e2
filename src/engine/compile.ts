/**
 * Stage two: a loaded scenario → a {@link CompiledScenario}, plain data only (numbers, strings,
 * arrays, typed arrays), structured-cloneable, so that workers receive it once and run draws
 * with no further look-ups. Every input error found here is a `ParamError` naming the scenario
 * path it is about (a correlation, a target's metric, the lever …), for the CLI to locate.
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

/** "What would it take": the parameter moved, and the bracket of its level. */
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
}

/** A scenario ready to run. */
export interface CompiledScenario {
  main: CompiledUnit & { region: string };
  /** Reference scenarios of relative targets: same seed, same draws (common random numbers). */
  references: CompiledUnit[];
  years: number[];
  metrics: MetricDecl[];
  targets: CompiledTarget[];
  lever: CompiledLever | null;
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
    baseYear: ctx.baseYear,
    steps: ctx.steps,
    params,
    domains: decls.map((d) => d.domain),
    model: compiled,
    inputs: [...params.inputs],
    sampling: { seed, draws, lhs, cholesky: null },
  };
}

function setCorrelations(unit: CompiledUnit, input: EngineInput): void {
  unit.sampling.cholesky = correlationFactor(
    unit.inputs.map((i) => i.name),
    input.scenario.sampling?.correlations ?? [],
  );
}

/**
 * The lever: `scenario.lever.param`, else the model's `defaultLever` (none if the model has none).
 * Its bracket is `lever.min/max`, else the parameter's domain; an unbounded side of the domain
 * becomes assumed ∓ 2·max(|assumed|, 1) (state `lever.min/max` for counts of persons).
 */
function compileLever(input: EngineInput, unit: CompiledUnit): CompiledLever | null {
  const stated = input.scenario.lever;
  const key = stated?.param ?? input.model.defaultLever;
  if (key === undefined) return null;
  const p = unit.params.keys.indexOf(key);
  if (p < 0) {
    if (stated === undefined) return null;
    throw new ParamError(['lever', 'param'], `unknown parameter "${key}"; the model's parameters are: ${unit.params.keys.join(', ')}`);
  }
  const H = unit.steps;
  const paths = new Float64Array(unit.params.keys.length * H);
  evaluatePaths(unit.params, medianInputs(unit.params), paths);
  const assumed = paths[p * H];
  const [dlo, dhi] = unit.domains[p];
  const span = Math.max(Math.abs(assumed), 1);
  const lo = stated?.min ?? (Number.isFinite(dlo) ? dlo : assumed - 2 * span);
  const hi = stated?.max ?? (Number.isFinite(dhi) ? dhi : assumed + 2 * span);
  if (lo < dlo) throw new ParamError(['lever', 'min'], `lever.min ${lo} is below the domain of ${key}, [${dlo}, ${dhi}]`);
  if (hi > dhi) throw new ParamError(['lever', 'max'], `lever.max ${hi} is above the domain of ${key}, [${dlo}, ${dhi}]`);
  if (!(lo < hi)) throw new ParamError(['lever'], `lever.min (${lo}) must be less than lever.max (${hi})`);
  return { param: p, key, label: unit.params.labels[p], unit: unit.params.units[p], assumed, lo, hi };
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
 * the main scenario's `lhs` setting, each scenario's own correlations) and the lever.
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
    lever: compileLever(input, main),
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
