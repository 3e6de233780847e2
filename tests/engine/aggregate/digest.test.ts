/** A worker's digest of a batch's series (src/engine/aggregate/digest.ts) against adding the series in the main thread. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addColumn } from '../../../src/engine/aggregate/columns.js';
import { DigestWriter, chunkCount, digestLength, digestSpec, foldDigest } from '../../../src/engine/aggregate/digest.js';
import { HistogramSet, OVER, UNDER } from '../../../src/engine/aggregate/histogram.js';
import { BLOCK, MomentSet } from '../../../src/engine/aggregate/moments.js';

const S = 3;
const RANGES: [number, number][] = [
  [-1, 1],
  [0, 10],
  [100, 101],
];
const SHIFT = Float64Array.of(0.1, 4, 100.5);

/** Fresh histogram and moment sets for the S quantities. */
function sets(): { hist: HistogramSet; moments: MomentSet } {
  return { hist: new HistogramSet(RANGES), moments: new MomentSet(S, SHIFT) };
}

/** Digests draws start … start + n − 1 of `series` (rows of S) as a worker does. */
function digest(series: Float64Array, start: number, n: number) {
  const spec = digestSpec(new HistogramSet(RANGES), new MomentSet(S, SHIFT));
  const buf = new Float64Array(digestLength(S, n, start));
  const w = new DigestWriter(S);
  const g = w.begin(spec, buf, 0, n, start);
  for (let d = 0; d < n; d++) w.draw(series.subarray((start + d) * S, (start + d + 1) * S), d);
  w.finish();
  return g;
}

/** Cuts 0 … N − 1 into batches of the given sizes (cycled). */
function batches(N: number, sizes: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (let s = 0, i = 0; s < N; i++) {
    const n = Math.min(sizes[i % sizes.length], N - s);
    out.push([s, n]);
    s += n;
  }
  return out;
}

/** Every field of the two sets' state, for exact comparison. */
function state(hist: HistogramSet, moments: MomentSet) {
  const a = (x: ArrayLike<number>) => Array.from(x);
  return {
    counts: a(hist.counts),
    under: a(hist.under),
    over: a(hist.over),
    min: a(hist.min),
    max: a(hist.max),
    total: a(hist.total),
    count: a(moments.count),
    sumW2: a(moments.sumW2),
    s1: a(moments.s1),
    s2: a(moments.s2),
    open: a(moments.open),
  };
}

const value = fc.oneof(fc.double({ min: -2, max: 12, noNaN: true }), fc.double({ min: 99, max: 102, noNaN: true }), fc.constantFrom(-1, 1, 0, 10, 100, 101, -0));

describe('digests', () => {
  it('fold to the bits of adding the series in the main thread, for any batches and any number of draws', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 70 }).chain((N) => fc.tuple(fc.constant(N), fc.array(value, { minLength: N * S, maxLength: N * S }))),
        fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 5 }),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
        ([N, xs], sizes, digested) => {
          // Arrange: the series of N draws, cut into batches, some digested
          const series = Float64Array.from(xs);
          const raw = sets();
          const mixed = sets();
          // Act: one way adds every batch's series; the other folds the digested batches
          batches(N, sizes).forEach(([start, n], i) => {
            const own = series.subarray(start * S, (start + n) * S);
            for (let h = 0; h < S; h++) addColumn(raw.hist, raw.moments, h, own, h, S, n, start, N);
            if (digested[i % digested.length]) foldDigest(mixed.hist, mixed.moments, digest(series, start, n), own, start, n, N);
            else for (let h = 0; h < S; h++) addColumn(mixed.hist, mixed.moments, h, own, h, S, n, start, N);
          });
          // Assert
          expect(state(mixed.hist, mixed.moments)).toEqual(state(raw.hist, raw.moments));
          // the run's last block is closed: nothing is left open
          expect(raw.moments.open.every((v) => v === 0)).toBe(true);
        },
      ),
    );
  });

  it('codes each value by its bin, below and above the range apart', () => {
    // Arrange: quantity 0 has range [−1, 1)
    const series = Float64Array.of(-1, 5, 100, 0.9995, 5, 100, 1, 5, 100, -1.5, 5, 100);
    // Act
    const g = digest(series, 0, 4);
    // Assert
    expect([0, 1, 2, 3].map((d) => g.bins[d * S])).toEqual([0, 2047, OVER, UNDER]);
    expect([g.min[0], g.max[0]]).toEqual([-1.5, 1]);
  });

  it('sums each block of draws from zero, a batch edge inside a block making its own chunk', () => {
    // Arrange: draws 5 … 14 touch blocks 0 (5–7) and 1 (8–14)
    const series = Float64Array.from({ length: 15 * S }, (_, i) => i % S);
    // Act
    const g = digest(series, 5, 10);
    // Assert
    expect(chunkCount(5, 10)).toBe(2);
    // quantity 1: every value 1, shift 4
    expect([g.blocks[1], g.blocks[S + 1]]).toEqual([3 * -3, 3 * 9]);
    expect([g.blocks[2 * S + 1], g.blocks[3 * S + 1]]).toEqual([7 * -3, 7 * 9]);
    expect(BLOCK).toBe(8);
  });

  it('counts non-finite values, which the main thread then reads itself', () => {
    // Arrange
    const series = Float64Array.of(0, 1, 100, NaN, 1, 100, 0, Infinity, 100);
    // Act
    const g = digest(series, 0, 3);
    // Assert
    expect(g.nonFinite).toBeGreaterThan(0);
    expect(digest(Float64Array.of(0, 1, 100), 0, 1).nonFinite).toBe(0);
  });
});
