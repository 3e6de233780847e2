/**
 * "What matters most": first-order sensitivity indices S_j = Var(E[Y | X_j]) / Var(Y) of each
 * target's quantity Y to each uncertain input X_j, estimated from the run's own draws.
 *
 * **Estimator.** Input j's uniform u_j (after the copula, so X_j = F_j⁻¹(u_j) is monotone in it)
 * is split into B equal-probability bins b = ⌊B·u_j⌋; per bin we accumulate the count n_b and the
 * sum of Y (flat memory, mergeable). With N draws, bin means ȳ_b and grand mean ȳ:
 *
 *   SSB = Σ_b n_b (ȳ_b − ȳ)²,  SST = Σ_i (y_i − ȳ)²,  SSW = SST − SSB.
 *
 * SSB/SST estimates S_j but is biased upwards: each ȳ_b carries sampling noise of variance
 * σ_w²/n_b, where σ_w² is the variance of Y within a bin. As in a one-way analysis of variance,
 * E[SSB] = Σ_b n_b (μ_b − μ)² + (B − 1)·σ_w² and E[SSW] = (N − B)·σ_w², so with
 * MSW = SSW / (N − B) an unbiased estimate of the between-bin sum of squares is SSB − (B − 1)·MSW and
 *
 *   S_j = (SSB − (B − 1)·MSW) / SST,  clipped to [0, 1].
 *
 * (Uncorrected, the bias is about (B − 1)/N·(1 − S_j): 0.2 points with B = 20, N = 10 000, enough
 * to give every irrelevant input a spurious index.) Binning itself loses the variation of E[Y|X_j]
 * inside a bin: for an effect linear in a uniform input the index is (1 − 1/B²) of the true one
 * (−0.25 % at B = 20); for a normal input the wide tail bins lose a little more (≈ 1–2 %).
 * B = clamp(⌊√N⌋, 2, 20). Direction = sign of the sample covariance of u_j and Y.
 * Sums are centred on a fixed value (the deterministic run's) for accuracy and accumulated in
 * draw-index order, hence reproducible bit for bit.
 *
 * **Weights.** In a calibrated run each draw carries its importance weight w_i: counts become
 * C_b = Σ_{i∈b} w_i, sums weighted sums, N the total weight W. The noise terms of the correction
 * generalise as Var(ȳ_b) = σ_w²·Q_b/C_b² with Q_b = Σ_{i∈b} w_i²: E[SSB] = between + σ_w²·(Σ_b Q_b/C_b − Q/W)
 * and E[SSW] = σ_w²·(W − Σ_b Q_b/C_b), Q = Σ w_i². With unit weights Q_b/C_b = 1 and Q/W = 1, so
 * these are B − 1 and N − B exactly and the indices are bit for bit the unweighted ones.
 *
 * @module
 */

/** An input's estimated first-order index for one target. */
export interface Driver {
  /** Index of the uncertain input. */
  input: number;
  /** First-order sensitivity index, 0–1. */
  index: number;
  /** +1: Y tends to rise with the input; −1: to fall; 0: no variance. */
  direction: 1 | -1 | 0;
}

/**
 * Bins for N draws.
 *
 * @example
 * sensitivityBins(10_000); // 20
 */
export function sensitivityBins(draws: number): number {
  return Math.min(20, Math.max(2, Math.floor(Math.sqrt(draws))));
}

/** Per-bin accumulators for `ny` quantities × `ni` inputs. */
export class SensitivityAccumulator {
  /** Draws per (input, bin): the same for every quantity. */
  private readonly count: Float64Array;
  /** Σ w² per (input, bin). */
  private readonly count2: Float64Array;
  /** Σ (y − centre) per (quantity, input, bin). */
  private readonly sum: Float64Array;
  /** Σ u per input; Σ u·(y − centre) per (quantity, input). */
  private readonly sumU: Float64Array;
  private readonly sumUY: Float64Array;
  /** Σ (y − centre) and Σ (y − centre)² per quantity. */
  private readonly sumY: Float64Array;
  private readonly sumY2: Float64Array;
  /** Total weight W (the number of draws unweighted) and Σ w². */
  private n = 0;
  private n2 = 0;
  /** Scratch: a draw's w·(y − centre) per quantity. */
  private readonly wy: Float64Array;

  /**
   * @param centre one value per quantity subtracted before summing (e.g. the deterministic run's)
   * @example
   * const acc = new SensitivityAccumulator(2, 20, Float64Array.of(0));
   * acc.add(Float64Array.of(0.3, 0.9), 0, Float64Array.of(1.7), 0);
   */
  constructor(
    readonly ni: number,
    readonly bins: number,
    readonly centre: Float64Array,
  ) {
    const ny = centre.length;
    this.count = new Float64Array(ni * bins);
    this.count2 = new Float64Array(ni * bins);
    this.sum = new Float64Array(ny * ni * bins);
    this.sumU = new Float64Array(ni);
    this.sumUY = new Float64Array(ny * ni);
    this.sumY = new Float64Array(ny);
    this.sumY2 = new Float64Array(ny);
    this.wy = new Float64Array(ny);
  }

  /** Adds one draw: uniforms `u[uAt … uAt + ni)`, quantities `y[yAt … yAt + ny)`, weight `w` (default 1). */
  add(u: Float64Array, uAt: number, y: Float64Array, yAt: number, w = 1): void {
    const { ni, bins, centre } = this;
    const ny = centre.length;
    const w2 = w * w;
    this.n += w;
    this.n2 += w2;
    const wys = this.wy;
    for (let k = 0; k < ny; k++) {
      const wy = (wys[k] = w * (y[yAt + k] - centre[k]));
      this.sumY[k] += wy;
      this.sumY2[k] += wy * (y[yAt + k] - centre[k]);
    }
    const { count, count2, sumU, sum, sumUY } = this;
    for (let j = 0; j < ni; j++) {
      const uj = u[uAt + j];
      const b = Math.min(bins - 1, Math.floor(uj * bins));
      count[j * bins + b] += w;
      count2[j * bins + b] += w2;
      sumU[j] += w * uj;
      for (let k = 0, at = j * bins + b, uy = j; k < ny; k++, at += ni * bins, uy += ni) {
        const wy = wys[k];
        sum[at] += wy;
        sumUY[uy] += uj * wy;
      }
    }
  }

  /** Multiplies every weight by `c`: the indices do not change. */
  rescale(c: number): void {
    for (const a of [this.count, this.sum, this.sumU, this.sumUY, this.sumY, this.sumY2]) for (let i = 0; i < a.length; i++) a[i] *= c;
    for (let i = 0; i < this.count2.length; i++) this.count2[i] *= c * c;
    this.n *= c;
    this.n2 *= c * c;
  }

  /**
   * The drivers of quantity `k`, largest index first (ties: input order).
   *
   * @example
   * acc.drivers(0)[0]; // { input: 1, index: 0.8, direction: 1 }
   */
  drivers(k: number): Driver[] {
    const { ni, bins, n, n2 } = this;
    const sy = this.sumY[k];
    const sst = this.sumY2[k] - (sy * sy) / n;
    const out: Driver[] = [];
    for (let j = 0; j < ni; j++) {
      // n·n > n2: more than one draw's worth of weight (unweighted: n > 1)
      if (!(n * n > n2 && sst > 0)) {
        out.push({ input: j, index: 0, direction: 0 });
        continue;
      }
      let ssb = -(sy * sy) / n;
      let used = 0; // Σ_b Q_b/C_b: the bins used, unweighted
      for (let b = 0; b < bins; b++) {
        const c = this.count[j * bins + b];
        if (c === 0) continue;
        used += this.count2[j * bins + b] / c;
        const s = this.sum[(k * ni + j) * bins + b];
        ssb += (s * s) / c;
      }
      const dofB = used - n2 / n;
      const dofW = n - used;
      const msw = dofW > 0 ? Math.max(0, sst - ssb) / dofW : 0;
      const index = Math.min(1, Math.max(0, (ssb - dofB * msw) / sst));
      const cov = this.sumUY[k * ni + j] - (this.sumU[j] * sy) / n;
      out.push({ input: j, index, direction: cov > 0 ? 1 : cov < 0 ? -1 : 0 });
    }
    return out.sort((a, b) => b.index - a.index || a.input - b.input);
  }
}
