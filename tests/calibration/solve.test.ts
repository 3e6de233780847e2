import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bisect, solve } from '../../src/calibration/solve.js';

describe('bisect', () => {
  it('finds the root of an increasing function', () => {
    expect(bisect((x) => x * x, 0, 2, 2)).toBeCloseTo(Math.SQRT2, 11);
  });

  it('refuses a target outside the bracket', () => {
    expect(() => bisect((x) => x, 0, 1, 2)).toThrow(/outside/);
  });

  it('solves any linear target inside the bracket (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.1, max: 10, noNaN: true }), fc.double({ min: -5, max: 5, noNaN: true }), (a, t) => {
        const x = bisect((v) => a * v, -100, 100, t);
        expect(Math.abs(a * x - t)).toBeLessThan(1e-9);
      }),
    );
  });
});

describe('solve', () => {
  it('solves two weakly coupled equations', () => {
    const { x, sweeps } = solve<'a' | 'b'>(
      [
        { key: 'a', f: (v) => v.a + 0.1 * v.b, lo: -9, hi: 9, target: 1 },
        { key: 'b', f: (v) => v.b - 0.2 * v.a, lo: -9, hi: 9, target: 2 },
      ],
      { a: 0, b: 0 },
    );

    expect(x.a + 0.1 * x.b).toBeCloseTo(1, 9);
    expect(x.b - 0.2 * x.a).toBeCloseTo(2, 9);
    expect(sweeps).toBeGreaterThan(1);
  });
});
