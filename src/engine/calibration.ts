/**
 * Calibration to history by importance weights (likelihood weighting; not ABC rejection).
 *
 * The prior (the scenario's assumptions) is the proposal: draw i's path is weighted by the
 * likelihood of the observations given it, with independent Gaussian errors,
 *
 *   log w_i = Σ_obs log N(value; path_i(metric, year), se) = −½ Σ_obs ((value − path_i)/se)² + const,
 *
 * and the weights are normalised to sum to one. The constant (−Σ log se − n/2·log 2π) is the same
 * for every draw and cancels on normalisation, so it is left out. Only observations in the
 * projected years (baseline.year + 1 … horizon) weight the draws; the others serve reports and
 * backtests. The effective sample size is ESS = (Σw)²/Σw².
 *
 * @module
 */
import { relative } from 'node:path';
import { ParamError } from '../params/compile.js';
import type { MetricDecl } from './model.js';

/** An observation as the engine reads it (the loader's `history:` entries). */
export interface ObservationInput {
  year: number;
  metric: string;
  value: number;
  se: number;
}

/** The observations that weight the draws, as flat arrays (cloneable to workers). */
export interface CompiledCalibration {
  method: 'importance';
  minEss: number;
  /** Index into a draw's output array, `m * (H + 1) + t`, per observation used. */
  at: Int32Array;
  value: Float64Array;
  /** 1 / se per observation. */
  invSe: Float64Array;
  /** The observations used, in the order of `history:`. */
  observations: ObservationInput[];
}

/**
 * Compiles the observations in (baseYear, baseYear + steps] into flat arrays. Throws a
 * `ParamError` (located at `history` by the CLI) for a metric the model does not output.
 *
 * @example
 * compileCalibration([{ year: 2022, metric: 'urbanShare', value: 0.74, se: 0.003 }], { minEss: 200 }, metrics, 2020, 15);
 * // { method: 'importance', minEss: 200, at: Int32Array [3 * 16 + 2], … }
 */
export function compileCalibration(
  history: readonly ObservationInput[],
  calibration: { minEss: number },
  metrics: readonly MetricDecl[],
  baseYear: number,
  steps: number,
): CompiledCalibration {
  const T1 = steps + 1;
  const used: number[] = [];
  const at: number[] = [];
  history.forEach((o, i) => {
    const t = o.year - baseYear;
    if (t < 1 || t > steps) return;
    const m = metrics.findIndex((d) => d.name === o.metric);
    if (m < 0) throw new ParamError(['history', String(i), 'metric'], `model has no metric "${o.metric}"; its metrics are: ${metrics.map((d) => d.name).join(', ')}`);
    used.push(i);
    at.push(m * T1 + t);
  });
  if (used.length === 0) throw new ParamError(['calibration'], `no observation in history: falls in the projected years ${baseYear + 1}–${baseYear + steps}; nothing to weight the draws by`);
  return {
    method: 'importance',
    minEss: calibration.minEss,
    at: Int32Array.from(at),
    value: Float64Array.from(used, (i) => history[i].value),
    invSe: Float64Array.from(used, (i) => 1 / history[i].se),
    observations: used.map((i) => ({ year: history[i].year, metric: history[i].metric, value: history[i].value, se: history[i].se })),
  };
}

/**
 * A draw's log-weight up to a constant, −½ Σ ((value − out[at]) / se)², from its output array.
 * No allocation.
 *
 * @example
 * logWeight(cal, out); // e.g. −3.2
 */
export function logWeight(cal: CompiledCalibration, out: Float64Array): number {
  const { at, value, invSe } = cal;
  let s = 0;
  for (let k = 0; k < at.length; k++) {
    const r = (value[k] - out[at[k]]) * invSe[k];
    s += r * r;
  }
  return -0.5 * s;
}

/**
 * Weights relative to the largest: w_i = exp(lw_i − max), in (0, 1] (the largest is 1, nothing
 * overflows; equal log-weights give weights of exactly 1, so weighted counts stay whole numbers).
 *
 * @example
 * relativeWeights(Float64Array.of(0, Math.log(3))); // Float64Array [0.333…, 1]
 */
export function relativeWeights(logW: Float64Array): Float64Array {
  let max = -Infinity;
  for (let i = 0; i < logW.length; i++) if (logW[i] > max) max = logW[i];
  return logW.map((x) => Math.exp(x - max));
}

/**
 * Normalised weights from log-weights: w_i = exp(lw_i − max) / Σ_j exp(lw_j − max), summed in
 * index order (stable: see {@link relativeWeights}).
 *
 * @example
 * normaliseLogWeights(Float64Array.of(0, Math.log(3))); // Float64Array [0.25, 0.75]
 */
export function normaliseLogWeights(logW: Float64Array): Float64Array {
  const w = relativeWeights(logW);
  let sum = 0;
  for (let i = 0; i < w.length; i++) sum += w[i];
  for (let i = 0; i < w.length; i++) w[i] /= sum;
  return w;
}

/**
 * The effective sample size (Σw)²/Σw² of weights given as their sum and sum of squares.
 *
 * @example
 * effectiveSampleSize(4, 4); // 4 (four equal weights)
 */
export function effectiveSampleSize(sumW: number, sumW2: number): number {
  return sumW2 > 0 ? (sumW * sumW) / sumW2 : 0;
}

/**
 * The refusal when too few draws fit the observations: a `ParamError` at `calibration.minEss`
 * (located in the scenario file by the CLI, exit code 2), with the ESS found and what to do.
 *
 * @example
 * throw tooFewDrawsFit('/abs/scenarios/jinan-calibrated.yml', 37.4, 200, 10000, 3);
 */
export function tooFewDrawsFit(file: string, ess: number, minEss: number, draws: number, observations: number): ParamError {
  const rel = relative(process.cwd(), file);
  return new ParamError(
    ['calibration', 'minEss'],
    `scenario ${rel !== '' && !rel.startsWith('..') ? rel : file}: too few draws fit the history: effective sample size ${ess.toFixed(1)} of ${draws} draws weighted by ${observations} observation(s), ` +
      `expected at least minEss = ${minEss}. Widen the observations' se (is it the figure's real uncertainty?), check the observations ` +
      `(year, metric, value, unit) against the scenario's assumptions, or run more draws (--draws)`,
  );
}
