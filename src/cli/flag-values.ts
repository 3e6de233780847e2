/**
 * Flag values read strictly: a single-valued flag given once ({@link once}), a folder or file
 * flag not empty, and whole-number flags (`--seed`, `--draws`, `--workers`, …) read exactly: the flag's text must be
 * decimal digits, and its value is compared with the range as a BigInt before it becomes a
 * number, so `--seed 18446744073709551617` or `--seed 1e300` is refused instead of rounded (and
 * colliding with another seed). Within the range every value is a safe integer: two different
 * spellings that are accepted are two different numbers, or the same number (`007` and `7`).
 *
 * @module
 */
import { UsageError } from './usage-error.js';

/** 2⁵³ − 1, the largest seed (and the largest whole number a double holds exactly with all below it). */
export const MAX_WHOLE = Number.MAX_SAFE_INTEGER;

/** How each whole-number flag's range is written in its error. */
function range(min: number, max: number): string {
  return max === MAX_WHOLE ? `from ${min} to 2^53 − 1 = ${MAX_WHOLE}` : `from ${min} to ${max}`;
}

/**
 * The value of a whole-number flag given as text (undefined stays undefined), or a
 * {@link UsageError} (exit code 2) naming the flag, its range and what was given.
 *
 * @example
 * wholeNumber('seed', '42', 0);          // 42
 * wholeNumber('seed', '1e300', 0);       // throws: --seed must be a whole number from 0 to 2^53 − 1 = 9007199254740991, got 1e300
 * wholeNumber('draws', '0', 1, 1e9);     // throws: --draws must be a whole number from 1 to 1000000000, got 0
 */
export function wholeNumber(name: string, v: unknown, min: number, max: number = MAX_WHOLE): number | undefined {
  if (v === undefined) return undefined;
  const text = Array.isArray(v) ? v.map(String).join(' ') : String(v);
  const what = `--${name} must be a whole number ${range(min, max)}, got ${Array.isArray(v) ? `${v.length} values (${text})` : text === '' ? 'nothing' : text}`;
  if (Array.isArray(v) || !/^[0-9]+$/.test(text)) throw new UsageError(what);
  const big = BigInt(text);
  if (big < BigInt(min) || big > BigInt(max)) throw new UsageError(what);
  return Number(big);
}

/**
 * Throws a {@link UsageError} when a single-valued flag was given more than once (yargs then
 * collects the values in an array) or a path flag was given empty.
 *
 * @example
 * once({ out: ['a', 'b'] }, ['out']); // throws: --out given 2 times (a, b); give it once
 * once({ out: '' }, [], ['out']);     // throws: --out needs a value
 */
export function once(args: Record<string, unknown>, names: readonly string[], paths: readonly string[] = []): void {
  for (const name of [...names, ...paths]) {
    const v = args[name];
    if (Array.isArray(v)) throw new UsageError(`--${name} given ${v.length} times (${v.map(String).join(', ')}); give it once`);
  }
  for (const name of paths) if (args[name] === '') throw new UsageError(`--${name} needs a value`);
}
