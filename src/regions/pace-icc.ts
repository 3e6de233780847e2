/**
 * How strongly the prefectures of one province share their urbanisation pace, from the census
 * catalogue's 2010 → 2020 cross-section: the intra-class correlation (one-way ANOVA, unbalanced
 * groups; Snedecor & Cochran's n₀) of each prefecture's pace, grouped by province. It is the
 * correlation of two prefectures of the same province in their pace, and the strength the
 * multi-region scenarios give their shared pace factor.
 *
 * Pace measures: `transfer`, the mean yearly share-point gain over the mean rural share,
 * ((u₂₀ − u₁₀)/10) / (1 − (u₁₀ + u₂₀)/2), which is what the cohort model's ρ measures (a share of
 * the rural population made urban per year); `logit`, the yearly gain of logit(u) (the UN's
 * urban–rural growth difference).
 *
 * Units whose 2010 figures do not reconstruct the 2020 unit (`boundary_2010` says "differs") and
 * units with no rural population (u ≥ 99.9 %) are left out; provinces with one unit add nothing.
 *
 * @module
 */
import type { Catalogue, CensusUnit } from '../census/index.js';

export type PaceMeasure = 'transfer' | 'logit';

/** A unit's yearly pace 2010 → 2020, or null when it cannot be measured. */
export function paceOf(u: CensusUnit, measure: PaceMeasure): number | null {
  const { census2010: a, census2020: b } = u;
  if (a.population === null || a.urban === null || b.population === null || b.urban === null || /differs/.test(u.boundary2010)) return null;
  const u10 = a.urban / a.population;
  const u20 = b.urban / b.population;
  if (!(u10 > 0 && u20 > 0 && u10 < 0.999 && u20 < 0.999)) return null;
  if (measure === 'logit') return (Math.log(u20 / (1 - u20)) - Math.log(u10 / (1 - u10))) / 10;
  return (u20 - u10) / 10 / (1 - (u10 + u20) / 2);
}

/** The intra-class correlation and what it was computed from. */
export interface PaceIcc {
  icc: number;
  /** Units and provinces (with at least two units) used. */
  units: number;
  provinces: number;
  /** Mean squares between and within provinces, and the mean group size n₀. */
  msb: number;
  msw: number;
  n0: number;
}

/**
 * The within-province intra-class correlation of the 2010 → 2020 pace.
 *
 * @example
 * paceIcc(loadCatalogue(), 'transfer').icc; // 0.197
 */
export function paceIcc(catalogue: Catalogue, measure: PaceMeasure): PaceIcc {
  const groups = new Map<string, number[]>();
  for (const u of catalogue.units) {
    const p = paceOf(u, measure);
    if (p === null) continue;
    const g = groups.get(u.province) ?? [];
    g.push(p);
    groups.set(u.province, g);
  }
  const gs = [...groups.values()].filter((g) => g.length >= 2);
  const N = gs.reduce((s, g) => s + g.length, 0);
  const k = gs.length;
  const mean = gs.flat().reduce((s, x) => s + x, 0) / N;
  let ssb = 0;
  let ssw = 0;
  for (const g of gs) {
    const m = g.reduce((s, x) => s + x, 0) / g.length;
    ssb += g.length * (m - mean) ** 2;
    for (const x of g) ssw += (x - m) ** 2;
  }
  const msb = ssb / (k - 1);
  const msw = ssw / (N - k);
  const n0 = (N - gs.reduce((s, g) => s + g.length ** 2, 0) / N) / (k - 1);
  return { icc: (msb - msw) / (msb + (n0 - 1) * msw), units: N, provinces: k, msb, msw, n0 };
}
