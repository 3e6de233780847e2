/**
 * Compiles the cohort model's draw-independent inputs: baseline population by area, sex and
 * age; the mortality standard; the fertility pattern; the migration age schedules, calibrated
 * so that a rate ρ means "share of the area's baseline population that moves".
 *
 * @module
 */
import type { CompileContext } from '../../src/engine/model.js';
import { join } from 'node:path';
import { fertilityPattern, readAgeStructure, standardMx } from './data.js';
import { rogersCastro } from './rogers-castro.js';
import type { CohortAssumptions } from './schema.js';
import { CELLS, RF, RM, UF, UM } from './kernel.js';

/** Everything a cohort runner needs that does not change by draw. Plain data. */
export interface CohortData {
  baseYear: number;
  steps: number;
  /** Baseline population, state layout (see kernel.ts). */
  baseline: Float64Array;
  /** Standard mx*(a) by sex: [F 0…100 | M 0…100]. */
  mxStd: Float64Array;
  /** Fertility pattern h(a) and its non-zero range. */
  h: Float64Array;
  hLo: number;
  hHi: number;
  /** Rural→urban per unit of ρ: K_R·g(a); urban→rural per unit: K_U·g_ret(a). */
  gRU: Float64Array;
  gUR: Float64Array;
  /** External schedule e(a) and its maximum. */
  e: Float64Array;
  eMax: number;
  extUIsCount: boolean;
  extRIsCount: boolean;
  /** The hukou accounts (README.md, "Hukou"), when the scenario has a `hukou:` block. */
  hukou: { conversionIsCount: boolean } | null;
  /** Provenance of the standards, for reports. */
  sources: { mortalityPeriod: string; fertilityYear: number; ageStructure: string };
}

/** The default age structure: the 2020 census, national, by 5-year group and sex. */
export const DEFAULT_AGE_STRUCTURE = 'census_pyramid_china.csv';
export const DEFAULT_CENSUS_YEAR = 2020;

/**
 * κ per unit rate: Σ P / Σ g·P over an area's baseline population (both sexes), so that
 * m(a) = ρ·K·g(a) moves a share ρ of that population in the baseline year.
 */
export function calibration(g: Float64Array, P: Float64Array, oF: number, oM: number): number {
  let n = 0;
  let d = 0;
  for (let a = 0; a < 101; a++) {
    n += P[oF + a] + P[oM + a];
    d += g[a] * (P[oF + a] + P[oM + a]);
  }
  return d > 0 ? n / d : 0;
}

/**
 * Compiles the cohort model.
 *
 * @example
 * const data = compileCohort(assumptions, ctx);
 */
export function compileCohort(A: CohortAssumptions, ctx: CompileContext): CohortData {
  const mxF = standardMx(ctx.dataDir, ctx.baseYear, 'female');
  const mxM = standardMx(ctx.dataDir, ctx.baseYear, 'male');
  const mxStd = new Float64Array(202);
  mxStd.set(mxF, 0);
  mxStd.set(mxM, 101);
  const { h, year: fertilityYear } = fertilityPattern(ctx.dataDir, ctx.baseYear);
  let hLo = 0;
  while (hLo < 100 && h[hLo] === 0) hLo++;
  let hHi = 99;
  while (hHi > hLo && h[hHi] === 0) hHi--;
  const file = ctx.ageStructure ?? join(ctx.dataDir, DEFAULT_AGE_STRUCTURE);
  const shapes = readAgeStructure(file, mxF, mxM, ctx.ageStructure === undefined ? DEFAULT_CENSUS_YEAR : undefined);
  const baseline = new Float64Array(CELLS);
  const put = (shape: { female: Float64Array; male: Float64Array }, oF: number, oM: number, total: number) => {
    let sum = 0;
    for (let a = 0; a < 101; a++) sum += shape.female[a] + shape.male[a];
    for (let a = 0; a < 101; a++) {
      baseline[oF + a] = (total * shape.female[a]) / sum;
      baseline[oM + a] = (total * shape.male[a]) / sum;
    }
  };
  put(shapes.urban, UF, UM, ctx.population * ctx.urbanShare);
  put(shapes.rural, RF, RM, ctx.population * (1 - ctx.urbanShare));
  const g = rogersCastro(A.migrationSchedule);
  const gRet = A.returnSchedule ? rogersCastro(A.returnSchedule) : g;
  const e = A.externalSchedule ? rogersCastro(A.externalSchedule) : g;
  const KR = calibration(g, baseline, RF, RM);
  const KU = calibration(gRet, baseline, UF, UM);
  const gRU = g.map((x) => x * KR);
  const gUR = gRet.map((x) => x * KU);
  let eMax = 0;
  for (let a = 0; a < 101; a++) eMax = Math.max(eMax, e[a]);
  return {
    baseYear: ctx.baseYear,
    steps: ctx.steps,
    baseline,
    mxStd,
    h,
    hLo,
    hHi,
    gRU,
    gUR,
    e,
    eMax,
    extUIsCount: 'count' in A.external.urban,
    extRIsCount: 'count' in A.external.rural,
    hukou: A.hukou ? { conversionIsCount: 'count' in A.hukou.conversion } : null,
    sources: {
      mortalityPeriod: `UN WPP 2024 China mx, period containing ${ctx.baseYear}`,
      fertilityYear,
      ageStructure: ctx.ageStructure ?? `${DEFAULT_AGE_STRUCTURE} (census ${DEFAULT_CENSUS_YEAR})`,
    },
  };
}
