/**
 * The reference class: every catalogue prefecture's own 2010 → 2020 fit (ρ, ν, φ by
 * {@link fitRegion}), and a regression of those rates on what was known in 2010, fitted across
 * prefectures (optionally without one province: leave-one-province-out). Its residuals say how far
 * a prefecture's realised pace sits from what its 2010 situation predicted: the spread of a rate
 * that nobody has measured yet (models/cohort/README.md, "Uncertainty from evidence").
 *
 * Predictors (2010 census only): the urban share u and u², log(population / hukou population)
 * (people living there but registered elsewhere, less those registered there living elsewhere:
 * past net migration; 0 with an indicator where the hukou figure is missing), the child share
 * 0-14 and the crude birth rate (‰, the catalogue's 2010 figure; the child share's where missing).
 *
 * @module
 */
import type { CensusUnit } from '../census/index.js';
import { readCsv } from '../data/csv.js';
import { catalogueInput, unitCitation } from './catalogue-input.js';
import { fitRegion } from './fit.js';
import { RHO_OFFSET } from './uncertainty.js';
import type { Vitals } from './vitals.js';

/** One prefecture's fit and its 2010 predictors. */
export interface PrefectureFit {
  code: string;
  name: string;
  provinceCode: string;
  /** 2010 predictors (see the module comment). */
  x: number[];
  /** log(ρ + RHO_OFFSET), ν, log φ fitted to the 2010 → 2020 change. */
  logRho: number;
  nu: number;
  logPhi: number;
  source: string;
}

/** A fitted regression per rate, with its residual spread. */
export interface ReferenceClass {
  /** Coefficients per rate (same order as the predictors). */
  coef: { logRho: number[]; nu: number[]; logPhi: number[] };
  /** Residual standard deviations (n − p degrees of freedom). */
  sd: { logRho: number; nu: number; logPhi: number };
  /** Residuals' quantiles 10 / 90 / 2.5 / 97.5 % (the tails' shape). */
  q: { logRho: number[]; nu: number[]; logPhi: number[] };
  n: number;
  /** Province left out, if any. */
  without?: string;
}

/**
 * The 2010 predictors of a unit (row of the design matrix).
 *
 * @example
 * predictors(loadCatalogue().byCode('371700')!); // [1, 0.35, 0.1225, −0.134, 1, 0.2079, 0.01221]
 */
export function predictors(u: CensusUnit): number[] {
  const c = u.census2010;
  const pop = c.population!;
  const share = c.urban! / pop;
  const hasHukou = u.hukou2010 !== null && u.hukou2010 > 0;
  const child = (c.ageShares.a0_14 ?? 16.6) / 100;
  const cbr = u.birthRate2010 ?? child * 60;
  return [1, share, share * share, hasHukou ? Math.log(pop / u.hukou2010!) : 0, hasHukou ? 1 : 0, child, cbr / 1000];
}

/**
 * Fits one prefecture's 2010 → 2020 change.
 *
 * @example
 * fitPrefecture(loadCatalogue().byCode('371700')!, vitals, 'seeds/data').logRho;
 */
export function fitPrefecture(u: CensusUnit, vitals: Vitals, dataDir: string): PrefectureFit {
  const f = fitRegion(catalogueInput(u, { baselineYear: 2020, horizon: 2021, dataDir }), vitals, dataDir);
  return {
    code: u.code,
    name: u.name,
    provinceCode: u.provinceCode,
    x: predictors(u),
    logRho: Math.log(f.solution.rho + RHO_OFFSET),
    nu: f.solution.nu,
    logPhi: Math.log(f.solution.phi),
    source: unitCitation(u),
  };
}

/** CSV of fits (the table `npm run calibrate:prefectures` writes: seeds/data/prefecture_fits.csv). */
export function prefectureFitsCsv(fits: PrefectureFit[]): string {
  const head = 'code,name,province_code,rho,nu,phi,source';
  const rows = fits.map((f) => [f.code, f.name, f.provinceCode, (Math.exp(f.logRho) - RHO_OFFSET).toPrecision(8), f.nu.toPrecision(8), Math.exp(f.logPhi).toPrecision(8), `"derived by src/calibration (fitRegion, 2010 → 2020) from ${f.source}"`].join(','));
  return [head, ...rows].join('\n') + '\n';
}

/**
 * Reads the fits table and joins it to the catalogue's predictors.
 *
 * @example
 * loadPrefectureFits('seeds/data/prefecture_fits.csv', loadCatalogue()).length; // one per unit with urban figures
 */
export function loadPrefectureFits(file: string, byCode: (code: string) => CensusUnit | undefined): PrefectureFit[] {
  return readCsv(file).map((r) => {
    const u = byCode(r.code);
    if (u === undefined) throw new RangeError(`${file}: unknown code ${r.code}`);
    return { code: r.code, name: r.name, provinceCode: r.province_code, x: predictors(u), logRho: Math.log(Number(r.rho) + RHO_OFFSET), nu: Number(r.nu), logPhi: Math.log(Number(r.phi)), source: unitCitation(u) };
  });
}

/** Least squares by the normal equations (a few predictors; Gaussian elimination with pivoting). */
function ols(X: number[][], y: number[]): number[] {
  const p = X[0].length;
  const A = Array.from({ length: p }, () => new Array<number>(p + 1).fill(0));
  for (let i = 0; i < X.length; i++) {
    for (let a = 0; a < p; a++) {
      for (let b = 0; b < p; b++) A[a][b] += X[i][a] * X[i][b];
      A[a][p] += X[i][a] * y[i];
    }
  }
  for (let a = 0; a < p; a++) A[a][a] += 1e-9; // a column can be constant inside a subset (e.g. no hukou figure missing)
  for (let c = 0; c < p; c++) {
    let m = c;
    for (let r = c + 1; r < p; r++) if (Math.abs(A[r][c]) > Math.abs(A[m][c])) m = r;
    [A[c], A[m]] = [A[m], A[c]];
    for (let r = 0; r < p; r++) {
      if (r === c) continue;
      const f = A[r][c] / A[c][c];
      for (let k = c; k <= p; k++) A[r][k] -= f * A[c][k];
    }
  }
  return A.map((row, i) => row[p] / row[i]);
}

export const dot = (a: number[], b: number[]) => a.reduce((s, v, i) => s + v * b[i], 0);

/** Quantile (type 7) of a sorted array. */
function quantileSorted(s: number[], q: number): number {
  const h = (s.length - 1) * q;
  const lo = Math.floor(h);
  return s[lo] + (h - lo) * ((s[Math.min(lo + 1, s.length - 1)] ?? s[lo]) - s[lo]);
}

/**
 * Least squares of y on the rows of X: coefficients, residual sd (n − p degrees of freedom) and the
 * residuals' 10 / 90 / 2.5 / 97.5 % quantiles.
 *
 * @example
 * regress([[1, 0], [1, 1], [1, 2]], [1, 3, 5]).coef; // [1, 2]
 */
export function regress(X: number[][], y: number[]): { coef: number[]; sd: number; q: number[] } {
  const coef = ols(X, y);
  const res = X.map((x, i) => y[i] - dot(coef, x)).sort((a, b) => a - b);
  const sd = Math.sqrt(res.reduce((s, r) => s + r * r, 0) / (X.length - X[0].length));
  return { coef, sd, q: [0.1, 0.9, 0.025, 0.975].map((q) => quantileSorted(res, q)) };
}

/**
 * Fits the reference class, without province `without` when given.
 *
 * @example
 * const rc = fitReferenceClass(fits, '370000'); // every province but Shandong
 * rc.sd.logRho; // spread of log ρ around its prediction
 */
export function fitReferenceClass(fits: PrefectureFit[], without?: string): ReferenceClass {
  const use = fits.filter((f) => f.provinceCode !== without && Number.isFinite(f.logRho) && Number.isFinite(f.logPhi));
  const X = use.map((f) => f.x);
  const one = (key: 'logRho' | 'nu' | 'logPhi') => regress(X, use.map((f) => f[key]));
  const r = one('logRho');
  const n = one('nu');
  const f = one('logPhi');
  return {
    coef: { logRho: r.coef, nu: n.coef, logPhi: f.coef },
    sd: { logRho: r.sd, nu: n.sd, logPhi: f.sd },
    q: { logRho: r.q, nu: n.q, logPhi: f.q },
    n: use.length,
    ...(without === undefined ? {} : { without }),
  };
}

/**
 * The reference class's prediction for predictors `x`.
 *
 * @example
 * predictRates(rc, predictors(unit)); // { logRho, nu, logPhi }
 */
export function predictRates(rc: ReferenceClass, x: number[]): { logRho: number; nu: number; logPhi: number } {
  return { logRho: dot(rc.coef.logRho, x), nu: dot(rc.coef.nu, x), logPhi: dot(rc.coef.logPhi, x) };
}
