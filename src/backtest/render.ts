/**
 * A backtest as text: a terminal table (each observation, then the summary per metric) or CSV
 * (one row per observation, full precision). JSON is the {@link BacktestResult} itself.
 *
 * @module
 */
import { fit, displayWidth } from '../report/width.js';
import type { BacktestResult } from './backtest.js';
import type { ErrorUnit, ScoredObservation } from './score.js';

/** A level: shares in percent (2 decimals), anything else in millions (2 decimals). */
function level(x: number, unit: ErrorUnit): string {
  return unit === 'pp' ? `${(100 * x).toFixed(2)}%` : `${(x / 1e6).toFixed(2)}M`;
}

/**
 * A signed error with its unit: `+1.23 pp`, `-0.40 %`.
 *
 * @example
 * formatError(1.234, 'pp'); // '+1.23 pp'
 */
export function formatError(x: number, unit: ErrorUnit): string {
  return `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(2)} ${unit}`;
}

/**
 * Aligns rows of cells into columns separated by two spaces; the first row is the header and is
 * underlined. Columns listed in `right` are right-aligned.
 *
 * @example
 * alignColumns([['a', 'b'], ['1', '22']], [1]); // 'a   b\n-  --\n1  22\n' (widths by content)
 */
export function alignColumns(rows: readonly string[][], right: readonly number[] = []): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => displayWidth(r[c]))));
  const line = (r: readonly string[]) => r.map((s, c) => fit(s, widths[c], right.includes(c) ? 'right' : 'left')).join('  ').trimEnd();
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n') + '\n';
}

const yes = (b: boolean) => (b ? 'yes' : 'no');

function observationRow(o: ScoredObservation): string[] {
  return [
    String(o.year),
    o.metric,
    level(o.observed, o.unit),
    level(o.median, o.unit),
    `${level(o.lo80, o.unit)} – ${level(o.hi80, o.unit)}`,
    formatError(o.error, o.unit),
    yes(o.in80),
    yes(o.in95),
    o.vintage === null ? '' : String(o.vintage),
  ];
}

/**
 * The terminal report of a backtest.
 *
 * @example
 * process.stdout.write(backtestTable(bt));
 */
export function backtestTable(bt: BacktestResult): string {
  const head = `Backtest: ${bt.scenario.name} (model ${bt.scenario.model}), origin ${bt.origin}, projected to ${bt.horizon}; ${bt.draws} draws, seed ${bt.seed}\n\n`;
  const obs = alignColumns(
    [['year', 'metric', 'observed', 'median', '80% interval', 'error', 'in 80%', 'in 95%', 'vintage'], ...bt.observations.map(observationRow)],
    [2, 3, 5],
  );
  const sum = alignColumns(
    [
      ['metric', 'n', 'MAE', 'bias', 'coverage 80%', 'coverage 95%'],
      ...bt.summary.map((s) => [s.metric, String(s.n), `${s.mae.toFixed(2)} ${s.unit}`, formatError(s.bias, s.unit), `${(100 * s.coverage80).toFixed(0)}%`, `${(100 * s.coverage95).toFixed(0)}%`]),
    ],
    [1, 2, 3, 4, 5],
  );
  return `${head}${obs}\n${sum}Error = median − observed (pp: percentage points of share; %: percent of the observed value).\n`;
}

/** The CSV header of {@link backtestCsv}. */
export const BACKTEST_CSV_HEADER = 'year,metric,observed,median,p10,p90,p025,p975,error,unit,in80,in95,vintage,source';

const csvCell = (s: string) => (/[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

/**
 * One row per scored observation, full double precision.
 *
 * @example
 * backtestCsv(bt).split('\n')[0]; // BACKTEST_CSV_HEADER
 */
export function backtestCsv(bt: BacktestResult): string {
  const rows = bt.observations.map((o) =>
    [o.year, o.metric, o.observed, o.median, o.lo80, o.hi80, o.lo95, o.hi95, o.error, o.unit, o.in80, o.in95, o.vintage ?? '', csvCell(o.source)].join(','),
  );
  return [BACKTEST_CSV_HEADER, ...rows].join('\n') + '\n';
}
