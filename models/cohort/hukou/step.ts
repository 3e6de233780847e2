/**
 * One year of the hukou accounts (README.md, "Hukou", steps H0–H5), run after the resident step
 * {@link cohortStep} of the same year with the same inputs, over flat `Float64Array`s with no
 * allocation and no validation.
 *
 * State layout (1214 slots): three status blocks of 404 cells in the resident layout
 * (`[UF 0…100 | UM | RF | RM]`), then the two stocks registered here but living outside:
 * `[H 0…403 | L 404…807 | X 808…1211 | oH 1212 | oL 1213]` with
 * - H: residents holding local urban hukou (城镇户籍),
 * - L: residents holding local rural hukou (the region's 农业转移人口 when they live in towns),
 * - X: residents registered outside the region (外来人口),
 * - oH, oL: persons registered here (urban, rural hukou) living outside the region.
 * Per cell, H + L + X equals the resident population of {@link cohortStep} (to rounding).
 *
 * @module
 */
import { DrawError } from '../../../src/engine/model.js';
import { CELLS, FLOW, type StepInputs } from '../kernel.js';

export const HC = 0;
export const LC = CELLS;
export const XC = 2 * CELLS;
export const OH = 3 * CELLS;
export const OL = 3 * CELLS + 1;
export const HUKOU_SLOTS = 3 * CELLS + 2;

/** Flow slots written by {@link hukouStep}. */
export const HFLOW = {
  /** Urban residents without local urban hukou granted it (L → H and X → H). */
  citizenised: 0,
  /** The part of `citizenised` that was registered elsewhere (X → H): transfers into the register. */
  citizenisedNonLocal: 1,
  /** Reclassified residents with local rural hukou who gained urban hukou (L → H). */
  reclassifiedHukou: 2,
  /** Births − deaths of resident urban-hukou holders (H). */
  naturalH: 3,
  /** Births − deaths of resident local-hukou holders (H + L). */
  naturalReg: 4,
  /** End-of-year totals of the state (what the series need), by {@link hukouTotals}. */
  totalH: 5,
  totalL: 6,
  totalX: 7,
  /** Urban residents without local urban hukou (L + X in towns). */
  totalMigrants: 8,
} as const;
export const HFLOW_SLOTS = 9;

/** The hukou inputs of one step. One object per runner, its fields overwritten each step. */
export interface HukouInputs {
  /** Citizenisation: a rate on urban residents without local urban hukou, or a count. */
  conversion: number;
  conversionIsCount: boolean;
  /** γ: probability that a reclassified L resident gains urban hukou. */
  gain: number;
  /** φ: share of net external arrivals registered elsewhere (the rest return from outside). */
  arrivalsNonLocal: number;
  /** δ: annual rate of change of the outside stocks. */
  outsideChange: number;
  /** Parameter indices for error reports. */
  conversionParam: number;
  arrivalsParam: number;
}

/**
 * Projects the hukou state `Z` (end of year t) to the end of year t+1 in place, using `W` as
 * scratch, with the resident step's inputs `k` and flows `cf` (for g_U, g_R), and writes the
 * year's flows and the new state's totals ({@link hukouTotals}) to `hf`. Throws
 * {@link DrawError} when a count of conversions exceeds the migrants or returns exceed the
 * outside stock.
 *
 * Order of the sums (the same in hukou.c, whose vectors run along the ages): every sum over cells
 * runs in two lanes, one for the even ages and one for the odd ages, each in the order sex by
 * sex, age by age, and its value is lane 0 + lane 1. A sum over both areas (the start-of-year and
 * survivors' sums, the totals) adds each urban cell to its rural twin (same status, sex and age)
 * first; H5's sums run area after area in the same two lanes. The survivors' sum is taken in H3,
 * before the cells move. The births' exposures stay serial sums over the fertile ages. (Up to
 * December 2026 every sum ran serially in cell order: the flows and totals moved by rounding only.)
 *
 * @example
 * cohortStep(P, Q, k, flows, 2022);
 * hukouStep(Z, W, k, hk, flows, hflows, 2022);
 */
export function hukouStep(Z: Float64Array, W: Float64Array, k: StepInputs, hk: HukouInputs, cf: Float64Array, hf: Float64Array, year: number): void {
  const S = k.survival;
  const h = k.h;
  const pi = k.srb / (1 + k.srb);
  const bs = k.birthSurvival;
  // H0. The outside stocks change at their own rate.
  const delta = hk.outsideChange;
  let oH = Z[OH] * (1 + delta);
  let oL = Z[OL] * (1 + delta);
  // H1–H2. Survival and ageing, births by the mother's status (each status block as cohortStep).
  for (let z = 0; z < 3; z++) {
    const zo = z * CELLS;
    for (let b = 0; b < 4; b++) {
      const o = zo + b * 101;
      for (let a = 0; a < 99; a++) W[o + a + 1] = Z[o + a] * S[b * 101 + a];
      W[o + 100] = (Z[o + 99] + Z[o + 100]) * S[b * 101 + 100];
    }
    let xU = 0;
    let xR = 0;
    for (let a = k.hLo; a <= k.hHi; a++) {
      xU += h[a] * (Z[zo + a] + W[zo + a + 1]);
      xR += h[a] * (Z[zo + 202 + a] + W[zo + 202 + a + 1]);
    }
    const BU = 0.5 * k.tfrU * xU;
    const BR = 0.5 * k.tfrR * xR;
    W[zo] = (1 - pi) * BU * bs[0];
    W[zo + 101] = pi * BU * bs[1];
    W[zo + 202] = (1 - pi) * BR * bs[2];
    W[zo + 303] = pi * BR * bs[3];
  }
  // The start-of-year sums of H and L (X's enter no output), in two lanes.
  let startH0 = 0;
  let startH1 = 0;
  let startL0 = 0;
  let startL1 = 0;
  for (let s = 0; s < 2; s++) {
    for (let a = 0; a < 101; a++) {
      const i = s * 101 + a;
      const tH = Z[HC + i] + Z[HC + i + 202];
      const tL = Z[LC + i] + Z[LC + i + 202];
      if ((a & 1) === 0) {
        startH0 += tH;
        startL0 += tL;
      } else {
        startH1 += tH;
        startL1 += tL;
      }
    }
  }
  // H3. Internal migration and reclassification: every status moves at the cell's rates; of the
  // reclassified with local rural hukou, a share γ gains urban hukou. The survivors of H1–H2 (H
  // and L) are summed here, before they move.
  const { rho, ret, c, gRU, gUR } = k;
  const gain = hk.gain;
  let survH0 = 0;
  let survH1 = 0;
  let survL0 = 0;
  let survL1 = 0;
  let rec0 = 0;
  let rec1 = 0;
  let mig0 = 0;
  let mig1 = 0;
  for (let s = 0; s < 2; s++) {
    for (let a = 0; a < 101; a++) {
      const i = s * 101 + a;
      const mRU = rho * gRU[a];
      const mUR = ret * gUR[a];
      const tH = W[HC + i] + W[HC + i + 202];
      const tL = W[LC + i] + W[LC + i + 202];
      move(W, HC + i, mRU, mUR, c);
      const gained = move(W, LC + i, mRU, mUR, c) * gain;
      W[LC + i] -= gained;
      W[HC + i] += gained;
      move(W, XC + i, mRU, mUR, c);
      const m = W[LC + i] + W[XC + i];
      if ((a & 1) === 0) {
        survH0 += tH;
        survL0 += tL;
        rec0 += gained;
        mig0 += m;
      } else {
        survH1 += tH;
        survL1 += tL;
        rec1 += gained;
        mig1 += m;
      }
    }
  }
  const naturalH = survH0 + survH1 - (startH0 + startH1);
  const naturalReg = 0 + naturalH + (survL0 + survL1 - (startL0 + startL1));
  const migrants = mig0 + mig1;
  // H4. Citizenisation of urban residents without local urban hukou, in proportion to their number.
  const kappa = hk.conversionIsCount ? (hk.conversion === 0 ? 0 : hk.conversion / migrants) : hk.conversion;
  if (!(kappa >= 0 && kappa <= 1)) throw conversionError(hk, migrants, year);
  let cit0 = 0;
  let cit1 = 0;
  let nonLocal0 = 0;
  let nonLocal1 = 0;
  for (let s = 0; s < 2; s++) {
    for (let a = 0; a < 101; a++) {
      const i = s * 101 + a;
      const cL = W[LC + i] * kappa;
      const cX = W[XC + i] * kappa;
      W[HC + i] += cL + cX;
      W[LC + i] -= cL;
      W[XC + i] -= cX;
      if ((a & 1) === 0) {
        cit0 += cL + cX;
        nonLocal0 += cX;
      } else {
        cit1 += cL + cX;
        nonLocal1 += cX;
      }
    }
  }
  // H5. External migration at the resident step's factors: net arrivals are registered elsewhere
  // (share φ) or return from outside (in the outside stocks' hukou mix); net leavers keep their
  // status, local ones joining the outside stocks.
  const phi = hk.arrivalsNonLocal;
  const fH = oH + oL > 0 ? oH / (oH + oL) : 0;
  const e = k.e;
  let returned0 = 0;
  let returned1 = 0;
  let left0 = 0;
  let left1 = 0;
  let leftH0 = 0;
  let leftH1 = 0;
  for (let area = 0; area < 2; area++) {
    const g = area === 0 ? cf[FLOW.extGU] : cf[FLOW.extGR];
    if (g === 0) continue;
    for (let s = 0; s < 2; s++) {
      const o = area * 202 + s * 101;
      for (let a = 0; a < 101; a++) {
        const f = g * e[a];
        const iH = HC + o + a;
        const iL = LC + o + a;
        const iX = XC + o + a;
        if (g > 0) {
          const A = f * (W[iH] + W[iL] + W[iX]);
          const back = (1 - phi) * A;
          W[iX] += A - back;
          W[iH] += back * fH;
          W[iL] += back - back * fH;
          if ((a & 1) === 0) returned0 += back;
          else returned1 += back;
        } else {
          const lH = -f * W[iH];
          const lL = -f * W[iL];
          W[iH] -= lH;
          W[iL] -= lL;
          W[iX] += f * W[iX];
          if ((a & 1) === 0) {
            left0 += lH + lL;
            leftH0 += lH;
          } else {
            left1 += lH + lL;
            leftH1 += lH;
          }
        }
      }
    }
  }
  const returned = returned0 + returned1;
  if (returned > 0) {
    if (!(returned <= (oH + oL) * (1 + 1e-12))) throw returnsError(hk, returned, oH + oL, year);
    oH -= returned * fH;
    oL -= returned - returned * fH;
  }
  const left = left0 + left1;
  const leftH = leftH0 + leftH1;
  Z.set(W.subarray(0, 3 * CELLS));
  Z[OH] = oH + leftH;
  Z[OL] = oL + (left - leftH);
  hf[HFLOW.citizenised] = cit0 + cit1;
  hf[HFLOW.citizenisedNonLocal] = nonLocal0 + nonLocal1;
  hf[HFLOW.reclassifiedHukou] = rec0 + rec1;
  hf[HFLOW.naturalH] = naturalH;
  hf[HFLOW.naturalReg] = naturalReg;
  hukouTotals(Z, hf);
}

/**
 * H3 for one status at urban cell `iU` and its rural twin `iU + 202` of `W`, in place: internal
 * migration at m_RU, m_UR, then reclassification at rate `c`. Returns the reclassified.
 *
 * @example
 * const cl = move(W, LC + 5, 0.02, 0.001, 0.01);
 */
function move(W: Float64Array, iU: number, mRU: number, mUR: number, c: number): number {
  const qU = W[iU];
  const qR = W[iU + 202];
  const ru = qR * mRU;
  const ur = qU * mUR;
  const r1 = qR - ru + ur;
  const cl = r1 * c;
  W[iU + 202] = r1 - cl;
  W[iU] = qU + ru - ur + cl;
  return cl;
}

/**
 * Writes the totals of state `Z` to their slots of `hf` ({@link HFLOW}: totalH, totalL, totalX over
 * the 404 cells, totalMigrants over the 202 urban cells), each in {@link hukouStep}'s two lanes
 * (even and odd ages, sex by sex, age by age; each urban cell with its rural twin).
 *
 * @example
 * hukouTotals(Z, hf); // hf[HFLOW.totalH]: residents with local urban hukou
 */
export function hukouTotals(Z: Float64Array, hf: Float64Array): void {
  let H0 = 0;
  let H1 = 0;
  let L0 = 0;
  let L1 = 0;
  let X0 = 0;
  let X1 = 0;
  let mig0 = 0;
  let mig1 = 0;
  for (let s = 0; s < 2; s++) {
    for (let a = 0; a < 101; a++) {
      const i = s * 101 + a;
      const tH = Z[HC + i] + Z[HC + i + 202];
      const tL = Z[LC + i] + Z[LC + i + 202];
      const tX = Z[XC + i] + Z[XC + i + 202];
      const m = Z[LC + i] + Z[XC + i];
      if ((a & 1) === 0) {
        H0 += tH;
        L0 += tL;
        X0 += tX;
        mig0 += m;
      } else {
        H1 += tH;
        L1 += tL;
        X1 += tX;
        mig1 += m;
      }
    }
  }
  hf[HFLOW.totalH] = H0 + H1;
  hf[HFLOW.totalL] = L0 + L1;
  hf[HFLOW.totalX] = X0 + X1;
  hf[HFLOW.totalMigrants] = mig0 + mig1;
}

/**
 * The {@link DrawError} of a hukou step whose citizenisation (a count, or a rate above 1) exceeds
 * the `migrants`, the urban residents without local urban hukou. Shared by every kernel.
 *
 * @example
 * throw conversionError(hk, 81234.5, 2030);
 */
export function conversionError(hk: HukouInputs, migrants: number, year: number): DrawError {
  return new DrawError(
    `citizenisation of ${hk.conversion} persons in ${year} exceeds the ${Math.round(migrants)} urban residents without local urban hukou`,
    year,
    hk.conversionParam,
  );
}

/**
 * The {@link DrawError} of a hukou step whose `returned` residents exceed the registered population
 * living `outside` (after the year's change). Shared by every kernel.
 *
 * @example
 * throw returnsError(hk, 52000, 50000, 2030);
 */
export function returnsError(hk: HukouInputs, returned: number, outside: number, year: number): DrawError {
  return new DrawError(
    `${Math.round(returned)} returning residents in ${year} exceed the ${Math.round(outside)} registered here living outside`,
    year,
    hk.arrivalsParam,
  );
}
