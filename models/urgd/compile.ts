/**
 * Compiles the urgd model's draw-independent inputs: the baseline total, urban share and its
 * logit, and whether the URGD drifts.
 *
 * @module
 */
import type { CompileContext } from '../../src/engine/model.js';
import { ParamError } from '../../src/params/compile.js';
import { logit } from './logit.js';
import type { UrgdAssumptions } from './schema.js';

/** Everything an urgd runner needs that does not change by draw. Plain data. */
export interface UrgdData {
  baseYear: number;
  steps: number;
  /** Baseline total population T_0 (persons). */
  population: number;
  /** Baseline urban share u_0, 0 < u_0 < 1. */
  urbanShare: number;
  /** logit(u_0). */
  logit0: number;
  /** Whether the URGD follows the drift recursion (parameters `drift.target`, `drift.speed`). */
  drift: boolean;
}

/**
 * Compiles the urgd model. Throws `ParamError` when the baseline urban share is 0 or 1 (its
 * logit is infinite, so the method cannot move it).
 *
 * @example
 * const data = compileUrgd({ urgd: 0.03, growth: 0 }, ctx);
 * data.logit0; // ln(u0 / (1 − u0))
 */
export function compileUrgd(A: UrgdAssumptions, ctx: CompileContext): UrgdData {
  const u0 = ctx.urbanShare;
  if (!(u0 > 0 && u0 < 1)) {
    throw new ParamError(
      ['baseline', 'urbanShare'],
      `the urgd model works on the logit of the urban share, so it must be strictly between 0 and 1; found ${u0}`,
    );
  }
  return {
    baseYear: ctx.baseYear,
    steps: ctx.steps,
    population: ctx.population,
    urbanShare: u0,
    logit0: logit(u0),
    drift: A.drift !== undefined,
  };
}
