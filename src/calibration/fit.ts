/**
 * Fits the cohort model to a region's census change (see README.md beside this file):
 *
 *   ρ  rural→urban rate (c = ρ/4 tied to it) → the second census's urban share;
 *   ν  net external migration rate, both areas → the second census's population;
 *   φ  TFR relative to the national WPP value → the child share of the age target;
 *
 * by Gauss–Seidel over bisections, then compares the path with the later year-end points and
 * refits ρ and ν after the second census to the latest point with a share and a population
 * (the "recent" fit, at the post-census fertility φ_post = (1 + φ)/2, and at φ = 1 and φ for
 * the sensitivity of ν).
 *
 * @module
 */
import { STATED } from './assumptions-stated.js';
import { bandShares, fromPyramid, nationalPyramid, reweight, type PyramidRow } from './pyramid.js';
import { regionModel, stateAgeShares, type MetricOf, type Unknowns } from './region-model.js';
import { solve } from './solve.js';
import type { AgeTarget, Comparison, CensusPoint, RegionCalibrationInput, RegionFit, YearEndPoint } from './types.js';
import type { Vitals } from './vitals.js';

const r6 = (v: number) => Number(v.toPrecision(6));
const pp = (a: number, b: number) => Number((100 * (a - b)).toFixed(3));
const crude = (m: MetricOf, year: number) => m('ruralToUrban', year) / m('rural', year - 1);

/** The start pyramid: the region's own, else the national one reweighted to its bands, else the national one. */
export function startPyramid(p: CensusPoint, dataDir: string): { rows: PyramidRow[]; how: string } {
  if (p.pyramid) return { rows: fromPyramid(p.pyramid), how: p.pyramid.source };
  const national = nationalPyramid(dataDir, p.year);
  if (national.length === 0) throw new RangeError(`census_pyramid_china.csv has no rows for ${p.year}`);
  if (p.ageBands) {
    return {
      rows: reweight(national, p.ageBands, p.population),
      how: `seeds/data/census_pyramid_china.csv rows ${p.year}, reweighted to ${p.ageBands.source} shares ${p.ageBands.froms.join('/')}+ = ${p.ageBands.shares.join('/')}`,
    };
  }
  return { rows: national, how: `seeds/data/census_pyramid_china.csv rows ${p.year} (national shape; no regional age shares given)` };
}

/** The default age target: the second census's child share (0-14) from its pyramid or bands. */
export function defaultAgeTarget(end: CensusPoint): AgeTarget {
  if (end.pyramid) {
    const froms = [0, 15, 60];
    return { year: end.year, froms, shares: bandShares(fromPyramid(end.pyramid), froms), source: end.pyramid.source };
  }
  if (end.ageBands) return { year: end.year, ...end.ageBands };
  throw new RangeError(`region's ${end.year} census has neither a pyramid nor age bands: no child share to fit fertility to`);
}

/**
 * Fits one region. `dataDir` is the folder of the national tables.
 *
 * @example
 * const f = fitRegion(input, loadVitals('seeds/data'), 'seeds/data');
 * f.solution.rho; // e.g. 0.0186
 */
export function fitRegion(input: RegionCalibrationInput, vitals: Vitals, dataDir: string): RegionFit {
  const { start, end } = input;
  const later = input.later ?? [];
  const target = input.ageTarget ?? defaultAgeTarget(end);
  const checks = input.ageChecks ?? [];
  const lastYear = Math.max(end.year, input.baselineYear + 1, ...later.map((p) => p.year));
  const shape = startPyramid(start, dataDir);
  const model = regionModel({
    startYear: start.year,
    lastYear,
    switchYear: end.year,
    population: start.population,
    urbanShare: start.urbanShare,
    pyramid: shape.rows,
    vitals,
    dataDir,
  });
  const { run, states, rhoMax } = model;
  const child = (x: Unknowns) => stateAgeShares(states(x, [target.year])[target.year], target.froms)[0];
  const s = solve<'rho' | 'nu' | 'phi'>(
    [
      { key: 'rho', f: (x) => run(x)('urbanShare', end.year), lo: 0, hi: rhoMax, target: end.urbanShare },
      { key: 'nu', f: (x) => run(x)('total', end.year), lo: -0.05, hi: 0.05, target: end.population },
      { key: 'phi', f: child, lo: 0.2, hi: 4, target: target.shares[0] },
    ],
    { rho: 0.02, nu: 0, phi: 1 },
  );
  const x = s.x;
  const m = run(x);
  const snaps = states(x, [target.year, end.year, ...checks.map((a) => a.year)]);
  const ages = (a: AgeTarget) => ({
    year: a.year,
    bands: a.froms,
    observed: a.shares,
    model: stateAgeShares(snaps[a.year], a.froms).map((v) => Number(v.toFixed(2))),
    source: a.source,
  });
  const compare = (mm: MetricOf, p: YearEndPoint): Comparison => ({
    year: p.year,
    source: p.source,
    ...(p.note ? { note: p.note } : {}),
    ...(p.urbanShare === undefined ? {} : { share: { observed: p.urbanShare, model: r6(mm('urbanShare', p.year)), diffPP: pp(mm('urbanShare', p.year), p.urbanShare) } }),
    ...(p.population === undefined ? {} : { pop: { observed: p.population, model: Math.round(mm('total', p.year)), diffPct: pp(mm('total', p.year) / p.population, 1) } }),
    ...(p.births === undefined
      ? {}
      : { births: { observed: p.births, model: Math.round(mm('births.U', p.year) + mm('births.R', p.year)), diffPct: pp((mm('births.U', p.year) + mm('births.R', p.year)) / p.births, 1) } }),
  });
  const c = STATED.reclassificationPerRho.value;
  const yearsAfter = Array.from({ length: lastYear - end.year }, (_, t) => end.year + 1 + t);
  const crudeYears = [...new Set([start.year + 1, start.year + 5, end.year, ...yearsAfter])].filter((y) => y > start.year && y <= lastYear);
  const fit: RegionFit = {
    region: input.id,
    start,
    end,
    startShape: shape.how,
    solution: { rho: r6(x.rho), c: r6(x.rho * c), nu: r6(x.nu), phi: r6(x.phi), sweeps: s.sweeps },
    tfrFactorUrban: r6(x.phi * vitals.kU),
    tfrFactorRural: r6(x.phi * vitals.kR),
    crudeRho: Object.fromEntries(crudeYears.map((y) => [y, r6(crude(m, y))])),
    fit: {
      share: { census: end.urbanShare, model: r6(m('urbanShare', end.year)), diffPP: pp(m('urbanShare', end.year), end.urbanShare) },
      total: { census: end.population, model: Math.round(m('total', end.year)) },
      ageTarget: ages(target),
      ageChecks: checks.map(ages),
    },
    later: later.map((p) => compare(m, p)),
  };
  const last = later.filter((p) => p.year > end.year && p.urbanShare !== undefined && p.population !== undefined).pop();
  if (last === undefined) return fit;
  const y = last.year;
  const fitRecent = (phiRecent: number) => {
    const r = solve<'rhoRecent' | 'nuRecent'>(
      [
        { key: 'rhoRecent', f: (v) => run({ ...x, phiRecent, ...v })('urbanShare', y), lo: 0, hi: rhoMax, target: last.urbanShare! },
        { key: 'nuRecent', f: (v) => run({ ...x, phiRecent, ...v })('total', y), lo: -0.05, hi: 0.05, target: last.population! },
      ],
      { rhoRecent: x.rho, nuRecent: x.nu },
    );
    const xr = { ...x, phiRecent, ...r.x };
    return { x: xr, m: run(xr) };
  };
  const phiPost = 0.5 * (1 + x.phi);
  const { x: xr, m: mr } = fitRecent(phiPost);
  const sensitivity = [1, x.phi].map((phi) => {
    const f = fitRecent(phi);
    return { phiRecent: r6(phi), rho: r6(f.x.rhoRecent), nu: r6(f.x.nuRecent), crudeRho: r6(crude(f.m, end.year + 1)) };
  });
  fit.recent = {
    window: [end.year + 1, y],
    target: last.source,
    phiRecent: r6(phiPost),
    rho: r6(xr.rhoRecent),
    c: r6(xr.rhoRecent * c),
    nu: r6(xr.nuRecent),
    crudeRho: Object.fromEntries(yearsAfter.map((yr) => [yr, r6(crude(mr, yr))])),
    later: later.filter((p) => p.year > end.year).map((p) => compare(mr, p)),
    fertilitySensitivity: sensitivity,
  };
  return fit;
}
