/**
 * Single-year life tables under a constant force of mortality within each year of age, and the
 * mortality level that reproduces a given life expectancy (a one-parameter "Brass-type" shift of
 * log mx, the relational approach of Brass 1971 applied to log rates; see Preston, Heuveline &
 * Guillot 2001, "Demography", ch. 3 and 7).
 *
 * Layout: ages 0 … 100 (index = age; 100 is the open group 100+).
 *
 * @module
 */

/** Number of ages, 0 … 100. */
export const AGES = 101;

/**
 * The person-years L(a) of a life table with radix l(0) = 1, from central death rates mx(a)
 * multiplied by `scale` (= e^θ). Returns e0 = Σ L(a). Allocation-free: writes into `L`.
 *
 * p(a) = exp(−mx(a)); l(a+1) = l(a)·p(a); L(a) = l(a)(1 − p(a))/mx(a) (= l(a) if mx(a) = 0);
 * L(100) = l(100)/mx(100).
 *
 * @example
 * const L = new Float64Array(101);
 * personYears(new Float64Array(101).fill(0.02), 1, L); // 50 (e0 = 1/m for constant m)
 */
export function personYears(mx: Float64Array, scale: number, L: Float64Array): number {
  let l = 1;
  let e0 = 0;
  // The standard schedules repeat each abridged group's rate over its ages: exp(−m) is computed
  // once per run of equal rates (the same operands give the same bits, so nothing changes).
  let mPrev = NaN;
  let p = 1;
  for (let a = 0; a < 100; a++) {
    const ma = mx[a];
    const m = ma * scale;
    if (ma !== mPrev) {
      p = Math.exp(-m);
      mPrev = ma;
    }
    const La = m > 0 ? (l * (1 - p)) / m : l;
    L[a] = La;
    e0 += La;
    l *= p;
  }
  const m100 = mx[100] * scale;
  L[100] = m100 > 0 ? l / m100 : Infinity;
  return e0 + L[100];
}

/**
 * Survival ratios and birth survival from person-years:
 * s(a) = L(a+1)/L(a) for a = 0 … 98, s(100) = L(100)/(L(99) + L(100)) (applied to ages 99 and
 * 100+ together; s(99) is unused and set to s(100)), and b = L(0). Writes `s`, returns b.
 *
 * @example
 * const b = survivalRatios(L, s);
 */
export function survivalRatios(L: Float64Array, s: Float64Array, offset = 0): number {
  for (let a = 0; a < 99; a++) s[offset + a] = L[a + 1] / L[a];
  const s100 = L[100] / (L[99] + L[100]);
  s[offset + 99] = s100;
  s[offset + 100] = s100;
  return L[0];
}

/**
 * Solves θ such that the life table of mx*(a)·e^θ has life expectancy `e0`, to |Δe0| < tol.
 * e0 falls strictly as θ rises, so the root is unique; a bracketed secant (Illinois) method
 * converges in a handful of life tables. Writes the solution's person-years into `L`.
 *
 * `grid` (see {@link levelGrid}) gives a bracket by table look-up and a start from the cubic
 * through the four nearest table points: on the default grid one life table usually meets the
 * tolerance; else Newton steps with that cubic's slope follow, then the Illinois iterations if
 * they do not converge. The root does not depend on the grid beyond the tolerance.
 *
 * @returns θ
 * @example
 * const theta = solveLevel(mxStd, 78, L);
 */
export function solveLevel(mxStd: Float64Array, e0: number, L: Float64Array, tol = 1e-10, grid?: LevelGrid): number {
  let lo: number;
  let hi: number;
  let flo: number;
  let fhi: number;
  const k = grid ? gridIndex(grid, e0) : -1;
  if (grid && k >= 0) {
    lo = grid.theta0 + k * grid.step;
    hi = lo + grid.step;
    flo = grid.e0[k] - e0;
    fhi = grid.e0[k + 1] - e0;
    // Inside the table: start from the cubic through the four nearest table points (within the
    // tolerance on the default grid), then Newton steps with that cubic's slope.
    if (k >= 1 && k + 2 < grid.e0.length) {
      let theta = inverseCubic(grid, k, e0);
      const slope = dThetaDe0;
      for (let it = 0; it < 3 && theta > lo && theta < hi; it++) {
        const f = personYears(mxStd, Math.exp(theta), L) - e0;
        if (Math.abs(f) < tol) return theta;
        if (f > 0) {
          lo = theta;
          flo = f;
        } else {
          hi = theta;
          fhi = f;
        }
        theta -= f * slope;
      }
    }
  } else {
    // Bracket: start at ±1 and widen until e0(lo) > target > e0(hi).
    let step = 1;
    lo = -step;
    hi = step;
    flo = personYears(mxStd, Math.exp(lo), L) - e0;
    fhi = personYears(mxStd, Math.exp(hi), L) - e0;
    while (flo < 0) {
      hi = lo;
      fhi = flo;
      step *= 2;
      lo -= step;
      flo = personYears(mxStd, Math.exp(lo), L) - e0;
    }
    while (fhi > 0) {
      lo = hi;
      flo = fhi;
      step *= 2;
      hi += step;
      fhi = personYears(mxStd, Math.exp(hi), L) - e0;
    }
  }
  // Illinois (modified regula falsi): keeps the bracket, converges superlinearly.
  let side = 0;
  let theta = lo;
  for (let it = 0; it < 200; it++) {
    theta = (lo * fhi - hi * flo) / (fhi - flo);
    if (!(theta > lo && theta < hi)) theta = 0.5 * (lo + hi);
    const f = personYears(mxStd, Math.exp(theta), L) - e0;
    if (Math.abs(f) < tol) return theta;
    if (f > 0) {
      lo = theta;
      flo = f;
      if (side === 1) fhi /= 2;
      side = 1;
    } else {
      hi = theta;
      fhi = f;
      if (side === -1) flo /= 2;
      side = -1;
    }
    if (hi - lo < 1e-15) break;
  }
  personYears(mxStd, Math.exp(theta), L);
  return theta;
}

/** e0 tabulated on an even θ grid (e0 falls as θ rises). */
export interface LevelGrid {
  theta0: number;
  step: number;
  e0: Float64Array;
}

/** Tables already built, by schedule and grid (a few standards per process; oldest dropped first). */
const grids = new Map<string, LevelGrid>();
const GRIDS_KEPT = 16;

/**
 * Tabulates e0(θ) for θ = theta0, theta0 + step, … (n points). The default grid (θ in [−4, 4] by
 * 0.002) is fine enough that the cubic start of {@link solveLevel} is within 1e-10 of the target
 * e0 for the WPP standards, so most solves take one life table. Tables are cached by the
 * schedule's values and shared between callers: treat them as read-only.
 *
 * @example
 * const grid = levelGrid(mxStd, -4, 0.02, 401);
 */
export function levelGrid(mxStd: Float64Array, theta0 = -4, step = 0.002, n = 4001): LevelGrid {
  const key = `${theta0} ${step} ${n} ${mxStd.join(' ')}`;
  const cached = grids.get(key);
  if (cached) return cached;
  const L = new Float64Array(AGES);
  const e0 = new Float64Array(n);
  for (let i = 0; i < n; i++) e0[i] = personYears(mxStd, Math.exp(theta0 + i * step), L);
  const grid = { theta0, step, e0 };
  if (grids.size >= GRIDS_KEPT) grids.delete(grids.keys().next().value as string);
  grids.set(key, grid);
  return grid;
}

/** dθ/de0 of the last {@link inverseCubic} at its target (a module-level slot: no allocation). */
let dThetaDe0 = 0;

/**
 * θ(target) from the cubic through the table points k−1 … k+2 with θ as a function of e0 (the
 * Lagrange form), and its slope dθ/de0 there (stored in `dThetaDe0`). Needs 1 ≤ k ≤ n − 3.
 */
function inverseCubic(g: LevelGrid, k: number, target: number): number {
  let theta = 0;
  let slope = 0;
  for (let j = 0; j < 4; j++) {
    const ej = g.e0[k - 1 + j];
    const tj = g.theta0 + (k - 1 + j) * g.step;
    let w = 1;
    let dw = 0;
    for (let m = 0; m < 4; m++) {
      if (m === j) continue;
      const em = g.e0[k - 1 + m];
      const d = ej - em;
      // d/dx of Π (x − e_m)/d_m by the product rule, accumulated alongside the product.
      dw = (dw * (target - em) + w) / d;
      w *= (target - em) / d;
    }
    theta += tj * w;
    slope += tj * dw;
  }
  dThetaDe0 = slope;
  return theta;
}

/** The k with e0[k] ≥ target > e0[k+1], or −1 when the target lies outside the table. */
function gridIndex(g: LevelGrid, target: number): number {
  const e = g.e0;
  if (!(target <= e[0] && target > e[e.length - 1])) return -1;
  // e[lo] >= target > e[lo + len]; the window halves without a branch on the comparison (the
  // WebAssembly build, lifetable.c's grid_index, searches the same way: the same k)
  let lo = 0;
  let len = e.length - 1;
  while (len > 1) {
    const half = len >> 1;
    lo = e[lo + half] >= target ? lo + half : lo;
    len -= half;
  }
  return lo;
}
