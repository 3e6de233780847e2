/**
 * Everything a run keeps about its draws, in memory that does not grow with their number:
 * histograms and moments of every metric in every year and of every target's quantity, the
 * targets' tallies and the sensitivity bins. Batches are added strictly in draw-index order
 * (see `runInOrder`), so floating-point sums are reproducible bit for bit: the moments are summed
 * in fixed blocks of draws (`moments.ts`), everything else one draw at a time. A batch may come
 * with its series digested by the worker (`digest.ts`: the histograms' bins and the moment
 * blocks' sums), with the same bits as adding its series here.
 *
 * **Calibrated runs.** Each draw then comes with its log-weight (`BatchResult.logWeights`). The
 * normalising maximum is known only at the end, so every aggregate holds weights relative to the
 * largest log-weight seen so far, M: draw i adds w_i = exp(lw_i − M) ≤ 1, and when a draw
 * exceeds M every aggregate is multiplied by exp(M_old − lw_i) first (weighted sums, histograms,
 * moments, tallies and sensitivity bins are all linear in the weights; this happens about ln N
 * times in a run). Nothing overflows, and everything is still added in draw order, hence
 * reproducible bit for bit. Histogram ranges still come from the unweighted pilot: the weighted
 * draws lie among the prior's, so the range holds them (at the prior pilot's resolution).
 * Without `calibration:` every weight is 1 and nothing is rescaled: the results are bit for bit
 * those of an unweighted run.
 *
 * @module
 */
import type { CompiledScenario } from '../compile.js';
import { DrawFailure } from '../draw-failure.js';
import type { BatchResult } from '../kernel.js';
import { SensitivityAccumulator, sensitivityBins } from '../sensitivity.js';
import { TargetTally } from '../targets.js';
import { HistogramSet, pilotRange } from './histogram.js';
import { MomentSet } from './moments.js';
import { addColumn } from './columns.js';
import { digestSpec, foldDigest, type DigestSpec } from './digest.js';
import { endsBlock } from './moments.js';
import { effectiveSampleSize } from '../calibration.js';

/**
 * Histogram ranges of `n` quantities from the extremes of the pilot (`blocks`: draws × n values
 * each) and of the deterministic run (`extra`: n values).
 */
function pilotRanges(n: number, blocks: Float64Array[], extra: Float64Array): [number, number][] {
  const lo = Float64Array.from(extra);
  const hi = Float64Array.from(extra);
  for (const block of blocks) {
    for (let i = 0; i < block.length; i++) {
      const h = i % n;
      if (block[i] < lo[h]) lo[h] = block[i];
      if (block[i] > hi[h]) hi[h] = block[i];
    }
  }
  return Array.from(lo, (l, h) => pilotRange(l, hi[h]));
}

/** The deterministic run: every input at its median. */
export interface MedianRun {
  series: Float64Array;
  values: Float64Array;
}

/** The run's aggregates. */
export class RunAccumulator {
  readonly series: HistogramSet;
  readonly seriesMoments: MomentSet;
  readonly targetHist: HistogramSet;
  readonly targetMoments: MomentSet;
  readonly tally: TargetTally;
  readonly sensitivity: SensitivityAccumulator | null;
  /** Whether draws carry importance weights (the scenario has `calibration:`). */
  readonly weighted: boolean;
  /** Largest log-weight so far: every weight held is relative to it. */
  maxLogWeight = -Infinity;
  /** Σw and Σw² of the draws added (relative to {@link maxLogWeight}); unweighted: the count, twice. */
  sumW = 0;
  sumW2 = 0;
  private readonly S: number;
  private readonly T: number;
  private readonly J: number;
  /** The run's number of draws (its last moment block ends with its last draw). */
  private readonly N: number;

  /**
   * Fixes the histogram ranges from the pilot batches (draws 0 … P − 1, in order) and the
   * deterministic run. The pilot batches still have to be added.
   *
   * @example
   * const acc = new RunAccumulator(compiled, pilot, median, { sensitivity: true });
   * pilot.forEach((b) => acc.add(b));
   */
  constructor(
    readonly cs: CompiledScenario,
    pilot: BatchResult[],
    median: MedianRun,
    opts: { sensitivity: boolean },
  ) {
    this.S = median.series.length;
    this.T = cs.targets.length;
    this.J = cs.main.inputs.length;
    this.N = cs.main.sampling.draws;
    this.weighted = cs.calibration !== null;
    this.series = new HistogramSet(pilotRanges(this.S, pilot.map((b) => b.series!), median.series), this.weighted);
    this.seriesMoments = new MomentSet(this.S, median.series);
    this.targetHist = new HistogramSet(pilotRanges(this.T, pilot.map((b) => b.values), median.values), this.weighted);
    this.targetMoments = new MomentSet(this.T, median.values);
    this.tally = new TargetTally(cs.targets, cs.years.length, this.weighted);
    this.sensitivity = opts.sensitivity ? new SensitivityAccumulator(this.J, sensitivityBins(cs.main.sampling.draws), median.values) : null;
  }

  /**
   * What a worker needs to digest the series of later batches (`digest.ts`), or null in a
   * calibrated run (its weights are only known here).
   *
   * @example
   * const digest = acc.digestSpec(); // then tasks { …, digest }
   */
  digestSpec(): DigestSpec | null {
    return this.weighted ? null : digestSpec(this.series, this.seriesMoments);
  }

  /**
   * Adds a batch of the main run (must be the next one in draw order).
   *
   * Unweighted, the series come digested by the worker (`digest.ts`) or each series quantity is
   * added over the whole batch in turn (its histogram's bins stay in cache: draw by draw, every
   * value would land in a different 16 kB histogram). Each quantity's aggregates depend only on
   * its own values, still added in draw order and in the same blocks, so the bits are those of
   * adding draw by draw. Weighted draws go draw by draw: a new largest weight rescales every
   * aggregate at once.
   */
  add(b: BatchResult): void {
    if (b.error !== null) throw new DrawFailure(b.error, this.cs.main.sampling.seed);
    const { S, T, J, N } = this;
    const series = b.series!;
    const uniforms = b.uniforms!;
    const values = b.values;
    for (let d = 0; d < b.count; d++) this.checkFinite(b, d);
    if (!this.weighted) {
      const g = b.digest;
      if (g !== undefined && g !== null && g.nonFinite === 0) foldDigest(this.series, this.seriesMoments, g, series, b.start, b.count, N);
      else for (let h = 0; h < S; h++) addColumn(this.series, this.seriesMoments, h, series, h, S, b.count, b.start, N);
    }
    const logW = this.weighted ? b.logWeights! : null;
    for (let d = 0; d < b.count; d++) {
      const w = logW === null ? 1 : this.weightOf(logW[d]);
      this.sumW += w;
      this.sumW2 += w * w;
      if (logW !== null) {
        for (let h = 0; h < S; h++) {
          this.series.add(h, series[d * S + h], w);
          this.seriesMoments.add(h, series[d * S + h], w);
        }
      }
      for (let k = 0; k < T; k++) {
        this.targetHist.add(k, values[d * T + k], w);
        this.targetMoments.add(k, values[d * T + k], w);
      }
      if (endsBlock(b.start + d, N)) {
        if (logW !== null) this.seriesMoments.endBlock();
        this.targetMoments.endBlock();
      }
      this.tally.add(values, d * T, series, d * S, w);
      this.sensitivity?.add(uniforms, d * J, values, d * T, w);
    }
  }

  /**
   * Throws, naming the target, if draw d of the batch has a non-finite target value. (Non-finite
   * series are the caller's to report, with the draw's inputs, before adding: see `checkFinite`
   * in run.ts.)
   */
  private checkFinite(b: BatchResult, d: number): void {
    const { T } = this;
    for (let k = 0; k < T; k++) {
      if (!Number.isFinite(b.values[d * T + k])) throw new Error(`target ${this.cs.targets[k].id} has a non-finite value in draw ${b.start + d}`);
    }
  }

  /**
   * The effective sample size (Σw)²/Σw² of the draws added (their number, unweighted).
   *
   * @example
   * acc.ess(); // e.g. 1873.2 of 10,000 draws
   */
  ess(): number {
    return this.weighted ? effectiveSampleSize(this.sumW, this.sumW2) : this.sumW;
  }

  /** A draw's weight relative to the largest log-weight so far, rescaling everything held when it is a new largest. */
  private weightOf(lw: number): number {
    if (!(lw <= this.maxLogWeight)) {
      if (!Number.isFinite(lw)) throw new Error(`a draw's log-weight is ${lw}`);
      const c = Math.exp(this.maxLogWeight - lw);
      if (this.sumW > 0) {
        this.sumW *= c;
        this.sumW2 *= c * c;
        this.series.rescale(c);
        this.seriesMoments.rescale(c);
        this.targetHist.rescale(c);
        this.targetMoments.rescale(c);
        this.tally.rescale(c);
        this.sensitivity?.rescale(c);
      }
      this.maxLogWeight = lw;
    }
    return Math.exp(lw - this.maxLogWeight);
  }
}
