/** The fused column pass (src/engine/aggregate/columns.ts) against the sets' own one-value `add`. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addColumn } from '../../../src/engine/aggregate/columns.js';
import { HistogramSet } from '../../../src/engine/aggregate/histogram.js';
import { MomentSet, endsBlock } from '../../../src/engine/aggregate/moments.js';

describe('addColumn', () => {
  it('gives the bins, extremes, totals and block moment sums of adding the strided values one by one, after earlier values', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { maxLength: 20 }),
        fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 1, maxLength: 300 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 0, max: 4 }),
        fc.double({ min: -500, max: 0, noNaN: true }),
        fc.double({ min: 1, max: 500, noNaN: true }),
        fc.integer({ min: 0, max: 40 }),
        (before, xs, stride, at0, lo, hi, extra) => {
          // Arrange: two quantities per set (the column lands in the second), earlier values in both
          const data = Float64Array.from(xs);
          const at = at0 % Math.min(stride, data.length);
          const n = Math.floor((data.length - 1 - at) / stride) + 1;
          const shift = Float64Array.of(0, (lo + hi) / 2);
          const [oneH, colH] = [0, 1].map(() => new HistogramSet([[0, 1], [lo, hi]]));
          const [oneM, colM] = [0, 1].map(() => new MomentSet(2, shift));
          // the earlier values are draws 0 … k − 1 of a run of k + n + extra draws; the column's follow
          const first = before.length;
          const draws = first + n + extra;
          for (const [i, x] of before.entries()) {
            for (const [h, m] of [[oneH, oneM], [colH, colM]] as const) {
              h.add(1, x);
              m.add(1, x);
              if (endsBlock(i, draws)) m.endBlock();
            }
          }
          // Act
          for (let i = 0; i < n; i++) {
            oneH.add(1, data[at + i * stride]);
            oneM.add(1, data[at + i * stride]);
            if (endsBlock(first + i, draws)) oneM.endBlock();
          }
          addColumn(colH, colM, 1, data, at, stride, n, first, draws);
          // Assert
          for (const f of ['counts', 'under', 'over', 'min', 'max', 'total'] as const) expect(colH[f]).toEqual(oneH[f]);
          for (const f of ['count', 's1', 's2', 'sumW2', 'open'] as const) expect(Array.from(colM[f])).toEqual(Array.from(oneM[f]));
        },
      ),
    );
  });
});
