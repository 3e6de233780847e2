/**
 * Per-year quantiles of every metric, long format:
 * `metric,year,mean,p025,p10,p25,p50,p75,p90,p975`, one row per metric and year (flows and
 * contributions have no row for the baseline year). Full double precision. A calibrated run's
 * quantiles are weighted, and the file gets a last column `ess` (the run's effective sample size,
 * the same on every row); an unweighted run's file has no such column.
 *
 * @module
 */
import { QUANTILES, type QuantileKey, type RunResult } from '../engine/result.js';

const KEYS = Object.keys(QUANTILES) as QuantileKey[];

/** The CSV header. */
export const QUANTILES_HEADER = ['metric', 'year', 'mean', ...KEYS].join(',');

/**
 * @example
 * quantilesCsv(result).split('\n')[1]; // 'total,2021,8790000,8790000,…'
 */
export function quantilesCsv(r: RunResult): string {
  const ess = r.calibration !== undefined ? [String(r.calibration.ess)] : [];
  const rows = [[QUANTILES_HEADER, ...(ess.length > 0 ? ['ess'] : [])].join(',')];
  for (const m of r.metrics) {
    r.years.forEach((year, t) => {
      if (m.mean[t] === null) return;
      const cell = (x: number | null) => (x === null ? '' : String(x));
      rows.push([m.name, year, cell(m.mean[t]), ...KEYS.map((k) => cell(m.quantiles[k][t])), ...ess].join(','));
    });
  }
  return rows.join('\n') + '\n';
}
