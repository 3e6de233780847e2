/**
 * Uncertainty from evidence (models/cohort/README.md, "Uncertainty from evidence"): how much a
 * calibrated pace moves from year to year, and how far a prefecture's decade pace sits from what
 * its 2010 situation predicted.
 *
 * 1. The pace walk. The four regions with year-end figures after the 2020 census (Heze, Jining,
 *    Jinan, Shandong) have two fits each: the 2011–2020 rates (centred on mid-2015) and the rates
 *    that reproduce the latest year-end point (centred on the middle of 2021 … latest year). If
 *    log(ρ + 0.005) (and ν) follow random walks, the squared gap between the two has expectation
 *    σ² × (years between the centres); the mean over the four regions gives σ² per year. The gaps
 *    include a common shock (all four slowed after 2020) and the year-end figures' own error, so
 *    the walk is, if anything, wide for a single region's pace.
 * 2. The level of a pace nobody has measured (a forecast from 2010 without the prefecture's own
 *    history): the reference class's leave-one-province-out residual spread S (reference-class.ts);
 *    the part the walk does not already explain over the decade, σ_level² = S² − σ²·k(T) with
 *    k(T) = Σ_{j<T} j² / T² (the variance of a walk's mean over the T years, per unit σ²).
 *
 * @module
 */
import type { RegionFit } from './types.js';

/** log(ρ + RHO_OFFSET) is the scale ρ's uncertainty is stated on (keeps paces near 0 movable). */
export const RHO_OFFSET = 0.005;

/** The evidence of (1), as fitted by {@link walkEvidence} on the plan regions (tests recompute it). */
export const PACE_WALK = {
  /** sd of the yearly innovation of log(ρ + 0.005). */
  logRho: 0.14,
  /** sd of the yearly innovation of ν (rate per year). */
  nu: 0.0012,
  why:
    'random-walk innovation per year estimated from the gap between the 2011–2020 fit and the post-2020 fit of Heze, Jining, Jinan and Shandong ' +
    '(seeds/data/census_prefectures.csv, cities_annual.csv, shandong_urbanisation.csv): mean squared gap / years between the fits\' centres ' +
    '(src/calibration/uncertainty.ts)',
} as const;

/** One region's gap between its two fits. */
export interface WalkGap {
  region: string;
  years: number;
  logRho: number;
  nu: number;
}

/**
 * The gaps and the walk's σ per year from regions with a recent fit (method (1)).
 *
 * @example
 * walkEvidence(fits); // { logRho: 0.14…, nu: 0.0012…, gaps: [...] }
 */
export function walkEvidence(fits: RegionFit[]): { logRho: number; nu: number; gaps: WalkGap[] } {
  const gaps = fits
    .filter((f) => f.recent !== undefined)
    .map((f) => {
      const r = f.recent!;
      const centreDecade = (f.start.year + 1 + f.end.year) / 2;
      const centreRecent = (r.window[0] + r.window[1]) / 2;
      return {
        region: f.region,
        years: centreRecent - centreDecade,
        logRho: Math.log((r.rho + RHO_OFFSET) / (f.solution.rho + RHO_OFFSET)),
        nu: r.nu - f.solution.nu,
      };
    });
  if (gaps.length === 0) throw new RangeError('walkEvidence needs at least one region with a recent fit');
  const per = (k: 'logRho' | 'nu') => Math.sqrt(gaps.reduce((s, g) => s + (g[k] * g[k]) / g.years, 0) / gaps.length);
  return { logRho: per('logRho'), nu: per('nu'), gaps };
}

/**
 * k(T): the variance of the mean of a random walk (z₀ = 0, unit innovations) over T years.
 *
 * @example
 * walkMeanVariance(10); // 2.85
 */
export function walkMeanVariance(T: number): number {
  let s = 0;
  for (let j = 1; j < T; j++) s += j * j;
  return s / (T * T);
}

/**
 * The level spread left once a walk of σ per year over T years is accounted for (method (2)).
 *
 * @example
 * levelSd(0.40, 0.14, 10); // √(0.16 − 0.0196 × 2.85) ≈ 0.32
 */
export function levelSd(S: number, walkSd: number, T: number): number {
  return Math.sqrt(Math.max(0, S * S - walkSd * walkSd * walkMeanVariance(T)));
}
