/**
 * Running mean and standard deviation of `n` quantities (Welford's algorithm). Values are added
 * one draw at a time in draw-index order, which makes the floating-point result the same whatever
 * the number of workers or the batch size.
 *
 * @module
 */

/** Mean and variance accumulators for `n` quantities. */
export class MomentSet {
  readonly count: Float64Array;
  readonly mean: Float64Array;
  /** Sum of squared deviations from the running mean. */
  readonly m2: Float64Array;

  /**
   * @example
   * const m = new MomentSet(1);
   * [1, 2, 3].forEach((x) => m.add(0, x));
   * m.sd(0); // 1
   */
  constructor(readonly n: number) {
    this.count = new Float64Array(n);
    this.mean = new Float64Array(n);
    this.m2 = new Float64Array(n);
  }

  /** Adds value `x` to quantity `h`. */
  add(h: number, x: number): void {
    const c = ++this.count[h];
    const d = x - this.mean[h];
    this.mean[h] += d / c;
    this.m2[h] += d * (x - this.mean[h]);
  }

  /** Sample standard deviation (n − 1 denominator); 0 with fewer than two values. */
  sd(h: number): number {
    const c = this.count[h];
    return c > 1 ? Math.sqrt(this.m2[h] / (c - 1)) : 0;
  }

  /** Sample variance (n − 1 denominator); 0 with fewer than two values. */
  variance(h: number): number {
    const c = this.count[h];
    return c > 1 ? this.m2[h] / (c - 1) : 0;
  }
}
