/**
 * The page's worker computes `Math.exp`, `Math.log` and `Math.log1p` as Node's V8 does. V8 in
 * Node 20 computes them with its port of fdlibm; the V8 of recent Chromium builds does not (on
 * 200,000 random arguments each, Chromium 156 and Node 20 differ in the last bit for about 10 %
 * of `exp`, 2 % of `log`), and the engine's life tables and beta quantiles call them for every
 * draw, so the page's quantiles would differ from the CLI's in the last bits. stdlib's ports of the
 * same fdlibm routines give Node 20's bits (checked on 10⁶ arguments each in
 * tests/report/html/explore/v8-math.test.ts). Imported first by the worker's entry, so that every
 * engine module sees them.
 *
 * Not the same: `exp` of arguments below −708.4, whose results are subnormal (stdlib rounds some to
 * 0 where V8 gives 5e-324); the engine's exponents stay far from there. `Math.pow` (the beta
 * quantile's first guess, refined by Halley steps) is left alone: stdlib's `pow` is not V8's.
 *
 * @module
 */
import exp from '@stdlib/math-base-special-exp';
import ln from '@stdlib/math-base-special-ln';
import log1p from '@stdlib/math-base-special-log1p';

/** The functions installed by {@link useNodeMath}. */
export const NODE_MATH = { exp, log: ln, log1p } as const;

/**
 * Replaces this thread's `Math.exp`, `Math.log` and `Math.log1p` by {@link NODE_MATH}.
 *
 * @example
 * useNodeMath(); // in the page's worker, before any draw
 */
export function useNodeMath(): void {
  Object.assign(Math, NODE_MATH);
}
