import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BLOCK, MomentSet, endsBlock } from '../../../src/engine/aggregate/moments.js';

describe('MomentSet', () => {
  it('computes the mean and the sample standard deviation', () => {
    const m = new MomentSet(1);
    [2, 4, 4, 4, 5, 5, 7, 9].forEach((x) => m.add(0, x));
    expect(m.mean(0)).toBe(5);
    expect(m.sd(0)).toBeCloseTo(Math.sqrt(32 / 7), 14);
  });

  it('agrees with the two-pass formulas', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 2, maxLength: 100 }), (xs) => {
        const m = new MomentSet(1);
        xs.forEach((x) => m.add(0, x));
        const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
        const v = xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1);
        return Math.abs(m.mean(0) - mean) < 1e-9 && Math.abs(m.variance(0) - v) < 1e-6 * Math.max(1, v);
      }),
    );
  });

  it('keeps its accuracy for values far from zero when shifted near them (a population of millions)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e5, max: 1e5, noNaN: true }), { minLength: 2, maxLength: 100 }), (noise) => {
        const xs = noise.map((e) => 8e6 + e);
        const m = new MomentSet(1, Float64Array.of(8.01e6));
        xs.forEach((x) => m.add(0, x));
        const mean = 8e6 + noise.reduce((a, b) => a + b, 0) / noise.length;
        const v = noise.reduce((a, e) => a + (8e6 + e - mean) ** 2, 0) / (xs.length - 1);
        // the shifted sums lose digits in proportion to (mean − K)² + variance, not to mean²
        const scale = (mean - 8.01e6) ** 2 + v;
        return Math.abs(m.mean(0) - mean) < 1e-12 * 8e6 && Math.abs(m.variance(0) - v) <= 1e-12 * scale;
      }),
    );
  });

  it('has sd 0 with fewer than two values', () => {
    const m = new MomentSet(2);
    m.add(0, 3);
    expect([m.sd(0), m.sd(1)]).toEqual([0, 0]);
  });
});

describe('MomentSet, weighted', () => {
  it('gives the weighted mean and the reliability-weighted variance, unchanged by rescaling the weights', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: -1e3, max: 1e3, noNaN: true }), fc.double({ min: 0.01, max: 1, noNaN: true })), { minLength: 2, maxLength: 100 }),
        fc.integer({ min: 0, max: 99 }),
        (xw, cut) => {
          const m = new MomentSet(1);
          const k = cut % xw.length;
          // weights relative to a running maximum: the first k added at scale 1, then all scaled by ½
          xw.slice(0, k).forEach(([x, w]) => m.add(0, x, 2 * w));
          m.rescale(0.5);
          xw.slice(k).forEach(([x, w]) => m.add(0, x, w));
          const W = xw.reduce((a, [, w]) => a + w, 0);
          const W2 = xw.reduce((a, [, w]) => a + w * w, 0);
          const mean = xw.reduce((a, [x, w]) => a + w * x, 0) / W;
          const v = xw.reduce((a, [x, w]) => a + w * (x - mean) ** 2, 0) / (W - W2 / W);
          return Math.abs(m.mean(0) - mean) < 1e-9 && Math.abs(m.variance(0) - v) < 1e-6 * Math.max(1, v);
        },
      ),
    );
  });
});

describe('MomentSet, blocks', () => {
  it('gives the same bits for a block summed elsewhere (addBlock) as for its values added here', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 60 }), fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }), (xs, elsewhere) => {
        // Arrange: draws 0 … N − 1 in blocks of BLOCK, the last one shorter
        const N = xs.length;
        const here = new MomentSet(1, Float64Array.of(3));
        const mixed = new MomentSet(1, Float64Array.of(3));
        // Act: every block added here; in `mixed`, some blocks summed from zero in order and added whole
        for (let b = 0; b * BLOCK < N; b++) {
          const block = xs.slice(b * BLOCK, Math.min(N, (b + 1) * BLOCK));
          block.forEach((x, k) => {
            here.add(0, x);
            if (endsBlock(b * BLOCK + k, N)) here.endBlock();
          });
          if (elsewhere[b % elsewhere.length]) {
            let s1 = 0;
            let s2 = 0;
            for (const x of block) {
              s1 += x - 3;
              s2 += (x - 3) * (x - 3);
            }
            mixed.addBlock(block.length, Float64Array.of(s1, s2), 0);
          } else {
            block.forEach((x) => mixed.add(0, x));
            mixed.endBlock();
          }
        }
        // Assert
        for (const f of ['count', 'sumW2', 's1', 's2', 'open'] as const) expect(Array.from(mixed[f])).toEqual(Array.from(here[f]));
      }),
    );
  });

  it('counts the open block in the mean and the variance', () => {
    // Arrange
    const m = new MomentSet(1);
    // Act: 8 values closed into a block, 2 still open
    [1, 2, 3, 4, 5, 6, 7, 8].forEach((x) => m.add(0, x));
    m.endBlock();
    [9, 10].forEach((x) => m.add(0, x));
    // Assert
    expect(m.count[0]).toBe(8);
    expect(m.mean(0)).toBe(5.5);
    expect(m.variance(0)).toBeCloseTo(82.5 / 9, 12);
  });

  it('ends a block every BLOCK draws and at the run\'s last draw', () => {
    expect([6, 7, 8, 14, 15].map((i) => endsBlock(i, 100))).toEqual([false, true, false, false, true]);
    expect(endsBlock(9, 10)).toBe(true);
  });
});
