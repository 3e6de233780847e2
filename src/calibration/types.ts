/**
 * The calibration's inputs and outputs (plain data). See README.md beside this file.
 *
 * @module
 */

/** Broad age bands of a population, in percent (e.g. 0-14 / 15-59 / 60+). */
export interface AgeBands {
  /** First age of each band, ascending, starting at 0 (a band runs to the next band's first age). */
  froms: number[];
  /** Percent of the population in each band (adding up to 100 ± 0.05). */
  shares: number[];
  /** Data file and row the shares come from. */
  source: string;
}

/** A 5-year age–sex pyramid (as the census catalogue's `pyramidOf` returns it), counts. */
export interface PyramidRows {
  /** e.g. `0-4`, `5-9`, …, `85+`. */
  ageGroups: string[];
  male: number[];
  female: number[];
  /** Data file and rows. */
  source: string;
}

/** A census count of a region. */
export interface CensusPoint {
  year: number;
  population: number;
  /** Urban share, 0 … 1. */
  urbanShare: number;
  /** Data file and row of the population and share. */
  source: string;
  /** The region's own pyramid, when known (preferred). */
  pyramid?: PyramidRows;
  /** Broad age shares, when no pyramid is known (the national pyramid is reweighted to them). */
  ageBands?: AgeBands;
}

/** A later year-end figure (population and/or urban share). */
export interface YearEndPoint {
  year: number;
  population?: number;
  urbanShare?: number;
  /** Births of the year (compared, never fitted). */
  births?: number;
  source: string;
  note?: string;
}

/** An age structure the fertility level is fitted to (the first band is the child band, e.g. 0-14). */
export interface AgeTarget extends AgeBands {
  year: number;
}

/** Everything {@link calibrateRegion} needs about one region. */
export interface RegionCalibrationInput {
  /** Short id used in messages and `why:` texts (e.g. `heze`, or a census code). */
  id: string;
  /** The first census (the projection starts from it; 2010). */
  start: CensusPoint;
  /** The second census (fitted: urban share, population; 2020). */
  end: CensusPoint;
  /** The child share the fertility level is fitted to; default: `end`'s (from its pyramid or bands). */
  ageTarget?: AgeTarget;
  /** Further age structures compared with the fit (never fitted). */
  ageChecks?: AgeTarget[];
  /** Year-end points after (or between) the censuses; the latest one after `end` with both share and population is fitted by the "recent" fit. */
  later?: YearEndPoint[];
  /** The scenario's baseline year (its first projected year is the next one). */
  baselineYear: number;
  /** The scenario's horizon (the drift is scaled to it). */
  horizon: number;
}

/** The unknowns of a fit (rates per year). */
export interface FitSolution {
  /** ρ: rural→urban rate (share of the start year's rural population at its age structure). */
  rho: number;
  /** c = ρ × reclassificationPerRho. */
  c: number;
  /** ν: net external migration rate, both areas. */
  nu: number;
  /** φ: the region's TFR relative to the national WPP value. */
  phi: number;
  sweeps: number;
}

/** A model value beside an observed one. */
export interface Comparison {
  year: number;
  source: string;
  note?: string;
  share?: { observed: number; model: number; diffPP: number };
  pop?: { observed: number; model: number; diffPct: number };
  births?: { observed: number; model: number; diffPct: number };
}

/** The second fit: the first fit kept to `end`, then ρ and ν refitted to the latest year-end point. */
export interface RecentFit {
  /** Years covered: [end.year + 1, latest point's year]. */
  window: [number, number];
  target: string;
  /** Fertility factor after `end` (ASSUMPTIONS.post2020Fertility). */
  phiRecent: number;
  rho: number;
  c: number;
  nu: number;
  /** Crude ρ (migrants / previous year's rural population) by year after `end`. */
  crudeRho: Record<number, number>;
  later: Comparison[];
  /** ν refitted at φ = 1 and at the first fit's φ. */
  fertilitySensitivity: { phiRecent: number; rho: number; nu: number; crudeRho: number }[];
}

/** What a calibration found, for reports and `why:` texts. */
export interface RegionFit {
  region: string;
  start: CensusPoint;
  end: CensusPoint;
  /** How the start pyramid was built. */
  startShape: string;
  solution: FitSolution;
  tfrFactorUrban: number;
  tfrFactorRural: number;
  /** Crude ρ by year (the first fit's rates held after `end`). */
  crudeRho: Record<number, number>;
  fit: {
    share: { census: number; model: number; diffPP: number };
    total: { census: number; model: number };
    ageTarget: { year: number; bands: number[]; observed: number[]; model: number[]; source: string };
    ageChecks: { year: number; bands: number[]; observed: number[]; model: number[]; source: string }[];
  };
  later: Comparison[];
  /** Absent when no year-end point after `end` has both a share and a population. */
  recent?: RecentFit;
}
