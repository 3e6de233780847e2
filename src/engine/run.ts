/**
 * The library's entry point: run a loaded scenario's Monte Carlo draws and answer, for every
 * target, how likely it is, what it would take and what matters most.
 *
 * **Determinism.** Draw i's inputs depend only on (seed, i, input name) (counter-based Philox
 * streams, `src/params/sampler.ts`); draws run in batches on any number of threads, but their
 * results are consumed strictly in draw-index order, and every aggregate is either an integer
 * count or a floating-point sum accumulated in that order (the moments in fixed blocks of draw
 * indices, which a worker may sum for the main thread: `aggregate/digest.ts`). Histogram ranges
 * come from a fixed pilot (draws 0 … min(N, 256) − 1 and the deterministic run). Hence the same
 * scenario and seed give bit-identical results whatever `workers` and `batchSize`.
 *
 * **Calibration.** With `calibration:`, each batch also returns its draws' log-weights (computed
 * in the worker from the draw's output, `calibration.ts`); the accumulator weights every aggregate
 * by them, in the same draw order (`aggregate/accumulator.ts`). After the main run the effective
 * sample size is checked against `minEss` (a `ParamError` at `calibration.minEss` otherwise, exit
 * 2, and the lever search is stopped). The lever's draws keep their main-run weights.
 *
 * **"What would it take"** starts as soon as the lever draws (the main run's first `leverDraws`)
 * are in and shares the pool with the rest of the main run (`lever-run.ts`): its evaluations fill
 * the workers' idle moments instead of following the main run. Its answers do not depend on when
 * its evaluations run.
 *
 * @module
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { RunAccumulator, type MedianRun } from './aggregate/accumulator.js';
import type { DigestSpec } from './aggregate/digest.js';
import { relativeWeights, tooFewDrawsFit } from './calibration.js';
import { compileScenario, type CompiledScenario } from './compile.js';
import { projectDeterministic } from './deterministic.js';
import { DrawFailure, NonFiniteOutput } from './draw-failure.js';
import { engineVersion } from './version.js';
import type { EngineInput } from './input.js';
import { DrawKernel, isDrawError, type BatchResult, type DrawFailureInfo } from './kernel.js';
import { evaluatePaths } from '../params/compile.js';
import { compileSampler, sampleDraw } from '../params/sampler-plan.js';
import type { LeverResult } from './lever.js';
import { searchAllLevers, type LeverSearch } from './lever-run.js';
import { createExecutor, type Executor } from './pool.js';
import type { WorkerPool } from './worker-pool.js';
import { chooseWorkers } from './workers.js';
import { poolSource, type DrawSource } from './draw-source.js';
import { createProgress, type Progress } from './progress.js';
import { PILOT_DRAWS } from './pilot.js';
import type { RunResult } from './result.js';
import { sensitivityBins } from './sensitivity.js';
import { splitBatch } from './split-batch.js';
import { summarize } from './summarize.js';

/** Options of {@link runScenario}. */
export interface RunOptions {
  /** Number of draws (default: the scenario's `draws`). */
  draws?: number;
  /** Seed (default: the scenario's `seed`). */
  seed?: number;
  /** Threads running draws; 1 runs them in the main thread (default: the machine's cores, fewer for small runs). Never more than the cores or the tasks (`src/engine/workers.ts`). */
  workers?: number;
  /** The cores workers are capped at (default os.availableParallelism()); tests raise it to run more threads than the machine has. */
  cores?: number;
  /** Draws per task (default: about 8 tasks per worker, at most 200 draws). */
  batchSize?: number;
  /** Answer "what would it take" (default true). */
  lever?: boolean;
  /** Draws per lever evaluation (default min(draws, 2000)). */
  leverDraws?: number;
  /**
   * How "what would it take" is found: `crossings` (default) from the lever draws' own crossings
   * (lever-crossing.ts), falling back to the probing search for a target it cannot answer;
   * `probes`: the probing search (lever.ts) only.
   */
  leverSearch?: 'crossings' | 'probes';
  /** Sensitivity indices of every target (default true). */
  sensitivity?: boolean;
  /** Progress bar on stderr, shown only on a terminal for runs longer than a second (default true). */
  progress?: boolean;
  /** Stops the run; `runScenario` then rejects with an `AbortError`. */
  signal?: AbortSignal;
  /** The `--set` overrides the scenario was loaded with: recorded in `result.scenario.sets`, not applied again. */
  sets?: readonly string[];
  /** Called as each phase of the run ends, with its wall time ({@link RunPhase}; `simulate --timings`). */
  onPhase?: (phase: RunPhase) => void;
  /**
   * Where the main run's draws come from (default: run on the pool). `simulate merge` reads them
   * from shards' partial states instead (`draw-source.ts`); everything after, in draw order, is
   * this function's own code, so the result has the same bits.
   */
  source?: DrawSource;
  /**
   * Worker threads started early (`startWorkerPool`, e.g. by the CLI before loading), so that they
   * are ready when the first draws are: used when the run needs that many workers, else closed.
   * The run closes it in any case once it has started; the caller closes it when the run fails
   * earlier (closing twice is harmless).
   */
  pool?: WorkerPool;
}

export { PILOT_DRAWS } from './pilot.js';

/**
 * One phase of {@link runScenario} and its wall time: `compile`, `start` (the worker pool and the
 * median path), `draws` (the main run, pilot included), `levers` ("what would it take": what is
 * left of its evaluations once the main run is done, since they start during it), `summary`
 * (quantiles, sensitivity indices, the median pyramids).
 */
export interface RunPhase {
  name: 'compile' | 'start' | 'draws' | 'levers' | 'summary';
  seconds: number;
  /** Draws of the main run and the threads that ran them (draws only). */
  draws?: number;
  workers?: number;
  /** Evaluations of the lever draws, each of `leverDraws` draws (levers only). */
  evaluations?: number;
  leverDraws?: number;
}

const DEFAULTS = { lever: true, leverDraws: 2000, leverSearch: 'crossings' as const, sensitivity: true, progress: true };

function positiveInt(name: string, v: number | undefined): void {
  // exitCode 2: the CLI reports it as a usage error, without a stack trace
  if (v !== undefined && !(Number.isInteger(v) && v >= 1)) throw Object.assign(new RangeError(`${name} must be a whole number ≥ 1, got ${v}`), { exitCode: 2 });
}

/** Runs the deterministic projection, reporting an infeasible median path like a failed draw. */
export function medianRun(exec: Executor, cs: CompiledScenario): MedianRun {
  try {
    return exec.medianRun();
  } catch (e) {
    if (!isDrawError(e)) throw e;
    throw new DrawFailure(
      {
        draw: -1,
        year: e.year,
        message: e.message,
        file: cs.main.file,
        param: e.param >= 0 ? (cs.main.params.keys[e.param] ?? null) : null,
        inputs: cs.main.inputs.map((i) => ({ name: i.name, value: i.median })),
      },
      cs.main.sampling.seed,
    );
  }
}

/**
 * The SHA-256 of a file's bytes, or null when it cannot be read.
 *
 * @example
 * sha256('scenarios/heze.yml'); // 'e3b0c442…'
 */
export function sha256(file: string): string | null {
  try {
    return createHash('sha256').update(readFileSync(file)).digest('hex');
  } catch {
    return null;
  }
}

/** The values of draw `i`'s uncertain inputs (the same numbers the draw used: they depend only on seed, i and name). */
export function drawInputs(cs: CompiledScenario, i: number): { name: string; value: number }[] {
  const J = cs.main.inputs.length;
  const u = new Float64Array(J);
  const x = new Float64Array(J);
  sampleDraw(compileSampler(cs.main.inputs, cs.main.sampling), i, u, x);
  return cs.main.inputs.map((inp, j) => ({ name: inp.name, value: x[j] }));
}

/**
 * Stops the run at the first NaN or infinite value in an output series: `series` holds `count`
 * draws from `start` (start −1: the median path). The error names the draw, the metric, the
 * year and the draw's inputs.
 */
export function checkFinite(cs: CompiledScenario, series: Float64Array, start: number, count: number): void {
  const S = series.length / count;
  const T1 = cs.years.length;
  for (let k = 0; k < series.length; k++) {
    if (Number.isFinite(series[k])) continue;
    const d = Math.floor(k / S);
    const m = Math.floor((k - d * S) / T1);
    const draw = start < 0 ? -1 : start + d;
    const inputs = draw < 0 ? cs.main.inputs.map((i) => ({ name: i.name, value: i.median })) : drawInputs(cs, draw);
    const where = { draw, metric: cs.metrics[m].name, year: cs.years[k - d * S - m * T1], value: series[k], file: cs.main.file, inputs };
    throw new NonFiniteOutput(where, cs.main.sampling.seed);
  }
}

/** Options of {@link replayDraw}: the run's `draws` and `seed` (default the scenario's), as the draw depends on them. */
export interface ReplayOptions {
  draws?: number;
  seed?: number;
}

/** One draw, re-run: its inputs, its parameters' paths and its outputs, or why it failed. */
export interface ReplayResult {
  scenario: string;
  draw: number;
  seed: number;
  draws: number;
  years: number[];
  /** Values of the draw's uncertain inputs. */
  inputs: { name: string; value: number }[];
  /** Every parameter's path over the projected years (years[1] …). */
  parameters: { key: string; label: string; unit: string; path: number[] }[];
  /** Every output series over years (empty when the draw failed). */
  series: { metric: string; unit: string; values: number[] }[];
  /** Each target's quantity in this draw. */
  targets: { id: string; value: number }[];
  failure: DrawFailureInfo | null;
}

/**
 * Re-runs exactly draw `draw` of a run (same scenario, seed and number of draws), in the main
 * thread, and returns its inputs, parameter paths and outputs. Deterministic: the draw's random
 * numbers depend only on (seed, draw, input name) (and the number of draws with Latin-hypercube
 * sampling).
 *
 * @example
 * const r = await replayDraw(loaded, 4711);
 * r.inputs; // [{ name: 'ruralToUrban.value', value: 0.0163 }, …]
 */
export async function replayDraw(loaded: EngineInput, draw: number, options: ReplayOptions = {}): Promise<ReplayResult> {
  positiveInt('draws', options.draws);
  const cs = compileScenario(loaded, options);
  const N = cs.main.sampling.draws;
  if (!(Number.isInteger(draw) && draw >= 0 && draw < N)) {
    throw Object.assign(new RangeError(`--replay-draw must be a draw index from 0 to ${N - 1} (the run has ${N} draws), got ${draw}`), { exitCode: 2 });
  }
  const kernel = await DrawKernel.create(cs);
  const b = kernel.run({ start: draw, count: 1, full: true });
  const inputs = drawInputs(cs, draw);
  const { params } = cs.main;
  const H = cs.main.steps;
  const paths = new Float64Array(params.keys.length * H);
  evaluatePaths(params, Float64Array.from(inputs, (i) => i.value), paths);
  const T1 = H + 1;
  return {
    scenario: cs.main.file,
    draw,
    seed: cs.main.sampling.seed,
    draws: N,
    years: cs.years,
    inputs,
    parameters: params.keys.map((key, p) => ({ key, label: params.labels[p], unit: params.units[p], path: Array.from(paths.subarray(p * H, (p + 1) * H)) })),
    series: b.error !== null ? [] : cs.metrics.map((m, k) => ({ metric: m.name, unit: m.unit, values: Array.from(b.series!.subarray(k * T1, (k + 1) * T1)) })),
    targets: b.error !== null ? [] : cs.targets.map((t, k) => ({ id: t.id, value: b.values[k] })),
    failure: b.error,
  };
}

/**
 * Runs a loaded scenario: compile, run the draws on a worker pool, aggregate, search the lever,
 * estimate the sensitivity indices. Rejects with a `ParamError` on bad input found while
 * compiling, a {@link DrawFailure} naming the first infeasible draw and its inputs, or an
 * `AbortError`.
 *
 * @example
 * const result = await runScenario(loaded, { draws: 2000, workers: 2 });
 * for (const t of result.targets) console.log(t.id, t.pMet, t.verdict);
 */
export async function runScenario(loaded: EngineInput, options: RunOptions = {}): Promise<RunResult> {
  const o = { ...DEFAULTS, ...options };
  positiveInt('draws', o.draws);
  positiveInt('workers', o.workers);
  positiveInt('batchSize', o.batchSize);
  positiveInt('leverDraws', o.leverDraws);
  const startedAt = new Date();
  const t0 = performance.now();
  let lap = t0;
  const phase = (name: RunPhase['name'], extra: Omit<RunPhase, 'name' | 'seconds'> = {}) => {
    const now = performance.now();
    o.onPhase?.({ name, seconds: (now - lap) / 1000, ...extra });
    lap = now;
  };
  const cs = compileScenario(loaded, { draws: o.draws, seed: o.seed });
  phase('compile');
  const N = cs.main.sampling.draws;
  const { workers, batchSize, limit } = chooseWorkers(N, o.workers, o.batchSize, o.cores ?? availableParallelism());
  const inFlight = 2 * workers + 2;
  const useLever = o.lever && cs.levers.length > 0;
  const leverDraws = useLever ? Math.min(N, o.leverDraws) : 0;
  const progress: Progress = createProgress(N, o.progress);
  const exec = await createExecutor(cs, workers, o.pool);
  try {
    const median = medianRun(exec, cs);
    checkFinite(cs, median.series, -1, 1);
    phase('start');
    const P = Math.min(N, PILOT_DRAWS);
    const pilot: BatchResult[] = [];
    const T = cs.targets.length;
    // the reference parts of the lever's draws, kept from the main run
    const leverRefParts = useLever && cs.targets.some((t) => t.ref.kind !== 'none') ? new Float64Array(leverDraws * T) : null;
    // their target values (the lever search's evaluation at Δ = 0: the same draws, unshifted)
    const leverValues = useLever ? new Float64Array(leverDraws * T) : null;
    // their input values (the lever's evaluations run the same draws: no sampling again); null
    // once a batch comes without them (a run merged from shards)
    const J = cs.main.inputs.length;
    let leverInputs = useLever ? new Float64Array(leverDraws * J) : null;
    // and, in a calibrated run, their log-weights
    const leverLogW = useLever && cs.calibration !== null ? new Float64Array(leverDraws) : null;
    let done = 0;
    const counted = (b: BatchResult) => {
      // a digest counted the non-finite values where they were computed
      if (b.series !== null && b.error === null && !(b.digest?.nonFinite === 0)) checkFinite(cs, b.series, b.start, b.count);
      // the batch's lever draws, kept (an infeasible draw stops the run when its batch is added to the accumulator)
      const k = b.error === null ? Math.min(leverDraws, b.start + b.count) - b.start : 0;
      if (k > 0) {
        const keep = (from: Float64Array, to: Float64Array, per: number) => to.set(from.subarray(0, k * per), b.start * per);
        keep(b.values, leverValues!, T);
        if (leverRefParts !== null) keep(b.refParts!, leverRefParts, T);
        if (leverLogW !== null) keep(b.logWeights!, leverLogW, 1);
        if (b.inputs === null) leverInputs = null;
        else if (leverInputs !== null) keep(b.inputs, leverInputs, J);
      }
      progress.draws((done += b.count));
    };
    const source = o.source ?? poolSource;
    // "what would it take" starts once the lever draws (0 … leverDraws − 1) are in, and shares the
    // pool with the rest of the main run (lever-run.ts); it is stopped if the main run fails
    const leverStop = new AbortController();
    const stopLever = () => leverStop.abort();
    o.signal?.addEventListener('abort', stopLever);
    let mainDone = false;
    let leverSearch: Promise<LeverSearch> | null = null;
    const startLever = () => {
      if (!useLever || leverSearch !== null) return;
      leverSearch = searchAllLevers(exec, cs, {
        n: leverDraws,
        values: leverValues!,
        refParts: leverRefParts,
        inputs: leverInputs,
        weights: leverLogW === null ? null : relativeWeights(leverLogW),
        search: o.leverSearch,
        batchSize,
        inFlight,
        signal: leverStop.signal,
        // on the progress bar once the main run's draws are done
        onEvaluation: (count) => mainDone && progress.phase('what would it take: evaluations', count),
      });
      leverSearch.catch(() => {}); // awaited below; avoid an unhandled rejection meanwhile
    };
    let levers: (LeverResult | null)[] | null = null;
    let evaluations = 0;
    // the accumulator, once the pilot is in (the histograms' ranges come from it)
    let acc: RunAccumulator | null = null;
    // then the workers digest the series for it (`aggregate/digest.ts`; in one thread it would only add work)
    let digest: DigestSpec | undefined;
    const consume = (b: BatchResult) => {
      counted(b);
      if (acc !== null) {
        acc.add(b);
        exec.release(b);
        if (b.start + b.count >= leverDraws) startLever();
        return;
      }
      // (a stored source's batch may run past the pilot: its draws from P on are added after it)
      const [head, tail] = b.start + b.count > P ? splitBatch(b, P - b.start) : [b, null];
      pilot.push(head);
      if (b.start + b.count < P) return;
      acc = new RunAccumulator(cs, pilot, median, { sensitivity: o.sensitivity });
      const heads = pilot.splice(0);
      for (const p of heads) acc.add(p);
      if (tail !== null) acc.add(tail);
      for (const p of heads) exec.release(p); // (the last head's buffer is the tail's too)
      digest = exec.workers > 1 ? (acc.digestSpec() ?? undefined) : undefined;
      if (b.start + b.count >= leverDraws) startLever();
    };
    try {
      // one stream of tasks: the pilot's in smaller batches, spread over every worker, then the
      // rest, submitted while the pilot is added (those submitted before carry no digest)
      await source(0, N, consume, { exec, batchSize, inFlight, signal: o.signal, pilot: { to: P, batchSize: Math.min(batchSize, Math.ceil(P / (4 * exec.workers))) }, digest: () => digest });
      mainDone = true;
      if (cs.calibration !== null && acc!.ess() < cs.calibration.minEss) throw tooFewDrawsFit(cs.main.file, acc!.ess(), cs.calibration.minEss, N, cs.calibration.at.length);
      phase('draws', { draws: N, workers: exec.workers });
      if (leverSearch !== null) ({ levers, evaluations } = await (leverSearch as Promise<LeverSearch>));
    } catch (e) {
      leverStop.abort();
      await Promise.allSettled([leverSearch]);
      throw e;
    } finally {
      o.signal?.removeEventListener('abort', stopLever);
    }
    if (useLever) phase('levers', { evaluations, leverDraws });
    const result = summarize(cs, acc!, median, levers, {
      scenario: { name: cs.main.name, file: cs.main.file, sha256: sha256(cs.main.file), model: cs.main.modelName, region: cs.main.region, sets: [...(o.sets ?? [])] },
      run: {
        draws: N,
        seed: cs.main.sampling.seed,
        lhs: cs.main.sampling.lhs,
        workers: exec.workers,
        ...(limit !== undefined ? { workersLimit: limit } : {}),
        batchSize,
        leverDraws,
        sensitivityBins: o.sensitivity ? sensitivityBins(N) : 0,
        engineVersion: engineVersion(),
        startedAt: startedAt.toISOString(),
        seconds: (performance.now() - t0) / 1000,
      },
    });
    const pyramids = projectDeterministic(loaded).pyramids;
    phase('summary');
    return { ...result, pyramids };
  } finally {
    progress.end();
    await exec.close();
  }
}
