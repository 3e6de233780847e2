/**
 * Running mean and standard deviation of `n` quantities, from sums of deviations from a fixed
 * shift K per quantity ("shifted data": Chan, Golub & LeVeque 1983, "Algorithms for computing the
 * sample variance"): S1 = Σ w (x − K), S2 = Σ w (x − K)². With K near the data (the engine uses
 * the median path's value) this is as accurate as Welford's update and needs no division per
 * value.
 *
 * **Blocks.** Draws are summed in fixed blocks of {@link BLOCK} consecutive draw indices (the last
 * block of a run may be shorter): {@link MomentSet.add} sums a value into the open block, from zero
 * in draw order, and {@link MomentSet.endBlock} adds the block's sums to the totals, blocks in draw
 * order. A block summed elsewhere in the same order (a worker's digest, `digest.ts`) is added with
 * {@link MomentSet.addBlock}: the bits are the same whoever sums a block, so the result is the same
 * whatever the number of workers or the batch size. Which draw ends a block is the caller's to say
 * ({@link endsBlock}).
 *
 * Values may carry weights w ≥ 0 (importance weights). The mean is K + S1/W and the variance
 * (S2 − S1²/W) / (W − Σw²/W) (reliability weights: unbiased, and with unit weights exactly the
 * usual n − 1 denominator, since n − n/n = n − 1 in floating point too).
 *
 * @module
 */

/** Draws per block of the moment sums. */
export const BLOCK = 8;

/**
 * Whether draw `i` of a run of `draws` draws is the last of its block.
 *
 * @example
 * endsBlock(7, 100); // true
 * endsBlock(98, 99); // true: the run's last draw
 */
export function endsBlock(i: number, draws: number): boolean {
  return (i + 1) % BLOCK === 0 || i + 1 === draws;
}

/** Mean and variance accumulators for `n` quantities. */
export class MomentSet {
  /** Sum of weights (the count, unweighted). */
  readonly count: Float64Array;
  /** Σ w (x − K). */
  readonly s1: Float64Array;
  /** Σ w (x − K)². */
  readonly s2: Float64Array;
  /** Sum of squared weights. */
  readonly sumW2: Float64Array;
  /** The shift K of each quantity. */
  readonly shift: Float64Array;
  /** The open block's sums, laid out [count · sumW2 · s1 · s2] × n. */
  readonly open: Float64Array;

  /**
   * `shift` (one value per quantity, default 0) should lie near each quantity's values: the
   * farther away, the more digits the variance loses.
   *
   * @example
   * const m = new MomentSet(1, Float64Array.of(2));
   * [1, 2, 3].forEach((x) => m.add(0, x));
   * m.sd(0); // 1
   */
  constructor(
    readonly n: number,
    shift?: Float64Array,
  ) {
    this.count = new Float64Array(n);
    this.s1 = new Float64Array(n);
    this.s2 = new Float64Array(n);
    this.sumW2 = new Float64Array(n);
    this.shift = shift === undefined ? new Float64Array(n) : Float64Array.from(shift);
    this.open = new Float64Array(4 * n);
  }

  /** Adds value `x` to quantity `h` in the open block, with weight `w` (default 1: bit for bit the unweighted update). */
  add(h: number, x: number, w = 1): void {
    if (!(w > 0)) return;
    const { n, open } = this;
    const d = x - this.shift[h];
    const wd = w * d;
    open[h] += w;
    open[n + h] += w * w;
    open[2 * n + h] += wd;
    open[3 * n + h] += wd * d;
  }

  /** Adds the open block to the totals and opens an empty one. */
  endBlock(): void {
    const { n, open } = this;
    for (let h = 0; h < n; h++) {
      this.count[h] += open[h];
      this.sumW2[h] += open[n + h];
      this.s1[h] += open[2 * n + h];
      this.s2[h] += open[3 * n + h];
    }
    open.fill(0);
  }

  /**
   * Adds a block of `c` unweighted values summed elsewhere: Σ(x − K) of quantity h at
   * `sums[at + h]` and Σ(x − K)² at `sums[at + n + h]`, each summed from zero in draw order. The
   * open block must be empty.
   *
   * @example
   * m.addBlock(8, digest.blocks, 0); // a worker's first block
   */
  addBlock(c: number, sums: Float64Array, at: number): void {
    const n = this.n;
    for (let h = 0; h < n; h++) {
      this.count[h] += c;
      this.sumW2[h] += c;
      this.s1[h] += sums[at + h];
      this.s2[h] += sums[at + n + h];
    }
  }

  /** Multiplies every weight by `c` (> 0), the open block's too: the mean and variance do not change. */
  rescale(c: number): void {
    const { n, open } = this;
    for (let h = 0; h < n; h++) {
      this.count[h] *= c;
      this.s1[h] *= c;
      this.s2[h] *= c;
      this.sumW2[h] *= c * c;
      open[h] *= c;
      open[n + h] *= c * c;
      open[2 * n + h] *= c;
      open[3 * n + h] *= c;
    }
  }

  /** The totals of quantity `h` with the open block: [W, Σw², S1, S2]. */
  private sums(h: number): [number, number, number, number] {
    const { n, open } = this;
    return [this.count[h] + open[h], this.sumW2[h] + open[n + h], this.s1[h] + open[2 * n + h], this.s2[h] + open[3 * n + h]];
  }

  /** The (weighted) mean of quantity `h`; NaN before any value. */
  mean(h: number): number {
    const [c, , s1] = this.sums(h);
    return this.shift[h] + s1 / c;
  }

  /** Sample standard deviation (n − 1 denominator, weighted: see the module); 0 with fewer than two values. */
  sd(h: number): number {
    return Math.sqrt(this.variance(h));
  }

  /** Sample variance (n − 1 denominator, weighted: see the module); 0 with fewer than two values. */
  variance(h: number): number {
    const [c, w2, s1, s2] = this.sums(h);
    const dof = c - w2 / c;
    if (!(c > 0 && dof > 0)) return 0;
    const m2 = s2 - (s1 * s1) / c;
    return m2 > 0 ? m2 / dof : 0;
  }
}
