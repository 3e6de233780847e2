import { describe, expect, it } from 'vitest';
import { BACKTEST_SCHEMA, type BacktestResult } from '../../src/backtest/backtest.js';
import { alignColumns, BACKTEST_CSV_HEADER, backtestCsv, backtestTable, formatError } from '../../src/backtest/render.js';
import { scoreObservation } from '../../src/backtest/score.js';
import { summarizeByMetric } from '../../src/backtest/summary.js';

const observations = [
  scoreObservation({ year: 2011, metric: 'urbanShare', value: 0.51, vintage: 2012, source: 'table, "row" 2011' }, 'pp', { median: 0.512, lo80: 0.505, hi80: 0.52, lo95: 0.5, hi95: 0.525 }),
  scoreObservation({ year: 2012, metric: 'total', value: 1e6, source: 'b' }, '%', { median: 1.02e6, lo80: 1.01e6, hi80: 1.03e6, lo95: 1.005e6, hi95: 1.04e6 }),
];
const bt: BacktestResult = {
  schema: BACKTEST_SCHEMA,
  scenario: { name: 'T', file: '/t.yml', model: 'urgd', region: 'R' },
  origin: 2010,
  horizon: 2012,
  draws: 100,
  seed: 1,
  observations,
  summary: summarizeByMetric(observations),
};

describe('backtestTable', () => {
  it('prints each observation and the summary per metric', () => {
    const text = backtestTable(bt);

    expect(text).toContain('origin 2010, projected to 2012; 100 draws, seed 1');
    expect(text).toMatch(/2011 +urbanShare +51\.00% +51\.20% +50\.50% – 52\.00% +\+0\.20 pp +yes +yes +2012/);
    expect(text).toMatch(/2012 +total +1\.00M +1\.02M .* \+2\.00 % +no +no/);
    expect(text).toMatch(/urbanShare +1 +0\.20 pp +\+0\.20 pp +100% +100%/);
  });
});

describe('backtestCsv', () => {
  it('has one row per observation, quoting sources with commas or quotes', () => {
    const lines = backtestCsv(bt).trimEnd().split('\n');

    expect(lines[0]).toBe(BACKTEST_CSV_HEADER);
    expect(lines).toHaveLength(3);
    expect(lines[1].endsWith(',2012,"table, ""row"" 2011"')).toBe(true);
  });
});

describe('formatError and alignColumns', () => {
  it('signs errors and aligns columns', () => {
    expect([formatError(0.004, 'pp'), formatError(-1.5, '%')]).toEqual(['+0.00 pp', '−1.50 %']);
    expect(alignColumns([['a', 'bb'], ['ccc', 'd']], [1])).toBe('a    bb\n---  --\nccc   d\n');
  });
});
