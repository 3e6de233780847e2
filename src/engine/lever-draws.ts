/**
 * The draws behind the lever search (`lever.ts`): which way each target moves with the lever, and
 * P(met)'s counts at one shift. At Δ = 0 the lever draws are the main run's draws 0 … n − 1,
 * unchanged, so their counts come from the main run's target values
 * ({@link assumedEvaluation}) instead of running them again; every other shift runs them on the
 * pool ({@link shiftedEvaluation}), only as far as the latest of the targets asked about (Heze's
 * 2025 targets: 4 of its 14 years), and computing only the metrics they read (`DrawTask.metrics`:
 * Heze's share targets skip the hukou accounts). A draw infeasible only in what is skipped (e.g.
 * its hukou accounts, for a share target) counts as feasible there: the target does not depend on
 * it.
 *
 * @module
 */
import { effectiveSampleSize } from './calibration.js';
import type { CompiledLever, CompiledScenario } from './compile.js';
import { isDrawError, readMetrics, type BatchResult } from './kernel.js';
import { leverDirections, type LeverEvaluation } from './lever.js';
import type { LeverValues } from './lever-crossing.js';
import { runInOrder, splitTasks, type Executor } from './pool.js';
import { meets } from './target-value.js';

/**
 * Which way each of the lever's targets' P(met) moves with it, from the median path moved by ±h
 * (0: unknown, e.g. when a moved path is infeasible).
 *
 * @example
 * searchLevers(lever, lever.targets.length, evaluate, { directions: medianDirections(exec, cs, lever) });
 */
export function medianDirections(exec: Executor, cs: CompiledScenario, lever: CompiledLever): (1 | -1 | 0)[] {
  return medianResponse(exec, cs, lever).directions;
}

/**
 * {@link medianDirections}, and the slope of each of the lever's targets' quantity on the median
 * path in the lever's level, (up − down) / 2h (NaN when a moved path is infeasible).
 *
 * @example
 * const { directions, slopes } = medianResponse(exec, cs, lever);
 */
export function medianResponse(exec: Executor, cs: CompiledScenario, lever: CompiledLever): { directions: (1 | -1 | 0)[]; slopes: number[] } {
  const { param, assumed, lo, hi } = lever;
  const h = Math.max(Math.abs(assumed) / 4, (hi - lo) * 1e-4);
  const pick = (values: Float64Array) => Float64Array.from(lever.targets, (k) => values[k]);
  try {
    const [up, down] = [pick(exec.medianRun({ param, delta: h }).values), pick(exec.medianRun({ param, delta: -h }).values)];
    return { directions: leverDirections(lever.targets.map((k) => cs.targets[k]), up, down), slopes: Array.from(up, (u, j) => (u - down[j]) / (2 * h)) };
  } catch (e) {
    if (isDrawError(e)) return { directions: lever.targets.map(() => 0), slopes: lever.targets.map(() => NaN) };
    throw e;
  }
}

/**
 * The median path's quantity of target `k` with `lever` shifted by Δ (NaN where that path is
 * infeasible): one projection in the main thread, for {@link searchByCrossings}'s first step.
 *
 * @example
 * const at = medianQuantity(exec, lever, lever.targets[0]);
 * at(0.004); // the first target's quantity on the median path with the lever 0.004 higher
 */
export function medianQuantity(exec: Executor, lever: CompiledLever, k: number): (delta: number) => number {
  return (delta) => {
    try {
      return exec.medianRun({ param: lever.param, delta }).values[k];
    } catch (e) {
      if (isDrawError(e)) return NaN;
      throw e;
    }
  };
}

/**
 * Adds to `met[j]` the weight (1 unweighted) of each of draws `start` … `start + count − 1` whose
 * target values (`values`, T per draw, NaN for an infeasible draw) meet the lever's j-th target,
 * and to `mass` the weight of each feasible one (a draw whose value of target `probe`, one that
 * was computed, is not NaN); returns the new mass. Both are summed draw by draw, so batches added
 * in draw order give the same bits whatever their size.
 *
 * @example
 * const met = new Float64Array(lever.targets.length);
 * let mass = 0;
 * mass = tallyLever(cs, lever, batch.values, batch.start, batch.count, null, met, mass, lever.targets[0]);
 */
export function tallyLever(
  cs: CompiledScenario,
  lever: CompiledLever,
  values: Float64Array,
  start: number,
  count: number,
  weights: Float64Array | null,
  met: Float64Array,
  mass: number,
  probe: number,
): number {
  const T = cs.targets.length;
  for (let d = 0; d < count; d++) {
    const w = weights === null ? 1 : weights[start + d];
    if (!Number.isNaN(values[d * T + probe])) mass += w;
    for (let j = 0; j < lever.targets.length; j++) {
      const k = lever.targets[j];
      const tg = cs.targets[k];
      if (meets(values[d * T + k], tg.comparator, tg.value, tg.tolerance)) met[j] += w;
    }
  }
  return mass;
}

/** The evaluation's record, with the weighted fields when the run is calibrated. */
function evaluation(met: Float64Array, n: number, failed: number, mass: number, weights: Float64Array | null): LeverEvaluation {
  if (weights === null) return { met, n, failed };
  let sumW = 0;
  let sumW2 = 0;
  for (let i = 0; i < n; i++) {
    sumW += weights[i];
    sumW2 += weights[i] * weights[i];
  }
  return { met, n, failed, mass, ess: effectiveSampleSize(sumW, sumW2) };
}

/**
 * The counts at Δ = 0 from the main run's target values of draws 0 … n − 1 (`values`, T per draw):
 * the same draws, unshifted, so no draw runs again. The main run stops at an infeasible draw, so
 * none is.
 *
 * @example
 * const e = assumedEvaluation(cs, lever, leverValues, 2000, null);
 * e.met[0] / e.n; // P(met) of the lever's first target at the assumed level
 */
export function assumedEvaluation(cs: CompiledScenario, lever: CompiledLever, values: Float64Array, n: number, weights: Float64Array | null): LeverEvaluation {
  const met = new Float64Array(lever.targets.length);
  const mass = tallyLever(cs, lever, values, 0, n, weights, met, 0, lever.targets[0]);
  return evaluation(met, n, 0, mass, weights);
}

/** What {@link shiftedEvaluation} runs on. */
export interface LeverDraws {
  /** Draws per evaluation (draws 0 … n − 1). */
  n: number;
  /** The reference parts of those draws from the main run (relative targets), else null: spares running the references again. */
  refParts: Float64Array | null;
  /** Their input values from the main run (J per draw), or null (e.g. a run merged from shards): spares sampling them again. */
  inputs: Float64Array | null;
  /** Their relative importance weights (calibrated runs), else null. */
  weights: Float64Array | null;
  batchSize: number;
  inFlight: number;
  signal?: AbortSignal;
}

/**
 * Counts, with `lever`'s level moved by `delta`, the lever draws meeting each of the lever's
 * targets `need` (indices among the lever's targets; default all), running them on the pool as
 * far as the latest of those targets; infeasible draws are counted, not fatal. Targets that end
 * later than that count 0.
 *
 * @example
 * const e = await shiftedEvaluation(exec, cs, lever, 0.004, { n: 2000, refParts: null, inputs: null, weights: null, batchSize: 200, inFlight: 6 });
 */
export async function shiftedEvaluation(
  exec: Executor,
  cs: CompiledScenario,
  lever: CompiledLever,
  delta: number,
  draws: LeverDraws,
  need?: readonly number[],
): Promise<LeverEvaluation> {
  const { n, weights } = draws;
  const asked = (need ?? lever.targets.map((_, j) => j)).map((j) => lever.targets[j]);
  const met = new Float64Array(lever.targets.length);
  let failed = 0;
  let mass = 0;
  await runLeverDraws(exec, cs, lever, delta, draws, need, (b) => {
    failed += b.failed;
    mass = tallyLever(cs, lever, b.values, b.start, b.count, weights, met, mass, asked[0]);
  });
  return evaluation(met, n, failed, mass, weights);
}

/**
 * The lever draws' quantities of the lever's targets at Δ = 0, from the main run's target values
 * of draws 0 … n − 1 (`values`, T per draw): the same draws, unshifted.
 *
 * @example
 * const v = assumedValues(cs, lever, leverValues, 2000);
 */
export function assumedValues(cs: CompiledScenario, lever: CompiledLever, values: Float64Array, n: number): LeverValues {
  return { values: pickLever(cs, lever, values, n), n, failed: 0 };
}

/** `values` (T per draw, `count` draws) reduced to the lever's targets, written from draw `at` of `out`. */
function pickLever(cs: CompiledScenario, lever: CompiledLever, values: Float64Array, count: number, out = new Float64Array(count * lever.targets.length), at = 0): Float64Array {
  const T = cs.targets.length;
  const J = lever.targets.length;
  for (let d = 0; d < count; d++) for (let j = 0; j < J; j++) out[(at + d) * J + j] = values[d * T + lever.targets[j]];
  return out;
}

/**
 * The lever draws' quantities of the lever's targets with its level moved by `delta`, run on the
 * pool as far as the latest of the targets `need` (indices among the lever's targets); targets
 * that end later, and infeasible draws, are NaN.
 *
 * @example
 * const v = await shiftedValues(exec, cs, lever, 0.004, { n: 2000, refParts: null, inputs: null, weights: null, batchSize: 200, inFlight: 6 }, [0]);
 */
export async function shiftedValues(exec: Executor, cs: CompiledScenario, lever: CompiledLever, delta: number, draws: LeverDraws, need: readonly number[]): Promise<LeverValues> {
  const { n } = draws;
  const out = new Float64Array(n * lever.targets.length);
  let failed = 0;
  await runLeverDraws(exec, cs, lever, delta, draws, need, (b) => {
    failed += b.failed;
    pickLever(cs, lever, b.values, b.count, out, b.start);
  });
  return { values: out, n, failed };
}

/**
 * Runs the lever draws 0 … n − 1 with the lever moved by `delta`, as far as the latest of the
 * lever's targets `need` (default all), handing each batch to `take` in draw order before
 * releasing it; infeasible draws are counted, not fatal.
 */
async function runLeverDraws(
  exec: Executor,
  cs: CompiledScenario,
  lever: CompiledLever,
  delta: number,
  draws: LeverDraws,
  need: readonly number[] | undefined,
  take: (b: BatchResult) => void,
): Promise<void> {
  const { n, refParts, inputs } = draws;
  const J = cs.main.inputs.length;
  const T = cs.targets.length;
  const asked = (need ?? lever.targets.map((_, j) => j)).map((j) => lever.targets[j]);
  const last = Math.max(...asked.map((k) => cs.targets[k].tTo));
  const steps = last < cs.main.steps ? { steps: last } : {};
  // only the metrics those targets read (e.g. no hukou accounts for a share target)
  const metrics = readMetrics(cs, asked);
  const tasks = function* () {
    for (const t of splitTasks(0, n, draws.batchSize, false, { shift: { param: lever.param, delta }, tolerateErrors: true, metrics, ...steps })) {
      yield {
        ...t,
        ...(refParts === null ? {} : { refParts: refParts.slice(t.start * T, (t.start + t.count) * T) }),
        ...(inputs === null ? {} : { inputs: inputs.slice(t.start * J, (t.start + t.count) * J) }),
      };
    }
  };
  await runInOrder(
    exec,
    tasks(),
    (b) => {
      take(b);
      exec.release(b);
    },
    { maxInFlight: draws.inFlight, signal: draws.signal },
  );
}
