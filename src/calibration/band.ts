/**
 * The band an age falls in.
 *
 * @module
 */

/**
 * Index of the last band whose first age is ≤ `age` (bands ascending from 0), or −1.
 *
 * @example
 * bandOf([0, 15, 60], 17); // 1
 */
export function bandOf(froms: readonly number[], age: number): number {
  let k = -1;
  for (let i = 0; i < froms.length; i++) if (froms[i] <= age) k = i;
  return k;
}
