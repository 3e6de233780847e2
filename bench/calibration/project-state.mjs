/**
 * The cohort model's population by area, sex and age at chosen year-ends, read through the
 * runner's `observe` hook (the runner's outputs are aggregates only, but calibrating fertility to a
 * census child share needs the age structure).
 *
 * @module
 */
import { METRICS } from '../../dist/models/cohort/index.js';
import { CELLS } from '../../dist/models/cohort/kernel.js';
import { AGES } from '../../dist/models/cohort/lifetable.js';
import { createCohortRunner } from '../../dist/models/cohort/runner.js';

/**
 * Projects the compiled model `d` along `paths` (layout `[param * H + t]`) and returns a copy of
 * the state (404 cells, see kernel.ts) at the end of every year in `years`.
 *
 * @example
 * const { 2020: state } = projectState(model.data, 13, paths, [2020]);
 */
export function projectState(d, H, paths, years) {
  const out = {};
  createCohortRunner(d, H).run(paths, new Float64Array(METRICS.length * (H + 1)), (t, state) => {
    const year = d.baseYear + t;
    if (t > 0 && years.includes(year)) out[year] = Float64Array.from(state);
  });
  return out;
}

/**
 * Percent of the state in each age band (both areas and sexes); `froms` are the bands' first ages.
 *
 * @example
 * ageShares(state, [0, 15, 60]); // [0-14, 15-59, 60+] in percent
 */
export function ageShares(state, froms) {
  const out = new Array(froms.length).fill(0);
  let all = 0;
  for (let i = 0; i < CELLS; i++) {
    const a = i % AGES;
    out[froms.findLastIndex((f) => f <= a)] += state[i];
    all += state[i];
  }
  return out.map((x) => (100 * x) / all);
}
