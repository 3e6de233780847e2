/**
 * One year of the components projection: urban and rural totals with crude rates, in the order
 * of the cohort model's steps (MODEL.md v1): natural increase, internal migration (both ways at
 * once), reclassification, external migration. No allocation, no validation.
 *
 * @module
 */
import { DrawError } from '../../src/engine/model.js';
import { FLOW } from '../shared/urban-rural.js';

/** Flow slots written by {@link componentsStep}: the shared order (models/shared/urban-rural.ts). */
export { FLOW, FLOWS as FLOW_SLOTS } from '../shared/urban-rural.js';

/** The inputs of one step. One object per runner, its fields overwritten each step. */
export interface StepInputs {
  /** Crude birth and death rates by area, per person of the start-of-year population. */
  cbrU: number;
  cbrR: number;
  cdrU: number;
  cdrR: number;
  /** Rural→urban and urban→rural migration rates, on the populations after natural increase. */
  rho: number;
  ret: number;
  /** Reclassification rate, on the rural population after migration. */
  c: number;
  /** External migration per area: a rate on the start-of-year population, or a count. */
  extU: number;
  extR: number;
  extUIsCount: boolean;
  extRIsCount: boolean;
  /** Parameter indices of external.urban and external.rural, for {@link DrawError}. */
  extUParam: number;
  extRParam: number;
}

/**
 * Projects `S = [U, R]` (end of year t) to end of year t+1 in place and writes the step's flows.
 * Throws {@link DrawError} if net emigration leaves an area negative (never clamps).
 *
 * @example
 * const S = Float64Array.of(4.5e6, 4.2e6);
 * componentsStep(S, inputs, flows, 2022);
 */
export function componentsStep(S: Float64Array, k: StepInputs, flows: Float64Array, year: number): void {
  const U = S[0];
  const R = S[1];
  // 1–2. Natural increase on the start-of-year populations.
  const BU = k.cbrU * U;
  const BR = k.cbrR * R;
  const DU = k.cdrU * U;
  const DR = k.cdrR * R;
  const U1 = U + BU - DU;
  const R1 = R + BR - DR;
  // 3. Internal migration, both directions at once.
  const fRU = R1 * k.rho;
  const fUR = U1 * k.ret;
  const U2 = U1 + fRU - fUR;
  const R2 = R1 - fRU + fUR;
  // 4. Reclassification of rural places.
  const fC = R2 * k.c;
  const U3 = U2 + fC;
  const R3 = R2 - fC;
  // 5. External migration: a count, or a rate on the start-of-year population.
  const NU = k.extUIsCount ? k.extU : k.extU * U;
  const NR = k.extRIsCount ? k.extR : k.extR * R;
  const U4 = U3 + NU;
  const R4 = R3 + NR;
  if (U4 < 0) throw emigrationError('urban', -NU, U3, year, k.extUParam);
  if (R4 < 0) throw emigrationError('rural', -NR, R3, year, k.extRParam);
  if (!(U4 + R4 > 0)) throw new DrawError(`the region's population falls to 0 in ${year}, so its urban share is undefined`, year);
  S[0] = U4;
  S[1] = R4;
  flows[FLOW.birthsU] = BU;
  flows[FLOW.birthsR] = BR;
  flows[FLOW.deathsU] = DU;
  flows[FLOW.deathsR] = DR;
  flows[FLOW.ruralToUrban] = fRU;
  flows[FLOW.urbanToRural] = fUR;
  flows[FLOW.reclassification] = fC;
  flows[FLOW.externalU] = NU;
  flows[FLOW.externalR] = NR;
}

function emigrationError(area: string, out: number, pop: number, year: number, param: number): DrawError {
  return new DrawError(
    `net external emigration of ${persons(out)} persons from the ${area} population in ${year} exceeds the ${persons(pop)} persons there`,
    year,
    param,
  );
}

/** Persons for a message: whole numbers when large, else enough digits to tell two apart. */
function persons(x: number): string {
  return Math.abs(x) >= 1e7 ? String(Math.round(x)) : String(Number(x.toPrecision(7)));
}
