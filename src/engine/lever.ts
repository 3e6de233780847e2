/**
 * "What would it take": for each target, the level of one parameter (its lever: the target's own
 * `lever:`, else the scenario's, else the model's `defaultLever`, e.g. the rural→urban migration
 * rate) at which P(met) = 0.5. The search below runs once per distinct lever, over the targets
 * that name it (`CompiledLever.targets`), each time on the same draws. `runScenario` first tries
 * the faster search by each draw's own crossing (`lever-crossing.ts`), which seeks the same level;
 * the search below answers the targets that one leaves open (and all of them with
 * `leverSearch: 'probes'`).
 *
 * **Shift.** Moving the lever by Δ adds Δ to the parameter's level — its `value`, or every
 * `byYear` value — keeping its uncertainty shape and annual change: each draw's path becomes
 * path + Δ, clamped into the parameter's domain. The level is reported at the first projected
 * year: `assumed` is the median path's value there, `needed` = assumed + Δ*.
 *
 * **Search.** Every evaluation runs the same draws 0 … n − 1 (n = min(draws, 2000) by default)
 * with the shift: common random numbers, so P(met) changes only through Δ (at Δ = 0 they are the
 * main run's draws, whose counts the caller can take from the main run). The bracket is
 * `lever.min/max`, else the parameter's domain (see `compileLever`). Probes shared by all targets start at Δ = 0 and
 * step outwards, doubling (s, 2s, 4s … with s = a quarter of the assumed level), on the side(s)
 * where some target's crossing of 0.5 must lie (known from the probes' trend, or from the
 * direction the median path moves with the lever), until every target's P(met) crosses 0.5 between two
 * probes or the bracket's ends are reached. A probe at which some draws are infeasible (the model
 * throws a DrawError) ends that side: bisection finds the last feasible level, which becomes the
 * bracket's end. Each target's crossing (the one nearest the assumed level) is then narrowed, by
 * evaluations that ask for that target's counts only (see {@link LeverEvaluator}), with
 * safeguarded regula falsi (interpolation kept 10 % inside the bracket) until the bracket is 0.5 % of the
 * level or P(met) differs across it by less than half its Monte Carlo standard error at 0.5 (finer
 * would only resolve noise); `needed` interpolates linearly within the final bracket. If P(met) stays ≥ 0.5 (or < 0.5)
 * over the whole bracket, the result says so instead of giving a number.
 *
 * **Calibrated runs.** The lever draws keep the importance weights they have in the main run (the
 * posterior over the uncertain inputs given the history; the lever is a policy change applied to
 * it, not evidence, so the weights are not recomputed for shifted paths): P(met) = Σ_met w / Σ_feasible w,
 * and the noise floor uses the lever draws' effective sample size instead of n.
 *
 * @module
 */
import type { CompiledLever } from './compile.js';

/**
 * Whether each target's P(met) rises (+1) or falls (−1) with the lever, from the target quantities
 * of the median path moved by ±h (`up`, `down`); 0 for approximate targets or no change.
 *
 * @example
 * leverDirections(compiled.targets, medianUp.values, medianDown.values); // [1, 1, -1]
 */
export function leverDirections(targets: { comparator: string }[], up: Float64Array, down: Float64Array): (1 | -1 | 0)[] {
  return targets.map((t, k) => {
    const slope = Math.sign(up[k] - down[k]);
    const sense = t.comparator === '>=' || t.comparator === '>' ? 1 : t.comparator === '<=' || t.comparator === '<' ? -1 : 0;
    return (slope * sense || 0) as 1 | -1 | 0;
  });
}

/** Met counts of every target at one shift. */
export interface LeverEvaluation {
  /** Draws meeting each target. */
  met: Float64Array;
  /** Draws evaluated (feasible or not). */
  n: number;
  /** Infeasible draws. */
  failed: number;
  /** Weighted runs: `met` holds sums of weights; this is the total weight of the feasible draws. */
  mass?: number;
  /** Weighted runs: the effective sample size of the lever draws. */
  ess?: number;
}

/**
 * Runs the lever draws with the lever's level moved by `delta`. `targets` (indices among the
 * lever's targets; default all) are the ones whose counts the search will read: the others' may
 * be left out (e.g. by projecting only as far as the targets asked about).
 */
export type LeverEvaluator = (delta: number, targets?: readonly number[]) => Promise<LeverEvaluation>;

/** The answer for one target. */
export interface LeverResult {
  param: string;
  label: string;
  unit: string;
  /** Level at which P(met) = 0.5, or null when it is not bracketed. */
  needed: number | null;
  /** The scenario's level (median path, first projected year). */
  assumed: number;
  /** Whether P(met) crosses 0.5 within the bracket. */
  bracketed: boolean;
  /** found: `needed` is the crossing; above/below: P(met) ≥ 0.5 / < 0.5 across the whole bracket. */
  status: 'found' | 'above' | 'below';
  /**
   * The bracket: `lever.min/max` or the domain, with an end found infeasible pulled in. P(met) was
   * probed towards an end only where the crossing could lie (beyond, it moves away from 0.5).
   */
  bracket: [number, number];
  /** Draws per evaluation. */
  draws: number;
}

/** Search settings. */
export interface LeverSearchOptions {
  /** Relative precision of `needed` (fraction of the level). */
  tolerance?: number;
  /**
   * Per target, whether P(met) rises (+1) or falls (−1) with the lever, e.g. from the median path
   * (0: unknown). Spares the probes on the side where the crossing cannot be.
   */
  directions?: (1 | -1 | 0)[];
  /** Bisection steps to find the last feasible level on a side. */
  feasibilitySteps?: number;
  /** Narrowing steps per target, at most. */
  maxSteps?: number;
}

const DEFAULTS: Required<LeverSearchOptions> = { tolerance: 5e-3, feasibilitySteps: 8, maxSteps: 40, directions: [] };

interface Probe {
  delta: number;
  e: LeverEvaluation;
}

/**
 * Finds, for each of `nTargets` targets, the lever level giving P(met) = 0.5.
 *
 * @example
 * const results = await searchLevers(compiled.lever!, compiled.targets.length, (delta) => evaluateShift(delta));
 * results[0].needed; // e.g. 0.029 (per year), against results[0].assumed = 0.021
 */
export async function searchLevers(
  lever: Omit<CompiledLever, 'targets'>,
  nTargets: number,
  evaluate: LeverEvaluator,
  options: LeverSearchOptions = {},
): Promise<LeverResult[]> {
  const o = { ...DEFAULTS, ...options };
  // evaluations by shift, with the targets they count (null: all)
  const cache = new Map<number, { e: LeverEvaluation; covers: Set<number> | null }>();
  const at = async (delta: number, only?: number): Promise<LeverEvaluation> => {
    const c = cache.get(delta);
    if (c !== undefined && (c.covers === null || (only !== undefined && c.covers.has(only)))) return c.e;
    const e = only === undefined ? await evaluate(delta) : await evaluate(delta, [only]);
    if (c === undefined || c.covers !== null) cache.set(delta, { e, covers: only === undefined ? null : new Set([only]) });
    return e;
  };
  /** Bisection between a feasible shift and an infeasible one. */
  const lastFeasible = async (ok: number, bad: number) => {
    for (let f = 0; f < o.feasibilitySteps; f++) {
      const mid = (ok + bad) / 2;
      if ((await at(mid)).failed === 0) ok = mid;
      else bad = mid;
    }
    return ok;
  };
  const p = (e: LeverEvaluation, k: number) => e.met[k] / (e.mass ?? e.n - e.failed);
  const high = (e: LeverEvaluation, k: number) => p(e, k) >= 0.5;

  // 1. shared probes outwards from Δ = 0
  const probes: Probe[] = [{ delta: 0, e: await at(0) }];
  const n = probes[0].e.n;
  const ends = [lever.lo - lever.assumed, lever.hi - lever.assumed];
  const done = [ends[0] >= 0, ends[1] <= 0];
  const step0 = Math.max(Math.abs(lever.assumed) / 4, (lever.hi - lever.lo) * 1e-4);
  const crosses = (k: number) => probes.some((q, i) => i > 0 && high(q.e, k) !== high(probes[i - 1].e, k));
  for (let r = 0; ; r++) {
    // which sides can still hold a crossing of an unresolved target?
    const want = [false, false];
    for (let k = 0; k < nTargets; k++) {
      if (crosses(k)) continue;
      const pl = p(probes[0].e, k);
      const pr = p(probes[probes.length - 1].e, k);
      const isHigh = pl >= 0.5;
      const rising = pr !== pl ? pr > pl : (o.directions[k] ?? 0) !== 0 ? o.directions[k] > 0 : undefined;
      if (rising === undefined) want[0] = want[1] = true;
      else want[rising === isHigh ? 0 : 1] = true;
    }
    const sides = [0, 1].filter((s) => want[s] && !done[s]);
    if (sides.length === 0) break;
    for (const s of sides) {
      const sign = s === 0 ? -1 : 1;
      let delta = sign * step0 * 2 ** r;
      if (sign * delta >= sign * ends[s]) {
        delta = ends[s];
        done[s] = true;
      }
      if ((await at(delta)).failed > 0) {
        // infeasible draws: the side ends at its last feasible level
        const inner = s === 0 ? probes[0].delta : probes[probes.length - 1].delta;
        delta = await lastFeasible(inner, delta);
        ends[s] = delta;
        done[s] = true;
        if (delta === inner) continue;
      }
      const probe = { delta, e: await at(delta) };
      if (s === 0) probes.unshift(probe);
      else probes.push(probe);
    }
  }

  // 2. per target: narrow the crossing nearest Δ = 0
  const results: LeverResult[] = [];
  const bracket: [number, number] = [lever.assumed + ends[0], lever.assumed + ends[1]];
  for (let k = 0; k < nTargets; k++) {
    const base = { param: lever.key, label: lever.label, unit: lever.unit, assumed: lever.assumed, bracket, draws: n };
    let cell = -1;
    const distance = (i: number) => Math.min(Math.abs(probes[i].delta), Math.abs(probes[i + 1].delta));
    for (let i = 0; i + 1 < probes.length; i++) {
      if (high(probes[i].e, k) !== high(probes[i + 1].e, k) && (cell < 0 || distance(i) < distance(cell))) cell = i;
    }
    if (cell < 0) {
      results.push({ ...base, needed: null, bracketed: false, status: high(probes[0].e, k) ? 'above' : 'below' });
      continue;
    }
    // safeguarded regula falsi on P(met) − 0.5: interpolate, but keep 10 % of the bracket on each side
    let a = probes[cell].delta;
    let b = probes[cell + 1].delta;
    let fa = p(probes[cell].e, k) - 0.5;
    let fb = p(probes[cell + 1].e, k) - 0.5;
    const tol = o.tolerance * Math.max(Math.abs(lever.assumed), Math.abs(lever.assumed + a), Math.abs(lever.assumed + b), 1e-12);
    const flat = 0.5 * (0.5 / Math.sqrt(probes[0].e.ess ?? n));
    for (let step = 0; step < o.maxSteps && b - a > tol && Math.abs(fb - fa) > flat && fa !== 0 && fb !== 0; step++) {
      const w = b - a;
      const c = Math.min(b - 0.1 * w, Math.max(a + 0.1 * w, a - (fa * w) / (fb - fa)));
      const fc = p(await at(c, k), k) - 0.5;
      if (fc >= 0 === fa >= 0) [a, fa] = [c, fc];
      else [b, fb] = [c, fc];
    }
    const delta = fa === 0 ? a : fb === 0 ? b : a - (fa * (b - a)) / (fb - fa);
    results.push({ ...base, needed: lever.assumed + delta, bracketed: true, status: 'found' });
  }
  return results;
}
