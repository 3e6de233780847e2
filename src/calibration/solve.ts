/**
 * One-dimensional bisection and a Gauss–Seidel sweep over several bisections: the calibration's
 * solver (each unknown moves one target, and they interact only weakly).
 *
 * @module
 */

/**
 * x in [lo, hi] with f(x) = target for an increasing f, to |Δx| < tol. Throws a RangeError when
 * the target lies outside [f(lo), f(hi)].
 *
 * @example
 * bisect((x) => x * x, 0, 2, 2); // 1.41421356…
 */
export function bisect(f: (x: number) => number, lo: number, hi: number, target: number, tol = 1e-12): number {
  const flo = f(lo);
  const fhi = f(hi);
  if (!(flo <= target && fhi >= target)) throw new RangeError(`target ${target} outside [f(${lo}), f(${hi})] = [${flo}, ${fhi}]`);
  while (hi - lo > tol) {
    const mid = 0.5 * (lo + hi);
    if (f(mid) < target) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

/** One unknown: its name, the function of all unknowns it moves, its bracket and target. */
export interface SolveStep<K extends string> {
  key: K;
  f: (x: Record<K, number>) => number;
  lo: number;
  hi: number;
  target: number;
}

/**
 * Gauss–Seidel over one-dimensional bisections until no unknown moves by more than 1e-10; returns
 * the solution and the number of sweeps. Throws after 100 sweeps.
 *
 * @example
 * solve([{ key: 'a', f: (x) => x.a + 0.1 * x.b, lo: -9, hi: 9, target: 1 }, { key: 'b', f: (x) => x.b, lo: -9, hi: 9, target: 2 }], { a: 0, b: 0 });
 */
export function solve<K extends string>(steps: SolveStep<K>[], start: Record<K, number>): { x: Record<K, number>; sweeps: number } {
  const x = { ...start };
  for (let sweep = 0; sweep < 100; sweep++) {
    let moved = 0;
    for (const s of steps) {
      const v = bisect((v) => s.f({ ...x, [s.key]: v }), s.lo, s.hi, s.target);
      moved = Math.max(moved, Math.abs(v - x[s.key]));
      x[s.key] = v;
    }
    if (moved < 1e-10) return { x, sweeps: sweep + 1 };
  }
  throw new RangeError('calibration did not converge in 100 sweeps');
}
