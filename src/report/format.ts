/**
 * How numbers read in reports: shares as percentages, persons in compact form, rates per year,
 * comparators as symbols.
 *
 * @module
 */
import type { Comparator } from '../engine/input.js';

/** Report language. */
export type Lang = 'en' | 'zh';

const compact = {
  en: new Intl.NumberFormat('en-US', { notation: 'compact', maximumSignificantDigits: 3 }),
  zh: new Intl.NumberFormat('zh-CN', { notation: 'compact', maximumSignificantDigits: 3 }),
};

/**
 * A value of a metric with unit `unit` (`share`, `persons`, `persons/yr` …); `perYear` for gains.
 *
 * @example
 * formatValue(0.5734, 'share'); // '57.3%'
 * formatValue(8790000, 'persons'); // '8.79M'
 * formatValue(0.0052, 'share', { perYear: true }); // '0.52 pp/yr'
 */
export function formatValue(x: number | null, unit: string, o: { perYear?: boolean; lang?: Lang } = {}): string {
  if (x === null || !Number.isFinite(x)) return '–';
  if (unit === 'share') return o.perYear ? `${(100 * x).toFixed(2)} pp/yr` : `${(100 * x).toFixed(1)}%`;
  if (unit.startsWith('persons')) return compact[o.lang ?? 'en'].format(x) + (o.perYear ? '/yr' : '');
  return Number(x.toPrecision(3)).toString() + (o.perYear ? '/yr' : '');
}

/**
 * A level of a rate parameter: rates per year as percentages per year, others with their unit.
 *
 * @example
 * formatLevel(0.021, 'per year'); // '2.10%/yr'
 * formatLevel(1.35, 'births per woman'); // '1.35'
 */
export function formatLevel(x: number, unit: string): string {
  if (unit === 'per year') return `${(100 * x).toFixed(2)}%/yr`;
  if (unit.startsWith('persons')) return compact.en.format(x) + (unit.endsWith('/yr') ? '/yr' : '');
  return Number(x.toPrecision(3)).toString();
}

const SYMBOL: Record<Comparator, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '~': '≈', '=': '≈' };

/**
 * @example
 * comparatorSymbol('>='); // '≥'
 */
export function comparatorSymbol(c: Comparator): string {
  return SYMBOL[c];
}

/**
 * An estimated probability with its Monte Carlo standard error. When no draw (or every draw)
 * met the target the standard error is 0 and says nothing, so the one-sided 95 % bound of the
 * "rule of three" (3/n) is shown instead: `< 0.03%` for 0 of 10,000.
 *
 * @example
 * formatPMet(0.357, 0.0048, 10000); // '35.7% ± 0.5'
 * formatPMet(0.002, 0.00045, 10000); // '0.2% ± 0.04'
 * formatPMet(0, 0, 10000); // '< 0.03%'
 */
export function formatPMet(p: number | null, se: number, draws: number): string {
  if (p === null || !Number.isFinite(p)) return '–';
  const bound = 3 / draws;
  const digits = Math.max(1, Math.ceil(-Math.log10(100 * bound)));
  const pct = (x: number) => `${(100 * x).toFixed(digits)}%`;
  if (p === 0) return `< ${pct(bound)}`;
  if (p === 1) return `> ${pct(1 - bound)}`;
  const sePct = 100 * se;
  return `${formatPercent(p)} ± ${sePct < 0.095 ? sePct.toFixed(2) : sePct.toFixed(1)}`;
}

/**
 * A probability as a percentage with one decimal.
 *
 * @example
 * formatPercent(0.2049); // '20.5%'
 */
export function formatPercent(p: number | null): string {
  return p === null || !Number.isFinite(p) ? '–' : `${(100 * p).toFixed(1)}%`;
}
