/**
 * The cohort model's population by area, sex and age at chosen year-ends. The model's runner
 * reports aggregates only (totals, shares, flows), but calibrating fertility to a census child
 * share needs the age structure, so this steps the compiled kernel the way the runner does
 * (models/cohort/runner.ts: life tables from each year's e0, then `cohortStep`). The calibration
 * script checks that its totals equal the runner's, so the two cannot drift apart silently.
 *
 * @module
 */
import { P } from '../../dist/models/cohort/index.js';
import { CELLS, FLOW_SLOTS, cohortStep } from '../../dist/models/cohort/kernel.js';
import { AGES, levelGrid, solveLevel, survivalRatios } from '../../dist/models/cohort/lifetable.js';

/**
 * Projects the compiled model `d` along `paths` (layout `[param * H + t]`) and returns a copy of
 * the state (404 cells, see kernel.ts) at the end of every year in `years`.
 *
 * @example
 * const { 2020: state } = projectState(model.data, 13, paths, [2020]);
 */
export function projectState(d, H, paths, years) {
  const mx = [d.mxStd.subarray(0, AGES), d.mxStd.subarray(AGES, 2 * AGES)];
  const grids = mx.map((m) => levelGrid(m));
  const Pop = Float64Array.from(d.baseline);
  const Q = new Float64Array(CELLS);
  const L = new Float64Array(AGES);
  const flows = new Float64Array(FLOW_SLOTS);
  const k = {
    survival: new Float64Array(CELLS),
    birthSurvival: new Float64Array(4),
    h: d.h,
    hLo: d.hLo,
    hHi: d.hHi,
    gRU: d.gRU,
    gUR: d.gUR,
    e: d.e,
    eMax: d.eMax,
    extUIsCount: d.extUIsCount,
    extRIsCount: d.extRIsCount,
  };
  const at = (p, t) => paths[p * H + t];
  const out = {};
  for (let t = 0; t < H; t++) {
    for (let b = 0; b < 4; b++) {
      solveLevel(mx[b & 1], at(P.e0UF + b, t), L, 1e-10, grids[b & 1]);
      k.birthSurvival[b] = survivalRatios(L, k.survival, b * AGES);
    }
    k.tfrU = at(P.tfrU, t);
    k.tfrR = at(P.tfrR, t);
    k.srb = at(P.srb, t);
    k.rho = at(P.ruralToUrban, t);
    k.ret = at(P.urbanToRural, t);
    k.c = at(P.reclassification, t);
    k.extU = at(P.externalU, t);
    k.extR = at(P.externalR, t);
    const year = d.baseYear + t + 1;
    cohortStep(Pop, Q, k, flows, year);
    if (years.includes(year)) out[year] = Float64Array.from(Pop);
  }
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
