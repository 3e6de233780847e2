/**
 * Running mean and standard deviation of `n` quantities, from sums of deviations from a fixed
 * shift K per quantity ("shifted data": Chan, Golub & LeVeque 1983, "Algorithms for computing the
 * sample variance"): S1 = Σ w (x − K), S2 = Σ w (x − K)². With K near the data (the engine uses
 * the median path's value) this is as accurate as Welford's update and needs no division per
 * value. Values are added in draw-index order, which makes the floating-point result the same
 * whatever the number of workers or the batch size.
 *
 * Values may carry weights w ≥ 0 (importance weights). The mean is K + S1/W and the variance
 * (S2 − S1²/W) / (W − Σw²/W) (reliability weights: unbiased, and with unit weights exactly the
 * usual n − 1 denominator, since n − n/n = n − 1 in floating point too).
 *
 * @module
 */

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
  }

  /** Adds value `x` to quantity `h`, with weight `w` (default 1: bit for bit the unweighted update). */
  add(h: number, x: number, w = 1): void {
    if (!(w > 0)) return;
    const d = x - this.shift[h];
    const wd = w * d;
    this.count[h] += w;
    this.sumW2[h] += w * w;
    this.s1[h] += wd;
    this.s2[h] += wd * d;
  }

  /** Multiplies every weight by `c` (> 0): the mean and variance do not change. */
  rescale(c: number): void {
    for (let h = 0; h < this.n; h++) {
      this.count[h] *= c;
      this.s1[h] *= c;
      this.s2[h] *= c;
      this.sumW2[h] *= c * c;
    }
  }

  /** The (weighted) mean of quantity `h`; NaN before any value. */
  mean(h: number): number {
    return this.shift[h] + this.s1[h] / this.count[h];
  }

  /** Sample standard deviation (n − 1 denominator, weighted: see the module); 0 with fewer than two values. */
  sd(h: number): number {
    return Math.sqrt(this.variance(h));
  }

  /** Sample variance (n − 1 denominator, weighted: see the module); 0 with fewer than two values. */
  variance(h: number): number {
    const c = this.count[h];
    const dof = c - this.sumW2[h] / c;
    if (!(c > 0 && dof > 0)) return 0;
    const m2 = this.s2[h] - (this.s1[h] * this.s1[h]) / c;
    return m2 > 0 ? m2 / dof : 0;
  }
}
