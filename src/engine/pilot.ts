/**
 * The pilot: the first draws of a run, whose ranges (with the deterministic run's) fix every
 * histogram's bins (`aggregate/accumulator.ts`). Its own module so that the interactive report's
 * run (src/report/html/explore/run-draws.ts) uses the same number without the worker pool.
 *
 * @module
 */

/**
 * Draws that fix the histogram ranges.
 *
 * @example
 * Math.min(draws, PILOT_DRAWS); // the pilot of a run of `draws` draws
 */
export const PILOT_DRAWS = 256;
