/**
 * Calibration inputs from the census catalogue (src/census): a unit's 2010 and 2020 censuses with
 * their pyramids (seeds/data/census_pyramids.csv) or, where there is none, their broad age shares.
 *
 * @module
 */
import { pyramidOf, type CensusUnit } from '../census/index.js';
import { dataDir as defaultDataDir } from '../scenario/paths.js';
import type { AgeBands, AgeTarget, CensusPoint, PyramidRows, RegionCalibrationInput, YearEndPoint } from './types.js';

/** Where a unit's row is: `seeds/data/census_prefectures.csv line N (code name)`. */
export function unitCitation(u: CensusUnit): string {
  return `seeds/data/census_prefectures.csv line ${u.line} (${u.code} ${u.name})`;
}

/** A unit's pyramid in a census year as calibration rows, or undefined. */
export function unitPyramid(u: CensusUnit, year: 2010 | 2020, dataDir: string = defaultDataDir): PyramidRows | undefined {
  const p = pyramidOf(u, year, dataDir);
  if (p === undefined) return undefined;
  return { ageGroups: p.ageGroups, male: p.male, female: p.female, source: `seeds/data/census_pyramids.csv rows ${u.code} ${year} (${p.basis})` };
}

/** A unit's 0-14 / 15-59 / 60+ shares in a census year, or undefined when one is missing or they do not add up to 100 ± 0.05. */
export function unitAgeBands(u: CensusUnit, year: 2010 | 2020): AgeBands | undefined {
  const a = (year === 2010 ? u.census2010 : u.census2020).ageShares;
  if (a.a0_14 === null || a.a15_59 === null || a.a60 === null) return undefined;
  const shares = [a.a0_14, a.a15_59, a.a60];
  if (Math.abs(shares.reduce((s, x) => s + x, 0) - 100) > 0.05) return undefined;
  return { froms: [0, 15, 60], shares, source: `${unitCitation(u)} (age shares 0-14/15-59/60+ ${year})` };
}

/**
 * A unit's census point; throws a RangeError when the census has no population or urban figure.
 *
 * @example
 * censusPoint(loadCatalogue().byCode('371700')!, 2010).urbanShare; // 0.3501…
 */
export function censusPoint(u: CensusUnit, year: 2010 | 2020, dataDir: string = defaultDataDir): CensusPoint {
  const f = year === 2010 ? u.census2010 : u.census2020;
  if (f.population === null || f.urban === null) throw new RangeError(`${unitCitation(u)}: no ${year} population or urban figure`);
  const pyramid = unitPyramid(u, year, dataDir);
  const ageBands = unitAgeBands(u, year);
  return {
    year,
    population: f.population,
    urbanShare: f.urban / f.population,
    source: `${unitCitation(u)} (${year} census)`,
    ...(pyramid ? { pyramid } : {}),
    ...(ageBands ? { ageBands } : {}),
  };
}

/**
 * The calibration input of a catalogue unit: its 2010 → 2020 change, the child share fitted to the
 * published 2020 share (else the 2020 pyramid's), optional later year-end points.
 *
 * @example
 * calibrateRegion(catalogueInput(loadCatalogue().byCode('371300')!, { baselineYear: 2020, horizon: 2035 }));
 */
export function catalogueInput(
  u: CensusUnit,
  o: { baselineYear: number; horizon: number; later?: YearEndPoint[]; dataDir?: string },
): RegionCalibrationInput {
  const dir = o.dataDir ?? defaultDataDir;
  const end = censusPoint(u, 2020, dir);
  const bands = unitAgeBands(u, 2020);
  const ageTarget: AgeTarget | undefined = bands ? { year: 2020, ...bands } : undefined;
  return {
    id: `${u.code} ${u.name}`,
    start: censusPoint(u, 2010, dir),
    end,
    ...(ageTarget ? { ageTarget } : {}),
    later: o.later ?? [],
    baselineYear: o.baselineYear,
    horizon: o.horizon,
  };
}

/**
 * The sum of several units' pyramids of one census (e.g. a province from its prefectures), or
 * undefined when one of them has none.
 *
 * @example
 * sumPyramids(loadCatalogue().units.filter((u) => u.province === '山东省'), 2020, 'Shandong');
 */
export function sumPyramids(units: CensusUnit[], year: 2010 | 2020, label: string, dataDir: string = defaultDataDir): PyramidRows | undefined {
  let out: PyramidRows | undefined;
  for (const u of units) {
    const p = pyramidOf(u, year, dataDir);
    if (p === undefined) return undefined;
    if (out === undefined) out = { ageGroups: [...p.ageGroups], male: [...p.male], female: [...p.female], source: '' };
    else {
      if (p.ageGroups.join() !== out.ageGroups.join()) throw new RangeError(`${u.code}: age groups differ from the others'`);
      p.male.forEach((v, i) => (out!.male[i] += v));
      p.female.forEach((v, i) => (out!.female[i] += v));
    }
  }
  if (out === undefined) return undefined;
  out.source = `seeds/data/census_pyramids.csv rows ${year} of the ${units.length} prefectures of ${label} (${units.map((u) => u.code).join(', ')}), summed`;
  return out;
}
