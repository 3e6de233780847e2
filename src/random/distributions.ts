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
    case 'truncnormal': {
      const a = normalCdf((d.min - d.mean) / d.sd);
      const b = normalCdf((d.max - d.mean) / d.sd);
      const x = d.mean + d.sd * normalQuantile(a + u * (b - a));
      return Math.min(d.max, Math.max(d.min, x));
    }
    case 'uniform':
      return d.min + u * (d.max - d.min);
    case 'triangular': {
      const w = d.max - d.min;
      if (w === 0) return d.min;
      const fc = (d.mode - d.min) / w;
      return u < fc ? d.min + Math.sqrt(u * w * (d.mode - d.min)) : d.max - Math.sqrt((1 - u) * w * (d.max - d.mode));
    }
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
      const lam = d.lambda ?? 4;
      const a = 1 + (lam * (d.mode - d.min)) / w;
      const b = 1 + (lam * (d.max - d.mode)) / w;
      return d.min + w * betaQuantile(u, a, b);
    }
  }
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
