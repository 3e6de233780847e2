import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/census/catalogue.js';
import { findPlace } from '../../src/census/find-place.js';
import { RegionLookupError } from '../../src/census/find-region.js';
import { loadProvinces } from '../../src/census/provinces.js';

const cat = loadCatalogue();
const provinces = loadProvinces(cat);
const place = (q: string) => findPlace(cat, provinces, q);
const thrown = (q: string): RegionLookupError => {
  try {
    place(q);
  } catch (e) {
    if (e instanceof RegionLookupError) return e;
    throw e;
  }
  throw new Error(`${q} was found`);
};

describe('findPlace', () => {
  it('has the 31 provinces of the 2020 census, each with its catalogue units', () => {
    expect(provinces).toHaveLength(31);
    expect(provinces.find((p) => p.code === '410000')!.units).toHaveLength(18);
    expect(provinces.reduce((s, p) => s + p.units.length, 0)).toBe(cat.units.length - 2); // 香港, 澳门: no province row in the census files
  });

  it('finds every province with several units by full name, code (2 or 6 digits) and pinyin; a single-unit one is its unit', () => {
    for (const p of provinces) {
      const alsoAUnit = ['220000', '460000'].includes(p.code); // 吉林 / Jilin, 海南 / Hainan: below
      for (const q of [p.name, p.code, p.code.slice(0, 2), `${p.pinyin} Province`, ...(alsoAUnit ? [] : [p.pinyin.toUpperCase(), p.stem])]) {
        const r = place(q);
        if (p.units.length === 1) expect(r, q).toEqual({ kind: 'unit', unit: p.units[0] });
        else expect(r.kind === 'province' && r.province.code, q).toBe(p.code);
      }
    }
    expect(place('河南').kind).toBe('province');
    expect(place('11')).toEqual({ kind: 'unit', unit: cat.byCode('110100') });
  });

  it('finds every unit as findRegion does, by its code (property over units)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...cat.units), (u) => {
        const r = place(u.code);
        expect(r.kind === 'unit' && r.unit.code).toBe(u.code);
      }),
    );
  });

  it('refuses a bare name that is both a province and a prefecture, saying how to name each', () => {
    expect(thrown('吉林').message).toMatch(/"吉林" names both the province 吉林省 \(Jilin, 22\) and the prefecture 吉林市 .*give 吉林省 or 22 for the province, 吉林市 or 220200/);
    expect(thrown('Hainan').message).toMatch(/the province 海南省 .* and the prefecture 海南藏族自治州/);
    expect(place('吉林省').kind).toBe('province');
    expect(place('Jilin sheng').kind).toBe('province');
    expect(place('吉林市').kind).toBe('unit');
  });

  it('an unknown name lists the closest provinces, then units', () => {
    expect(thrown('河男省').message).toMatch(/no province or prefecture-level unit called "河男省" .*closest: .*the province 河南省 \(Henan, 41\)/);
    expect(thrown('Hennan').message).toMatch(/closest: the province 河南省/);
    expect(thrown('临沂县').message).toMatch(/no prefecture-level unit called "临沂县" .*closest: 临沂市/);
  });
});
