import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/census/catalogue.js';
import { loadProvinces, provinceCensusPoint, provinceCoverage } from '../../src/census/provinces.js';

const cat = loadCatalogue();
const provinces = loadProvinces(cat);

describe("the provinces' census rows", () => {
  it("each province's pyramid adds up to its census population, in both censuses", () => {
    for (const p of provinces) {
      for (const year of [2010, 2020] as const) {
        const pt = provinceCensusPoint(p, year)!;
        const sum = pt.pyramid!.male.reduce((s, x) => s + x, 0) + pt.pyramid!.female.reduce((s, x) => s + x, 0);
        expect(Math.abs(sum / pt.population - 1), `${p.name} ${year}`).toBeLessThan(0.001);
        expect(pt.pyramid!.ageGroups).toHaveLength(18);
      }
    }
  });

  it("the units' coverage is their sum against the province (Shandong and Henan exactly; Hebei's short; Xinjiang's over)", () => {
    const of = (code: string) => provinces.find((p) => p.code === code)!;
    expect(provinceCoverage(of('370000'), of('370000').units)).toEqual({ population: 101527453, urban: 64014254, gap: 0, share: 1 });
    expect(provinceCoverage(of('410000'), of('410000').units).gap).toBe(0);
    expect(provinceCoverage(of('130000'), of('130000').units).gap).toBe(2301426);
    expect(provinceCoverage(of('650000'), of('650000').units).gap).toBeLessThan(0);
  });
});
