/**
 * Checks of the `history:` observations and the `calibration:` block, at load time: each
 * observation's metric is one the model outputs; with `calibration:`, at least one observation
 * falls in the projected years (baseline.year + 1 … horizon: only those weight the draws; the
 * others serve reports and backtests), and no (year, metric) pair is given twice among them (two
 * figures for the same quantity would count as independent evidence; list another vintage only
 * outside calibration, or keep one). Years are checked by the schema (whole numbers 1900–2300).
 *
 * @module
 */
import type { ModelDefinition } from '../engine/model.js';
import { InputError, describeFound, type Location } from './errors.js';
import type { Scenario } from './schema.js';
import { declaredMetrics } from './targets.js';

/** What the checks need to know besides the scenario. */
export interface HistoryContext {
  model: ModelDefinition;
  /** The model's validated assumptions (some add metrics: `metricsFor`). */
  assumptions?: unknown;
  locate(path: (string | number)[]): Location;
}

/**
 * Every problem of `history:` and `calibration:`, as located errors (empty when all is well).
 *
 * @example
 * throwAll(checkHistory(scenario, { model, locate }));
 */
export function checkHistory(s: Pick<Scenario, 'history' | 'calibration' | 'baseline' | 'horizon'>, ctx: HistoryContext): InputError[] {
  const errors: InputError[] = [];
  const err = (path: (string | number)[], init: { found?: string; expected?: string; detail?: string }) =>
    errors.push(new InputError({ ...ctx.locate(path), path: path.join('.'), ...init }));
  const metrics = [...declaredMetrics(ctx.model, ctx.assumptions)];
  const first = s.baseline.year + 1;
  const seen = new Map<string, number>();
  let usable = 0;
  s.history.forEach((o, i) => {
    if (!metrics.includes(o.metric)) {
      err(['history', i, 'metric'], { found: describeFound(o.metric), expected: `a metric of model ${ctx.model.name}: ${metrics.join(', ')}` });
      return;
    }
    if (s.calibration === undefined || o.year < first || o.year > s.horizon) return;
    usable++;
    const key = `${o.year} ${o.metric}`;
    const before = seen.get(key);
    if (before !== undefined) {
      err(['history', i], { detail: `${o.metric} in ${o.year} is observed twice (also history.${before}); calibration would count both as independent evidence: keep one` });
    }
    seen.set(key, i);
  });
  if (s.calibration !== undefined && usable === 0 && errors.length === 0) {
    const years = s.history.map((o) => o.year);
    err(['calibration'], {
      found: years.length === 0 ? 'no history: observations' : `observations in ${[...new Set(years)].sort((a, b) => a - b).join(', ')} only`,
      expected: `at least one history: observation in the projected years ${first}–${s.horizon} to weight the draws by (or drop calibration:)`,
    });
  }
  return errors;
}
