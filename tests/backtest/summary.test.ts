import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreObservation, type ScoredObservation } from '../../src/backtest/score.js';
import { summarizeByMetric, summarizeMetric } from '../../src/backtest/summary.js';

function row(metric: string, error: number, in80: boolean, in95: boolean): ScoredObservation {
  return { year: 2015, metric, observed: 0.5, median: 0.5, lo80: 0, hi80: 1, lo95: 0, hi95: 1, unit: 'pp', error, in80, in95, vintage: null, source: 'x' };
}

describe('summarizeMetric', () => {
  it('computes MAE, bias and coverage on a hand-computed example', () => {
    // errors +1, −3, +0.5, −0.5: MAE = 5/4, bias = −2/4; inside 80 %: 2 of 4; inside 95 %: 3 of 4
    const s = summarizeMetric([row('u', 1, true, true), row('u', -3, false, false), row('u', 0.5, true, true), row('u', -0.5, false, true)]);

    expect(s).toEqual({ metric: 'u', unit: 'pp', n: 4, mae: 1.25, bias: -0.5, coverage80: 0.5, coverage95: 0.75 });
  });

  it('refuses an empty list', () => {
    expect(() => summarizeMetric([])).toThrow(RangeError);
  });

  it('keeps coverage in [0, 1], coverage95 ≥ coverage80 when the intervals nest, and MAE ≥ |bias|', () => {
    const obs = fc.record({
      value: fc.double({ min: 0, max: 1, noNaN: true }),
      median: fc.double({ min: 0, max: 1, noNaN: true }),
      w80: fc.double({ min: 0, max: 0.2, noNaN: true }),
      extra: fc.double({ min: 0, max: 0.2, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(obs, { minLength: 1, maxLength: 30 }), (xs) => {
        const scored = xs.map((x) =>
          scoreObservation({ year: 2000, metric: 'urbanShare', value: x.value, source: 's' }, 'pp', {
            median: x.median,
            lo80: x.median - x.w80,
            hi80: x.median + x.w80,
            lo95: x.median - x.w80 - x.extra,
            hi95: x.median + x.w80 + x.extra,
          }),
        );

        const s = summarizeMetric(scored);

        expect(s.coverage80).toBeGreaterThanOrEqual(0);
        expect(s.coverage95).toBeLessThanOrEqual(1);
        expect(s.coverage95).toBeGreaterThanOrEqual(s.coverage80);
        expect(s.mae).toBeGreaterThanOrEqual(Math.abs(s.bias) - 1e-12);
      }),
    );
  });

  it('gives a perfect forecast zero bias and zero MAE', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 1, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 20 }), (values) => {
        const scored = values.map((v) => scoreObservation({ year: 2000, metric: 'total', value: v, source: 's' }, '%', { median: v, lo80: v, hi80: v, lo95: v, hi95: v }));

        const s = summarizeMetric(scored);

        expect([s.bias, s.mae, s.coverage80, s.coverage95]).toEqual([0, 0, 1, 1]);
      }),
    );
  });
});

describe('summarizeByMetric', () => {
  it('summarises each metric apart, in order of first appearance', () => {
    const s = summarizeByMetric([row('urbanShare', 1, true, true), row('total', 2, false, true), row('urbanShare', 3, false, false)]);

    expect(s.map((x) => [x.metric, x.n, x.mae])).toEqual([
      ['urbanShare', 2, 2],
      ['total', 1, 2],
    ]);
  });
});
