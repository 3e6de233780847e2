/**
 * "What would it take", by each draw's own crossing: the fast path of the lever search, tried
 * before the probing search of `lever.ts` (which stays the fallback, and defines what is sought).
 *
 * **Idea.** A draw meets a one-sided target (`>=`, `>`, `<=`, `<`) on one side of its own crossing
 * level c_i: the shift Δ at which the draw's target quantity v_i(Δ) reaches the threshold (v_i is
 * monotone in the lever on the draws' paths). With all lever draws shifted alike, P(met)(Δ) is the
 * (weighted) share of draws whose c_i lies on the met side of Δ, so P(met) = 0.5 at the weighted
 * median of the c_i. Every evaluation runs all lever draws at one common Δ (common random numbers,
 * as before) and gives every draw a point (Δ, v_i(Δ)); each draw's c_i is then estimated from its
 * own points: linear interpolation between the two points whose values straddle the threshold,
 * else extrapolation from the two nearest the threshold's side. The median of the estimates is
 * the next Δ to evaluate; the search stops when it lies within `tolerance` (a fraction of the
 * level, as in lever.ts) of a Δ already evaluated, and the lever draws whose crossings decide the
 * median then have a point that close to their crossing.
 *
 * **Start.** Δ = 0 is the main run's draws (free). The first step moves the median path by the
 * gap between the threshold and the draws' median quantity at Δ = 0: Newton's step on the median
 * path's tangent (slope from the ±h runs that also give the directions), then secant steps on the
 * median path itself ({@link firstStep}; each a single projection in the main thread), so that
 * the curvature of the response is in the start. Typically 1–2 evaluations per target instead of
 * lever.ts's doubling probes and regula falsi (Heze: 4 instead of 16).
 *
 * **Fallback.** A target gets no answer here (null: the caller runs the probing search) when its
 * comparator is `~` or `=`, its direction is unknown, an evaluation has infeasible draws, the
 * median leaves the lever's bracket or is not finite (P(met) may then stay on one side of 0.5:
 * lever.ts's `above`/`below`), or it has not settled after `maxSteps` evaluations.
 *
 * **How `needs` changes against the probing search.** Both estimate where P(met) of the same lever
 * draws crosses 0.5. The probing search interpolates the step function P(met)(Δ) linearly in its
 * last bracket (0.5 % of the level wide, or P(met) within half a Monte Carlo standard error across
 * it); this search takes the median of per-draw crossings, each exact where the draw was evaluated
 * and linear in between. The two differ by at most about the tolerance (0.5 % of the level) plus
 * the width of the probing search's final bracket. On the five scenarios in `scenarios/` they
 * differ by at most 0.06 % of the level (README, Performance); `tests/engine/lever-crossing.test.ts`
 * checks Heze and Jining (within 1 %) and synthetic draws with known crossings (within 0.5 %).
 * Every other result of a run is unchanged, and the search, like the rest, gives the same bits
 * whatever the number of workers and the batch size (its evaluations are draw-ordered).
 *
 * @module
 */
import type { CompiledLever } from './compile.js';
import type { LeverResult } from './lever.js';

/** Each lever draw's quantity of the lever's targets at one shift. */
export interface LeverValues {
  /** `[d * nTargets + j]`: draw d's quantity of the lever's j-th target (NaN: not computed). */
  values: Float64Array;
  /** Draws evaluated. */
  n: number;
  /** Infeasible draws (their values are NaN). */
  failed: number;
}

/** Runs the lever draws shifted by `delta`, as far as the lever's targets `need` (indices among its targets). */
export type LeverValuesEvaluator = (delta: number, need: readonly number[]) => Promise<LeverValues>;

/** What the search needs to know about one of the lever's targets. */
export interface CrossingTarget {
  comparator: string;
  value: number;
  /** Slope of the median path's quantity in the lever (per unit of the level), e.g. from its ±h runs; 0 or NaN: unknown. */
  slope: number;
  /**
   * The median path's quantity with the lever shifted by Δ (cheap: one projection), or NaN where
   * that path is infeasible. When given, the first step follows this curve instead of its tangent
   * at Δ = 0 ({@link firstStep}).
   */
  response?: (delta: number) => number;
}

/** Settings of {@link searchByCrossings}. */
export interface CrossingOptions {
  /** Relative precision of `needed` (fraction of the level), as in lever.ts. */
  tolerance?: number;
  /** Evaluations per target, at most, before giving up (the caller falls back). */
  maxSteps?: number;
}

const DEFAULTS: Required<CrossingOptions> = { tolerance: 5e-3, maxSteps: 6 };

/** Points evaluated: the shift and the lever draws' values there. */
interface Point {
  delta: number;
  e: LeverValues;
}

/**
 * The weighted median of `x` (weights `w`, null: 1 each), ignoring NaN: the smallest x with at
 * least half the weight at or below it.
 *
 * @example
 * weightedMedian(Float64Array.of(3, 1, 2), null); // 2
 */
export function weightedMedian(x: Float64Array, w: Float64Array | null): number {
  const idx: number[] = [];
  let total = 0;
  for (let i = 0; i < x.length; i++) {
    if (Number.isNaN(x[i])) continue;
    idx.push(i);
    total += w === null ? 1 : w[i];
  }
  if (idx.length === 0) return NaN;
  idx.sort((a, b) => (x[a] < x[b] ? -1 : x[a] > x[b] ? 1 : a - b));
  let acc = 0;
  for (const i of idx) {
    acc += w === null ? 1 : w[i];
    if (acc >= 0.5 * total) return x[i];
  }
  return x[idx[idx.length - 1]];
}

/**
 * The first shift to evaluate: where the median path's response moves the quantity by `gap` (the
 * threshold minus the draws' median quantity at Δ = 0). Newton's step on the tangent (`slope`),
 * then, with `response`, secant steps on the median path itself until the move is within
 * `tol · |gap|`: the draws' quantities bend with the lever much as the median path's does (e.g.
 * a share approaching saturation), which the tangent misses, so the first evaluation lands close
 * to the draws' median crossing and often settles the search on its own. Falls back to the last
 * finite estimate when the path is infeasible, flat or the steps do not settle in `maxSteps`.
 *
 * @example
 * firstStep(0.05, 2, (d) => 0.6 + 2 * d + 3 * d * d, 1e-6); // ≈ 0.0232, where 2d + 3d² = 0.05
 */
export function firstStep(gap: number, slope: number, response: ((delta: number) => number) | undefined, tol: number, maxSteps = 8): number {
  let d1 = gap / slope;
  if (response === undefined || !Number.isFinite(d1)) return d1;
  const m0 = response(0);
  let d0 = 0;
  let g0 = -gap;
  for (let it = 0; it < maxSteps; it++) {
    const g1 = response(d1) - m0 - gap;
    if (!Number.isFinite(g1)) return d1;
    if (Math.abs(g1) <= tol * Math.abs(gap)) return d1;
    const s = (g1 - g0) / (d1 - d0);
    if (!(s !== 0 && Number.isFinite(s))) return d1;
    const d2 = d1 - g1 / s;
    if (!Number.isFinite(d2)) return d1;
    [d0, g0, d1] = [d1, g1, d2];
  }
  return d1;
}

/** Target j's values (T per draw) copied into `out`. */
function column(e: LeverValues, j: number, T: number, out: Float64Array): Float64Array {
  for (let d = 0; d < e.n; d++) out[d] = e.values[d * T + j];
  return out;
}

/**
 * Draw d's crossing of `threshold` from its points (`pts` sorted by Δ, values of target j among
 * `T`): linear interpolation between the straddling pair nearest `near`, else extrapolation from
 * the two points nearest the threshold (±Infinity when they do not move towards it).
 */
function drawCrossing(pts: Point[], d: number, j: number, T: number, threshold: number, near: number): number {
  let best = NaN;
  for (let p = 0; p + 1 < pts.length; p++) {
    const ga = pts[p].e.values[d * T + j] - threshold;
    const gb = pts[p + 1].e.values[d * T + j] - threshold;
    if ((ga <= 0 && gb >= 0) || (ga >= 0 && gb <= 0)) {
      const a = pts[p].delta;
      const b = pts[p + 1].delta;
      const c = ga === gb ? 0.5 * (a + b) : a - (ga * (b - a)) / (gb - ga);
      if (Number.isNaN(best) || Math.abs(c - near) < Math.abs(best - near)) best = c;
    }
  }
  if (!Number.isNaN(best)) return best;
  // no straddling pair: extrapolate from the two points nearest the threshold (by value)
  let i1 = -1;
  let i2 = -1;
  for (let p = 0; p < pts.length; p++) {
    const g = Math.abs(pts[p].e.values[d * T + j] - threshold);
    if (i1 < 0 || g < Math.abs(pts[i1].e.values[d * T + j] - threshold)) {
      i2 = i1;
      i1 = p;
    } else if (i2 < 0 || g < Math.abs(pts[i2].e.values[d * T + j] - threshold)) i2 = p;
  }
  if (i2 < 0) return NaN;
  const [a, b] = [pts[i1].delta, pts[i2].delta];
  const [ga, gb] = [pts[i1].e.values[d * T + j] - threshold, pts[i2].e.values[d * T + j] - threshold];
  const slope = (gb - ga) / (b - a);
  if (!(slope !== 0 && Number.isFinite(slope))) return ga > 0 === (b > a) ? -Infinity : Infinity;
  return a - ga / slope;
}

/**
 * For each of the lever's targets, the level at which P(met) = 0.5 by the draws' own crossings,
 * or null where this search gives no answer (see the module: the caller then runs lever.ts's
 * search). `assumed` is the evaluation at Δ = 0 (the main run's lever draws); `weights` the lever
 * draws' relative importance weights (calibrated runs), else null.
 *
 * @example
 * const found = await searchByCrossings(lever, targets, assumedValues, weights, (delta, need) => shiftedValues(exec, cs, lever, delta, draws, need));
 */
export async function searchByCrossings(
  lever: Omit<CompiledLever, 'targets'>,
  targets: CrossingTarget[],
  assumed: LeverValues,
  weights: Float64Array | null,
  evaluate: LeverValuesEvaluator,
  options: CrossingOptions = {},
): Promise<(LeverResult | null)[]> {
  const o = { ...DEFAULTS, ...options };
  const T = targets.length;
  const n = assumed.n;
  const ends = [lever.lo - lever.assumed, lever.hi - lever.assumed];
  // every evaluation so far, with the targets it computed
  const evaluated: { p: Point; need: Set<number> }[] = [{ p: { delta: 0, e: assumed }, need: new Set(targets.map((_, j) => j)) }];
  const c = new Float64Array(n);
  const results: (LeverResult | null)[] = [];
  for (let j = 0; j < T; j++) {
    const tg = targets[j];
    const oneSided = tg.comparator === '>=' || tg.comparator === '>' || tg.comparator === '<=' || tg.comparator === '<';
    if (!oneSided || !(tg.slope !== 0 && Number.isFinite(tg.slope))) {
      results.push(null);
      continue;
    }
    const pts = () => evaluated.filter((x) => x.need.has(j)).map((x) => x.p).sort((a, b) => a.delta - b.delta);
    // the first step: from the draws' own crossings when earlier evaluations (for another target
    // of the same years) computed this one too, else Newton's on the median path from the draws'
    // median quantity at Δ = 0
    let next: number;
    const start = pts();
    if (start.length >= 2) {
      const near = (tg.value - weightedMedian(column(assumed, j, T, c), weights)) / tg.slope;
      for (let d = 0; d < n; d++) c[d] = drawCrossing(start, d, j, T, tg.value, near);
      next = weightedMedian(c, weights);
    } else next = firstStep(tg.value - weightedMedian(column(assumed, j, T, c), weights), tg.slope, tg.response, 1e-3 * o.tolerance);
    let answer: number | null = null;
    for (let step = 0; step <= o.maxSteps; step++) {
      if (!(Number.isFinite(next) && next >= ends[0] && next <= ends[1])) break;
      const tol = o.tolerance * Math.max(Math.abs(lever.assumed), Math.abs(lever.assumed + next), 1e-12);
      const known = pts();
      if (step > 0 && known.some((q) => Math.abs(q.delta - next) <= tol)) {
        answer = next;
        break;
      }
      if (step === o.maxSteps) break;
      const e = await evaluate(next, [j]);
      if (e.failed > 0) break;
      // (the evaluation also serves every target it computed, e.g. others of the same years)
      const computed = new Set<number>([j]);
      for (let k = 0; k < T; k++) if (n > 0 && !Number.isNaN(e.values[k])) computed.add(k);
      evaluated.push({ p: { delta: next, e }, need: computed });
      const all = pts();
      for (let d = 0; d < n; d++) c[d] = drawCrossing(all, d, j, T, tg.value, next);
      next = weightedMedian(c, weights);
    }
    const base = { param: lever.key, label: lever.label, unit: lever.unit, assumed: lever.assumed, bracket: [lever.lo, lever.hi] as [number, number], draws: n };
    results.push(answer === null ? null : { ...base, needed: lever.assumed + answer, bracketed: true, status: 'found' });
  }
  return results;
}
