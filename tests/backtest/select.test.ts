import { describe, expect, it } from 'vitest';
import { observationsAfter } from '../../src/backtest/select.js';

const o = (year: number) => ({ year, metric: 'urbanShare', value: 0.5, se: 0.003, source: 's' });

describe('observationsAfter', () => {
  it('keeps origin < year ≤ horizon, with each one’s index in history', () => {
    const got = observationsAfter([o(2009), o(2010), o(2011), o(2020), o(2021)], 2010, 2020);

    expect(got.map((x) => [x.year, x.index])).toEqual([
      [2011, 2],
      [2020, 3],
    ]);
  });

  it('returns nothing when no observation follows the origin', () => {
    expect(observationsAfter([o(2000), o(2010)], 2010, 2020)).toEqual([]);
  });
});
