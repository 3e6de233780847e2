/**
 * Philox4x32-10, the counter-based generator of Salmon, Moraes, Dror & Shaw (2011),
 * "Parallel random numbers: as easy as 1, 2, 3", SC'11. A pure function of a 128-bit
 * counter and a 64-bit key: the numbers of draw i never depend on the worker, the batch
 * or the order in which draws run.
 *
 * @module
 */

const M0 = 0xd2511f53;
const M1 = 0xcd9e8d57;
const W0 = 0x9e3779b9;
const W1 = 0xbb67ae85;
const TWO32 = 4294967296;

/**
 * High 32 bits of the 64-bit product of two unsigned 32-bit integers, exact. With P = a·b =
 * hi·2³² + lo: the double product fl(a·b) is within 2¹⁰ of P (P < 2⁶⁴, half an ulp), lo is exact
 * (`Math.imul`), and fl(fl(a·b) − lo) is within 2¹¹ of hi·2³², so dividing by 2³² leaves hi
 * ± 2⁻²¹ and rounding to the nearest integer gives hi exactly.
 */
function mulhi32(a: number, b: number, lo: number): number {
  return Math.round((a * b - lo) / TWO32);
}

/**
 * Runs Philox4x32-10 on `ctr` with `key`, writing four 32-bit words to `out`.
 *
 * @example
 * const out = new Uint32Array(4);
 * philox4x32(new Uint32Array([0, 0, 0, 0]), 0, 0, out); // out = 6627e8d5 e169c58d bc57ac4c 9b00dbd8
 */
export function philox4x32(ctr: ArrayLike<number>, key0: number, key1: number, out: Uint32Array): Uint32Array {
  let c0 = ctr[0] >>> 0;
  let c1 = ctr[1] >>> 0;
  let c2 = ctr[2] >>> 0;
  let c3 = ctr[3] >>> 0;
  let k0 = key0 >>> 0;
  let k1 = key1 >>> 0;
  for (let r = 0; r < 10; r++) {
    const lo0 = Math.imul(M0, c0) >>> 0;
    const hi0 = mulhi32(M0, c0, lo0);
    const lo1 = Math.imul(M1, c2) >>> 0;
    const hi1 = mulhi32(M1, c2, lo1);
    c0 = (hi1 ^ c1 ^ k0) >>> 0;
    c1 = lo1;
    c2 = (hi0 ^ c3 ^ k1) >>> 0;
    c3 = lo0;
    k0 = (k0 + W0) >>> 0;
    k1 = (k1 + W1) >>> 0;
  }
  out[0] = c0;
  out[1] = c1;
  out[2] = c2;
  out[3] = c3;
  return out;
}

const ctrScratch = new Uint32Array(4);
const outScratch = new Uint32Array(4);

/**
 * A uniform number in the open interval (0, 1) that depends only on (seed, draw, stream, sub).
 * 53 random bits from two of Philox's four words.
 *
 * @param seed   scenario seed, an integer 0 … 2^53−1
 * @param draw   draw index, an integer 0 … 2^53−1
 * @param stream 32-bit stream id (see {@link streamId}), one per uncertain input
 * @param sub    32-bit sub-counter, for inputs that need more than one number
 * @example
 * uniform(42, 0, streamId('tfr.urban'), 0); // same value in every worker, every batch
 */
export function uniform(seed: number, draw: number, stream: number, sub = 0): number {
  ctrScratch[0] = draw >>> 0;
  ctrScratch[1] = Math.floor(draw / TWO32) >>> 0;
  ctrScratch[2] = stream >>> 0;
  ctrScratch[3] = sub >>> 0;
  philox4x32(ctrScratch, seed >>> 0, Math.floor(seed / TWO32) >>> 0, outScratch);
  return ((outScratch[0] >>> 5) * 67108864 + (outScratch[1] >>> 6) + 0.5) / 9007199254740992;
}

/**
 * A 32-bit stream id from a parameter's path (FNV-1a), so that adding or reordering
 * parameters never changes another parameter's numbers.
 *
 * @example
 * streamId('ruralToUrban.value'); // a fixed 32-bit integer
 */
export function streamId(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
