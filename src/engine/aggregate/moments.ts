/**
 * Running mean and standard deviation of `n` quantities (Welford's algorithm). Values are added
 * one draw at a time in draw-index order, which makes the floating-point result the same whatever
 * the number of workers or the batch size.
 *
 * Values may carry weights w ≥ 0 (importance weights; West's weighted update). The variance is
 * then m2 / (W − Σw²/W) (reliability weights: unbiased, and with unit weights exactly the usual
 * n − 1 denominator, since n − n/n = n − 1 in floating point too).
 *
 * @module
 */

/** Mean and variance accumulators for `n` quantities. */
export class MomentSet {
  readonly count: Float64Array;
  readonly mean: Float64Array;
  /** Sum of squared deviations from the running mean. */
  readonly m2: Float64Array;
  /** Sum of squared weights. */
  readonly sumW2: Float64Array;

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
    this.sumW2 = new Float64Array(n);
  }

  /** Adds value `x` to quantity `h`, with weight `w` (default 1: bit for bit the unweighted update). */
  add(h: number, x: number, w = 1): void {
    if (!(w > 0)) return;
    const c = (this.count[h] += w);
    this.sumW2[h] += w * w;
    const d = x - this.mean[h];
    this.mean[h] += (d * w) / c;
    this.m2[h] += w * d * (x - this.mean[h]);
  }

  /**
   * Adds, with weight 1, the `n` values `xs[at]`, `xs[at + stride]`, … to quantity `h`, in that
   * order: the same bits as `n` calls of {@link add}.
   *
   * @example
   * m.addColumn(0, Float64Array.from([1, 9, 2, 9, 3, 9]), 0, 2, 3); // adds 1, 2, 3
   */
  addColumn(h: number, xs: Float64Array, at: number, stride: number, n: number): void {
    let c = this.count[h];
    let mean = this.mean[h];
    let m2 = this.m2[h];
    let s2 = this.sumW2[h];
    for (let i = 0, j = at; i < n; i++, j += stride) {
      const x = xs[j];
      c += 1;
      s2 += 1;
      const d = x - mean;
      mean += d / c;
      m2 += d * (x - mean);
    }
    this.count[h] = c;
    this.mean[h] = mean;
    this.m2[h] = m2;
    this.sumW2[h] = s2;
  }

  /** Multiplies every weight by `c` (> 0): the mean and variance do not change. */
  rescale(c: number): void {
    for (let h = 0; h < this.n; h++) {
      this.count[h] *= c;
      this.m2[h] *= c;
      this.sumW2[h] *= c * c;
    }
  }

  /** Sample standard deviation (n − 1 denominator, weighted: see the module); 0 with fewer than two values. */
  sd(h: number): number {
    return Math.sqrt(this.variance(h));
  }

  /** Sample variance (n − 1 denominator, weighted: see the module); 0 with fewer than two values. */
  variance(h: number): number {
    const c = this.count[h];
    const dof = c - this.sumW2[h] / c;
    return c > 0 && dof > 0 ? this.m2[h] / dof : 0;
  }
}
