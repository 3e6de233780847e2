/**
 * Runs ranges of draws of a compiled scenario: per draw, sample the uncertain inputs
 * (`sampleDraw` of the unit's compiled sampler, a pure function of seed, draw index and input name), build the parameter paths,
 * run the model (and every reference scenario on the same draw index) and evaluate the targets.
 * The same code runs inside each worker and, with one worker, in the main thread. Scratch
 * memory is allocated once; a batch allocates only its result (one buffer).
 *
 * **Results in shared memory, in workers.** A worker's results go to the main thread in a
 * `SharedArrayBuffer` (shared, neither copied nor transferred). Transferring an `ArrayBuffer`
 * detaches it, and the first detach in a thread invalidates V8's isolate-wide "array buffer
 * detaching" protector: from then on optimised code checks for detached buffers on typed-array
 * accesses, and the draws (typed arrays throughout) ran about 7 % slower (`bench/experiments/detach.mjs`).
 * Shared buffers are freed only when every thread holding one has collected it, and a worker
 * allocates too little else to collect often: so the main thread gives each spent buffer back
 * with a later task (`DrawTask.recycle`) and the worker refills it. A run then allocates a
 * bounded number of them, whatever its number of draws.
 *
 * @module
 */
import { evaluatePaths } from '../params/compile.js';
import { logWeight } from './calibration.js';
import { compileSampler, sampleDraw, type CompiledSampler } from '../params/sampler-plan.js';
import type { CompiledScenario, CompiledUnit } from './compile.js';
import { DrawError, type ModelRunnerPart, type Runner } from './model.js';
import { ownValue, referencePart } from './target-value.js';
import { DigestWriter, digestLength, type BatchDigest, type DigestSpec } from './aggregate/digest.js';

/** A range of draws to run. */
export interface DrawTask {
  start: number;
  count: number;
  /** Also return every metric series and the inputs' uniforms (the main run); else target values only. */
  full: boolean;
  /** Move a parameter's level by `delta` (clamped into its domain): "what would it take". */
  shift?: { param: number; delta: number };
  /** Count infeasible draws (target values NaN) instead of stopping at the first one. */
  tolerateErrors?: boolean;
  /**
   * Project the main scenario only to t = `steps` (without `full`): targets that end later get NaN,
   * the others their exact values (`Runner.run`'s `steps`). A draw infeasible only later is not
   * seen. Default: the whole horizon.
   */
  steps?: number;
  /**
   * The main scenario's metrics the asked targets read, one flag per metric (without `full`):
   * the model may skip the rest (`Runner.run`'s `metrics`, e.g. the hukou accounts for a share
   * target), and targets reading another metric get NaN. Default: all.
   */
  metrics?: Uint8Array;
  /**
   * Spent result buffers of earlier batches, given back for reuse (`Executor.release`): a worker
   * keeps a few and fills later results into them instead of allocating.
   */
  recycle?: SharedArrayBuffer[];
  /**
   * `[d * T + k]`: what target k subtracts for its reference in draw start + d, from an earlier run
   * of the same draws (`BatchResult.refParts`). A lever shift leaves the references unchanged, so
   * with these the reference scenarios are not run again.
   */
  refParts?: Float64Array;
  /**
   * `[d * J + j]`: the main scenario's input values of draw start + d from an earlier run of the
   * same draws (`BatchResult.inputs`): used instead of sampling them again (they are the same
   * numbers). A lever shift moves a parameter's path, not its inputs.
   */
  inputs?: Float64Array;
  /**
   * With `full`: also digest the main scenario's series for the main thread (`aggregate/digest.ts`:
   * histogram bins and moment blocks, from the run's histogram ranges and shifts).
   */
  digest?: DigestSpec;
}

/** The first infeasible draw of a batch, with the values of its uncertain inputs. */
export interface DrawFailureInfo {
  draw: number;
  year: number;
  message: string;
  /** File of the scenario (main or reference) whose model failed. */
  file: string;
  /** Key of the parameter the model blames, if any. */
  param: string | null;
  inputs: { name: string; value: number }[];
}

/** What a batch returns. All arrays are views of one buffer (a `SharedArrayBuffer` from a worker). */
export interface BatchResult {
  start: number;
  count: number;
  /** `[d * S + m * (H + 1) + t]`, S = metrics × (H + 1); null unless `full`. */
  series: Float64Array | null;
  /** `[d * T + k]`: target k's quantity in draw start + d (NaN: infeasible draw). */
  values: Float64Array;
  /** `[d * J + j]`: uniform of uncertain input j; null unless `full`. */
  uniforms: Float64Array | null;
  /** `[d * J + j]`: value of uncertain input j (for {@link DrawTask.inputs}); null unless `full`. Not kept by shards. */
  inputs: Float64Array | null;
  /** `[d * T + k]`: the reference part of target k's quantity; null unless `full` and some target has a reference. */
  refParts: Float64Array | null;
  /** `[d]`: draw start + d's log-weight from the observations (`calibration.ts`); null unless `full` and the scenario is calibrated. */
  logWeights: Float64Array | null;
  /** The series digested (`DrawTask.digest`); absent or null otherwise. */
  digest?: BatchDigest | null;
  /** Infeasible draws counted (only with `tolerateErrors`). */
  failed: number;
  /** Set when a draw was infeasible and errors are not tolerated; the batch stops there. */
  error: DrawFailureInfo | null;
}

/**
 * Whether `e` is a model's {@link DrawError}, also when thrown by another copy of model.ts (a
 * model imported from `dist/` while the engine runs from source, as under vitest).
 *
 * @example
 * isDrawError(new DrawError('emigration exceeds the population', 2027)); // true
 */
export function isDrawError(e: unknown): e is DrawError {
  return e instanceof DrawError || (e instanceof Error && e.constructor.name === 'DrawError' && typeof (e as DrawError).year === 'number');
}

/** Imports the default export of a model module (or of its runner part). */
async function importModel(url: string): Promise<ModelRunnerPart> {
  return ((await import(url)) as { default: ModelRunnerPart }).default;
}

/**
 * Whether target `tg` reads only metrics flagged in `metrics` (its own, and the main scenario's
 * other series it subtracts).
 *
 * @example
 * reads(target, Uint8Array.of(1, 1, 0)); // false for a target of metric 2
 */
export function reads(tg: CompiledScenario['targets'][number], metrics: Uint8Array): boolean {
  return metrics[tg.m] === 1 && (tg.ref.kind !== 'metric' || metrics[tg.ref.m] === 1);
}

/**
 * The metrics targets `ks` read (flags over the main scenario's metrics, {@link reads}).
 *
 * @example
 * readMetrics(compiled, [0, 2]); // e.g. Uint8Array [0, 0, 0, 0, 1, 0, …]
 */
export function readMetrics(cs: CompiledScenario, ks: readonly number[]): Uint8Array {
  const out = new Uint8Array(cs.metrics.length);
  for (const k of ks) {
    const tg = cs.targets[k];
    out[tg.m] = 1;
    if (tg.ref.kind === 'metric') out[tg.ref.m] = 1;
  }
  return out;
}

/** Per-unit state: the compiled sampler, runner and buffers. */
interface UnitState {
  unit: CompiledUnit;
  sampler: CompiledSampler;
  runner: Runner;
  u: Float64Array;
  x: Float64Array;
  paths: Float64Array;
  out: Float64Array;
  T1: number;
}

function unitState(unit: CompiledUnit, model: ModelRunnerPart): UnitState {
  const J = unit.inputs.length;
  return {
    unit,
    // compiled here, from the unit as received (the explorer rebuilds units with another seed or draws)
    sampler: compileSampler(unit.inputs, unit.sampling),
    runner: model.createRunner(unit.model, unit.params),
    u: new Float64Array(J),
    x: new Float64Array(J),
    paths: new Float64Array(unit.params.keys.length * unit.steps),
    out: new Float64Array(unit.model.metrics.length * (unit.steps + 1)),
    T1: unit.steps + 1,
  };
}

/** Runs draws of one compiled scenario. */
export class DrawKernel {
  private readonly main: UnitState;
  private readonly refs: UnitState[];
  private readonly refOuts: Float64Array[];
  private readonly refT1: number[];
  /** Whether some target subtracts a reference. */
  private readonly relative: boolean;
  /** Per reference, the steps its targets read (a reference is projected only that far; undefined: all). */
  private readonly refSteps: (number | undefined)[];
  /** Digests the main series when a task asks (`DrawTask.digest`). */
  private readonly digester: DigestWriter;

  /**
   * Imports the scenario's model modules and allocates the runners. `alloc` (default: a new
   * `Float64Array`) gives each batch's zero-filled result buffer; a worker passes one handing out
   * `SharedArrayBuffer`s (see the module and `worker.ts`).
   *
   * @example
   * const kernel = await DrawKernel.create(compiled);
   * const batch = kernel.run({ start: 0, count: 100, full: true });
   */
  static async create(cs: CompiledScenario, opts: { alloc?: (length: number) => Float64Array } = {}): Promise<DrawKernel> {
    const main = await importModel(cs.main.runnerModule);
    const refs = await Promise.all(cs.references.map((r) => importModel(r.runnerModule)));
    return new DrawKernel(cs, main, refs, opts.alloc);
  }

  constructor(
    readonly cs: CompiledScenario,
    mainModel: ModelRunnerPart,
    refModels: ModelRunnerPart[],
    private readonly alloc: (length: number) => Float64Array = (length) => new Float64Array(length),
  ) {
    this.main = unitState(cs.main, mainModel);
    this.refs = cs.references.map((r, k) => unitState(r, refModels[k]));
    this.refOuts = this.refs.map((r) => r.out);
    this.refT1 = this.refs.map((r) => r.T1);
    this.relative = cs.targets.some((t) => t.ref.kind !== 'none');
    this.digester = new DigestWriter(this.main.out.length);
    this.refSteps = cs.references.map((r, u) => {
      let last = 0;
      for (const t of cs.targets) if (t.ref.kind === 'scenario' && t.ref.unit === u) last = Math.max(last, t.ref.tEnd);
      return last < r.steps ? last : undefined;
    });
  }

  /** Runs one unit on its current inputs `x`, with an optional shift of one parameter's level, up to t = `steps` (default all). */
  private project(s: UnitState, shift?: { param: number; delta: number }, steps?: number, metrics?: Uint8Array): void {
    evaluatePaths(s.unit.params, s.x, s.paths);
    if (shift !== undefined) {
      const H = s.unit.steps;
      const [lo, hi] = s.unit.domains[shift.param];
      for (let t = shift.param * H, end = t + H; t < end; t++) s.paths[t] = Math.min(hi, Math.max(lo, s.paths[t] + shift.delta));
    }
    if (metrics !== undefined) s.runner.run(s.paths, s.out, undefined, steps, metrics);
    else if (steps === undefined) s.runner.run(s.paths, s.out);
    else s.runner.run(s.paths, s.out, undefined, steps);
  }

  private failure(s: UnitState, draw: number, e: DrawError): DrawFailureInfo {
    return {
      draw,
      year: e.year,
      message: e.message,
      file: s.unit.file,
      param: e.param >= 0 ? (s.unit.params.keys[e.param] ?? null) : null,
      inputs: s.unit.inputs.map((inp, j) => ({ name: inp.name, value: s.x[j] })),
    };
  }

  /**
   * Runs draws `start … start + count − 1`.
   *
   * @example
   * kernel.run({ start: 200, count: 50, full: false, shift: { param: 7, delta: 0.002 } }).values;
   */
  run(task: DrawTask): BatchResult {
    const { main, cs } = this;
    const T = cs.targets.length;
    const S = main.out.length;
    const J = main.unit.inputs.length;
    const R = task.full && this.relative ? T : 0;
    const cal = task.full ? cs.calibration : null;
    const L = cal !== null ? 1 : 0;
    const per = task.full ? T + S + 2 * J + R + L : T;
    const n = task.count;
    const spec = task.full ? task.digest : undefined;
    const buf = this.alloc(n * per + (spec !== undefined ? digestLength(S, n, task.start) : 0));
    const values = buf.subarray(0, n * T);
    const series = task.full ? buf.subarray(n * T, n * (T + S)) : null;
    const uniforms = task.full ? buf.subarray(n * (T + S), n * (T + S + J)) : null;
    const inputs = task.full ? buf.subarray(n * (T + S + J), n * (T + S + 2 * J)) : null;
    const refParts = R > 0 ? buf.subarray(n * (T + S + 2 * J), n * (T + S + 2 * J + R)) : null;
    const logWeights = cal !== null ? buf.subarray(n * (T + S + 2 * J + R), n * per) : null;
    const digest = spec !== undefined ? this.digester.begin(spec, buf, n * per, n, task.start) : null;
    const given = task.refParts;
    const givenInputs = task.inputs;
    const steps = task.full ? undefined : task.steps;
    const lim = steps ?? Infinity;
    const metrics = task.full ? undefined : task.metrics;
    // the targets this task computes (the others NaN): those ending by `steps`, reading only `metrics`
    const computed = cs.targets.map((tg) => tg.tTo <= lim && (metrics === undefined || reads(tg, metrics)));
    const refs = given === undefined ? this.refs : [];
    let failed = 0;
    let error: DrawFailureInfo | null = null;
    for (let d = 0; d < n; d++) {
      const i = task.start + d;
      let current = main;
      try {
        if (givenInputs === undefined) sampleDraw(main.sampler, i, main.u, main.x);
        else main.x.set(givenInputs.subarray(d * J, (d + 1) * J));
        this.project(main, task.shift, steps, metrics);
        for (let u = 0; u < refs.length; u++) {
          const r = (current = refs[u]);
          sampleDraw(r.sampler, i, r.u, r.x);
          // only as far as the targets read it (the first years match the whole run's: see the contract suite)
          this.project(r, undefined, this.refSteps[u]);
        }
      } catch (e) {
        if (!isDrawError(e)) throw e;
        if (!task.tolerateErrors) {
          error = this.failure(current, i, e);
          break;
        }
        failed++;
        values.fill(NaN, d * T, (d + 1) * T);
        continue;
      }
      for (let k = 0; k < T; k++) {
        const tg = cs.targets[k];
        // a region of the same run moves with a lever shift: never taken from an earlier run
        const part = given !== undefined && tg.ref.kind !== 'metric' ? given[d * T + k] : referencePart(tg, this.refOuts, this.refT1, main.x, main.out, main.T1);
        values[d * T + k] = computed[k] ? ownValue(tg, main.out, main.T1) - part : NaN;
        if (refParts !== null) refParts[d * T + k] = part;
      }
      if (series !== null) series.set(main.out, d * S);
      if (digest !== null) this.digester.draw(main.out, d);
      if (uniforms !== null) uniforms.set(main.u, d * J);
      if (inputs !== null) inputs.set(main.x, d * J);
      if (cal !== null) logWeights![d] = logWeight(cal, main.out);
    }
    if (digest !== null) this.digester.finish();
    return { start: task.start, count: n, series, values, uniforms, inputs, refParts, logWeights, digest, failed, error };
  }

  /**
   * The deterministic projection: every uncertain input at its median (also the reference
   * scenarios'), optionally with a lever shift. Returns the main series and the targets' quantities.
   *
   * @example
   * kernel.medianRun().values[0]; // the first target's quantity on the median path
   */
  medianRun(shift?: { param: number; delta: number }): { series: Float64Array; values: Float64Array } {
    const { main, refs, cs } = this;
    for (const s of [main, ...refs]) {
      s.unit.inputs.forEach((inp, j) => (s.x[j] = inp.median));
      this.project(s, s === main ? shift : undefined);
    }
    const values = Float64Array.from(cs.targets, (tg) => ownValue(tg, main.out, main.T1) - referencePart(tg, this.refOuts, this.refT1, main.x, main.out, main.T1));
    return { series: main.out.slice(), values };
  }
}
