/**
 * What the CLI calls in the engine and the report, by dynamic import so that the CLI stays thin
 * and starts fast. The modules implement these types (`export const runScenario: RunScenario = …`
 * or a function of a compatible type); the CLI compiles against the types alone.
 *
 * | module (from `src/cli/`) | export | type |
 * |---|---|---|
 * | `../engine/deterministic.js` | `runDeterministic` | {@link RunDeterministic} |
 * | `../engine/run.js` | `runScenario` | {@link RunScenario} |
 * | `../report/render.js` | `render` | {@link Render} |
 * | `../engine/compile.js` | `compileForValidation` | {@link CompileForValidation} |
 * | `../engine/run.js` | `replayDraw` | {@link ReplayDraw} |
 * | `../report/html/deterministic-report.js` | `deterministicHtml` | {@link DeterministicHtml} |
 * | `../engine/worker-pool.js` | `startPoolFor` | {@link StartPoolFor} |
 *
 * Errors they throw: a `ParamError` (a scenario path and a message) is located with
 * `loaded.locate` and reported as an input error; an `InputError`, an error with `exitCode: 2`
 * (e.g. `RenderUsageError`) or a `DrawFailure` (the scenario's assumptions cannot be projected)
 * is printed as its message; all three exit with code 2. Anything else is an internal error (1).
 *
 * @module
 */
import type { ReplayResult, RunPhase } from '../engine/run.js';
import type { PoolPlan, WorkerPool } from '../engine/worker-pool.js';
import type { LoadedScenario } from '../scenario/load.js';

/** `--format`. */
export type OutputFormat = 'table' | 'json' | 'csv' | 'html';

/** `--lang`. */
export type Lang = 'en' | 'zh';

/** What a command produces: text for stdout, a JSON value for stdout, and/or files it wrote. */
export interface CliOutput {
  /** Printed as is on stdout. */
  text?: string;
  /** Printed on stdout as JSON (after `text`, if both). */
  json?: unknown;
  /** Files written (each whole, via temp + rename); listed on stderr unless `--quiet`. */
  files?: string[];
}

/** Options of `simulate --deterministic` / `--dump-schedules`. */
export interface DeterministicCliOptions {
  format: Exclude<OutputFormat, 'html'>;
  /** `--out DIR`, if given. */
  out?: string;
  /** `--dump-schedules FILE.json`: write the model's compiled per-step inputs there. */
  dumpSchedules?: string;
}

/** `runDeterministic` in `src/engine/deterministic.ts`. */
export type RunDeterministic = (loaded: LoadedScenario, options: DeterministicCliOptions) => Promise<CliOutput>;

/** Options of a Monte Carlo run. `draws` and `seed` override the scenario's when given. */
export interface RunCliOptions {
  draws?: number;
  seed?: number;
  /** Worker threads (default: the engine's choice, the machine's cores, fewer for small runs). Never changes the results. */
  workers?: number;
  /** Draws per task sent to a worker. Never changes the results. */
  batchSize?: number;
  /** Progress bar on stderr (on a terminal); false with `--quiet`. */
  progress: boolean;
  /** Stops the run (SIGINT, SIGTERM): the promise then rejects and the worker pool is destroyed. */
  signal?: AbortSignal;
  /** The `--set` overrides `loaded` was loaded with, recorded in the result for reproducibility. */
  sets?: readonly string[];
  /** Worker threads started before loading ({@link StartPoolFor}); the run uses or closes them. */
  pool?: WorkerPool;
  /** Called as each phase of the run ends (`--timings`). */
  onPhase?: (phase: RunPhase) => void;
}

/**
 * `startPoolFor` in `src/engine/worker-pool.ts`: starts the worker threads a run will likely use,
 * so that they boot while the scenario loads (undefined: the run would use the main thread).
 */
export type StartPoolFor = (plan: PoolPlan) => WorkerPool | undefined;

/** `runScenario` in `src/engine/run.ts`; the result is opaque to the CLI and goes to {@link Render}. */
export type RunScenario<R = unknown> = (loaded: LoadedScenario, options: RunCliOptions) => Promise<R>;

/** Options of the report. */
export interface RenderOptions {
  format: OutputFormat;
  /** `--out DIR`: write files there instead of printing. */
  out?: string;
  lang: Lang;
  /** Where the text goes without `out`. */
  stdout: { write(s: string): unknown };
}

/** `render` in `src/report/render.ts`: prints to `stdout`, or writes into `out`; returns the files written. */
export type Render<R = unknown> = (result: R, options: RenderOptions) => string[] | Promise<string[]>;

/** `checkRenderOptions` in `src/report/render.ts`: throws a usage error for options the report cannot honour. */
export type CheckRenderOptions = (options: Pick<RenderOptions, 'format' | 'lang'>) => void;

/** `compileForValidation` in `src/engine/compile.ts`: every compile-stage check, no run. */
export type CompileForValidation = (loaded: LoadedScenario) => unknown;

/** `replayDraw` in `src/engine/run.ts`: re-runs one draw of a run (`draws` and `seed` as the run's). */
export type ReplayDraw = (loaded: LoadedScenario, draw: number, options: { draws?: number; seed?: number }) => Promise<ReplayResult>;

/** Options of the deterministic HTML report. */
export interface DeterministicHtmlOptions {
  /** `--out DIR`: report.html, projection.json and projection.csv go there; without it the page goes to `stdout`. */
  out?: string;
  lang: Lang;
  /** The `--set` overrides `loaded` was loaded with (shown in the page's identity). */
  sets: readonly string[];
  stdout: { write(s: string): unknown };
}

/** `deterministicHtml` in `src/report/html/deterministic-report.ts`: the median path as a page; returns the files written. */
export type DeterministicHtml = (loaded: LoadedScenario, options: DeterministicHtmlOptions) => Promise<string[]>;

/** Module paths, relative to `src/cli/`, and the export the CLI takes from each. */
export const ENGINE_MODULES = {
  runDeterministic: '../engine/deterministic.js',
  runScenario: '../engine/run.js',
  render: '../report/render.js',
  checkRenderOptions: '../report/render.js',
  compileForValidation: '../engine/compile.js',
  replayDraw: '../engine/run.js',
  deterministicHtml: '../report/html/deterministic-report.js',
  startPoolFor: '../engine/worker-pool.js',
} as const;

/** The function type of each export in {@link ENGINE_MODULES}. */
export interface EngineExports {
  runDeterministic: RunDeterministic;
  runScenario: RunScenario;
  render: Render;
  checkRenderOptions: CheckRenderOptions;
  compileForValidation: CompileForValidation;
  replayDraw: ReplayDraw;
  deterministicHtml: DeterministicHtml;
  startPoolFor: StartPoolFor;
}
