/**
 * What the urban/rural accounting models (`cohort`, `components`) share: their output series,
 * the order of their flow slots, and how one year is recorded — stocks, flows and the
 * decomposition of the change in the urban share (MODEL.md, "Outputs per year").
 *
 * Output layout: `out[m * T1 + t]`, metric m in {@link URBAN_RURAL_METRICS} order, T1 = H + 1.
 *
 * @module
 */
import type { MetricDecl } from '../../src/engine/model.js';

/** Flow slots 0 … 8, written by each model's step. */
export const FLOW = {
  birthsU: 0,
  birthsR: 1,
  deathsU: 2,
  deathsR: 3,
  ruralToUrban: 4,
  urbanToRural: 5,
  reclassification: 6,
  externalU: 7,
  externalR: 8,
} as const;
export const FLOWS = 9;

/** Output series, in layout order. */
export const URBAN_RURAL_METRICS: MetricDecl[] = [
  { name: 'total', label: 'Total population', unit: 'persons', kind: 'stock' },
  { name: 'urban', label: 'Urban population', unit: 'persons', kind: 'stock' },
  { name: 'rural', label: 'Rural population', unit: 'persons', kind: 'stock' },
  { name: 'urbanShare', label: 'Urban share', unit: 'share', kind: 'share' },
  { name: 'births.U', label: 'Births, urban', unit: 'persons/yr', kind: 'flow', display: { column: 'births' } },
  { name: 'births.R', label: 'Births, rural', unit: 'persons/yr', kind: 'flow', display: { column: 'births' } },
  { name: 'deaths.U', label: 'Deaths, urban', unit: 'persons/yr', kind: 'flow', display: { column: 'deaths' } },
  { name: 'deaths.R', label: 'Deaths, rural', unit: 'persons/yr', kind: 'flow', display: { column: 'deaths' } },
  { name: 'ruralToUrban', label: 'Rural→urban migrants', unit: 'persons/yr', kind: 'flow', display: { column: 'net internal' } },
  { name: 'urbanToRural', label: 'Urban→rural migrants', unit: 'persons/yr', kind: 'flow', display: { column: 'net internal', sign: -1 } },
  { name: 'reclassification', label: 'Reclassified to urban', unit: 'persons/yr', kind: 'flow', display: { column: 'reclassified' } },
  { name: 'external.U', label: 'Net external migration, urban', unit: 'persons/yr', kind: 'flow', display: { column: 'external' } },
  { name: 'external.R', label: 'Net external migration, rural', unit: 'persons/yr', kind: 'flow', display: { column: 'external' } },
  { name: 'contrib.natural', label: 'Share change: natural increase', unit: 'share', kind: 'contribution' },
  { name: 'contrib.internal', label: 'Share change: internal migration', unit: 'share', kind: 'contribution' },
  { name: 'contrib.reclassification', label: 'Share change: reclassification', unit: 'share', kind: 'contribution' },
  { name: 'contrib.external', label: 'Share change: external migration', unit: 'share', kind: 'contribution' },
];

const M_TOTAL = 0;
const M_URBAN = 1;
const M_RURAL = 2;
const M_SHARE = 3;
const M_FLOW0 = 4;
const M_CONTRIB0 = 13;

/**
 * Records the baseline (t = 0): stocks and share; flows and contributions 0 (never reported).
 *
 * @example
 * recordBaseline(out, H + 1, urban0, rural0);
 */
export function recordBaseline(out: Float64Array, T1: number, U: number, R: number): void {
  out[M_TOTAL * T1] = U + R;
  out[M_URBAN * T1] = U;
  out[M_RURAL * T1] = R;
  out[M_SHARE * T1] = U / (U + R);
  for (let m = M_FLOW0; m < M_CONTRIB0 + 4; m++) out[m * T1] = 0;
}

/**
 * Records the step ending in year index j: stocks U1, R1, the nine flows, and the decomposition
 * `contribution_k = (ΔU_k − u_t·ΔT_k)/T_{t+1}` for natural increase, internal migration,
 * reclassification and external migration, which add up to `u_{t+1} − u_t`.
 *
 * @example
 * recordStep(out, H + 1, t + 1, U, R, U1, R1, flows);
 */
export function recordStep(out: Float64Array, T1: number, j: number, U: number, R: number, U1: number, R1: number, flows: Float64Array): void {
  const T = U1 + R1;
  const u0 = U / (U + R);
  out[M_TOTAL * T1 + j] = T;
  out[M_URBAN * T1 + j] = U1;
  out[M_RURAL * T1 + j] = R1;
  out[M_SHARE * T1 + j] = U1 / T;
  for (let f = 0; f < FLOWS; f++) out[(M_FLOW0 + f) * T1 + j] = flows[f];
  const natU = flows[FLOW.birthsU] - flows[FLOW.deathsU];
  const natR = flows[FLOW.birthsR] - flows[FLOW.deathsR];
  const NU = flows[FLOW.externalU];
  const NR = flows[FLOW.externalR];
  out[M_CONTRIB0 * T1 + j] = (natU - u0 * (natU + natR)) / T;
  out[(M_CONTRIB0 + 1) * T1 + j] = (flows[FLOW.ruralToUrban] - flows[FLOW.urbanToRural]) / T;
  out[(M_CONTRIB0 + 2) * T1 + j] = flows[FLOW.reclassification] / T;
  out[(M_CONTRIB0 + 3) * T1 + j] = (NU - u0 * (NU + NR)) / T;
}
