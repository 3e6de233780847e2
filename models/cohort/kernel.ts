/**
 * One year of the cohort-component urban/rural projection (MODEL.md v1, steps 1–5), over flat
 * `Float64Array`s with no allocation and no validation.
 *
 * State layout (404 cells): four blocks of 101 ages, block b = area·2 + sex with area U = 0,
 * R = 1 and sex F = 0, M = 1: `[UF 0…100 | UM 0…100 | RF 0…100 | RM 0…100]`. The same layout
 * holds survival ratios. Cell (b, a) is at `b * 101 + a`.
 *
 * @module
 */
import { DrawError } from '../../src/engine/model.js';
import { FLOW as SHARED_FLOW, FLOWS } from '../shared/urban-rural.js';
import type { HukouInputs } from './hukou/step.js';
import type { LevelGrid } from './lifetable.js';

export const UF = 0;
export const UM = 101;
export const RF = 202;
export const RM = 303;
export const CELLS = 404;

/**
 * Slots written by {@link cohortStep}: the shared nine flows, then the start-of-year totals, then
 * the end-of-year totals (summed in cell order: UF 0…100, UM 0…100, and likewise RF, RM), then
 * the external spread factors g_U, g_R of step 5 (a cell's external migrants are g·e(a)·Q''(a)).
 */
export const FLOW = { ...SHARED_FLOW, startU: FLOWS, startR: FLOWS + 1, endU: FLOWS + 2, endR: FLOWS + 3, extGU: FLOWS + 4, extGR: FLOWS + 5 } as const;
export const FLOW_SLOTS = FLOWS + 6;

/** The inputs of one step. One object per runner, its fields overwritten each step. */
export interface StepInputs {
  /** Survival ratios, state layout; s(a) at a ≤ 98, s(100) at both 99 and 100. */
  survival: Float64Array;
  /** Birth survival L(0) per block [UF, UM, RF, RM]. */
  birthSurvival: Float64Array;
  /** Fertility pattern h(a), Σ h = 1, non-zero on hLo … hHi. */
  h: Float64Array;
  hLo: number;
  hHi: number;
  tfrU: number;
  tfrR: number;
  srb: number;
  /** Rural→urban: m(a) = rho · gRU(a). */
  rho: number;
  gRU: Float64Array;
  /** Urban→rural: r(a) = ret · gUR(a). */
  ret: number;
  gUR: Float64Array;
  /** Reclassification rate c. */
  c: number;
  /** External migration per area: a rate on the start-of-year population, or a count. */
  extU: number;
  extR: number;
  extUIsCount: boolean;
  extRIsCount: boolean;
  /** External age schedule e(a) (shape only) and its maximum. */
  e: Float64Array;
  eMax: number;
  /** Parameter indices of the external flows, for error reports. */
  extUParam: number;
  extRParam: number;
}

/**
 * Projects `P` (end of year t) to end of year t+1 in place, using `Q` as scratch, and writes the
 * step's flows. Throws {@link DrawError} if net emigration exceeds a cell (never clamps).
 *
 * @example
 * cohortStep(P, Q, inputs, flows, 2022);
 */
export function cohortStep(P: Float64Array, Q: Float64Array, k: StepInputs, flows: Float64Array, year: number): void {
  const S = k.survival;
  // 1. Survival and ageing, fused with 2. the births' exposure ½[P_F(a) + Q_F(a+1)] over the
  // fertile ages (same operands, same order as two separate passes: the same bits).
  const h = k.h;
  const hLo = k.hLo;
  const hHi = k.hHi;
  const fused = hHi <= 98;
  let startU = 0;
  let startR = 0;
  let xU = 0;
  let xR = 0;
  for (let b = 0; b < 4; b++) {
    const o = b * 101;
    let sum = 0;
    if ((b & 1) === 0 && fused) {
      let x = 0;
      for (let a = 0; a < 99; a++) {
        const p = P[o + a];
        const q = p * S[o + a];
        Q[o + a + 1] = q;
        sum += p;
        if (a >= hLo && a <= hHi) x += h[a] * (p + q);
      }
      if (b === 0) xU = x;
      else xR = x;
    } else {
      for (let a = 0; a < 99; a++) {
        const p = P[o + a];
        Q[o + a + 1] = p * S[o + a];
        sum += p;
      }
    }
    const top = P[o + 99] + P[o + 100];
    Q[o + 100] = top * S[o + 100];
    sum += top;
    if (b < 2) startU += sum;
    else startR += sum;
  }
  if (!fused) {
    for (let a = hLo; a <= hHi; a++) {
      xU += h[a] * (P[UF + a] + Q[UF + a + 1]);
      xR += h[a] * (P[RF + a] + Q[RF + a + 1]);
    }
  }
  const BU = 0.5 * k.tfrU * xU;
  const BR = 0.5 * k.tfrR * xR;
  const pi = k.srb / (1 + k.srb);
  const bs = k.birthSurvival;
  Q[UF] = (1 - pi) * BU * bs[0];
  Q[UM] = pi * BU * bs[1];
  Q[RF] = (1 - pi) * BR * bs[2];
  Q[RM] = pi * BR * bs[3];
  // 3–4. Internal migration (simultaneous) and reclassification; survivors and external weights.
  let survU = 0;
  let survR = 0;
  let fRU = 0;
  let fUR = 0;
  let fC = 0;
  let wU = 0;
  let wR = 0;
  const { rho, ret, c, gRU, gUR, e } = k;
  for (let s = 0; s < 2; s++) {
    const oU = s * 101;
    const oR = 202 + s * 101;
    for (let a = 0; a < 101; a++) {
      const qU = Q[oU + a];
      const qR = Q[oR + a];
      survU += qU;
      survR += qR;
      const ru = qR * (rho * gRU[a]);
      const ur = qU * (ret * gUR[a]);
      const r1 = qR - ru + ur;
      const cl = r1 * c;
      const r2 = r1 - cl;
      const u2 = qU + ru - ur + cl;
      Q[oR + a] = r2;
      Q[oU + a] = u2;
      fRU += ru;
      fUR += ur;
      fC += cl;
      wU += e[a] * u2;
      wR += e[a] * r2;
    }
  }
  // 5. External migration, spread over sex and age in proportion to e(a)·Q''(a).
  const NU = k.extUIsCount ? k.extU : k.extU * startU;
  const NR = k.extRIsCount ? k.extR : k.extR * startR;
  const gU = spreadFactor(NU, wU, Q, 0, k, 'urban', year, k.extUParam);
  const gR = spreadFactor(NR, wR, Q, 202, k, 'rural', year, k.extRParam);
  let endU = 0;
  let endR = 0;
  for (let s = 0; s < 2; s++) {
    const oU = s * 101;
    const oR = 202 + s * 101;
    for (let a = 0; a < 101; a++) {
      const qU = Q[oU + a];
      const qR = Q[oR + a];
      const pU = qU + gU * e[a] * qU;
      const pR = qR + gR * e[a] * qR;
      P[oU + a] = pU;
      P[oR + a] = pR;
      endU += pU;
      endR += pR;
    }
  }
  flows[FLOW.birthsU] = BU;
  flows[FLOW.birthsR] = BR;
  flows[FLOW.deathsU] = startU + BU - survU;
  flows[FLOW.deathsR] = startR + BR - survR;
  flows[FLOW.ruralToUrban] = fRU;
  flows[FLOW.urbanToRural] = fUR;
  flows[FLOW.reclassification] = fC;
  flows[FLOW.externalU] = NU;
  flows[FLOW.externalR] = NR;
  flows[FLOW.startU] = startU;
  flows[FLOW.startR] = startR;
  flows[FLOW.endU] = endU;
  flows[FLOW.endR] = endR;
  flows[FLOW.extGU] = gU;
  flows[FLOW.extGR] = gR;
}

/**
 * N / Σ e·Q'', checking that no cell would go negative: a cell keeps Q''(1 + g·e(a)), so every
 * occupied age needs g·e(a) ≥ −1. The cheap test uses max e over all ages; only when it fails are
 * the occupied ages of the area (offset `o`, both sexes) examined.
 */
function spreadFactor(N: number, w: number, Q: Float64Array, o: number, k: StepInputs, area: Area, year: number, param: number): number {
  if (N === 0) return 0;
  if (!(w > 0)) throw spreadError(false, N, area, year, param);
  const g = N / w;
  if (g * k.eMax < -1) {
    let eMax = 0;
    for (let a = 0; a < 101; a++) if (Q[o + a] > 0 || Q[o + 101 + a] > 0) eMax = Math.max(eMax, k.e[a]);
    if (g * eMax < -1) throw spreadError(true, N, area, year, param);
  }
  return g;
}

/** An area's name in error messages. */
export type Area = 'urban' | 'rural';

/**
 * The {@link DrawError} of a step whose net external migration `N` cannot be spread over the
 * area: an empty population, or (`exceeds`) emigration larger than an age group. Shared by every
 * kernel so that they report the same error.
 *
 * @example
 * throw spreadError(true, -5000, 'rural', 2030, 11);
 */
export function spreadError(exceeds: boolean, N: number, area: Area, year: number, param: number): DrawError {
  return exceeds
    ? new DrawError(`net external emigration of ${-N} persons from the ${area} population in ${year} exceeds the population of the age group it is assigned to`, year, param)
    : new DrawError(`net external migration of ${N} persons cannot be spread over an empty ${area} population in ${year}`, year, param);
}

/**
 * A cohort step implementation: {@link cohortStep} or its WebAssembly build
 * (models/cohort/wasm/). `alloc` gives zeroed arrays the step reads and writes in place (for the
 * WebAssembly build, views of its memory: arrays from elsewhere are copied in and out per step).
 */
export interface CohortKernel {
  readonly name: 'js' | 'wasm';
  alloc(n: number): Float64Array;
  /** `src`'s values in an array from `alloc` (the JavaScript kernel returns `src` itself). */
  place(src: Float64Array): Float64Array;
  step(P: Float64Array, Q: Float64Array, k: StepInputs, flows: Float64Array, year: number): void;
  /**
   * This kernel's build of `hukouStep` (hukou/step.ts), same arguments and same bits; absent on
   * the JavaScript kernel, whose users call `hukouStep` itself.
   */
  hukouStep?(Z: Float64Array, W: Float64Array, k: StepInputs, hk: HukouInputs, cf: Float64Array, hf: Float64Array, year: number): void;
  /**
   * This kernel's build of one year's life tables (lifetable.ts: `solveLevel` to tolerance `tol`
   * on the grids, then `survivalRatios`), same bits; absent on the JavaScript kernel. For the
   * standard schedules `mx` by sex and their e0(θ) grids (the same θ range and step), returns a
   * function that, for each block b whose `e0[b]` differs from `last[b]`, writes survival block b
   * of `k.survival` and `k.birthSurvival[b]` and sets `last[b] = e0[b]`. `e0`, `last` and `k`'s
   * arrays come from this kernel's `alloc`.
   */
  lifeTables?(mx: Float64Array[], grids: LevelGrid[], tol: number): LifeTablesFn;
}

/** One year's four life tables (see {@link CohortKernel.lifeTables}). */
export type LifeTablesFn = (e0: Float64Array, last: Float64Array, k: StepInputs) => void;

/**
 * The JavaScript kernel ({@link cohortStep} over ordinary typed arrays).
 *
 * @example
 * const P = jsKernel.alloc(CELLS);
 */
export const jsKernel: CohortKernel = {
  name: 'js',
  alloc: (n) => new Float64Array(n),
  place: (src) => src,
  step: cohortStep,
};
