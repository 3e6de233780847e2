/**
 * Scoring one observation against a forecast's distribution in that year: the error of the
 * median and whether the observation lies inside the central 80 % and 95 % intervals. Pure
 * functions; the backtest command applies them to a run's quantiles.
 *
 * @module
 */

/** How an error is measured: percentage points for shares, percent of the observed value otherwise. */
export type ErrorUnit = 'pp' | '%';

/** A forecast's distribution of one metric in one year: median and the two central intervals. */
export interface Band {
  median: number;
  /** 10 % and 90 % quantiles. */
  lo80: number;
  hi80: number;
  /** 2.5 % and 97.5 % quantiles. */
  lo95: number;
  hi95: number;
}

/** One observation, scored. `error` = median − observed, in `unit`. */
export interface ScoredObservation extends Band {
  year: number;
  metric: string;
  observed: number;
  unit: ErrorUnit;
  error: number;
  in80: boolean;
  in95: boolean;
  vintage: number | null;
  source: string;
}

/**
 * The unit in which errors of a metric measured in `unit` are given: points for anything in
 * shares (a share, or a difference of shares such as the hukou gap), percent otherwise.
 *
 * @example
 * errorUnit('share'); // 'pp'
 * errorUnit('persons'); // '%'
 */
export function errorUnit(unit: string): ErrorUnit {
  return unit === 'share' ? 'pp' : '%';
}

/**
 * Signed error of a forecast value against an observation: `(forecast − observed)·100` points
 * for shares (0–1), `(forecast/observed − 1)·100` percent otherwise. Positive: the forecast
 * is too high.
 *
 * @example
 * forecastError('pp', 0.512, 0.5);   // 1.2 (points, up to rounding)
 * forecastError('%', 1.02e6, 1e6);   // 2 (percent, up to rounding)
 */
export function forecastError(unit: ErrorUnit, forecast: number, observed: number): number {
  return unit === 'pp' ? (forecast - observed) * 100 : (forecast / observed - 1) * 100;
}

/**
 * Whether `x` lies in the closed interval [lo, hi].
 *
 * @example
 * inside(0.5, 0.4, 0.6); // true
 */
export function inside(x: number, lo: number, hi: number): boolean {
  return x >= lo && x <= hi;
}

/**
 * Scores an observation against the forecast band of its metric and year.
 *
 * @example
 * scoreObservation({ year: 2015, metric: 'urbanShare', value: 0.561, source: 'x' }, 'pp',
 *   { median: 0.57, lo80: 0.56, hi80: 0.58, lo95: 0.55, hi95: 0.59 });
 * // { error: 0.9 (pp), in80: true, in95: true, … }
 */
export function scoreObservation(
  obs: { year: number; metric: string; value: number; vintage?: number; source: string },
  unit: ErrorUnit,
  band: Band,
): ScoredObservation {
  return {
    year: obs.year,
    metric: obs.metric,
    observed: obs.value,
    ...band,
    unit,
    error: forecastError(unit, band.median, obs.value),
    in80: inside(obs.value, band.lo80, band.hi80),
    in95: inside(obs.value, band.lo95, band.hi95),
    vintage: obs.vintage ?? null,
    source: obs.source,
  };
}
