/**
 * The result of a Monte Carlo run: exactly what `--format json` prints (schema `urbcast.run/1`,
 * documented in src/report/SCHEMA.md). Numbers that do not exist (a flow in the baseline year, a
 * probability of an empty set) are null, never NaN.
 *
 * @module
 */
import type { TargetDefinition } from '../scenario/target-types.js';
import type { LeverResult } from './lever.js';
import type { MetricKind, Pyramid } from './model.js';
import type { Verdict } from './verdict.js';
import type { WorkersLimit } from './workers.js';

/** The schema id of {@link RunResult}; bumped on any incompatible change. */
export const RESULT_SCHEMA = 'urbcast.run/1' as const;

/** Quantile levels reported for every metric and year. */
export const QUANTILES = { p025: 0.025, p10: 0.1, p25: 0.25, p50: 0.5, p75: 0.75, p90: 0.9, p975: 0.975 } as const;
export type QuantileKey = keyof typeof QUANTILES;

/** Per-year distribution of one metric (index t: year `years[t]`). */
export interface MetricResult {
  name: string;
  label: string;
  unit: string;
  kind: MetricKind;
  quantiles: Record<QuantileKey, (number | null)[]>;
  mean: (number | null)[];
  sd: (number | null)[];
  /** The deterministic projection (every input at its median). */
  deterministic: (number | null)[];
}

/** An uncertain input's first-order sensitivity index for a target. */
export interface DriverResult {
  /** Input name, e.g. `ruralToUrban.value`. */
  input: string;
  label: string;
  /** First-order sensitivity index, 0–1. */
  index: number;
  /** +1: the target's quantity tends to rise with the input; −1: to fall. */
  direction: 1 | -1 | 0;
}

/** One target's answer: its definition (with `tolerance` only for `~` and `=`), then the answer. */
export interface TargetResult extends TargetDefinition {
  /** Share of draws meeting the target, its Monte Carlo standard error and verdict. */
  pMet: number;
  se: number;
  verdict: Verdict;
  /** The target's quantity: metric in the year, flow summed over the window, or relative gain per year. */
  median: number;
  q10: number;
  q90: number;
  q025: number;
  q975: number;
  mean: number;
  sd: number;
  deterministic: number;
  /** Level targets: share of draws first meeting it in each year, and `never` by the horizon. */
  firstYear: Record<string, number> | null;
  /** What would it take (null when no lever is defined or `lever: false`). */
  lever: LeverResult | null;
  /** Uncertain inputs by first-order sensitivity index, largest first (empty with `sensitivity: false`). */
  drivers: DriverResult[];
}

/** An uncertain input of the run. */
export interface InputResult {
  name: string;
  label: string;
  unit: string;
  median: number;
}

/** The population pyramid of the median path in one year (from the model's `pyramid` hook). */
export interface PyramidResult extends Pyramid {
  year: number;
}

/** Pyramids of the median path at the baseline and the horizon. */
export interface RunPyramids {
  baseline: PyramidResult;
  horizon: PyramidResult;
}

/** How a calibrated run weighted its draws (`calibration:`; see src/engine/calibration.ts). */
export interface CalibrationResult {
  /** Importance weights with the prior as proposal (likelihood weighting), normalised to sum to one. */
  method: 'importance';
  /** Effective sample size (Σw)²/Σw² of the run's draws. */
  ess: number;
  minEss: number;
  /** The observations that weighted the draws (those in the projected years), with the weighted median of the metric there. */
  observations: { year: number; metric: string; value: number; se: number; median: number | null }[];
}

/** The whole result. */
export interface RunResult {
  schema: typeof RESULT_SCHEMA;
  scenario: {
    name: string;
    file: string;
    sha256: string | null;
    model: string;
    region: string;
    /** The `--set path=value` overrides the scenario was loaded with, in order (the hash is of the file alone). */
    sets: string[];
  };
  run: {
    draws: number;
    seed: number;
    lhs: boolean;
    workers: number;
    /** Only when fewer workers ran than `--workers` asked: how many were asked and what limited them. */
    workersLimit?: WorkersLimit;
    batchSize: number;
    /** Draws per lever evaluation (0 without lever). */
    leverDraws: number;
    /** Bins per input for the sensitivity indices (0 without sensitivity). */
    sensitivityBins: number;
    engineVersion: string;
    /** ISO 8601; with `seconds`, the only fields that differ between identical runs. */
    startedAt: string;
    seconds: number;
  };
  years: number[];
  metrics: MetricResult[];
  inputs: InputResult[];
  targets: TargetResult[];
  joint: { pAll: number | null; se: number | null; verdict: Verdict | null; milestones: string[] };
  /**
   * Population pyramids of the median path; null when the model has no ages (no `pyramid` hook).
   * Optional only so that results written before it was added still read.
   */
  pyramids?: RunPyramids | null;
  /** Present only for a calibrated run: every number above is then weighted. */
  calibration?: CalibrationResult;
}
