/**
 * Compiles the components model's draw-independent inputs: the baseline urban and rural
 * totals and whether each area's external migration is a rate or a count.
 *
 * @module
 */
import type { CompileContext } from '../../src/engine/model.js';
import type { ComponentsAssumptions } from './schema.js';

/** Everything a components runner needs that does not change by draw. Plain data. */
export interface ComponentsData {
  baseYear: number;
  steps: number;
  /** Baseline urban and rural populations (persons). */
  urban0: number;
  rural0: number;
  extUIsCount: boolean;
  extRIsCount: boolean;
}

/**
 * Compiles the components model.
 *
 * @example
 * const data = compileComponents(assumptions, ctx);
 * data.urban0 + data.rural0; // ctx.population
 */
export function compileComponents(A: ComponentsAssumptions, ctx: CompileContext): ComponentsData {
  const urban0 = ctx.population * ctx.urbanShare;
  return {
    baseYear: ctx.baseYear,
    steps: ctx.steps,
    urban0,
    rural0: ctx.population - urban0,
    extUIsCount: 'count' in A.external.urban,
    extRIsCount: 'count' in A.external.rural,
  };
}
