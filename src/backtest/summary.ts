/**
 * The summary of a backtest: for each metric, the mean absolute error and the bias (mean signed
 * error) of the median, in that metric's unit, and the coverage of the 80 % and 95 % intervals
 * (the share of observations inside them).
 *
 * @module
 */
import type { ErrorUnit, ScoredObservation } from './score.js';

/** Summary of the scored observations of one metric. */
export interface MetricSummary {
  metric: string;
  unit: ErrorUnit;
  n: number;
  /** Mean |error|. */
  mae: number;
  /** Mean error (median − observed): positive = the forecast ran high. */
  bias: number;
  /** Share of observations inside the 80 % interval, 0–1. */
  coverage80: number;
  /** Share of observations inside the 95 % interval, 0–1. */
  coverage95: number;
}

/**
 * MAE, bias and coverage of a non-empty list of scored observations of one metric.
 *
 * @example
 * summarizeMetric([{ error: 1, in80: true, in95: true, … }, { error: -3, in80: false, in95: true, … }]);
 * // { n: 2, mae: 2, bias: -1, coverage80: 0.5, coverage95: 1, … }
 */
export function summarizeMetric(rows: readonly ScoredObservation[]): MetricSummary {
  if (rows.length === 0) throw new RangeError('summarizeMetric needs at least one observation');
  let abs = 0;
  let sum = 0;
  let c80 = 0;
  let c95 = 0;
  for (const r of rows) {
    abs += Math.abs(r.error);
    sum += r.error;
    if (r.in80) c80++;
    if (r.in95) c95++;
  }
  const n = rows.length;
  return { metric: rows[0].metric, unit: rows[0].unit, n, mae: abs / n, bias: sum / n, coverage80: c80 / n, coverage95: c95 / n };
}

/**
 * One summary per metric, in the order the metrics first appear.
 *
 * @example
 * summarizeByMetric(scored).map((s) => s.metric); // ['urbanShare', 'total']
 */
export function summarizeByMetric(rows: readonly ScoredObservation[]): MetricSummary[] {
  const groups = new Map<string, ScoredObservation[]>();
  for (const r of rows) {
    const g = groups.get(r.metric);
    if (g === undefined) groups.set(r.metric, [r]);
    else g.push(r);
  }
  return [...groups.values()].map(summarizeMetric);
}
