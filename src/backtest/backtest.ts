/**
 * A backtest from a finished run: every selected observation scored against the run's median
 * and 80 % / 95 % intervals of its metric in its year, and the summary per metric.
 *
 * @module
 */
import type { RunResult } from '../engine/result.js';
import { errorUnit, scoreObservation, type Band, type ScoredObservation } from './score.js';
import type { IndexedObservation } from './select.js';
import { summarizeByMetric, type MetricSummary } from './summary.js';
import { UserError } from '../util/user-error.js';

/** The schema id of {@link BacktestResult}. */
export const BACKTEST_SCHEMA = 'urbcast.backtest/1' as const;

/** What `simulate backtest --format json` prints. */
export interface BacktestResult {
  schema: typeof BACKTEST_SCHEMA;
  scenario: { name: string; file: string; model: string; region: string };
  origin: number;
  horizon: number;
  draws: number;
  seed: number;
  observations: ScoredObservation[];
  summary: MetricSummary[];
}

/** An observation the run cannot score (unknown metric, or a quantile that does not exist). */
export class UnscorableObservation extends UserError {
  constructor(
    readonly index: number,
    readonly field: 'metric' | 'year' | 'value',
    message: string,
  ) {
    super(message);
  }
}

function band(r: RunResult, o: IndexedObservation): { unit: string; band: Band } {
  const m = r.metrics.find((x) => x.name === o.metric);
  if (m === undefined) throw new UnscorableObservation(o.index, 'metric', `found ${JSON.stringify(o.metric)}, expected a metric of the model: ${r.metrics.map((x) => x.name).join(', ')}`);
  const t = r.years.indexOf(o.year);
  const q = m.quantiles;
  const values = [q.p50[t], q.p10[t], q.p90[t], q.p025[t], q.p975[t]];
  if (t < 0 || values.some((v) => v === null || v === undefined)) throw new UnscorableObservation(o.index, 'year', `found ${o.year}, expected a projected year with a distribution of ${o.metric}`);
  const [median, lo80, hi80, lo95, hi95] = values as number[];
  return { unit: m.unit, band: { median, lo80, hi80, lo95, hi95 } };
}

/**
 * Scores `observations` (already selected: after the origin, within the horizon) against the
 * run `r`, whose baseline year is the origin.
 *
 * @example
 * const bt = scoreRun(result, observationsAfter(history, 2010, 2020));
 * bt.summary; // [{ metric: 'urbanShare', unit: 'pp', n: 10, mae: 0.8, bias: -0.3, coverage80: 0.7, coverage95: 1 }]
 */
export function scoreRun(r: RunResult, observations: readonly IndexedObservation[]): BacktestResult {
  const scored = observations.map((o) => {
    const { unit: metricUnit, band: b } = band(r, o);
    const unit = errorUnit(metricUnit);
    if (unit === '%' && o.value === 0) throw new UnscorableObservation(o.index, 'value', `found 0, expected a non-zero value (errors of ${o.metric} are in percent of the observed value)`);
    return scoreObservation(o, unit, b);
  });
  return {
    schema: BACKTEST_SCHEMA,
    scenario: { name: r.scenario.name, file: r.scenario.file, model: r.scenario.model, region: r.scenario.region },
    origin: r.years[0],
    horizon: r.years[r.years.length - 1],
    draws: r.run.draws,
    seed: r.run.seed,
    observations: scored,
    summary: summarizeByMetric(scored),
  };
}
