/**
 * The hukou accounts' baseline split and their output series (README.md, "Hukou"): what the
 * cohort model adds to the shared urban/rural series when its `hukou:` block is present.
 *
 * Output layout: the hukou series follow the shared ones, `out[(HUKOU_M0 + m) * T1 + t]`.
 *
 * @module
 */
import { DrawError, type MetricDecl } from '../../../src/engine/model.js';
import { URBAN_RURAL_METRICS } from '../../shared/urban-rural.js';
import { CELLS } from '../kernel.js';
import { HC, HFLOW, LC, OH, OL, XC } from './step.js';

/** Index of the first hukou series. */
export const HUKOU_M0 = URBAN_RURAL_METRICS.length;

/** The hukou series, in layout order after the shared ones. */
export const HUKOU_METRICS: MetricDecl[] = [
  { name: 'registered', label: 'Registered (户籍) population', unit: 'persons', kind: 'stock', display: { column: 'registered' } },
  { name: 'hukouUrban', label: 'Registered population with urban hukou', unit: 'persons', kind: 'stock' },
  { name: 'hukouShare', label: 'Hukou urbanisation rate', unit: 'share', kind: 'share', display: { column: 'hukou %' } },
  { name: 'hukouGap', label: 'Resident minus hukou urbanisation rate', unit: 'share', kind: 'difference' },
  { name: 'urbanMigrants', label: 'Urban residents without local urban hukou', unit: 'persons', kind: 'stock' },
  { name: 'nonLocal', label: 'Residents registered elsewhere', unit: 'persons', kind: 'stock' },
  { name: 'outside', label: 'Registered here, living outside', unit: 'persons', kind: 'stock' },
  { name: 'outsideUrbanHukou', label: 'Registered here with urban hukou, living outside', unit: 'persons', kind: 'stock' },
  { name: 'citizenised', label: 'Migrants granted urban hukou', unit: 'persons/yr', kind: 'flow', display: { column: 'citizenised' } },
  { name: 'citizenisedNonLocal', label: 'of which registered elsewhere before', unit: 'persons/yr', kind: 'flow' },
  { name: 'reclassifiedHukou', label: 'Reclassified residents granted urban hukou', unit: 'persons/yr', kind: 'flow' },
  { name: 'naturalHukouUrban', label: 'Natural increase, urban-hukou residents', unit: 'persons/yr', kind: 'flow' },
  { name: 'naturalRegistered', label: 'Natural increase, registered residents', unit: 'persons/yr', kind: 'flow' },
];

const M_REG = HUKOU_M0;
const M_SHARE = 3; // urbanShare among the shared series

/** Baseline inputs of one draw. */
export interface HukouBaseline {
  registered: number;
  hukouShare: number;
  nonLocal: number;
}

/**
 * Splits the baseline residents `P` (404 cells) into H, L, X and sets the outside stocks in `Z`:
 * X = nonLocal and H = hukouShare·(residents − X) in towns, in proportion to the urban cells;
 * L = the rest; outside O = registered − (residents − X), of which a share hukouShare holds urban
 * hukou. Throws {@link DrawError} when the figures cannot be reconciled.
 *
 * @example
 * splitBaseline(Pop, Z, { registered: 8.07e6, hukouShare: 0.598, nonLocal: 1.5e6 }, 2020);
 */
export function splitBaseline(P: Float64Array, Z: Float64Array, b: HukouBaseline, year: number): void {
  let U = 0;
  let R = 0;
  for (let i = 0; i < 202; i++) U += P[i];
  for (let i = 202; i < CELLS; i++) R += P[i];
  const localResidents = U + R - b.nonLocal;
  // Within rounding (1e-9 relative) of the residents registered here, no one lives outside.
  const gap = b.registered - localResidents;
  const outside = gap < 0 && gap > -1e-9 * b.registered ? 0 : gap;
  const Hres = b.hukouShare * localResidents;
  const where = `at the baseline (${year})`;
  if (!(b.nonLocal >= 0) || !(outside >= 0)) {
    throw new DrawError(
      `${where} the registered population ${Math.round(b.registered)} is smaller than the residents registered here (${Math.round(U + R)} residents − ${Math.round(b.nonLocal)} registered elsewhere): the registered population living outside would be negative`,
      year,
    );
  }
  if (!(Hres + b.nonLocal <= U * (1 + 1e-9)) || !(b.hukouShare >= 0 && b.hukouShare <= 1)) {
    throw new DrawError(
      `${where} ${Math.round(Hres)} urban-hukou residents plus ${Math.round(b.nonLocal)} registered elsewhere exceed the ${Math.round(U)} urban residents`,
      year,
    );
  }
  const fH = U > 0 ? Hres / U : 0;
  const fX = U > 0 ? b.nonLocal / U : 0;
  for (let i = 0; i < 202; i++) {
    Z[HC + i] = fH * P[i];
    Z[XC + i] = fX * P[i];
    Z[LC + i] = Math.max(0, P[i] - Z[HC + i] - Z[XC + i]);
  }
  for (let i = 202; i < CELLS; i++) {
    Z[HC + i] = 0;
    Z[XC + i] = 0;
    Z[LC + i] = P[i];
  }
  Z[OH] = b.hukouShare * outside;
  Z[OL] = outside - Z[OH];
}

/**
 * Writes the hukou series for year index j from the state `Z` and its totals and flows in `hf`
 * (the step's, or at the baseline zero flows and `hukouTotals`); the shared series of year j must
 * already be written.
 *
 * @example
 * recordHukou(out, H + 1, t + 1, Z, hflows);
 */
export function recordHukou(out: Float64Array, T1: number, j: number, Z: Float64Array, hf: Float64Array): void {
  const H = hf[HFLOW.totalH];
  const L = hf[HFLOW.totalL];
  const X = hf[HFLOW.totalX];
  const mig = hf[HFLOW.totalMigrants];
  const reg = H + L + Z[OH] + Z[OL];
  const hu = H + Z[OH];
  const share = hu / reg;
  out[M_REG * T1 + j] = reg;
  out[(M_REG + 1) * T1 + j] = hu;
  out[(M_REG + 2) * T1 + j] = share;
  out[(M_REG + 3) * T1 + j] = out[M_SHARE * T1 + j] - share;
  out[(M_REG + 4) * T1 + j] = mig;
  out[(M_REG + 5) * T1 + j] = X;
  out[(M_REG + 6) * T1 + j] = Z[OH] + Z[OL];
  out[(M_REG + 7) * T1 + j] = Z[OH];
  out[(M_REG + 8) * T1 + j] = hf[HFLOW.citizenised];
  out[(M_REG + 9) * T1 + j] = hf[HFLOW.citizenisedNonLocal];
  out[(M_REG + 10) * T1 + j] = hf[HFLOW.reclassifiedHukou];
  out[(M_REG + 11) * T1 + j] = hf[HFLOW.naturalH];
  out[(M_REG + 12) * T1 + j] = hf[HFLOW.naturalReg];
}
