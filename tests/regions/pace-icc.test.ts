import { describe, expect, it } from 'vitest';
import type { Catalogue, CensusUnit } from '../../src/census/index.js';
import { loadCatalogue } from '../../src/census/index.js';
import { paceIcc, paceOf } from '../../src/regions/pace-icc.js';

/** A unit with given shares (population 1,000,000 both years). */
function unit(province: string, u10: number, u20: number, boundary = 'exact'): CensusUnit {
  const f = (u: number) => ({ population: 1e6, urban: u * 1e6, ageShares: { a0_14: null, a15_59: null, a60: null, a65: null } });
  return { province, census2010: f(u10), census2020: f(u20), boundary2010: boundary } as unknown as CensusUnit;
}
const catalogue = (units: CensusUnit[]) => ({ file: '', units, byCode: () => undefined }) as Catalogue;

describe('pace intra-class correlation', () => {
  it('measures the transfer rate and the logit gain; leaves out changed boundaries and all-urban units', () => {
    expect(paceOf(unit('a', 0.4, 0.6), 'transfer')).toBeCloseTo(0.02 / 0.5, 12);
    expect(paceOf(unit('a', 0.5, 0.6), 'logit')).toBeCloseTo(Math.log(1.5) / 10, 12);
    expect(paceOf(unit('a', 0.4, 0.6, 'differs: …'), 'transfer')).toBeNull();
    expect(paceOf(unit('a', 0.4, 1), 'transfer')).toBeNull();
  });

  it('is 1 when provinces differ and their units do not, and about 0 (below 0.1) when units within provinces differ as much as anything', () => {
    const same = catalogue(['a', 'b', 'c'].flatMap((p, i) => [unit(p, 0.3, 0.4 + 0.05 * i), unit(p, 0.3, 0.4 + 0.05 * i), unit(p, 0.3, 0.4 + 0.05 * i)]));
    expect(paceIcc(same, 'transfer').icc).toBeCloseTo(1, 12);
    const mixed = catalogue(['a', 'b', 'c'].flatMap((p) => [unit(p, 0.3, 0.4), unit(p, 0.3, 0.45), unit(p, 0.3, 0.5)]));
    expect(paceIcc(mixed, 'transfer').icc).toBeLessThan(0.1);
  });

  it("gives the catalogue's value that shandong-prefectures.yml states (0.20 for the transfer rate)", () => {
    const r = paceIcc(loadCatalogue(), 'transfer');
    expect(r.icc).toBeCloseTo(0.197, 3);
    expect(r.units).toBe(327);
    expect(r.provinces).toBe(27);
  });
});
