/**
 * The one small interface through which models plug into the engine. The engine never names a
 * model: it receives a {@link ModelDefinition} (from the registry in `models/index.ts`, or from a
 * researcher's own module) and uses only what is declared here.
 *
 * Three stages never mix: the scenario is loaded and validated (including the model's
 * `assumptionsSchema`), then `compile` turns it into plain data with typed arrays (cloneable to
 * workers), then a {@link Runner} projects one draw at a time with no allocation.
 *
 * Output layout of one draw: `out[m * (H + 1) + t]` for metric m and t = 0 … H (year y0 + t).
 * Stocks and shares are end-of-year states (t = 0 is the baseline); flows and contributions are
 * those of the step ending in year y0 + t (t = 0 holds 0 and is never reported).
 *
 * @module
 */
import type { z } from 'zod';
import type { CompiledParams, ParamDecl } from '../params/compile.js';

/**
 * Kinds of output series: stocks (≥ 0), shares (in [0, 1]), flows and contributions (of the step
 * ending in the year; 0 at t = 0), and differences (a signed level, e.g. one share minus another).
 */
export type MetricKind = 'stock' | 'share' | 'flow' | 'contribution' | 'difference';

/** One output series a model produces, per year. */
export interface MetricDecl {
  /** Stable name used by targets and outputs, e.g. `urbanShare`, `total`, `births.U`. */
  name: string;
  label: string;
  /** `persons`, `share` (0–1), `persons/yr`, `share points` … */
  unit: string;
  kind: MetricKind;
  /**
   * Optional column of the deterministic table this series adds into (with `sign`), so that
   * e.g. births by area print as one "births" column and migration both ways as "net internal".
   * Beyond the core stocks and share, only series with a column are printed there.
   */
  display?: { column: string; sign?: 1 | -1 };
}

/** Every model outputs these, so the engine's targets and reports work with any model. */
export const CORE_METRICS = ['total', 'urban', 'rural', 'urbanShare'] as const;

/** What a model's compile step gets from the validated scenario. */
export interface CompileContext {
  /** Absolute path of the scenario file (for messages and relative paths). */
  scenarioFile: string;
  baseYear: number;
  horizon: number;
  /** H = horizon − baseYear. */
  steps: number;
  /** Baseline total population (persons) and urban share (0–1). */
  population: number;
  urbanShare: number;
  /** Absolute path of an age-structure CSV given by the scenario, if any. */
  ageStructure?: string;
  /** Absolute path of the project's `seeds/data/` folder. */
  dataDir: string;
}

/** A compiled model: plain data only (numbers, strings, arrays, typed arrays). */
export interface CompiledModel<D = unknown> {
  metrics: MetricDecl[];
  data: D;
}

/** Projects single draws. Created once per worker; owns its scratch memory. */
export interface Runner {
  /**
   * Projects one draw. `paths` holds every parameter's path (layout `[param * H + t]`, t = 0 … H−1
   * for years y0+1 … y0+H, in the order of `parameters()`); `out` receives every metric
   * (layout above). Throws {@link DrawError} when the draw's inputs are infeasible. With `steps`
   * (1 … H) it projects only years y0+1 … y0+steps: `out`'s entries for t ≤ steps are exactly
   * those of the whole run, later ones are unspecified (a model may ignore `steps`). The engine's
   * "what would it take" runs only as far as the targets it asks about; the contract suite checks
   * the first part. With `metrics` (one flag per metric, 1: the caller reads it) a model may skip
   * the work only unread metrics need, including the checks that make a draw infeasible there
   * (e.g. the cohort model's hukou accounts when no hukou metric is read): the read metrics'
   * entries are exactly those of the whole run whenever it is feasible, the others unspecified
   * (a model may ignore `metrics`; the contract suite checks the read ones).
   */
  run(paths: Float64Array, out: Float64Array, observe?: Observer, steps?: number, metrics?: Uint8Array): void;
}

/**
 * Sees a model's own state during a run: at t = 0 (the baseline; `flows` null) and after each
 * step t = 1 … H with that step's raw flow slots. Both arrays are the runner's scratch, valid only
 * during the call (copy what you keep); their layouts are documented by each model (the cohort
 * model: 404 cells by area, sex and age). For pyramids, trajectories and tests; the engine's draws
 * never pass one.
 */
export type Observer = (t: number, state: Float64Array, flows: Float64Array | null) => void;

/**
 * A population by age, area and sex (for population pyramids): `groups[g].values[i]` persons of
 * ages `ages[i]` … `ages[i + 1] − 1` (the last group open-ended, e.g. 100+).
 */
export interface Pyramid {
  /** First age of each age group, increasing; the last group is open-ended. */
  ages: number[];
  groups: { area: 'urban' | 'rural'; sex: 'female' | 'male'; values: number[] }[];
}

/** A draw whose inputs cannot be projected (e.g. emigration larger than the population). */
export class DrawError extends Error {
  constructor(
    message: string,
    /** Year in which it happened. */
    readonly year: number,
    /** Index of the parameter most directly responsible, or −1. */
    readonly param = -1,
  ) {
    super(message);
  }
}

/** A model, as the engine sees it. */
export interface ModelDefinition<A = unknown, D = unknown> {
  /** Registry name, as written in a scenario's `model:` field. */
  name: string;
  /** One line for `--help` and reports. */
  title: string;
  /**
   * The metrics the model can output (the same list `compile` returns), so that targets can be
   * checked when a scenario is loaded, before anything is compiled.
   */
  metrics?: MetricDecl[];
  /**
   * Optional: the metrics for given (validated) assumptions, when blocks of them add series (the
   * cohort model's `hukou:`); `metrics` then lists every series the model can output.
   */
  metricsFor?(assumptions: A): MetricDecl[];
  /** Schema of the scenario's `assumptions:` block. Unknown keys must be rejected (strict objects). */
  assumptionsSchema: z.ZodType<A>;
  /** The rate parameters, in a fixed order, with their specifications from the assumptions. */
  parameters(assumptions: A, ctx: CompileContext): ParamDecl[];
  /** Compiles everything that does not change by draw (throws `ParamError` on bad input). */
  compile(assumptions: A, ctx: CompileContext): CompiledModel<D>;
  /** Allocates a runner for the compiled model. */
  createRunner(model: CompiledModel<D>, params: CompiledParams): Runner;
  /** Optional: the compiled per-step inputs for given paths, for `--dump-schedules`. */
  inspect?(model: CompiledModel<D>, params: CompiledParams, paths: Float64Array): unknown;
  /**
   * Optional: the population by age, area and sex in a state seen by an {@link Observer} (reports
   * draw pyramids from it). Models without ages leave it out, and reports then have no pyramids.
   */
  pyramid?(state: Float64Array): Pyramid;
  /** Name of the parameter moved by "what would it take" by default (e.g. `ruralToUrban`). */
  defaultLever?: string;
  /**
   * Optional, for models made of other scenarios (the `regions` model): completes the validated
   * assumptions in stage one by loading the scenario files they name (`load` validates a file
   * like any scenario, relative to the field at `at`). Runs once, in the loader, before targets
   * are checked; what it returns is what `parameters`, `compile` and `metricsFor` receive.
   */
  expand?(assumptions: A, ctx: CompileContext, load: ScenarioLoader): Promise<A>;
  /**
   * Optional: correlations between uncertain inputs that the assumptions imply (added to the
   * scenario's `sampling.correlations`), e.g. the `regions` model's shared factors.
   */
  correlations?(assumptions: A): { between: [string, string]; rho: number }[];
}

/**
 * What running draws needs of a model: its `createRunner`. A model's registry entry may name a
 * module (`runner`) whose default export is just this, without what only loading needs (schemas),
 * so that worker threads import less; by default they import the whole model module.
 */
export type ModelRunnerPart<D = unknown> = Pick<ModelDefinition<unknown, D>, 'createRunner'>;

/** What a model's `expand` gets back for a scenario file: the loaded scenario's parts it may use. */
export interface LoadedPart {
  /** Absolute path. */
  file: string;
  scenario: { name: string; region: string; sampling?: { correlations: { between: [string, string]; rho: number }[] } };
  modelName: string;
  modelModule: string;
  model: ModelDefinition;
  assumptions: unknown;
  ctx: CompileContext;
}

/** Loads and validates a scenario file named at field path `at` of the scenario being loaded. */
export type ScenarioLoader = (path: string, at: (string | number)[]) => Promise<LoadedPart>;
