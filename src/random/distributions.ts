/**
 * The distributions of the scenario language, each defined by its quantile function so that
 * a draw is `quantile(dist, u)` with u from the counter-based generator (which makes Latin
 * hypercube stratification and copulas a matter of transforming u).
 *
 * @module
 */
import { betaQuantile } from './beta.js';
import { normalCdf, normalQuantile } from './normal.js';

/** A probability distribution of one scalar input. */
export type Dist =
  | { dist: 'normal'; mean: number; sd: number }
  | { dist: 'truncnormal'; mean: number; sd: number; min: number; max: number }
  | { dist: 'uniform'; min: number; max: number }
  | { dist: 'triangular'; min: number; mode: number; max: number }
  | { dist: 'lognormal'; median: number; sigma: number }
  | { dist: 'beta'; alpha: number; beta: number; min?: number; max?: number }
  | { dist: 'pert'; min: number; mode: number; max: number; lambda?: number };

/**
 * Quantile function: the value below which a share `u` of the distribution lies.
 *
 * @example
 * quantile({ dist: 'uniform', min: 1, max: 3 }, 0.25); // 1.5
 */
export function quantile(d: Dist, u: number): number {
  switch (d.dist) {
    case 'normal':
      return d.mean + d.sd * normalQuantile(u);
    case 'truncnormal':
      return truncNormalQuantile(u, d.mean, d.sd, d.min, d.max, normalCdf((d.min - d.mean) / d.sd), normalCdf((d.max - d.mean) / d.sd));
    case 'uniform':
      return d.min + u * (d.max - d.min);
    case 'triangular':
      return triangularQuantile(u, d.min, d.mode, d.max);
    case 'lognormal':
      return d.median * Math.exp(d.sigma * normalQuantile(u));
    case 'beta': {
      const lo = d.min ?? 0;
      const hi = d.max ?? 1;
      return lo + (hi - lo) * betaQuantile(u, d.alpha, d.beta);
    }
    case 'pert': {
      const w = d.max - d.min;
      if (w === 0) return d.min;
      const [a, b] = pertShape(d);
      return d.min + w * betaQuantile(u, a, b);
    }
  }
}

/**
 * The Beta shape (a, b) of a PERT distribution with max > min: a = 1 + λ(mode − min)/(max − min),
 * b = 1 + λ(max − mode)/(max − min), λ = 4 unless stated.
 *
 * @example
 * pertShape({ dist: 'pert', min: 0, mode: 0.25, max: 1 }); // [2, 4]
 */
export function pertShape(d: { min: number; mode: number; max: number; lambda?: number }): [number, number] {
  const w = d.max - d.min;
  const lam = d.lambda ?? 4;
  return [1 + (lam * (d.mode - d.min)) / w, 1 + (lam * (d.max - d.mode)) / w];
}

/**
 * Quantile of a normal(mean, sd) truncated to [min, max], given A = Φ((min − mean)/sd) and
 * B = Φ((max − mean)/sd) (computed once per distribution).
 *
 * @example
 * truncNormalQuantile(0.5, 0, 1, -1, 1, normalCdf(-1), normalCdf(1)); // 0
 */
export function truncNormalQuantile(u: number, mean: number, sd: number, min: number, max: number, A: number, B: number): number {
  const x = mean + sd * normalQuantile(A + u * (B - A));
  return Math.min(max, Math.max(min, x));
}

/**
 * Quantile of a triangular distribution.
 *
 * @example
 * triangularQuantile(0.5, 0, 0.5, 1); // 0.5
 */
export function triangularQuantile(u: number, min: number, mode: number, max: number): number {
  const w = max - min;
  if (w === 0) return min;
  const fc = (mode - min) / w;
  return u < fc ? min + Math.sqrt(u * w * (mode - min)) : max - Math.sqrt((1 - u) * w * (max - mode));
}

/**
 * The median, `quantile(d, 0.5)`: what the deterministic projection uses.
 *
 * @example
 * median({ dist: 'lognormal', median: 0.02, sigma: 0.3 }); // 0.02
 */
export function median(d: Dist): number {
  return quantile(d, 0.5);
}

/**
 * The closed support [lo, hi] of a distribution (±Infinity where unbounded).
 *
 * @example
 * support({ dist: 'normal', mean: 0, sd: 1 }); // [-Infinity, Infinity]
 */
export function support(d: Dist): [number, number] {
  switch (d.dist) {
    case 'normal':
      return [-Infinity, Infinity];
    case 'lognormal':
      return [0, Infinity];
    case 'beta':
      return [d.min ?? 0, d.max ?? 1];
    default:
      return [d.min, d.max];
  }
}
