import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { permute } from '../../src/random/permutation.js';

describe('permute', () => {
  it('is a bijection of 0 … n − 1 for any n, seed and stream', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 700 }), fc.nat(), fc.nat({ max: 0xffffffff }), (n, seed, stream) => {
        const seen = new Set<number>();
        for (let i = 0; i < n; i++) {
          const j = permute(i, n, seed, stream);
          if (!(Number.isInteger(j) && j >= 0 && j < n)) return false;
          seen.add(j);
        }
        return seen.size === n;
      }),
      { numRuns: 60 },
    );
  });

  it('differs between streams', () => {
    const a = Array.from({ length: 50 }, (_, i) => permute(i, 50, 1, 1));
    const b = Array.from({ length: 50 }, (_, i) => permute(i, 50, 1, 2));
    expect(a).not.toEqual(b);
  });
});
