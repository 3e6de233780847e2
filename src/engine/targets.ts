/**
 * How likely each target is: per draw, whether each target is met, the first year a level target
 * is reached, and whether every milestone is met at once; then P(met) with its Monte Carlo
 * standard error √(p(1 − p)/n) and a calibrated verdict.
 *
 * In a calibrated run every draw counts with its importance weight (`calibration.ts`): the tallies
 * are sums of weights, P(met) = Σ_met w / Σ w, and its standard error √(p(1 − p)/ESS) with the
 * effective sample size ESS = (Σw)²/Σw² in place of n (the usual approximation for self-normalised
 * importance sampling; it is exact for equal weights).
 *
 * @module
 */
import type { CompiledTarget } from './target-plan.js';
import { meets } from './target-value.js';
import { verdict, type Verdict } from './verdict.js';

/** Counts over draws (integers: exact in any order), or sums of weights in a calibrated run. */
export class TargetTally {
  /** Draws counted (weighted: their total weight). */
  n = 0;
  /** Sum of squared weights (= n unweighted). */
  sumW2 = 0;
  /** Draws meeting each target. */
  readonly met: Float64Array;
  /** Draws meeting every milestone target. */
  jointMet = 0;
  /**
   * Per level target k, `[k * (H + 2) + t]`: draws that first meet it in year y0 + t; slot H + 1:
   * never by the horizon. Zero for flow and gain targets.
   */
  readonly first: Float64Array;
  private readonly milestones: number[];
  private readonly T1: number;

  /**
   * @param T1 years per series, H + 1
   * @example
   * const tally = new TargetTally(compiled.targets, compiled.years.length);
   */
  constructor(
    readonly targets: CompiledTarget[],
    T1: number,
    /** Whether draws carry importance weights (then P(met)'s SE uses the ESS). */
    readonly weighted = false,
  ) {
    this.T1 = T1;
    this.met = new Float64Array(targets.length);
    this.first = new Float64Array(targets.length * (T1 + 1));
    this.milestones = targets.flatMap((t, k) => (t.milestone ? [k] : []));
  }

  /**
   * Counts one draw: target quantities `values[vAt …]`, and (for first years) its series
   * `series[sAt …]` with layout `[m * (H + 1) + t]`; `w` its weight (1 unless weighted).
   */
  add(values: Float64Array, vAt: number, series: Float64Array | null, sAt: number, w = 1): void {
    const { targets, T1 } = this;
    this.n += w;
    this.sumW2 += w * w;
    let all = true;
    for (let k = 0; k < targets.length; k++) {
      const tg = targets[k];
      const ok = meets(values[vAt + k], tg.comparator, tg.value, tg.tolerance);
      if (ok) this.met[k] += w;
      else if (tg.milestone) all = false;
      if (tg.kind === 'level' && series !== null) {
        const base = sAt + tg.m * T1;
        let t = tg.tMin;
        while (t < T1 && !meets(series[base + t], tg.comparator, tg.value, tg.tolerance)) t++;
        this.first[k * (T1 + 1) + t] += w;
      }
    }
    if (all && this.milestones.length > 0) this.jointMet += w;
  }

  /** Multiplies every weight by `c`. */
  rescale(c: number): void {
    this.n *= c;
    this.sumW2 *= c * c;
    this.jointMet *= c;
    for (const a of [this.met, this.first]) for (let i = 0; i < a.length; i++) a[i] *= c;
  }

  /**
   * The sample size behind the probabilities: n, or the effective sample size (Σw)²/Σw² when weighted.
   *
   * @example
   * tally.ess(); // 10000 unweighted; e.g. 1873.2 in a calibrated run
   */
  ess(): number {
    return this.weighted ? (this.sumW2 > 0 ? (this.n * this.n) / this.sumW2 : 0) : this.n;
  }
}

/** A probability estimated from n draws. */
export interface Probability {
  p: number;
  /** Monte Carlo standard error √(p(1 − p)/n) (weighted: n = ESS). */
  se: number;
}

/**
 * The share of `n` draws (or of total weight `n`), with its standard error; `ess` replaces n in
 * the standard error for weighted draws.
 *
 * @example
 * probability(250, 1000); // { p: 0.25, se: 0.0137 }
 * probability(0.25, 1, 400); // { p: 0.25, se: 0.0217 } (normalised weights, ESS 400)
 */
export function probability(count: number, n: number, ess = n): Probability {
  const p = n > 0 ? count / n : NaN;
  return { p, se: n > 0 && ess > 0 ? Math.sqrt((p * (1 - p)) / ess) : NaN };
}

/**
 * P(met) of target k with its standard error and verdict.
 *
 * @example
 * targetProbability(tally, 0); // { p: 0.2049, se: 0.004, verdict: 'unlikely' }
 */
export function targetProbability(tally: TargetTally, k: number): Probability & { verdict: Verdict } {
  const pr = probability(tally.met[k], tally.n, tally.ess());
  return { ...pr, verdict: verdict(pr.p) };
}

/**
 * Shares of draws by first year a level target is met, keyed by year, plus `never`
 * (not by the horizon); they add up to 1. Null for flow and gain targets.
 *
 * @example
 * firstYearShares(tally, 0, [2021, 2022, 2023]); // { '2021': 0, '2022': 0.4, '2023': 0.35, never: 0.25 }
 */
export function firstYearShares(tally: TargetTally, k: number, years: number[]): Record<string, number> | null {
  if (tally.targets[k].kind !== 'level' || tally.n === 0) return null;
  const T1 = years.length;
  const out: Record<string, number> = {};
  years.forEach((y, t) => (out[String(y)] = tally.first[k * (T1 + 1) + t] / tally.n));
  out.never = tally.first[k * (T1 + 1) + T1] / tally.n;
  return out;
}
