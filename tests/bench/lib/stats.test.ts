/**
 * Summaries of repeated benchmark measurements (bench/lib/stats.mjs).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summary } from '../../../bench/lib/stats.mjs';

describe('summary', () => {
  it('gives the middle value of an odd count and the mean of the middle two of an even count', () => {
    expect(summary([3, 1, 2])).toMatchObject({ median: 2, min: 1, max: 3 });
    expect(summary([4, 1, 3, 2])).toMatchObject({ median: 2.5, min: 1, max: 4 });
  });

  it('keeps min ≤ median ≤ max, the runs as given, and does not depend on their order', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 9 }), (xs) => {
        // Act
        const s = summary(xs);
        const r = summary([...xs].reverse());
        // Assert
        expect(s.min).toBeLessThanOrEqual(s.median);
        expect(s.median).toBeLessThanOrEqual(s.max);
        expect(s.runs).toEqual(xs);
        expect([r.median, r.min, r.max]).toEqual([s.median, s.min, s.max]);
      }),
    );
  });
});
