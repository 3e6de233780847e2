/**
 * Which observations a backtest scores: those after the origin and within the projection.
 *
 * @module
 */
import type { Observation } from '../scenario/schema.js';

/** An observation with its index in the scenario's `history:` list (to locate it in errors). */
export interface IndexedObservation extends Observation {
  index: number;
}

/**
 * The observations with origin < year ≤ horizon, in the order written.
 *
 * @example
 * observationsAfter([{ year: 2010, … }, { year: 2015, … }], 2010, 2020); // [{ year: 2015, index: 1, … }]
 */
export function observationsAfter(history: readonly Observation[], origin: number, horizon: number): IndexedObservation[] {
  return history.flatMap((o, index) => (o.year > origin && o.year <= horizon ? [{ ...o, index }] : []));
}
