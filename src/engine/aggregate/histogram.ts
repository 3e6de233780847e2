/**
 * Fixed-resolution histograms for quantiles in flat memory, whatever the number of draws.
 *
 * Each of `n` quantities has `BINS` equal bins over a range [lo, hi) fixed before the run (from a
 * pilot: see {@link pilotRange}), exact counts below and above the range, and the exact minimum
 * and maximum. Counts are integers, so histograms merge exactly in any order; an unweighted set
 * keeps them in 32 bits (a run has at most 10⁹ draws: the scenario schema and `--draws`) and
 * counts its bins in batches ({@link HistogramSet.queue}), the same counts in another order.
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

/** Bin indices a quantity queues before they are counted ({@link HistogramSet.queue}). */
export const QUEUE = 4096;

/** Bin code of a value below a histogram's range ({@link HistogramSet.addCodes}). */
export const UNDER = BINS;
/** Bin code of a value at or above the end of a histogram's range. */
export const OVER = BINS + 1;

/** `n` histograms with {@link BINS} bins each. */
export class HistogramSet {
  readonly lo: Float64Array;
  readonly width: Float64Array;
  /** Weighted sets: the sum of weights in each bin. */
  private readonly weights: Float64Array | null;
  /** Unweighted sets: the count of each bin (32 bits: half the memory to go through). */
  private readonly tallies: Uint32Array | null;
  /** Unweighted sets: {@link tallies} as doubles, made when {@link counts} is read after a change. */
  private view: Float64Array | null = null;
  /**
   * Unweighted sets: queued bin indices, {@link QUEUE} per quantity (`[h · QUEUE + i]`), counted
   * together ({@link flush}) while the quantity's bins (16 kB) stay in cache. Added one at a time,
   * the values of a batch's draws land each in another histogram: the counts of all of them
   * (Heze: 3.7 MB) go through the cache again for every draw.
   */
  readonly queued: Uint16Array | null;
  /** Indices queued per quantity. */
  readonly pending: Int32Array;
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
    this.weights = weighted ? new Float64Array(n * BINS) : null;
    this.tallies = weighted ? null : new Uint32Array(n * BINS);
    this.queued = weighted ? null : new Uint16Array(n * QUEUE);
    this.pending = new Int32Array(n);
    this.under = new Float64Array(n);
    this.over = new Float64Array(n);
    this.min = new Float64Array(n).fill(Infinity);
    this.max = new Float64Array(n).fill(-Infinity);
    this.total = new Float64Array(n);
  }

  /** The counts (sums of weights, weighted), `[h · BINS + b]`, the queued bin indices counted first. Read-only. */
  get counts(): Float64Array {
    if (this.weights !== null) return this.weights;
    this.flush();
    return (this.view ??= Float64Array.from(this.tallies!));
  }

  /**
   * Counts the indices queued for quantity `h`. A caller that queues indices itself (into
   * {@link queued}, then {@link pending}) calls it when the quantity's queue is full.
   */
  flushOne(h: number): void {
    const q = this.queued!;
    const counts = this.tallies!;
    const base = h * BINS;
    for (let i = h * QUEUE, end = i + this.pending[h]; i < end; i++) counts[base + q[i]]++;
    this.pending[h] = 0;
    this.view = null;
  }

  /** Counts every queued index. */
  flush(): void {
    if (this.queued === null) return;
    for (let h = 0; h < this.pending.length; h++) if (this.pending[h] > 0) this.flushOne(h);
  }

  /**
   * Counts bin `b` (0 … BINS − 1) of quantity `h` once, later (an unweighted set): the caller has
   * counted the value in {@link total}, {@link min} and {@link max}.
   *
   * @example
   * h.queue(0, 17);
   */
  queue(h: number, b: number): void {
    if (this.pending[h] === QUEUE) this.flushOne(h);
    this.queued![h * QUEUE + this.pending[h]++] = b;
  }

  /**
   * Counts `n` values of quantity `h` of an unweighted set, given by their bin codes
   * `codes[at]`, `codes[at + stride]`, … (0 … BINS − 1, {@link UNDER} or {@link OVER}: the bin
   * {@link add} finds). The caller keeps {@link min} and {@link max}.
   *
   * @example
   * h.addCodes(0, Uint16Array.of(3, UNDER, 3), 0, 1, 3);
   */
  addCodes(h: number, codes: Uint16Array, at: number, stride: number, n: number): void {
    const queued = this.queued!;
    const base = h * QUEUE;
    let fill = this.pending[h];
    let under = 0;
    let over = 0;
    for (let i = 0, j = at; i < n; i++, j += stride) {
      const b = codes[j];
      if (b < BINS) {
        if (fill === QUEUE) {
          this.pending[h] = fill;
          this.flushOne(h);
          fill = 0;
        }
        queued[base + fill++] = b;
      } else if (b === UNDER) under++;
      else over++;
    }
    this.pending[h] = fill;
    this.under[h] += under;
    this.over[h] += over;
    this.total[h] += n;
  }

  /** Counts value `x` in histogram `h`, with weight `w` (a weighted set; an unweighted one counts every value once). */
  add(h: number, x: number, w = 1): void {
    if (this.weights === null) w = 1;
    this.total[h] += w;
    if (w > 0) {
      if (x < this.min[h]) this.min[h] = x;
      if (x > this.max[h]) this.max[h] = x;
    }
    const b = Math.floor((x - this.lo[h]) / this.width[h]);
    if (b < 0) this.under[h] += w;
    else if (b >= BINS) this.over[h] += w;
    else if (this.weights !== null) this.weights[h * BINS + b] += w;
    else if (b === b) this.queue(h, b); // (NaN, of a NaN x, is in no bin)
  }
  /**
   * Multiplies every weight by `c` (quantiles do not change).
   *
   * @example
   * h.rescale(Math.exp(oldMax - newMax));
   */
  rescale(c: number): void {
    if (this.weights === null) throw new Error('an unweighted histogram cannot be rescaled');
    for (const a of [this.weights, this.under, this.over, this.total]) for (let i = 0; i < a.length; i++) a[i] *= c;
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
    const add = (a: Float64Array | Uint32Array, b: Float64Array) => a.forEach((_, i) => (a[i] += b[i]));
    this.flush();
    add(this.weights ?? this.tallies!, other.counts);
    this.view = null;
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
    const counts = this.counts;
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
        inB = b < BINS ? counts[h * BINS + b] : this.over[h];
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
    const counts = this.weights!;
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
        inB = b < BINS ? counts[h * BINS + b] : this.over[h];
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
