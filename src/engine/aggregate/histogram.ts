/**
 * Fixed-resolution histograms for quantiles in flat memory, whatever the number of draws.
 *
 * Each of `n` quantities has `BINS` equal bins over a range [lo, hi) fixed before the run (from a
 * pilot: see {@link pilotRange}), exact counts below and above the range, and the exact minimum
 * and maximum. Counts are integers (exact in a double up to 2^53), so histograms merge exactly in
 * any order.
 *
 * **Resolution.** A quantile of probability p is the sample quantile x₍k₎, k = ⌈p·n⌉ (the inverse
 * of the empirical CDF), located in its bin and interpolated linearly inside it, then clamped to
 * [min, max]: the result is in the same bin as the exact x₍k₎, so it is within one bin width,
 * (hi − lo)/BINS, of it. With the pilot's range widened by half its span on each side, a bin is
 * 1/1024 of the pilot's span. When x₍k₎ falls outside the range (rare: beyond 1.5 pilot spans),
 * the value is interpolated between the exact min (or max) and the range's edge.
 *
 * **Weights.** A set created `weighted` adds each value with a weight w ≥ 0 (importance weights
 * of a calibrated run, `src/engine/calibration.ts`): bins hold sums of weights (no longer exact in
 * any order, but summed in draw order, hence reproducible), min and max are over values of
 * positive weight, and the quantile of probability p is where the cumulative weight reaches p·W
 * (W the total weight), interpolated linearly inside its bin: still within one bin width of the
 * weighted sample quantile. With equal weights it lands in the same bin as the unweighted x₍⌈p·n⌉₎,
 * so the two differ by less than one bin width. {@link HistogramSet.rescale} multiplies every
 * weight by a constant (the run keeps weights relative to the largest so far).
 *
 * @module
 */

/** Bins per histogram. */
export const BINS = 2048;

/**
 * The range of a histogram from the extremes [min, max] seen in a pilot: widened by half the span
 * on each side (or, for a constant pilot, by 1e-6 of the magnitude).
 *
 * @example
 * pilotRange(10, 20); // [5, 25]
 */
export function pilotRange(min: number, max: number): [number, number] {
  if (!(min <= max)) return [0, 1]; // no finite pilot value: everything lands in under/overflow
  const pad = max > min ? 0.5 * (max - min) : Math.max(Math.abs(min) * 1e-6, 1e-12);
  return [min - pad, max + pad];
}

/** `n` histograms with {@link BINS} bins each. */
export class HistogramSet {
  readonly lo: Float64Array;
  readonly width: Float64Array;
  readonly counts: Float64Array;
  readonly under: Float64Array;
  readonly over: Float64Array;
  readonly min: Float64Array;
  readonly max: Float64Array;
  readonly total: Float64Array;

  /**
   * @param ranges `[lo, hi]` of each histogram
   * @example
   * const h = new HistogramSet([[0, 1]]);
   * h.add(0, 0.25);
   */
  constructor(
    readonly ranges: [number, number][],
    readonly weighted = false,
  ) {
    const n = ranges.length;
    this.lo = Float64Array.from(ranges, (r) => r[0]);
    this.width = Float64Array.from(ranges, (r) => (r[1] - r[0]) / BINS);
    this.counts = new Float64Array(n * BINS);
    this.under = new Float64Array(n);
    this.over = new Float64Array(n);
    this.min = new Float64Array(n).fill(Infinity);
    this.max = new Float64Array(n).fill(-Infinity);
    this.total = new Float64Array(n);
  }

  /** Counts value `x` in histogram `h`, with weight `w` (1 unless the set is weighted). */
  add(h: number, x: number, w = 1): void {
    this.total[h] += w;
    if (w > 0) {
      if (x < this.min[h]) this.min[h] = x;
      if (x > this.max[h]) this.max[h] = x;
    }
    const b = Math.floor((x - this.lo[h]) / this.width[h]);
    if (b < 0) this.under[h] += w;
    else if (b >= BINS) this.over[h] += w;
    else this.counts[h * BINS + b] += w;
  }
  /**
   * Multiplies every weight by `c` (quantiles do not change).
   *
   * @example
   * h.rescale(Math.exp(oldMax - newMax));
   */
  rescale(c: number): void {
    for (const a of [this.counts, this.under, this.over, this.total]) for (let i = 0; i < a.length; i++) a[i] *= c;
  }

  /**
   * Adds another set with the same ranges (exact, in any order).
   *
   * @example
   * a.merge(b);
   */
  merge(other: HistogramSet): void {
    if (other.ranges.length !== this.ranges.length || other.lo.some((v, h) => v !== this.lo[h] || other.width[h] !== this.width[h])) {
      throw new Error('histograms with different ranges cannot be merged');
    }
    const add = (a: Float64Array, b: Float64Array) => a.forEach((_, i) => (a[i] += b[i]));
    add(this.counts, other.counts);
    add(this.under, other.under);
    add(this.over, other.over);
    add(this.total, other.total);
    this.min.forEach((v, h) => (this.min[h] = Math.min(v, other.min[h])));
    this.max.forEach((v, h) => (this.max[h] = Math.max(v, other.max[h])));
  }

  /**
   * Quantiles of histogram `h` for probabilities `ps` (see the module's resolution note), in one
   * pass over the bins. NaN when the histogram is empty.
   *
   * @example
   * h.quantiles(0, [0.025, 0.5, 0.975]);
   */
  quantiles(h: number, ps: number[]): number[] {
    const n = this.total[h];
    if (n === 0) return ps.map(() => NaN);
    if (this.weighted) return this.weightedQuantiles(h, ps);
    const lo = this.lo[h];
    const w = this.width[h];
    const min = this.min[h];
    const max = this.max[h];
    const clamp = (v: number) => Math.min(max, Math.max(min, v));
    const out: number[] = new Array(ps.length);
    const order = ps.map((_, i) => i).sort((i, j) => ps[i] - ps[j]);
    let b = -1; // −1: underflow; BINS: overflow
    let before = 0; // draws in segments before b
    let inB = this.under[h];
    for (const i of order) {
      const k = Math.min(n, Math.max(1, Math.ceil(ps[i] * n)));
      while (before + inB < k) {
        before += inB;
        b++;
        inB = b < BINS ? this.counts[h * BINS + b] : this.over[h];
      }
      if (k === 1 || k === n) {
        out[i] = k === 1 ? min : max; // the extreme order statistics are known exactly
        continue;
      }
      const f = (k - before - 0.5) / inB;
      let v: number;
      if (b < 0) v = min + f * (lo - min);
      else if (b >= BINS) v = lo + BINS * w + f * (max - (lo + BINS * w));
      else v = lo + (b + f) * w;
      out[i] = clamp(v);
    }
    return out;
  }

  /** Quantiles where the cumulative weight reaches p·W, interpolated inside the bin. */
  private weightedQuantiles(h: number, ps: number[]): number[] {
    const W = this.total[h];
    const lo = this.lo[h];
    const w = this.width[h];
    const min = this.min[h];
    const max = this.max[h];
    const out: number[] = new Array(ps.length);
    const order = ps.map((_, i) => i).sort((i, j) => ps[i] - ps[j]);
    let b = -1; // −1: underflow; BINS: overflow
    let before = 0;
    let inB = this.under[h];
    for (const i of order) {
      const target = ps[i] * W;
      while (before + inB < target && b < BINS) {
        before += inB;
        b++;
        inB = b < BINS ? this.counts[h * BINS + b] : this.over[h];
      }
      const f = inB > 0 ? Math.min(1, Math.max(0, (target - before) / inB)) : 0.5;
      let v: number;
      if (b < 0) v = min + f * (lo - min);
      else if (b >= BINS) v = lo + BINS * w + f * (max - (lo + BINS * w));
      else v = lo + (b + f) * w;
      out[i] = Math.min(max, Math.max(min, v));
    }
    return out;
  }
}
