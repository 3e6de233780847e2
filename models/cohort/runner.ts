/**
 * The cohort model's per-draw runner: turns a draw's parameter paths into each year's schedules
 * (life tables solved from e0, cached while e0 does not change; in the kernel's WebAssembly build
 * when it has one, with the same bits) and steps the population,
 * writing every metric. Scratch memory is allocated once per runner.
 *
 * @module
 */
import type { Observer, Runner } from '../../src/engine/model.js';
import type { CohortData } from './compile.js';
import { AGES, levelGrid, solveLevel, survivalRatios, type LevelGrid } from './lifetable.js';
import { recordBaseline, recordStep, URBAN_RURAL_METRICS } from '../shared/urban-rural.js';
import { CELLS, FLOW, FLOW_SLOTS, RF, RM, UF, UM, type CohortKernel, type StepInputs } from './kernel.js';
import type { StepExtension } from './hukou/extension.js';
import { selectKernel } from './wasm/select.js';

/** Parameter indices (same order as `parameters()` in index.ts). */
const TFR_U = 0;
const TFR_R = 1;
const E0 = 2; // 2…5: UF, UM, RF, RM
const SRB = 6;
const RHO = 7;
const RET = 8;
const RECL = 9;
const EXT_U = 10;
const EXT_R = 11;


/** Tolerance of the e0 solve (years). */
const TOL = 1e-10;

/** Sets `k.survival` block b and `k.birthSurvival[b]` for life expectancy e0. */
function lifeTableInto(mx: Float64Array[], grids: LevelGrid[], sex: number, e0: number, L: Float64Array, k: StepInputs, b: number): void {
  solveLevel(mx[sex], e0, L, TOL, grids[sex]);
  k.birthSurvival[b] = survivalRatios(L, k.survival, b * AGES);
}

/** The standard schedules by sex and their e0(θ) tables. */
function standards(d: CohortData): { mx: Float64Array[]; grids: LevelGrid[] } {
  const mx = [d.mxStd.subarray(0, AGES), d.mxStd.subarray(AGES, 2 * AGES)];
  return { mx, grids: mx.map((m) => levelGrid(m)) };
}

/**
 * Creates a runner for H steps with kernel `kern` (by default the one `URBCAST_KERNEL` selects).
 * An extension (the hukou accounts, given the same kernel) runs after the baseline and after each
 * step with the step's inputs and flows, before the observer sees the residents.
 *
 * @example
 * const r = createCohortRunner(data, 14);
 * r.run(paths, out);
 */
export function createCohortRunner(d: CohortData, H: number, extension?: StepExtension, kern: CohortKernel = selectKernel()): Runner {
  // The step's arrays live where the kernel reads them (WebAssembly memory, or plain arrays).
  const Pop = kern.alloc(CELLS);
  const Q = kern.alloc(CELLS);
  const L = new Float64Array(AGES);
  const flows = kern.alloc(FLOW_SLOTS);
  const lastE0 = kern.alloc(4);
  const e0s = kern.alloc(4);
  const { mx, grids } = standards(d);
  // the kernel's own build of the year's life tables, if it has one (same bits)
  const lifeTables = kern.lifeTables?.(mx, grids, TOL);
  const k: StepInputs = {
    survival: kern.alloc(CELLS),
    birthSurvival: kern.alloc(4),
    h: kern.place(d.h),
    hLo: d.hLo,
    hHi: d.hHi,
    tfrU: 0,
    tfrR: 0,
    srb: 0,
    rho: 0,
    gRU: kern.place(d.gRU),
    ret: 0,
    gUR: kern.place(d.gUR),
    c: 0,
    extU: 0,
    extR: 0,
    extUIsCount: d.extUIsCount,
    extRIsCount: d.extRIsCount,
    e: kern.place(d.e),
    eMax: d.eMax,
    extUParam: EXT_U,
    extRParam: EXT_R,
  };
  const T1 = H + 1;
  // the extension's metrics follow the resident ones (HUKOU_MODEL_METRICS in index.ts)
  const own = URBAN_RURAL_METRICS.length;
  return {
    run(paths: Float64Array, out: Float64Array, observe?: Observer, steps = H, metrics?: Uint8Array): void {
      // the extension runs unless the caller reads none of its metrics
      const ext = extension !== undefined && (metrics === undefined || metrics.indexOf(1, own) >= 0) ? extension : undefined;
      Pop.set(d.baseline);
      lastE0.fill(NaN);
      let U = 0;
      let R = 0;
      for (let i = 0; i < 202; i++) U += Pop[i];
      for (let i = 202; i < CELLS; i++) R += Pop[i];
      recordBaseline(out, T1, U, R);
      if (ext) ext.baseline(Pop, paths, out);
      if (observe) observe(0, Pop, null);
      for (let t = 0; t < steps; t++) {
        if (lifeTables !== undefined) {
          for (let b = 0; b < 4; b++) e0s[b] = paths[(E0 + b) * H + t];
          lifeTables(e0s, lastE0, k);
        } else {
          for (let b = 0; b < 4; b++) {
            const e0 = paths[(E0 + b) * H + t];
            if (e0 !== lastE0[b]) {
              lifeTableInto(mx, grids, b & 1, e0, L, k, b);
              lastE0[b] = e0;
            }
          }
        }
        k.tfrU = paths[TFR_U * H + t];
        k.tfrR = paths[TFR_R * H + t];
        k.srb = paths[SRB * H + t];
        k.rho = paths[RHO * H + t];
        k.ret = paths[RET * H + t];
        k.c = paths[RECL * H + t];
        k.extU = paths[EXT_U * H + t];
        k.extR = paths[EXT_R * H + t];
        const year = d.baseYear + t + 1;
        kern.step(Pop, Q, k, flows, year);
        const U1 = flows[FLOW.endU];
        const R1 = flows[FLOW.endR];
        recordStep(out, T1, t + 1, U, R, U1, R1, flows);
        if (ext) ext.step(t, k, flows, paths, out);
        if (observe) observe(t + 1, Pop, flows);
        U = U1;
        R = R1;
      }
    },
  };
}

const blocks = { UF, UM, RF, RM } as const;

function byBlock(a: Float64Array): Record<keyof typeof blocks, number[]> {
  return {
    UF: Array.from(a.subarray(UF, UF + AGES)),
    UM: Array.from(a.subarray(UM, UM + AGES)),
    RF: Array.from(a.subarray(RF, RF + AGES)),
    RM: Array.from(a.subarray(RM, RM + AGES)),
  };
}

/**
 * The compiled per-step inputs for given paths, in the documented `--dump-schedules` format, so a
 * projection can be recomputed independently of the engine.
 *
 * @example
 * JSON.stringify(scheduleDump(data, 14, medianPaths));
 */
export function scheduleDump(d: CohortData, H: number, paths: Float64Array): unknown {
  const L = new Float64Array(AGES);
  const survival = new Float64Array(CELLS);
  const bsurv = new Float64Array(4);
  const k = { survival, birthSurvival: bsurv } as StepInputs;
  const { mx, grids } = standards(d);
  const steps = [];
  for (let t = 0; t < H; t++) {
    for (let b = 0; b < 4; b++) lifeTableInto(mx, grids, b & 1, paths[(E0 + b) * H + t], L, k, b);
    const rho = paths[RHO * H + t];
    const ret = paths[RET * H + t];
    const ext = (isCount: boolean, v: number) => (isCount ? { count: v } : { rate: v });
    const rates = (g: Float64Array, x: number) => Array.from(g, (v) => x * v);
    steps.push({
      year: d.baseYear + t + 1,
      survival: byBlock(survival),
      birthSurvival: { UF: bsurv[0], UM: bsurv[1], RF: bsurv[2], RM: bsurv[3] },
      fertility: { U: rates(d.h, paths[TFR_U * H + t]), R: rates(d.h, paths[TFR_R * H + t]) },
      srb: paths[SRB * H + t],
      ruralToUrban: { F: rates(d.gRU, rho), M: rates(d.gRU, rho) },
      urbanToRural: { F: rates(d.gUR, ret), M: rates(d.gUR, ret) },
      reclassification: paths[RECL * H + t],
      external: {
        U: ext(d.extUIsCount, paths[EXT_U * H + t]),
        R: ext(d.extRIsCount, paths[EXT_R * H + t]),
        schedule: Array.from(d.e),
      },
    });
  }
  return {
    format: 'urbcast.schedules/1',
    notes:
      'Age index 0…100 (100 = 100+). survival[a] for a ≤ 98 is s(a); survival[99] = survival[100] = s(100), applied to P(99) + P(100). ' +
      'fertility[a] = TFR·h(a); births use ½[P_F(a) + Q_F(a+1)]. external.schedule is e(a) (shape only).',
    years: Array.from({ length: H + 1 }, (_, t) => d.baseYear + t),
    baseline: byBlock(d.baseline),
    steps,
  };
}
