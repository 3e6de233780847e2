/**
 * The prefecture backtest's scenarios: for one catalogue unit, a scenario per model (cohort,
 * components, urgd) from its 2010 census to 2020, written only with what was known in 2010 — the
 * 2010 census (population, urban share, pyramid, births and deaths) and, for everything fitted
 * across prefectures, a reference class fitted without the unit's province
 * (src/calibration/reference-class.ts, uncertainty.ts). The 2020 census is the scored observation.
 *
 * Known look-ahead: the reference class's rates are realised 2010 → 2020 paces of the other
 * provinces' prefectures (what a leave-one-province-out backtest of a cross-sectional method means);
 * the cohort model's TFR, e0 and SRB levels are UN WPP 2024's estimates for 2000–2010, a later
 * reconstruction of that past.
 *
 * @module
 */
import type { CensusUnit } from '../census/index.js';
import { censusPoint, unitCitation } from '../calibration/catalogue-input.js';
import { startPyramid } from '../calibration/fit.js';
import { pyramidCsv } from '../calibration/pyramid.js';
import { dot, predictors, regress, type ReferenceClass } from '../calibration/reference-class.js';
import { levelSd, PACE_WALK, RHO_OFFSET } from '../calibration/uncertainty.js';
import type { Vitals } from '../calibration/vitals.js';

/** The models the suite runs. */
export const SUITE_MODELS = ['cohort', 'components', 'urgd'] as const;
export type SuiteModel = (typeof SUITE_MODELS)[number];

/** Cross-prefecture regressions of the urgd model's two rates (realised 2010 → 2020), one province left out. */
export interface UrgdReference {
  urgd: { coef: number[]; sd: number };
  growth: { coef: number[]; sd: number };
}

/** UN WPP 2024 China crude rates in 2010, ‰ (seeds/data/wpp2024_vitals_china.csv row 2010): the fallback where a unit has none. */
const WPP_2010 = { cbr: 13.253, cdr: 6.503 };

/** logit, the share kept within [0.001, 0.999] (a unit all urban, e.g. Shenzhen, has no finite logit). */
const logit = (p: number) => {
  const q = Math.min(0.999, Math.max(0.001, p));
  return Math.log(q / (1 - q));
};

/**
 * The urgd model's reference class: realised URGD (logit change per year) and growth per year of
 * every unit with urban figures but those of province `without`, regressed on the 2010 predictors.
 *
 * @example
 * urgdReference(units, '370000').urgd.sd;
 */
export function urgdReference(units: CensusUnit[], without: string): UrgdReference {
  const use = units.filter((u) => u.provinceCode !== without);
  const X = use.map(predictors);
  const share = (u: CensusUnit, y: 2010 | 2020) => {
    const c = y === 2010 ? u.census2010 : u.census2020;
    return c.urban! / c.population!;
  };
  const urgd = regress(X, use.map((u) => (logit(share(u, 2020)) - logit(share(u, 2010))) / 10));
  const growth = regress(X, use.map((u) => (u.census2020.population! / u.census2010.population!) ** 0.1 - 1));
  return { urgd, growth };
}

const sig = (v: number) => Number(v.toPrecision(6));
const tn = (mean: number, sd: number, lo: number, hi: number) => ({ dist: 'truncnormal', mean: sig(mean), sd: sig(sd), min: sig(Math.max(lo, mean - 4 * sd)), max: sig(Math.min(hi, mean + 4 * sd)) });
const pert = (mode: number, rel: number) => ({ dist: 'pert', min: sig(mode * (1 - rel)), mode: sig(mode), max: sig(mode * (1 + rel)) });

/** The files of one unit's backtest scenario: the YAML document (as data) and, for cohort, the pyramid CSV. */
export interface SuiteScenario {
  doc: Record<string, unknown>;
  ageCsv?: string;
}

/**
 * One unit's backtest scenario for `model` (its `ageStructure`, for cohort, is `age.csv` beside it).
 *
 * @example
 * prefectureScenario(unit, 'cohort', { reference, urgd, vitals, dataDir, draws: 500, seed: 1 });
 */
export function prefectureScenario(
  u: CensusUnit,
  model: SuiteModel,
  o: { reference: ReferenceClass; urgd: UrgdReference; vitals: Vitals; dataDir: string; draws: number; seed: number },
): SuiteScenario {
  const start = censusPoint(u, 2010, o.dataDir);
  const end = censusPoint(u, 2020, o.dataDir);
  const cite = unitCitation(u);
  const x = predictors(u);
  const lopo = `reference class without ${u.province} (src/calibration/reference-class.ts: seeds/data/prefecture_fits.csv, ${o.reference.n} prefectures)`;
  const doc: Record<string, unknown> = {
    name: `${u.name} ${u.pinyin}: prefecture backtest from the 2010 census (${model})`,
    region: `${u.name} ${u.pinyin}`,
    model,
    baseline: {
      year: 2010,
      why: 'the 2010 census (1 November, taken as the end-2010 state)',
      population: { value: start.population, why: `${cite} pop_2010` },
      urbanShare:
        model === 'urgd' && (start.urbanShare > 0.999 || start.urbanShare < 0.001)
          ? { value: Math.min(0.999, Math.max(0.001, start.urbanShare)), why: `${cite} urban_2010 / pop_2010, kept within [0.001, 0.999]: the urgd model works on logit(share)` }
          : { value: start.urbanShare, why: `${cite} urban_2010 / pop_2010` },
      ...(model === 'cohort' ? { ageStructure: 'age.csv' } : {}),
    },
    horizon: 2020,
    draws: o.draws,
    seed: o.seed,
    history: [
      { year: 2020, metric: 'urbanShare', value: end.urbanShare, se: 0.001, source: `${cite} urban_2020 / pop_2020`, why: 'the 2020 census, scored (se unused by a backtest)' },
      { year: 2020, metric: 'total', value: end.population, se: 1000, source: `${cite} pop_2020`, why: 'the 2020 census, scored (se unused by a backtest)' },
    ],
  };
  if (model === 'urgd') {
    const pu = dot(o.urgd.urgd.coef, x);
    const pg = dot(o.urgd.growth.coef, x);
    doc.assumptions = {
      urgd: { value: tn(pu, o.urgd.urgd.sd, -1, 1), why: `realised URGD 2010 → 2020 (logit change a year) predicted from the 2010 predictors by the ${lopo.replace('prefecture_fits.csv', 'census_prefectures.csv')}; sd the residual sd` },
      growth: { value: tn(pg, o.urgd.growth.sd, -0.5, 0.5), why: `realised growth a year 2010 → 2020 predicted likewise (${lopo.replace('prefecture_fits.csv', 'census_prefectures.csv')}); sd the residual sd` },
    };
    return { doc };
  }
  const rc = o.reference;
  const rho = Math.max(0, Math.exp(dot(rc.coef.logRho, x)) - RHO_OFFSET);
  const nu = dot(rc.coef.nu, x);
  const sdRho = levelSd(rc.sd.logRho, PACE_WALK.logRho, 10);
  const sdNu = levelSd(rc.sd.nu, PACE_WALK.nu, 10);
  const paceWhy = (what: string, sd: number) =>
    `${what} predicted from the 2010 predictors by the ${lopo}; level sd ${sig(sd)} = the residual sd less what the walk explains over the decade, then a random walk (src/calibration/uncertainty.ts PACE_WALK)`;
  const migration = {
    ruralToUrban: { value: sig(rho), walk: { sd: PACE_WALK.logRho, scale: 'log', offset: RHO_OFFSET, initial: sig(Math.max(sdRho, 1e-6)) }, why: paceWhy('ρ', sdRho) },
    urbanToRural: { value: 0, why: 'assumption: ρ is a net rate (src/calibration/assumptions-stated.ts STATED.urbanToRural)' },
    reclassification: { value: sig(rho / 4), walk: { sd: PACE_WALK.logRho, scale: 'log', offset: RHO_OFFSET / 4, initial: sig(Math.max(sdRho, 1e-6)) }, why: 'c = ρ/4 (src/calibration/assumptions-stated.ts STATED.reclassificationPerRho)' },
    external: {
      urban: { rate: { value: sig(nu), walk: { sd: PACE_WALK.nu, initial: sig(Math.max(sdNu, 1e-9)) }, why: paceWhy('ν', sdNu) } },
      rural: { rate: { value: sig(nu), walk: { sd: PACE_WALK.nu, initial: sig(Math.max(sdNu, 1e-9)) }, why: 'as external.urban (STATED.externalSameRateBothAreas)' } },
    },
  };
  const correlations = [
    { between: ['ruralToUrban.walk', 'reclassification.walk'], rho: 0.95, why: 'c = ρ/4: one pace' },
    { between: ['external.urban.rate.walk', 'external.rural.rate.walk'], rho: 0.95, why: 'one net external rate for both areas' },
  ];
  const w = (y: number) => o.vitals.at(y);
  if (model === 'components') {
    const cbr = (u.birthRate2010 ?? WPP_2010.cbr) / 1000;
    const cdr = (u.deathRate2010 ?? WPP_2010.cdr) / 1000;
    const src = (k: string, v: number | null) => (v === null ? `seeds/data/wpp2024_vitals_china.csv row 2010 (national; the unit's ${k} is missing)` : `${cite} ${k}`);
    doc.assumptions = {
      cbr: { urban: { value: pert(cbr, 0.15), why: `${src('birth_rate_2010', u.birthRate2010)}; ±15%: assumption` }, rural: { value: pert(cbr, 0.15), why: 'as urban (no urban–rural split in the data)' } },
      cdr: { urban: { value: pert(cdr, 0.15), why: `${src('death_rate_2010', u.deathRate2010)}; ±15%: assumption` }, rural: { value: pert(cdr, 0.15), why: 'as urban (no urban–rural split in the data)' } },
      ...migration,
    };
    doc.sampling = { correlations };
    return { doc };
  }
  const phi = Math.exp(dot(rc.coef.logPhi, x));
  const tfr = phi * w(2010).tfr;
  const trend = (k: 'e0Female' | 'e0Male') => (w(2010)[k] - w(2000)[k]) / 10;
  const e0 = (k: 'e0Female' | 'e0Male') => ({
    value: { dist: 'pert', min: sig(w(2010)[k] - 2), mode: sig(w(2010)[k]), max: sig(w(2010)[k] + 2) },
    change: sig(trend(k)),
    why: `seeds/data/wpp2024_vitals_china.csv row 2010, changing as 2000 → 2010; ±2 years: assumption`,
  });
  doc.assumptions = {
    tfr: {
      urban: { value: tn(tfr * o.vitals.kU, tfr * o.vitals.kU * rc.sd.logPhi, 0.05, 10), why: `φ ${sig(phi)} predicted by the ${lopo} × seeds/data/wpp2024_vitals_china.csv row 2010 TFR × urban factor; sd the residual sd of log φ` },
      rural: { value: tn(tfr * o.vitals.kR, tfr * o.vitals.kR * rc.sd.logPhi, 0.05, 10), why: 'as urban with the rural factor (STATED.ruralUrbanTfrRatio)' },
    },
    e0: { urban: { female: e0('e0Female'), male: e0('e0Male') }, rural: { female: e0('e0Female'), male: e0('e0Male') } },
    srb: { value: { dist: 'pert', min: sig(w(2010).srb - 0.026), mode: sig(w(2010).srb), max: sig(w(2010).srb + 0.026) }, why: 'seeds/data/wpp2024_vitals_china.csv row 2010; ±0.026: assumption' },
    ...migration,
  };
  doc.sampling = { correlations: [...correlations, { between: ['tfr.urban.value', 'tfr.rural.value'], rho: 0.9, why: 'one regional fertility level' }] };
  const shape = startPyramid(start, o.dataDir);
  return { doc, ageCsv: pyramidCsv(shape.rows, shape.how) };
}
