import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BINS, HistogramSet, OVER, QUEUE, UNDER, pilotRange } from '../../../src/engine/aggregate/histogram.js';

/** The exact sample quantile the histogram approximates: x₍⌈p·n⌉₎. */
function exactQuantile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil(p * sorted.length))) - 1];
}

const PS = [0.025, 0.1, 0.25, 0.5, 0.75, 0.9, 0.975];

describe('pilotRange', () => {
  it('widens the pilot span by half on each side', () => {
    expect(pilotRange(10, 20)).toEqual([5, 25]);
  });

  it('gives a constant pilot a small positive width', () => {
    const [lo, hi] = pilotRange(3, 3);
    expect(lo).toBeLessThan(3);
    expect(hi).toBeGreaterThan(3);
  });
});

describe('HistogramSet', () => {
  it('gives quantiles within one bin width of the exact sample quantiles (range from a pilot of the first values)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 400 }),
        fc.integer({ min: 1, max: 64 }),
        (xs, pilotSize) => {
          const pilot = xs.slice(0, pilotSize);
          const h = new HistogramSet([pilotRange(Math.min(...pilot), Math.max(...pilot))]);
          xs.forEach((x) => h.add(0, x));
          const sorted = [...xs].sort((a, b) => a - b);
          const got = h.quantiles(0, PS);
          return PS.every((p, i) => {
            const exact = exactQuantile(sorted, p);
            // inside the range: one bin; outside: between the exact extreme and the range's edge
            const edgeGap = exact < h.lo[0] ? h.lo[0] - sorted[0] : exact >= h.lo[0] + BINS * h.width[0] ? sorted.at(-1)! - (h.lo[0] + BINS * h.width[0]) : 0;
            return Math.abs(got[i] - exact) <= h.width[0] * (1 + 1e-9) + edgeGap;
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('is exact for a constant sample', () => {
    const h = new HistogramSet([pilotRange(0.57, 0.57)]);
    for (let i = 0; i < 10; i++) h.add(0, 0.57);
    expect(h.quantiles(0, PS)).toEqual(PS.map(() => 0.57));
  });

  it('counts values outside the range exactly and keeps the exact min and max', () => {
    const h = new HistogramSet([[0, 1]]);
    [-5, 0.5, 2, 3].forEach((x) => h.add(0, x));
    expect([h.under[0], h.over[0], h.min[0], h.max[0], h.total[0]]).toEqual([1, 2, -5, 3, 4]);
    expect(h.quantiles(0, [0, 1])).toEqual([-5, 3]);
  });

  it('merges exactly in any order', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { maxLength: 30 }), { minLength: 1, maxLength: 5 }), (parts) => {
        const make = (chunks: number[][]) => {
          const all = new HistogramSet([[-5, 5]]);
          for (const c of chunks) {
            const part = new HistogramSet([[-5, 5]]);
            c.forEach((x) => part.add(0, x));
            all.merge(part);
          }
          return all;
        };
        const a = make(parts);
        const b = make([...parts].reverse());
        return a.counts.every((c, i) => c === b.counts[i]) && a.under[0] === b.under[0] && a.over[0] === b.over[0] && a.min[0] === b.min[0] && a.max[0] === b.max[0];
      }),
    );
  });

  it('refuses to merge histograms with different ranges', () => {
    expect(() => new HistogramSet([[0, 1]]).merge(new HistogramSet([[0, 2]]))).toThrow(/different ranges/);
  });

  it('answers quantiles in the order asked', () => {
    const h = new HistogramSet([[0, 100]]);
    for (let i = 1; i <= 100; i++) h.add(0, i - 0.5);
    const [q90, q10] = h.quantiles(0, [0.9, 0.1]);
    expect(q90).toBeGreaterThan(q10);
    expect(Math.abs(q90 - 89.5)).toBeLessThanOrEqual(100 / BINS);
  });

  it('returns NaN for an empty histogram', () => {
    expect(new HistogramSet([[0, 1]]).quantiles(0, [0.5])).toEqual([NaN]);
  });
});

describe('HistogramSet, weighted', () => {
  it('with whole-number weights, gives quantiles within one bin width of the unweighted ones of the values repeated', () => {
    fc.assert(
      // values on a 0.001 grid: a range of subnormal width has zero-width bins (a limit of the histograms, weighted or not)
      fc.property(fc.array(fc.tuple(fc.integer({ min: -1e6, max: 1e6 }).map((i) => i / 1000), fc.integer({ min: 1, max: 5 })), { minLength: 2, maxLength: 200 }), (xw) => {
        const xs = xw.map(([x]) => x);
        const range = pilotRange(Math.min(...xs), Math.max(...xs));
        const weighted = new HistogramSet([range], true);
        const repeated = new HistogramSet([range]);
        xw.forEach(([x, w]) => {
          weighted.add(0, x, w);
          for (let i = 0; i < w; i++) repeated.add(0, x);
        });
        const a = weighted.quantiles(0, PS);
        const b = repeated.quantiles(0, PS);
        return PS.every((_, i) => Math.abs(a[i] - b[i]) <= weighted.width[0] * (1 + 1e-9));
      }),
    );
  });

  it('gives the same quantiles after every weight is rescaled, and ignores zero weights for min and max', () => {
    const h = new HistogramSet([[0, 10]], true);
    [1, 2, 3, 4, 5, 6].forEach((x, i) => h.add(0, x, 0.5 + i / 10));
    h.add(0, 9.5, 0);
    const before = h.quantiles(0, PS);

    h.rescale(1e-3);

    expect(h.max[0]).toBe(6);
    h.quantiles(0, PS).forEach((q, i) => expect(q).toBeCloseTo(before[i], 12));
  });
});

describe('HistogramSet, queued counting', () => {
  it('counts queued bins exactly, also past a full queue and across quantities', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 1 }), fc.integer({ min: 0, max: BINS - 1 })), { maxLength: 3 * QUEUE }), (adds) => {
        // Arrange
        const h = new HistogramSet([
          [0, 1],
          [0, 1],
        ]);
        const want = new Float64Array(2 * BINS);
        // Act
        for (const [q, b] of adds) {
          h.queue(q, b);
          want[q * BINS + b]++;
        }
        // Assert
        expect(h.counts).toEqual(want);
      }),
      { numRuns: 20 },
    );
  });

  it('reads counts after later values are queued (no stale copy)', () => {
    // Arrange
    const h = new HistogramSet([[0, 1]]);
    h.add(0, 0.5);
    expect(h.counts[BINS / 2]).toBe(1);
    // Act
    h.add(0, 0.5);
    // Assert
    expect(h.counts[BINS / 2]).toBe(2);
  });

  it('merges unweighted sets and refuses to rescale them', () => {
    // Arrange
    const [a, b] = [new HistogramSet([[0, 1]]), new HistogramSet([[0, 1]])];
    a.add(0, 0.1);
    b.add(0, 0.1);
    b.add(0, 0.9);
    // Act
    a.merge(b);
    // Assert
    expect(a.counts.reduce((x, y) => x + y, 0)).toBe(3);
    expect(a.quantiles(0, [0.5])[0]).toBeCloseTo(0.1, 3);
    expect(() => a.rescale(0.5)).toThrow(/unweighted/);
  });
});

describe('HistogramSet.addCodes', () => {
  it('counts strided bin codes as add counts their values, below and above the range apart', () => {
    // Arrange: values and the codes of their bins in [0, 1), every other code belonging to another quantity
    const xs = [0.25, -1, 0.25, 2, 0.999];
    const codes = Uint16Array.from(xs.flatMap((x) => [x < 0 ? UNDER : x >= 1 ? OVER : Math.floor(x * BINS), 7]));
    const [byValue, byCode] = [new HistogramSet([[0, 1]]), new HistogramSet([[0, 1]])];
    // Act
    xs.forEach((x) => byValue.add(0, x));
    byCode.addCodes(0, codes, 0, 2, xs.length);
    // Assert
    for (const f of ['counts', 'under', 'over', 'total'] as const) expect(Array.from(byCode[f])).toEqual(Array.from(byValue[f]));
  });
});
