import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/census/catalogue.js';
import { findRegion, RegionLookupError } from '../../src/census/find-region.js';
import { nameStem } from '../../src/census/names.js';

const cat = loadCatalogue();
const thrown = (q: string): RegionLookupError => {
  try {
    findRegion(cat, q);
  } catch (e) {
    if (e instanceof RegionLookupError) return e;
    throw e;
  }
  throw new Error(`${q} was found`);
};

describe('findRegion', () => {
  it('finds every unit by its name, its code and its province + stem (property over units)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...cat.units), (u) => {
        expect(findRegion(cat, u.name).code).toBe(u.code);
        expect(findRegion(cat, u.code).code).toBe(u.code);
        expect(findRegion(cat, `${u.province}${u.name}`).code).toBe(u.code);
        expect(findRegion(cat, ` ${u.pinyin}, ${u.provincePinyin} `).code).toBe(u.code);
      }),
      { numRuns: 400 },
    );
  });

  it('finds a unit by its stem or pinyin alone when that is unique', () => {
    const stems = new Map<string, number>();
    for (const u of cat.units) stems.set(nameStem(u.name), (stems.get(nameStem(u.name)) ?? 0) + 1);
    for (const u of cat.units) if (stems.get(nameStem(u.name)) === 1) expect(findRegion(cat, nameStem(u.name)).code).toBe(u.code);
    expect(findRegion(cat, 'Linyi').name).toBe('临沂市');
    expect(findRegion(cat, 'linyi shi').name).toBe('临沂市');
    expect(findRegion(cat, "Lu'an").name).toBe('六安市');
    expect(findRegion(cat, '山东临沂').name).toBe('临沂市');
    expect(findRegion(cat, '黔东南').name).toBe('黔东南苗族侗族自治州');
  });

  it('refuses an ambiguous pinyin, naming both units and how to tell them apart (exit code 2)', () => {
    const e = thrown('Taizhou');
    expect(e.exitCode).toBe(2);
    expect(e.candidates.map((u) => u.name).sort()).toEqual(['台州市', '泰州市']);
    expect(e.message).toContain('Taizhou, Jiangsu');
    expect(findRegion(cat, 'Taizhou, Zhejiang').name).toBe('台州市');
    expect(findRegion(cat, 'jiangsu taizhou').name).toBe('泰州市');
  });

  it('refuses an unknown name and lists close matches in Chinese or pinyin', () => {
    expect(thrown('临沂县').candidates[0].name).toBe('临沂市');
    expect(thrown('Linyy').candidates[0].name).toBe('临沂市');
    expect(thrown('Linyy').message).toContain('seeds/data/census_prefectures.csv');
    expect(thrown('999999').message).toContain('999999');
    expect(thrown('').exitCode).toBe(2);
  });
});
