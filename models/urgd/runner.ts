/**
 * The urgd model's per-draw runner: each year the logit of the urban share moves by that
 * year's URGD (optionally drifting towards a target) and the total grows at its own rate.
 * No allocation in `run`.
 *
 * @module
 */
import { DrawError, type Runner } from '../../src/engine/model.js';
import type { UrgdData } from './compile.js';
import { logistic } from './logit.js';

/** Parameter indices (same order as `parameters()` in index.ts). */
const P_URGD = 0;
const P_GROWTH = 1;
const P_TARGET = 2;
const P_SPEED = 3;

/** Metric indices (same order as METRICS in index.ts). */
const M_TOTAL = 0;
const M_URBAN = 1;
const M_RURAL = 2;
const M_SHARE = 3;
const M_URGD = 4;
const M_CONTRIB = 5;

/**
 * The URGD applied in step t (year y0+t → y0+t+1), given the previous step's value `prev`.
 * Without drift it is the `urgd` path's value; with drift it starts at the path's first value
 * and then closes a share `speed_t` of the gap to `target_t` each year.
 *
 * @example
 * urgdAt(paths, 14, true, 1, 0.03); // 0.03 + speed_1·(target_1 − 0.03)
 */
export function urgdAt(paths: Float64Array, H: number, drift: boolean, t: number, prev: number): number {
  if (!drift || t === 0) return paths[P_URGD * H + t];
  // prev + s·(target − prev), written as a convex combination so that s = 0 and s = 1 are exact.
  const s = paths[P_SPEED * H + t];
  return (1 - s) * prev + s * paths[P_TARGET * H + t];
}

/**
 * Creates a runner for H steps.
 *
 * @example
 * const r = createUrgdRunner(data, 14);
 * r.run(paths, out);
 */
export function createUrgdRunner(d: UrgdData, H: number): Runner {
  const T1 = H + 1;
  return {
    run(paths: Float64Array, out: Float64Array, _observe?: unknown, steps = H): void {
      let T = d.population;
      let L = d.logit0;
      out[M_TOTAL * T1] = T;
      out[M_URBAN * T1] = T * d.urbanShare;
      out[M_RURAL * T1] = T * (1 - d.urbanShare);
      out[M_SHARE * T1] = d.urbanShare;
      out[M_URGD * T1] = 0;
      out[M_CONTRIB * T1] = 0;
      let D = 0;
      let uPrev = d.urbanShare;
      for (let t = 0; t < steps; t++) {
        D = urgdAt(paths, H, d.drift, t, D);
        L += D;
        T *= 1 + paths[P_GROWTH * H + t];
        const year = d.baseYear + t + 1;
        if (!(T > 0)) throw new DrawError(`the region's population falls to 0 in ${year} (growth ${paths[P_GROWTH * H + t]}), so its urban share is undefined`, year, P_GROWTH);
        const u = logistic(L);
        const j = t + 1;
        out[M_TOTAL * T1 + j] = T;
        out[M_URBAN * T1 + j] = T * u;
        out[M_RURAL * T1 + j] = T * logistic(-L);
        out[M_SHARE * T1 + j] = u;
        out[M_URGD * T1 + j] = D;
        // The whole change of the share is the URGD's: the model has no other component.
        out[M_CONTRIB * T1 + j] = u - uPrev;
        uPrev = u;
      }
    },
  };
}

/**
 * The per-step inputs for given paths (`--dump-schedules`): the URGD actually applied each year
 * (after drift) and the total's growth rate, enough to recompute the projection by hand.
 *
 * @example
 * JSON.stringify(scheduleDump(data, 14, medianPaths));
 */
export function scheduleDump(d: UrgdData, H: number, paths: Float64Array): unknown {
  const steps = [];
  let D = 0;
  for (let t = 0; t < H; t++) {
    D = urgdAt(paths, H, d.drift, t, D);
    steps.push({ year: d.baseYear + t + 1, urgd: D, growth: paths[P_GROWTH * H + t] });
  }
  return {
    format: 'urbcast.urgd-schedules/1',
    notes:
      'Each step: logit(u) += urgd; T *= 1 + growth; urban = T·logistic(logit u), rural = T·logistic(−logit u). ' +
      'urgd is after drift (if any).',
    years: Array.from({ length: H + 1 }, (_, t) => d.baseYear + t),
    baseline: { population: d.population, urbanShare: d.urbanShare, logit: d.logit0 },
    steps,
  };
}
