/**
 * Turns a {@link RegionFit} into the scenario language's `assumptions:` block (the cohort model's,
 * without `hukou:`) and the `sampling:` correlations, every number with its `why:`.
 *
 * Rules (DEFAULT_RULES; models/cohort/README.md, "Calibration", says why):
 * - ρ, c, ν: the estimates are the first fit's rates carried to the first projected year and, with
 *   later year-end points, the recent fit's (for ν also the recent fit at φ = 1 and at φ). The PERT
 *   is symmetric around their midpoint, its ends `margin` of their spread beyond them (at least
 *   `floor`, relative to the level for ρ and c). ρ is the crude rate in the first projected year.
 *   The rates drift: an uncertain annual change, symmetric PERT around 0, whose extreme moves the
 *   rate by the spread of the estimates again by the horizon; for ρ and c capped so that the lowest
 *   path at most halves the lowest level.
 * - TFR: the least-squares line through WPP 2024 from the first projected year to the horizon, times
 *   φ_post and the area factor; level PERT ± (|φ − 1|/2 + `tfrNationalSpread`) of the national level.
 * - e0: the least-squares WPP line by sex, level PERT ± `e0Spread` years. SRB: WPP 2021–2023 mean ± `srbSpread`.
 *
 * @module
 */
import type { ParamObject } from '../params/schema.js';
import { STATED } from './assumptions-stated.js';
import type { RegionFit } from './types.js';
import { vitalsLine, type Vitals } from './vitals.js';

/** The derivation's rules (numbers that are assumptions, with their defaults). */
export interface DerivationRules {
  margin: number;
  floor: { rho: number; c: number; nu: number };
  tfrNationalSpread: number;
  e0Spread: number;
  srbSpread: number;
}

/** Defaults of {@link DerivationRules}. */
export const DEFAULT_RULES: DerivationRules = {
  margin: 0.25,
  floor: { rho: 0.1, c: 0.1, nu: 0.001 },
  tfrNationalSpread: 0.15,
  e0Spread: 2,
  srbSpread: 0.026,
};

/** WPP 2024's last three estimate years (later years are projections): the SRB's level. */
export const SRB_YEARS = [2021, 2023] as const;

/** A rate as written: value, change and why. */
export type WrittenParam = ParamObject & { why: string };

/** The cohort model's calibrated `assumptions:` block (no `hukou:`). */
export interface CalibratedAssumptions {
  tfr: { urban: WrittenParam; rural: WrittenParam };
  e0: { urban: { female: WrittenParam; male: WrittenParam }; rural: { female: WrittenParam; male: WrittenParam } };
  srb: WrittenParam;
  ruralToUrban: WrittenParam;
  urbanToRural: WrittenParam;
  reclassification: WrittenParam;
  external: { urban: { rate: WrittenParam }; rural: { rate: WrittenParam } };
}

/** A stated correlation of the `sampling:` block. */
export interface WrittenCorrelation {
  between: [string, string];
  rho: number;
  why: string;
}

/** The numbers behind the block (for tests and reports). */
export interface Derivation {
  firstProjectedYear: number;
  estimates: { ruralToUrban: number[]; reclassification: number[]; externalRate: number[] };
  phi: number;
  phiPost: number;
  tfrLine: { atFirstYear: number; slope: number };
}

const sig = (v: number, n = 4) => Number(v.toPrecision(n));
const pert = (min: number, mode: number, max: number) => ({ dist: 'pert' as const, min, mode, max });

function rateOf(estimates: number[], floor: number, o: { relativeFloor: boolean; positive: boolean; years: number; margin: number }) {
  const lo = Math.min(...estimates);
  const hi = Math.max(...estimates);
  const mode = 0.5 * (lo + hi);
  const m = Math.max(o.margin * (hi - lo), o.relativeFloor ? floor * Math.abs(mode) : floor);
  const min = sig(lo - m);
  let d = (hi - lo) / o.years;
  if (o.positive) d = Math.min(d, min / 2 / o.years);
  const dd = sig(d, 3);
  return { value: pert(min, sig(mode), sig(hi + m)), change: dd > 0 ? pert(-dd, 0, dd) : 0 };
}

const pct = (v: number, d = 3) => `${(100 * v).toFixed(d)}%`;

/**
 * The calibrated assumptions of a fitted region for a scenario with baseline `baselineYear` and
 * horizon `horizon`.
 *
 * @example
 * const { assumptions, sampling } = deriveAssumptions(fit, vitals, 2021, 2035);
 * assumptions.ruralToUrban.value; // { dist: 'pert', min: 0.01256, mode: 0.01642, max: 0.02028 }
 */
export function deriveAssumptions(
  fit: RegionFit,
  vitals: Vitals,
  baselineYear: number,
  horizon: number,
  rules: DerivationRules = DEFAULT_RULES,
): { assumptions: CalibratedAssumptions; sampling: { correlations: WrittenCorrelation[] }; derivation: Derivation } {
  const y1 = baselineYear + 1;
  if (baselineYear < fit.end.year) throw new RangeError(`baseline ${baselineYear} is before the second census ${fit.end.year}`);
  const years = horizon - y1;
  const rc = fit.recent;
  const fitted = `src/calibration fitted to ${fit.start.source} and ${fit.end.source}`;
  const recentText = rc ? `; refitted after ${fit.end.year} to ${rc.target}` : '; no later year-end point with both share and population';
  const opts = { margin: rules.margin, years };

  const rhoEst = [fit.crudeRho[y1], ...(rc ? [rc.crudeRho[y1]] : [])];
  const cEst = [fit.solution.c, ...(rc ? [rc.c] : [])];
  const nuEst = [fit.solution.nu, ...(rc ? [rc.nu, ...rc.fertilitySensitivity.map((s) => s.nu)] : [])];
  const rho = rateOf(rhoEst, rules.floor.rho, { ...opts, relativeFloor: true, positive: true });
  const c = rateOf(cEst, rules.floor.c, { ...opts, relativeFloor: true, positive: true });
  const nu = rateOf(nuEst, rules.floor.nu, { ...opts, relativeFloor: false, positive: false });
  const spreadWhy =
    `PERT around the midpoint of the estimates, ends ${rules.margin} of their spread beyond them (at least ${rules.floor.rho * 100}% of the level for ρ and c, ` +
    `${rules.floor.nu} for ν: assumption), drifting by up to their spread again by ${horizon} (src/calibration/assumptions.ts)`;

  const phi = fit.solution.phi;
  const phiPost = rc ? rc.phiRecent : sig(0.5 * (1 + phi), 6);
  const tfrLine = vitalsLine(vitals, 'tfr', y1, horizon);
  const tfr = (k: number): ParamObject => {
    const mode = k * phiPost * tfrLine.atFirstYear;
    const w = k * tfrLine.atFirstYear * (Math.abs(phi - 1) / 2 + rules.tfrNationalSpread);
    return { value: pert(sig(mode - w), sig(mode), sig(mode + w)), change: sig(k * phiPost * tfrLine.slope) };
  };
  const e0 = (column: 'e0Female' | 'e0Male'): ParamObject => {
    const l = vitalsLine(vitals, column, y1, horizon);
    return { value: pert(sig(l.atFirstYear - rules.e0Spread), sig(l.atFirstYear), sig(l.atFirstYear + rules.e0Spread)), change: sig(l.slope) };
  };
  const srbRows = vitals.rows.filter((r) => r.year >= SRB_YEARS[0] && r.year <= SRB_YEARS[1]);
  const srbMean = srbRows.reduce((s, r) => s + r.srb, 0) / srbRows.length;
  const wppRows = `seeds/data/wpp2024_vitals_china.csv rows ${y1}–${horizon}`;
  const e0Why = (col: string) =>
    `least-squares line through ${wppRows} (${col}); ±${rules.e0Spread} years: assumption (a regional e0 is not in the data; ` +
    `Jiangsu's 2020 census e0 was 1.4 years above the national one, seeds/data/key_demographic_facts.csv rows china 2020 and jiangsu 2020)`;
  const e0F = { ...e0('e0Female'), why: e0Why('e0_female') };
  const e0M = { ...e0('e0Male'), why: e0Why('e0_male') };
  const ruralE0 = (p: WrittenParam): WrittenParam => ({ ...p, why: `as the urban value: no urban–rural e0 gap in the data (assumption: none in the central value; the ±${rules.e0Spread} years cover one)` });
  const tfrWhy =
    `least-squares line through ${wppRows} (UN WPP 2024 TFR, ${sig(tfrLine.atFirstYear, 5)} in ${y1}, ${tfrLine.slope >= 0 ? '+' : ''}${sig(tfrLine.slope, 3)}/yr) ` +
    `× φ_post ${sig(phiPost, 4)} (φ = ${sig(phi, 4)} fitted to the child share of ${fit.fit.ageTarget.source}; ${STATED.post2020Fertility.value}: ${STATED.post2020Fertility.why.slice(0, 60)}…)`;
  const external: WrittenParam = {
    ...nu,
    why: `${fitted}${recentText}: ν = ${nuEst.map((v) => pct(v)).join(', ')} a year (first fit, recent fit, recent fit at φ = 1 and at φ); ${spreadWhy}`,
  };
  const assumptions: CalibratedAssumptions = {
    tfr: {
      urban: { ...tfr(vitals.kU), why: `${tfrWhy} × urban factor ${sig(vitals.kU, 4)}; spread ± (|φ − 1|/2 + ${rules.tfrNationalSpread * 100}% of the national level): assumption` },
      rural: { ...tfr(vitals.kR), why: `as tfr.urban with the rural factor ${sig(vitals.kR, 5)} (${STATED.ruralUrbanTfrRatio.why.slice(0, 40)}…, src/calibration/assumptions-stated.ts)` },
    },
    e0: { urban: { female: e0F, male: e0M }, rural: { female: ruralE0(e0F), male: ruralE0(e0M) } },
    srb: {
      value: pert(sig(srbMean - rules.srbSpread), sig(srbMean), sig(srbMean + rules.srbSpread)),
      why: `mean of seeds/data/wpp2024_vitals_china.csv rows ${SRB_YEARS[0]}–${SRB_YEARS[1]} (${srbRows.map((r) => r.srb).join(', ')}); ±${rules.srbSpread}: assumption, a regional SRB is not in the data`,
    },
    ruralToUrban: {
      ...rho,
      why: `${fitted}${recentText}: crude ρ ${y1} = ${rhoEst.map((v) => pct(v)).join(' (first fit), ')}${rc ? ' (recent fit)' : ' (first fit)'}; ${spreadWhy}`,
    },
    urbanToRural: { value: STATED.urbanToRural.value, why: STATED.urbanToRural.why },
    reclassification: {
      ...c,
      why: `c = ρ/4 in every fit (${STATED.reclassificationPerRho.why.slice(0, 75)}…, src/calibration/assumptions-stated.ts): ${cEst.map((v) => pct(v)).join(', ')}; ${spreadWhy}`,
    },
    external: { urban: { rate: external }, rural: { rate: { ...nu, why: `as external.urban (${STATED.externalSameRateBothAreas.why})` } } },
  };
  const correlations: WrittenCorrelation[] = [
    { between: ['tfr.urban.value', 'tfr.rural.value'], rho: 0.9, why: "assumption: both areas' fertility follows one regional level (the calibration's single factor φ); the area ratio is less certain" },
    { between: ['external.urban.rate.value', 'external.rural.rate.value'], rho: 0.95, why: `assumption: one net external rate for both areas, as calibrated (${STATED.externalSameRateBothAreas.why.slice(0, 70)}…)` },
    { between: ['ruralToUrban.value', 'reclassification.value'], rho: 0.8, why: 'the calibration ties c to ρ (c = ρ/4), so both follow the same pace; below 1 because the split between them is an assumption' },
  ];
  if (typeof rho.change !== 'number' && typeof c.change !== 'number') {
    correlations.push({ between: ['ruralToUrban.change', 'reclassification.change'], rho: 0.8, why: 'as for their levels: a drift in the pace moves migration and reclassification together' });
  }
  if (typeof nu.change !== 'number') {
    correlations.push({ between: ['external.urban.rate.change', 'external.rural.rate.change'], rho: 0.95, why: 'as for their levels: one net external rate for both areas' });
  }
  return {
    assumptions,
    sampling: { correlations },
    derivation: {
      firstProjectedYear: y1,
      estimates: { ruralToUrban: rhoEst, reclassification: cEst, externalRate: nuEst },
      phi,
      phiPost,
      tfrLine,
    },
  };
}
