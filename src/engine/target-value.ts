/**
 * A target's quantity in one draw, and whether it meets the target.
 *
 * @module
 */
import type { Comparator } from './input.js';
import type { CompiledTarget } from './target-plan.js';

/**
 * The target's own quantity from one draw's series (layout `[m * (H + 1) + t]`): the level, the
 * summed flow, or the average annual gain (before subtracting any reference).
 *
 * @example
 * ownValue(target, out, H + 1) - referencePart(target, refOuts, refT1, x); // the target's quantity
 */
export function ownValue(tg: CompiledTarget, out: Float64Array, T1: number): number {
  const base = tg.m * T1;
  if (tg.kind === 'level') return out[base + tg.tTo];
  if (tg.kind === 'flow') {
    let s = 0;
    for (let t = tg.tFrom; t <= tg.tTo; t++) s += out[base + t];
    return s;
  }
  return (out[base + tg.tTo] - out[base + tg.tFrom]) / (tg.tTo - tg.tFrom);
}

/**
 * What a relative target subtracts: the reference's average annual gain over the same years, from
 * the reference scenarios' series of the same draw, a fixed value, the draw's uncertain input or
 * another series `out` of the same draw (layout `[m * T1 + t]`, a region of a multi-region run);
 * 0 without a reference.
 *
 * @example
 * referencePart(target, refOuts, refT1, x); // e.g. 0.009 (0.9 share points per year)
 */
export function referencePart(tg: CompiledTarget, refOuts: Float64Array[], refT1: number[], x: Float64Array, out?: Float64Array, T1 = 0): number {
  const r = tg.ref;
  switch (r.kind) {
    case 'none':
      return 0;
    case 'fixed':
      return r.gain;
    case 'input':
      return x[r.input];
    case 'scenario': {
      const o = refOuts[r.unit];
      const rb = r.m * refT1[r.unit];
      return (o[rb + r.tEnd] - o[rb + r.tBefore]) / (tg.tTo - tg.tFrom);
    }
    case 'metric': {
      const b = r.m * T1;
      return (out![b + tg.tTo] - out![b + tg.tFrom]) / (tg.tTo - tg.tFrom);
    }
  }
}

/**
 * Whether quantity `x` meets `comparator value` (`~` and `=`: |x − value| ≤ tolerance).
 * NaN meets nothing.
 *
 * @example
 * meets(0.58, '>=', 0.57, 0); // true
 * meets(0.566, '~', 0.57, 0.005); // true
 */
export function meets(x: number, comparator: Comparator, value: number, tolerance: number): boolean {
  switch (comparator) {
    case '>=':
      return x >= value;
    case '>':
      return x > value;
    case '<=':
      return x <= value;
    case '<':
      return x < value;
    case '~':
    case '=':
      return Math.abs(x - value) <= tolerance;
  }
}
