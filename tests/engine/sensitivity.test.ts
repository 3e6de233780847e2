import { describe, expect, it } from 'vitest';
import { SensitivityAccumulator, sensitivityBins } from '../../src/engine/sensitivity.js';
import { normalQuantile } from '../../src/random/normal.js';
import { uniform } from '../../src/random/philox.js';

/** Feeds n draws of independent uniforms u_j to the accumulator, with Y = f(u). */
function accumulate(n: number, ni: number, f: (u: Float64Array, i: number) => number, bins = sensitivityBins(n)): SensitivityAccumulator {
  const acc = new SensitivityAccumulator(ni, bins, Float64Array.of(0));
  const u = new Float64Array(ni);
  const y = new Float64Array(1);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < ni; j++) u[j] = uniform(99, i, j + 1);
    y[0] = f(u, i);
    acc.add(u, 0, y, 0);
  }
  return acc;
}

describe('sensitivityBins', () => {
  it('is √N, between 2 and 20', () => {
    expect([sensitivityBins(1), sensitivityBins(100), sensitivityBins(10_000)]).toEqual([2, 10, 20]);
  });
});

describe('SensitivityAccumulator', () => {
  it('recovers the analytic indices of Y = a·X1 + b·X2 with independent normal inputs', () => {
    // X1 ~ N(0, 1), X2 ~ N(0, 2²), a = 3, b = 1: S1 = 9/(9 + 4) = 0.692, S2 = 4/13 = 0.308
    const acc = accumulate(8000, 3, (u) => 3 * normalQuantile(u[0]) + 2 * normalQuantile(u[1]));

    const d = acc.drivers(0);

    expect(d.map((x) => x.input)).toEqual([0, 1, 2]);
    expect(d[0].index).toBeGreaterThan(9 / 13 - 0.04);
    expect(d[0].index).toBeLessThan(9 / 13 + 0.03);
    expect(d[1].index).toBeGreaterThan(4 / 13 - 0.04);
    expect(d[1].index).toBeLessThan(4 / 13 + 0.03);
    // the irrelevant input: zero up to noise, thanks to the bias correction
    expect(d[2].index).toBeLessThan(0.005);
    expect(d.map((x) => x.direction)).toEqual([1, 1, expect.any(Number)]);
  });

  it('recovers the indices of uniform inputs with opposite directions', () => {
    // X1, X2 ~ U(0, 1): Var = 1/12 each; Y = X1 − 2·X2 ⇒ S1 = 1/5, S2 = 4/5
    const acc = accumulate(8000, 2, (u) => u[0] - 2 * u[1]);

    const [first, second] = acc.drivers(0);

    expect(first).toMatchObject({ input: 1, direction: -1 });
    expect(first.index).toBeCloseTo(0.8, 1);
    expect(second).toMatchObject({ input: 0, direction: 1 });
    expect(second.index).toBeCloseTo(0.2, 1);
  });

  it('corrects the upward bias of the raw between-bin share, about (B − 1)/N for an irrelevant input', () => {
    // Y is noise independent of all ten inputs: the raw estimator would average (B − 1)/N = 0.0475
    const n = 400;
    const acc = accumulate(n, 10, (_u, i) => uniform(5, i, 77));

    const mean = acc.drivers(0).reduce((s, d) => s + d.index, 0) / 10;

    expect(mean).toBeLessThan((0.3 * (sensitivityBins(n) - 1)) / n);
  });

  it('gives 0 and no direction when Y does not vary', () => {
    const acc = accumulate(100, 2, () => 4);
    expect(acc.drivers(0)).toEqual([
      { input: 0, index: 0, direction: 0 },
      { input: 1, index: 0, direction: 0 },
    ]);
  });
});

describe('SensitivityAccumulator, weighted', () => {
  it('gives bit for bit the unweighted indices with unit weights, and the same indices after a rescale', () => {
    const f = (u: Float64Array) => 3 * u[0] + u[1] * u[1];
    const plain = accumulate(500, 3, f);
    const unit = new SensitivityAccumulator(3, sensitivityBins(500), Float64Array.of(0));
    const scaled = new SensitivityAccumulator(3, sensitivityBins(500), Float64Array.of(0));
    const u = new Float64Array(3);
    for (let i = 0; i < 500; i++) {
      for (let j = 0; j < 3; j++) u[j] = uniform(99, i, j + 1);
      const y = Float64Array.of(f(u));
      unit.add(u, 0, y, 0, 1);
      // weights held relative to a running maximum: 4 until draw 250, then rescaled to 1
      scaled.add(u, 0, y, 0, i <= 250 ? 4 : 1);
      if (i === 250) scaled.rescale(0.25);
    }

    expect(unit.drivers(0)).toEqual(plain.drivers(0));
    scaled.drivers(0).forEach((d, j) => {
      expect(d.input).toBe(plain.drivers(0)[j].input);
      expect(d.index).toBeCloseTo(plain.drivers(0)[j].index, 10);
    });
  });

  it('follows the heavily weighted draws: an input that matters only where the weight is', () => {
    // Y = u0 where u1 < ½ (weight 1), Y = u2 elsewhere (weight ~0): the weighted driver is u0
    const acc = new SensitivityAccumulator(3, 10, Float64Array.of(0));
    const u = new Float64Array(3);
    for (let i = 0; i < 4000; i++) {
      for (let j = 0; j < 3; j++) u[j] = uniform(7, i, j + 1);
      const heavy = u[1] < 0.5;
      acc.add(u, 0, Float64Array.of(heavy ? u[0] : u[2]), 0, heavy ? 1 : 1e-9);
    }

    const d = acc.drivers(0);
    expect(d[0].input).toBe(0);
    expect(d[0].index).toBeGreaterThan(0.9);
    expect(d.find((x) => x.input === 2)!.index).toBeLessThan(0.02);
  });
});
