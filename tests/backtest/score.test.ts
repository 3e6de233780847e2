import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorUnit, forecastError, inside, scoreObservation, type Band } from '../../src/backtest/score.js';

const band: Band = { median: 0.52, lo80: 0.51, hi80: 0.53, lo95: 0.5, hi95: 0.54 };

describe('forecastError', () => {
  it('measures shares in percentage points and stocks in percent of the observed value', () => {
    expect(forecastError('pp', 0.52, 0.5)).toBeCloseTo(2, 12);
    expect(forecastError('%', 990, 1000)).toBeCloseTo(-1, 12);
  });

  it('is zero for a perfect forecast', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1e9, noNaN: true }), fc.constantFrom('pp' as const, '%' as const), (x, unit) => {
        expect(forecastError(unit, x, x)).toBe(0);
      }),
    );
  });
});

describe('errorUnit', () => {
  it('gives pp for shares and % for everything else', () => {
    expect([errorUnit('share'), errorUnit('persons'), errorUnit('persons/yr')]).toEqual(['pp', '%', '%']);
  });
});

describe('scoreObservation', () => {
  it('scores an observation inside both intervals', () => {
    const s = scoreObservation({ year: 2015, metric: 'urbanShare', value: 0.515, vintage: 2016, source: 'x' }, 'pp', band);

    expect(s.error).toBeCloseTo(0.5, 12);
    expect([s.in80, s.in95, s.vintage]).toEqual([true, true, 2016]);
  });

  it('scores one inside the 95 % but outside the 80 % interval, and one outside both', () => {
    const mid = scoreObservation({ year: 2015, metric: 'urbanShare', value: 0.505, source: 'x' }, 'pp', band);
    const out = scoreObservation({ year: 2015, metric: 'urbanShare', value: 0.56, source: 'x' }, 'pp', band);

    expect([mid.in80, mid.in95, mid.vintage]).toEqual([false, true, null]);
    expect([out.in80, out.in95]).toEqual([false, false]);
    expect(out.error).toBeCloseTo(-4, 12);
  });

  it('counts the interval ends as inside', () => {
    expect(inside(0.51, 0.51, 0.53)).toBe(true);
    expect(inside(0.53, 0.51, 0.53)).toBe(true);
    expect(inside(0.5300001, 0.51, 0.53)).toBe(false);
  });
});
