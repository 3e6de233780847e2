import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { erfc, normalCdf, normalQuantile } from '../../src/random/normal.js';

describe('normalQuantile', () => {
  // reference values: R's qnorm to 16 digits
  it.each([
    [0.5, 0],
    [0.975, 1.959963984540054],
    [0.025, -1.959963984540054],
    [0.9, 1.2815515655446004],
    [0.841344746068543, 1.0],
    [1e-10, -6.361340902404056],
    [0.999, 3.090232306167813],
  ])('Φ⁻¹(%d) = %d', (p, z) => {
    expect(normalQuantile(p)).toBeCloseTo(z, 12);
  });

  it('is −∞ and +∞ at 0 and 1', () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
  });
});

describe('normalCdf', () => {
  it.each([
    [0, 0.5],
    [1.959963984540054, 0.975],
    [-1, 0.15865525393145705],
    [3, 0.9986501019683699],
    [-8, 6.22096057427178e-16],
  ])('Φ(%d) = %d', (x, p) => {
    expect(normalCdf(x)).toBeCloseTo(p, 14);
    expect(Math.abs(normalCdf(x) - p) / p).toBeLessThan(1e-12);
  });

  it('inverts normalQuantile', () => {
    fc.assert(fc.property(fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true }), (p) => Math.abs(normalCdf(normalQuantile(p)) - p) <= 1e-13 * Math.max(1, p / (1 - p))));
  });

  it('is symmetric: Φ(−x) = 1 − Φ(x)', () => {
    fc.assert(fc.property(fc.double({ min: -6, max: 6, noNaN: true }), (x) => Math.abs(normalCdf(-x) - (1 - normalCdf(x))) < 1e-15));
  });
});

describe('erfc', () => {
  it.each([
    [0, 1],
    [0.5, 0.4795001221869535],
    [1, 0.15729920705028513],
    [3, 2.209049699858544e-5],
    [-1, 1.8427007929497148],
  ])('erfc(%d) = %d', (x, v) => {
    expect(Math.abs(erfc(x) - v) / v).toBeLessThan(1e-14);
  });
});
