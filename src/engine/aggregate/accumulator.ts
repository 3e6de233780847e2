/**
 * Everything a run keeps about its draws, in memory that does not grow with their number:
 * histograms and moments of every metric in every year and of every target's quantity, the
 * targets' tallies and the sensitivity bins. Batches are added strictly in draw-index order
 * (see `runInOrder`), one draw at a time, so floating-point sums are reproducible bit for bit.
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
  private readonly S: number;
  private readonly T: number;
  private readonly J: number;

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
    this.series = new HistogramSet(pilotRanges(this.S, pilot.map((b) => b.series!), median.series));
    this.seriesMoments = new MomentSet(this.S);
    this.targetHist = new HistogramSet(pilotRanges(this.T, pilot.map((b) => b.values), median.values));
    this.targetMoments = new MomentSet(this.T);
    this.tally = new TargetTally(cs.targets, cs.years.length);
    this.sensitivity = opts.sensitivity ? new SensitivityAccumulator(this.J, sensitivityBins(cs.main.sampling.draws), median.values) : null;
  }

  /** Adds a batch of the main run (must be the next one in draw order). */
  add(b: BatchResult): void {
    if (b.error !== null) throw new DrawFailure(b.error, this.cs.main.sampling.seed);
    const { S, T, J } = this;
    const series = b.series!;
    const uniforms = b.uniforms!;
    for (let d = 0; d < b.count; d++) {
      for (let h = 0; h < S; h++) {
        const x = series[d * S + h];
        if (!Number.isFinite(x)) this.nonFinite(b.start + d, h);
        this.series.add(h, x);
        this.seriesMoments.add(h, x);
      }
      for (let k = 0; k < T; k++) {
        const x = b.values[d * T + k];
        if (!Number.isFinite(x)) throw new Error(`target ${this.cs.targets[k].id} has a non-finite value in draw ${b.start + d}`);
        this.targetHist.add(k, x);
        this.targetMoments.add(k, x);
      }
      this.tally.add(b.values, d * T, series, d * S);
      this.sensitivity?.add(uniforms, d * J, b.values, d * T);
    }
  }

  private nonFinite(draw: number, h: number): never {
    const T1 = this.cs.years.length;
    const metric = this.cs.metrics[Math.floor(h / T1)];
    throw new Error(`model ${this.cs.main.modelName} produced a non-finite ${metric.name} for ${this.cs.years[h % T1]} in draw ${draw}`);
  }
}
