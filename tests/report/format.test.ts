import { describe, expect, it } from 'vitest';
import { comparatorSymbol, formatLevel, formatPercent, formatPMet, formatValue } from '../../src/report/format.js';

describe('formatValue', () => {
  it.each([
    [0.5734, 'share', {}, '57.3%'],
    [0.0052, 'share', { perYear: true }, '0.52 pp/yr'],
    [8790000, 'persons', {}, '8.79M'],
    [8790000, 'persons', { lang: 'zh' as const }, '879万'],
    [60000, 'persons/yr', {}, '60K'],
    [1.2345, 'births per woman', {}, '1.23'],
    [null, 'share', {}, '–'],
    [NaN, 'share', {}, '–'],
  ])('%d %s %j → %s', (x, unit, o, s) => {
    expect(formatValue(x, unit, o)).toBe(s);
  });
});

describe('formatLevel', () => {
  it('shows rates per year as percentages', () => {
    expect([formatLevel(0.021, 'per year'), formatLevel(1.35, 'births per woman'), formatLevel(-20000, 'persons/yr')]).toEqual(['2.10%/yr', '1.35', '-20K/yr']);
  });
});

describe('comparatorSymbol and formatPercent', () => {
  it('print symbols and percentages', () => {
    expect(['>=', '>', '<=', '<', '~', '='].map((c) => comparatorSymbol(c as never)).join(' ')).toBe('≥ > ≤ < ≈ ≈');
    expect([formatPercent(0.2049), formatPercent(null)]).toEqual(['20.5%', '–']);
  });
});

describe('formatPMet', () => {
  it('shows the estimate with its standard error in percentage points', () => {
    expect(formatPMet(0.357, 0.0048, 10_000)).toBe('35.7% ± 0.5');
    expect(formatPMet(0.002, 0.00045, 10_000)).toBe('0.2% ± 0.04');
  });

  it('shows the rule-of-three bound when no draw or every draw met the target', () => {
    expect(formatPMet(0, 0, 10_000)).toBe('< 0.03%');
    expect(formatPMet(1, 0, 10_000)).toBe('> 99.97%');
    expect(formatPMet(0, 0, 1000)).toBe('< 0.3%');
    expect(formatPMet(0, 0, 100)).toBe('< 3.0%');
  });
});
