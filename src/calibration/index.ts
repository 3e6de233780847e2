/**
 * Calibration of the cohort model to a region's census change: one entry point,
 * {@link calibrateRegion}. See README.md beside this file.
 *
 * @example
 * import { calibrateRegion } from './calibration/index.js';
 * const { assumptions, sampling, fit } = calibrateRegion(input);
 *
 * @module
 */
export { calibrateRegion, type CalibrationOptions, type CalibrationResult } from './calibrate.js';
export { DEFAULT_RULES, type CalibratedAssumptions, type Derivation, type DerivationRules, type WrittenCorrelation, type WrittenParam } from './assumptions.js';
export { STATED } from './assumptions-stated.js';
export { nationalPyramid, fromPyramid, reweight, bandShares, pyramidCsv, type PyramidRow } from './pyramid.js';
export { planRegionInput, planBaseline, PLAN_REGIONS, type PlanRegion, type PlanBaseline } from './cities.js';
export type * from './types.js';
