/**
 * The components model's per-draw runner: reads each year's rates from the draw's paths, steps
 * the urban and rural totals, and writes every metric, including the decomposition of the
 * change in the urban share. No allocation in `run`.
 *
 * @module
 */
import type { Runner } from '../../src/engine/model.js';
import type { ComponentsData } from './compile.js';
import { FLOWS, recordBaseline, recordStep } from '../shared/urban-rural.js';
import { componentsStep, type StepInputs } from './kernel.js';

/** Parameter indices (same order as `parameters()` in index.ts). */
const CBR_U = 0;
const CBR_R = 1;
const CDR_U = 2;
const CDR_R = 3;
const RHO = 4;
const RET = 5;
const RECL = 6;
const EXT_U = 7;
const EXT_R = 8;


/** Fills `k` with step t's values from `paths`. */
function inputsAt(k: StepInputs, paths: Float64Array, H: number, t: number): void {
  k.cbrU = paths[CBR_U * H + t];
  k.cbrR = paths[CBR_R * H + t];
  k.cdrU = paths[CDR_U * H + t];
  k.cdrR = paths[CDR_R * H + t];
  k.rho = paths[RHO * H + t];
  k.ret = paths[RET * H + t];
  k.c = paths[RECL * H + t];
  k.extU = paths[EXT_U * H + t];
  k.extR = paths[EXT_R * H + t];
}

/**
 * Creates a runner for H steps.
 *
 * @example
 * const r = createComponentsRunner(data, 14);
 * r.run(paths, out);
 */
export function createComponentsRunner(d: ComponentsData, H: number): Runner {
  const S = new Float64Array(2);
  const flows = new Float64Array(FLOWS);
  const k: StepInputs = {
    cbrU: 0,
    cbrR: 0,
    cdrU: 0,
    cdrR: 0,
    rho: 0,
    ret: 0,
    c: 0,
    extU: 0,
    extR: 0,
    extUIsCount: d.extUIsCount,
    extRIsCount: d.extRIsCount,
    extUParam: EXT_U,
    extRParam: EXT_R,
  };
  const T1 = H + 1;
  return {
    run(paths: Float64Array, out: Float64Array, _observe?: unknown, steps = H): void {
      let U = d.urban0;
      let R = d.rural0;
      S[0] = U;
      S[1] = R;
      recordBaseline(out, T1, U, R);
      for (let t = 0; t < steps; t++) {
        inputsAt(k, paths, H, t);
        componentsStep(S, k, flows, d.baseYear + t + 1);
        const U1 = S[0];
        const R1 = S[1];
        recordStep(out, T1, t + 1, U, R, U1, R1, flows);
        U = U1;
        R = R1;
      }
    },
  };
}

/**
 * The per-step inputs for given paths (`--dump-schedules`), enough to recompute the projection
 * by hand from the baseline.
 *
 * @example
 * JSON.stringify(scheduleDump(data, 14, medianPaths));
 */
export function scheduleDump(d: ComponentsData, H: number, paths: Float64Array): unknown {
  const ext = (isCount: boolean, v: number) => (isCount ? { count: v } : { rate: v });
  const steps = [];
  for (let t = 0; t < H; t++) {
    const at = (p: number) => paths[p * H + t];
    steps.push({
      year: d.baseYear + t + 1,
      cbr: { U: at(CBR_U), R: at(CBR_R) },
      cdr: { U: at(CDR_U), R: at(CDR_R) },
      ruralToUrban: at(RHO),
      urbanToRural: at(RET),
      reclassification: at(RECL),
      external: { U: ext(d.extUIsCount, at(EXT_U)), R: ext(d.extRIsCount, at(EXT_R)) },
    });
  }
  return {
    format: 'urbcast.components-schedules/1',
    notes:
      'Each step from (U, R): births = cbr·start, deaths = cdr·start; U1 = U + B − D; ' +
      'F_RU = ruralToUrban·R1, F_UR = urbanToRural·U1 (simultaneous); F_C = reclassification·R2; ' +
      'N = count, or rate·start-of-year population; U_next = U3 + N_U.',
    years: Array.from({ length: H + 1 }, (_, t) => d.baseYear + t),
    baseline: { urban: d.urban0, rural: d.rural0 },
    steps,
  };
}
