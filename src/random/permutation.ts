/**
 * A keyed pseudo-random permutation of 0 … n−1 computed one element at a time
 * (a 4-round Feistel network with cycle walking), so that Latin-hypercube strata can be
 * assigned to draw i without storing a permutation of all draws.
 *
 * @module
 */
import { philox4x32 } from './philox.js';

const ctr = new Uint32Array(4);
const out = new Uint32Array(4);

/**
 * The image of `i` under a permutation of [0, n) chosen by (seed, stream).
 *
 * @example
 * const seen = new Set(Array.from({ length: 10 }, (_, i) => permute(i, 10, 1, 7)));
 * seen.size; // 10
 */
export function permute(i: number, n: number, seed: number, stream: number): number {
  if (n <= 1) return 0;
  let bits = 2;
  while (2 ** bits < n) bits += 2;
  const half = bits / 2;
  const mask = 2 ** half - 1;
  let x = i;
  do {
    let left = Math.floor(x / 2 ** half);
    let right = x & mask;
    for (let r = 0; r < 4; r++) {
      ctr[0] = right;
      ctr[1] = r;
      ctr[2] = stream >>> 0;
      ctr[3] = 0x4c485321; // 'LHS!'
      philox4x32(ctr, seed >>> 0, Math.floor(seed / 4294967296) >>> 0, out);
      const next = (left ^ (out[0] & mask)) >>> 0;
      left = right;
      right = next;
    }
    x = left * 2 ** half + right;
  } while (x >= n);
  return x;
}
