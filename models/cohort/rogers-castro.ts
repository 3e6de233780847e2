/**
 * The Rogers–Castro model migration schedule (Rogers & Castro 1981, "Model migration
 * schedules", IIASA RR-81-30), 7-parameter form: a childhood component falling with age, a
 * labour-force peak, and a constant.
 *
 * @module
 */
import type { RogersCastro } from './schema.js';

/** MODEL.md defaults. */
export const RC_DEFAULTS = { a1: 0.02, alpha1: 0.1, a2: 0.06, alpha2: 0.1, mu2: 20, lambda2: 0.4, c: 0.003 } as const;

/**
 * g(a) for a = 0 … 100.
 *
 * @example
 * const g = rogersCastro({}); // defaults; g[20] ≈ 0.0278, peak g[23] ≈ 0.0379
 */
export function rogersCastro(p: RogersCastro | undefined): Float64Array {
  const q = { ...RC_DEFAULTS, ...stripUndefined(p ?? {}) };
  const g = new Float64Array(101);
  for (let a = 0; a <= 100; a++) {
    const x = a - q.mu2;
    g[a] = q.a1 * Math.exp(-q.alpha1 * a) + q.a2 * Math.exp(-q.alpha2 * x - Math.exp(-q.lambda2 * x)) + q.c;
  }
  return g;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([k, v]) => v !== undefined && k !== 'why')) as Partial<T>;
}
