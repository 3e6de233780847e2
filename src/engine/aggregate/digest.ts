/**
 * A batch's series digested where they were computed: in the worker, while each draw's series is
 * still in its cache, instead of in the main thread, which would read every value (Heze: 4.7 kB a
 * draw) from the other core's cache. The main thread then folds in the digest: a fraction of the
 * data, and no arithmetic per value beyond a count.
 *
 * A digest holds, for the `n` draws of a batch and the `S` series quantities:
 * - `bins[d · S + h]`: the histogram bin of quantity h in draw start + d (0 … BINS − 1, or
 *   {@link UNDER} / {@link OVER}), by the same formula as `HistogramSet.add`: counts are exact, so
 *   the main thread's histograms are the same in any order (it queues the indices, `histogram.ts`);
 * - `min[h]`, `max[h]`: the batch's extremes;
 * - `blocks[c · 2S + h]`, `blocks[c · 2S + S + h]`: Σ(x − K) and Σ(x − K)² of quantity h over the
 *   batch's chunk c, each summed from zero in draw order. Chunk c holds the batch's draws in moment
 *   block ⌊start/BLOCK⌋ + c (`moments.ts`); when it holds the whole block, these are the block's
 *   sums with the bits the main thread would get, and it adds them as they are
 *   ({@link foldDigest}; an incomplete chunk, at a batch edge not on a block boundary, is summed
 *   from the series instead);
 * - `nonFinite`: how many chunk sums are NaN or infinite, which any NaN or infinite value makes
 *   them (the main thread then reads the series, to report the first such value, or, when they are
 *   all finite, to add them itself).
 *
 * Only unweighted runs use digests: a calibrated run's weights are relative to the largest
 * log-weight so far, which only the main thread knows.
 *
 * @module
 */
import { BINS, OVER, UNDER, type HistogramSet } from './histogram.js';
import { BLOCK, endsBlock, type MomentSet } from './moments.js';


/**
 * What a worker needs to digest a batch: `ranges` holds, for the S quantities, each histogram's
 * lower end, then each bin width, then each moment shift K (3S values; in shared memory, so that
 * a task carries it without a copy).
 */
export interface DigestSpec {
  ranges: Float64Array;
}

/** A batch's digest (see the module). */
export interface BatchDigest {
  bins: Uint16Array;
  min: Float64Array;
  max: Float64Array;
  blocks: Float64Array;
  nonFinite: number;
}

/**
 * The digest spec of histograms `hist` and moments `moments` (the same S quantities), in shared
 * memory.
 *
 * @example
 * const spec = digestSpec(acc.series, acc.seriesMoments);
 */
export function digestSpec(hist: HistogramSet, moments: MomentSet): DigestSpec {
  const S = moments.n;
  const ranges = new Float64Array(new SharedArrayBuffer(3 * S * 8));
  ranges.set(hist.lo, 0);
  ranges.set(hist.width, S);
  ranges.set(moments.shift, 2 * S);
  return { ranges };
}

/** The chunks of draws `start … start + n − 1`: one per moment block they touch. */
export function chunkCount(start: number, n: number): number {
  return Math.ceil((start + n) / BLOCK) - Math.floor(start / BLOCK);
}

/**
 * Doubles a digest of `n` draws of `S` quantities takes in a result buffer.
 *
 * @example
 * digestLength(600, 200, 0); // 2·600 + 25·1200 + 30,000 (the bins, 4 to a double)
 */
export function digestLength(S: number, n: number, start: number): number {
  return 2 * S + 2 * S * chunkCount(start, n) + Math.ceil((n * S) / 4);
}

/**
 * Writes digests of batches, one draw at a time, into views of a result buffer. Its scratch is
 * allocated once, in this thread's own memory, interleaved per quantity: `acc[4h …]` the batch's
 * minimum and maximum so far and the open chunk's two sums, `rg[3h …]` the histogram's lower end,
 * its bin width and the shift. (Updating the extremes in the shared result ran the loop 1.5 times
 * slower: V8 reloads a shared buffer's elements at every access. Interleaving saved about 10 %
 * more over separate arrays.)
 */
export class DigestWriter {
  private readonly acc: Float64Array;
  private readonly rg: Float64Array;
  private out: BatchDigest = { bins: new Uint16Array(0), min: new Float64Array(0), max: new Float64Array(0), blocks: new Float64Array(0), nonFinite: 0 };
  private start = 0;
  private n = 0;
  private chunk0 = 0;

  /**
   * @example
   * const w = new DigestWriter(S);
   * const g = w.begin(spec, buf, 0, 100, 200);
   * for (let d = 0; d < 100; d++) w.draw(series, d); // after computing draw 200 + d
   * w.finish();
   */
  constructor(readonly S: number) {
    this.acc = new Float64Array(4 * S);
    this.rg = new Float64Array(3 * S);
  }

  /**
   * Starts the digest of draws `start … start + n − 1` in `buf` from double `at` on
   * ({@link digestLength} doubles, zero-filled) and returns it, complete after
   * {@link finish}.
   */
  begin(spec: DigestSpec, buf: Float64Array, at: number, n: number, start: number): BatchDigest {
    const { S, acc, rg } = this;
    const r = spec.ranges;
    if (r.length !== 3 * S) throw new Error(`a digest spec for ${r.length / 3} series values, but the scenario has ${S}`);
    for (let h = 0; h < S; h++) {
      rg[3 * h] = r[h];
      rg[3 * h + 1] = r[S + h];
      rg[3 * h + 2] = r[2 * S + h];
      acc[4 * h] = Infinity;
      acc[4 * h + 1] = -Infinity;
      acc[4 * h + 2] = 0;
      acc[4 * h + 3] = 0;
    }
    this.start = start;
    this.n = n;
    this.chunk0 = Math.floor(start / BLOCK);
    const C = chunkCount(start, n);
    const min = buf.subarray(at, at + S);
    const max = buf.subarray(at + S, at + 2 * S);
    const blocks = buf.subarray(at + 2 * S, at + 2 * S + 2 * S * C);
    const bins = new Uint16Array(buf.buffer, buf.byteOffset + (at + 2 * S + 2 * S * C) * 8, n * S);
    return (this.out = { bins, min, max, blocks, nonFinite: 0 });
  }

  /** Adds draw start + `d`, whose S series values are `x[0 … S − 1]`. */
  draw(x: Float64Array, d: number): void {
    const { S, acc, rg } = this;
    const bins = this.out.bins;
    for (let h = 0, j = d * S, a = 0, r = 0; h < S; h++, j++, a += 4, r += 3) {
      const v = x[h];
      const lo = acc[a];
      const hi = acc[a + 1];
      acc[a] = v < lo ? v : lo;
      acc[a + 1] = v > hi ? v : hi;
      // ⌊q⌋ for 0 ≤ q < BINS, as Math.floor in HistogramSet.add
      const q = (v - rg[r]) / rg[r + 1];
      bins[j] = q < 0 ? UNDER : q >= BINS ? OVER : q | 0;
      const e = v - rg[r + 2];
      acc[a + 2] += e;
      acc[a + 3] += e * e;
    }
    const i = this.start + d;
    if ((i + 1) % BLOCK === 0 || d === this.n - 1) this.endChunk(i);
  }

  /**
   * Stores the sums of the chunk ending with draw `i`. (Out of {@link draw}: V8 optimises `draw`
   * before a batch ends, and code first reached after that sent it back to the interpreter at the
   * end of every batch.)
   */
  private endChunk(i: number): void {
    const { S, acc } = this;
    const at = (Math.floor(i / BLOCK) - this.chunk0) * 2 * S;
    const blocks = this.out.blocks;
    let bad = 0;
    for (let h = 0; h < S; h++) {
      const s1 = (blocks[at + h] = acc[4 * h + 2]);
      const s2 = (blocks[at + S + h] = acc[4 * h + 3]);
      // a NaN or infinite value leaves its sums non-finite (so may a huge finite one: then the
      // main thread reads the series, finds them finite and adds them itself)
      if (s1 - s1 !== 0 || s2 - s2 !== 0) bad++;
      acc[4 * h + 2] = 0;
      acc[4 * h + 3] = 0;
    }
    this.out.nonFinite += bad;
  }

  /** Ends the batch's digest, after its last {@link draw}. */
  finish(): void {
    const { S, acc, out } = this;
    for (let h = 0; h < S; h++) {
      out.min[h] = acc[4 * h];
      out.max[h] = acc[4 * h + 1];
    }
  }
}

/**
 * Folds a digest of draws `start … start + n − 1` of a run of `draws` into histograms `hist` and
 * moments `moments` (`series[d · S + h]`: the batch's series, read only for the draws of
 * incomplete chunks): the same bits as adding every value with `add`, draw by draw.
 *
 * @example
 * foldDigest(acc.series, acc.seriesMoments, b.digest, b.series, b.start, b.count, N);
 */
export function foldDigest(hist: HistogramSet, moments: MomentSet, g: BatchDigest, series: Float64Array, start: number, n: number, draws: number): void {
  const S = moments.n;
  for (let h = 0; h < S; h++) {
    if (g.min[h] < hist.min[h]) hist.min[h] = g.min[h];
    if (g.max[h] > hist.max[h]) hist.max[h] = g.max[h];
    hist.addCodes(h, g.bins, h, S, n);
  }
  const end = start + n;
  const chunk0 = Math.floor(start / BLOCK);
  for (let c = 0, C = chunkCount(start, n); c < C; c++) {
    const lo = Math.max(start, (chunk0 + c) * BLOCK);
    const hi = Math.min(end, (chunk0 + c + 1) * BLOCK);
    if (lo % BLOCK === 0 && (hi % BLOCK === 0 || hi === draws)) {
      moments.addBlock(hi - lo, g.blocks, c * 2 * S);
      continue;
    }
    for (let i = lo; i < hi; i++) {
      for (let h = 0, at = (i - start) * S; h < S; h++) moments.add(h, series[at + h]);
      if (endsBlock(i, draws)) moments.endBlock();
    }
  }
}
