/**
 * The calibration's one entry point: fit a region's census change and derive its scenario
 * assumptions. See README.md beside this file.
 *
 * @module
 */
import { dataDir as defaultDataDir } from '../scenario/paths.js';
import { DEFAULT_RULES, deriveAssumptions, type CalibratedAssumptions, type Derivation, type DerivationRules, type WrittenCorrelation } from './assumptions.js';
import { fitRegion } from './fit.js';
import type { RegionCalibrationInput, RegionFit } from './types.js';
import { loadVitals } from './vitals.js';

/** Options of {@link calibrateRegion}; defaults merged once. */
export interface CalibrationOptions {
  /** Folder of the national tables (default: the project's seeds/data/). */
  dataDir: string;
  /** The derivation's rules (default DEFAULT_RULES). */
  rules: DerivationRules;
}

/** What {@link calibrateRegion} returns. */
export interface CalibrationResult {
  /** The cohort model's `assumptions:` block (no `hukou:`), a `why:` on every parameter. */
  assumptions: CalibratedAssumptions;
  /** The `sampling:` block's correlations between the calibrated inputs. */
  sampling: { correlations: WrittenCorrelation[] };
  /** What the fit found (solution, comparisons with the censuses and later points). */
  fit: RegionFit;
  /** The numbers between the fit and the block (estimates, φ_post, the WPP TFR line). */
  derivation: Derivation;
}

const DEFAULTS: CalibrationOptions = { dataDir: defaultDataDir, rules: DEFAULT_RULES };

/**
 * Fits the cohort model to `input`'s census change (and later year-end points) and returns the
 * calibrated assumptions for a scenario with baseline `input.baselineYear` and horizon
 * `input.horizon`. Deterministic; throws a RangeError when a target cannot be reached within the
 * rates' domains.
 *
 * @example
 * const { assumptions, sampling, fit } = calibrateRegion({
 *   id: 'heze',
 *   start: { year: 2010, population: 8287693, urbanShare: 0.3501, source: 'seeds/data/cities_census.csv row heze 2010', ageBands: { froms: [0, 15, 60], shares: [20.79, 64.64, 14.57], source: '…' } },
 *   end: { year: 2020, population: 8795939, urbanShare: 0.5073, source: 'seeds/data/cities_census.csv row heze 2020', ageBands: { froms: [0, 15, 60], shares: [25.1, 56.57, 18.32], source: '…' } },
 *   baselineYear: 2020,
 *   horizon: 2035,
 * });
 */
export function calibrateRegion(input: RegionCalibrationInput, options: Partial<CalibrationOptions> = {}): CalibrationResult {
  const o = { ...DEFAULTS, ...options };
  const vitals = loadVitals(o.dataDir);
  const fit = fitRegion(input, vitals, o.dataDir);
  const { assumptions, sampling, derivation } = deriveAssumptions(fit, vitals, input.baselineYear, input.horizon, o.rules);
  return { assumptions, sampling, fit, derivation };
}
