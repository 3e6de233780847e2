/**
 * The compiled `cohort` model of one region, started from its first census, and runs of it for
 * given unknowns (ρ, ν, φ and their post-census values). The model is the product's own (compiled
 * once, run through its runner); only the rate paths change between runs.
 *
 * Rate paths in the scenario language: TFR, e0 by sex and SRB by year from UN WPP 2024
 * (seeds/data/wpp2024_vitals_china.csv), TFR times φ and the area factor; ρ, c = ρ/4 and ν constant,
 * or switching after the second census to their "recent" values.
 *
 * @module
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import cohort, { METRICS } from '../../models/cohort/index.js';
import { CELLS } from '../../models/cohort/kernel.js';
import { AGES } from '../../models/cohort/lifetable.js';
import { compileParams, evaluatePaths } from '../params/compile.js';
import type { ParamSpec } from '../params/schema.js';
import { STATED } from './assumptions-stated.js';
import { bandOf } from './band.js';
import { pyramidCsv, type PyramidRow } from './pyramid.js';
import type { Vitals } from './vitals.js';

/** The unknowns of one run (the `…Recent` ones apply after `switchYear`; default: the same). */
export interface Unknowns {
  rho: number;
  nu: number;
  phi: number;
  rhoRecent?: number;
  nuRecent?: number;
  phiRecent?: number;
}

/** A metric of a run: value of `name` at the end of `year`. */
export type MetricOf = (name: string, year: number) => number;

/** A region's model, ready to run. */
export interface RegionModel {
  startYear: number;
  lastYear: number;
  /** Upper end of ρ's domain (its peak-age rate must not exceed 1). */
  rhoMax: number;
  run(x: Unknowns): MetricOf;
  /** Runs and returns the state (404 cells) at the end of each of `years`. */
  states(x: Unknowns, years: number[]): Record<number, Float64Array>;
}

const metricIndex = Object.fromEntries(METRICS.map((m, i) => [m.name, i]));

/**
 * Compiles the model from `pyramid` (scaled to `population`, urban share `urbanShare`, the same
 * shape in both areas) at `startYear`, for runs to `lastYear`; the recent values apply from
 * `switchYear + 1`.
 *
 * @example
 * const m = regionModel({ startYear: 2010, lastYear: 2023, switchYear: 2020, population: 8287693, urbanShare: 0.3501, pyramid, vitals, dataDir: 'seeds/data' });
 * m.run({ rho: 0.02, nu: 0, phi: 1 })('urbanShare', 2020);
 */
export function regionModel(o: {
  startYear: number;
  lastYear: number;
  switchYear: number;
  population: number;
  urbanShare: number;
  pyramid: PyramidRow[];
  vitals: Vitals;
  dataDir: string;
}): RegionModel {
  const H = o.lastYear - o.startYear;
  const years = Array.from({ length: H }, (_, t) => o.startYear + 1 + t);
  const dir = mkdtempSync(join(tmpdir(), 'urbcast-calibration-'));
  const ageStructure = join(dir, 'start.csv');
  const ctx = {
    scenarioFile: ageStructure,
    baseYear: o.startYear,
    horizon: o.lastYear,
    steps: H,
    population: o.population,
    urbanShare: o.urbanShare,
    ageStructure,
    dataDir: o.dataDir,
  };
  const A = cohort.assumptionsSchema.parse({
    tfr: { urban: 1, rural: 1 },
    e0: { urban: { female: 80, male: 75 }, rural: { female: 80, male: 75 } },
    srb: 1.1,
    ruralToUrban: 0,
    urbanToRural: 0,
    reclassification: 0,
    external: { urban: { rate: 0 }, rural: { rate: 0 } },
  });
  let decls;
  let model;
  try {
    writeFileSync(ageStructure, pyramidCsv(o.pyramid, 'temporary'));
    decls = cohort.parameters(A, ctx);
    model = cohort.compile(A, ctx);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const runner = cohort.createRunner(model, compileParams(decls, o.startYear, H));
  const out = new Float64Array(METRICS.length * (H + 1));
  const paths = new Float64Array(decls.length * H);
  const rhoMax = decls.find((d) => d.key === 'ruralToUrban')!.domain[1];
  const c = STATED.reclassificationPerRho.value;
  const { kU, kR } = o.vitals;
  const specs = (x: Unknowns): Record<string, ParamSpec> => {
    const by = (f: (y: number, phi: number) => number): ParamSpec => ({
      byYear: Object.fromEntries(years.map((y) => [String(y), f(y, y > o.switchYear ? (x.phiRecent ?? x.phi) : x.phi)])),
    });
    const rate = (before: number, after: number | undefined): ParamSpec =>
      after === undefined ? before : { byYear: { [o.switchYear]: before, [o.switchYear + 1]: after } };
    const v = o.vitals.at;
    return {
      'tfr.urban': by((y, phi) => phi * kU * v(y).tfr),
      'tfr.rural': by((y, phi) => phi * kR * v(y).tfr),
      'e0.urban.female': by((y) => v(y).e0Female),
      'e0.urban.male': by((y) => v(y).e0Male),
      'e0.rural.female': by((y) => v(y).e0Female),
      'e0.rural.male': by((y) => v(y).e0Male),
      srb: by((y) => v(y).srb),
      ruralToUrban: rate(x.rho, x.rhoRecent),
      urbanToRural: STATED.urbanToRural.value,
      reclassification: rate(x.rho * c, x.rhoRecent === undefined ? undefined : x.rhoRecent * c),
      'external.urban.rate': rate(x.nu, x.nuRecent),
      'external.rural.rate': rate(x.nu, x.nuRecent),
    };
  };
  const fill = (x: Unknowns) => {
    const s = specs(x);
    evaluatePaths(compileParams(decls.map((d) => ({ ...d, spec: s[d.key] })), o.startYear, H), new Float64Array(0), paths);
  };
  const metricOf = (o2: Float64Array): MetricOf => (name, year) => o2[metricIndex[name] * (H + 1) + (year - o.startYear)];
  return {
    startYear: o.startYear,
    lastYear: o.lastYear,
    rhoMax,
    run(x) {
      fill(x);
      runner.run(paths, out);
      return metricOf(Float64Array.from(out));
    },
    states(x, at) {
      fill(x);
      const res: Record<number, Float64Array> = {};
      runner.run(paths, out, (t, state) => {
        if (t > 0 && at.includes(o.startYear + t)) res[o.startYear + t] = Float64Array.from(state);
      });
      return res;
    },
  };
}

/**
 * Percent of a cohort state (404 cells) in each age band, both areas and sexes.
 *
 * @example
 * stateAgeShares(state, [0, 15, 60]); // [0-14, 15-59, 60+] in percent
 */
export function stateAgeShares(state: Float64Array, froms: number[]): number[] {
  const out = new Array<number>(froms.length).fill(0);
  let all = 0;
  for (let i = 0; i < CELLS; i++) {
    const a = i % AGES;
    out[bandOf(froms, a)] += state[i];
    all += state[i];
  }
  return out.map((x) => (100 * x) / all);
}
