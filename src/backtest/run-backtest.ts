/**
 * The whole backtest of a loaded scenario: the checks (origin, no calibration, observations after
 * the origin), the Monte Carlo run (no lever, no sensitivity) and the scoring. Used by
 * `simulate backtest` and by the suite in bench/backtests/.
 *
 * Semantics: the origin is the scenario's `baseline.year` (one scenario per origin, whose inputs
 * must cite only what was known by then); `origin`, if given, must equal it. Every `history:`
 * observation with origin < year ≤ horizon is scored, whatever its `vintage`; observations are
 * never inputs. A scenario with `calibration:` is refused, since weighting the draws by the
 * observations being scored would be look-ahead.
 *
 * @module
 */
import { runScenario } from '../engine/run.js';
import { InputError } from '../scenario/errors.js';
import type { LoadedScenario } from '../scenario/load.js';
import { scoreRun, UnscorableObservation, type BacktestResult } from './backtest.js';
import { observationsAfter, type IndexedObservation } from './select.js';

/** Options of {@link runBacktest}. */
export interface BacktestOptions {
  /** Must equal the scenario's baseline year when given. */
  origin?: number;
  draws?: number;
  seed?: number;
  workers?: number;
  progress?: boolean;
  signal?: AbortSignal;
}

function inputError(loaded: LoadedScenario, path: (string | number)[], init: { found?: string; expected?: string; detail?: string }): InputError {
  return new InputError({ ...loaded.locate(path), path: path.join('.'), ...init });
}

/**
 * The checks made before any draw runs; returns the observations to score. Throws an
 * {@link InputError} (exit code 2) naming the field.
 *
 * @example
 * checkBacktest(loaded, 2010).length; // number of observations after 2010 within the horizon
 */
export function checkBacktest(loaded: LoadedScenario, origin?: number): IndexedObservation[] {
  const { scenario } = loaded;
  const base = scenario.baseline.year;
  if (origin !== undefined && origin !== base) {
    throw inputError(loaded, ['baseline', 'year'], {
      found: String(base),
      expected: `the origin ${origin} given with --origin (a backtest projects from the scenario's baseline; use the scenario written for origin ${origin})`,
    });
  }
  if (scenario.calibration !== undefined) {
    throw inputError(loaded, ['calibration'], {
      found: 'a calibration: block',
      expected: 'none in a backtest (weighting the draws by the observations it scores would be look-ahead)',
    });
  }
  const obs = observationsAfter(scenario.history, base, scenario.horizon);
  if (obs.length === 0) {
    throw inputError(loaded, scenario.history.length > 0 ? ['history'] : [], {
      found: `no history: observation with ${base} < year ≤ ${scenario.horizon} (${scenario.history.length} observations in all)`,
      expected: 'at least one observation after the origin (the baseline year) and within the horizon',
    });
  }
  return obs;
}

/**
 * Checks, runs and scores a backtest.
 *
 * @example
 * const bt = await runBacktest(await loadScenario('bench/backtests/national-2000-urgd.yml'), { origin: 2000 });
 * bt.summary[0]; // { metric: 'urbanShare', unit: 'pp', n: 10, mae: …, bias: …, coverage80: …, coverage95: … }
 */
export async function runBacktest(loaded: LoadedScenario, options: BacktestOptions = {}): Promise<BacktestResult> {
  const obs = checkBacktest(loaded, options.origin);
  const { origin: _origin, ...run } = options;
  const result = await runScenario(loaded, { ...run, lever: false, sensitivity: false });
  try {
    return scoreRun(result, obs);
  } catch (e) {
    if (!(e instanceof UnscorableObservation)) throw e;
    throw inputError(loaded, ['history', e.index, e.field], { detail: e.message });
  }
}
