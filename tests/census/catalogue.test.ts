import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasUrbanFigures, loadCatalogue } from '../../src/census/catalogue.js';
import { pyramidOf } from '../../src/census/pyramid.js';

const cat = loadCatalogue();

describe('the census catalogue', () => {
  it('holds every prefecture-level unit once, most with urban figures in both censuses', () => {
    // Act
    const codes = new Set(cat.units.map((u) => u.code));
    const withUrban = cat.units.filter(hasUrbanFigures);
    // Assert
    expect(codes.size).toBe(cat.units.length);
    expect(cat.units.length).toBeGreaterThanOrEqual(368);
    expect(withUrban.length).toBeGreaterThan(330);
    expect(new Set(cat.units.map((u) => u.province)).size).toBe(33);
  });

  it('has consistent figures: urban ≤ population, age shares summing to about 100 %', () => {
    for (const u of cat.units) {
      for (const c of [u.census2010, u.census2020]) {
        if (c.population !== null && c.urban !== null) expect(c.urban).toBeLessThanOrEqual(c.population);
        const { a0_14, a15_59, a60, a65 } = c.ageShares;
        if (a0_14 !== null && a15_59 !== null && a60 !== null) expect(Math.abs(a0_14 + a15_59 + a60 - 100)).toBeLessThan(1.5);
        if (a60 !== null && a65 !== null) expect(a65).toBeLessThanOrEqual(a60);
      }
    }
  });

  it('gives Heze the figures of its 2020 census bulletin and of the 2010 yearbook', () => {
    // Arrange: seeds/data/cities_census.csv rows heze 2010 and 2020 (the same censuses, cited there)
    const heze = cat.byCode('371700')!;
    // Assert
    expect(heze.name).toBe('菏泽市');
    expect(heze.census2020.population).toBe(8795939);
    expect(heze.census2010.population).toBe(8287693);
    expect(heze.hukou2010).not.toBeNull();
  });

  it('sums Jinan and Laiwu for 2010 (merged in 2019), so the 2010 pyramid is on 2020 boundaries', () => {
    const jinan = cat.byCode('370100')!;
    const p = pyramidOf(jinan, 2010)!;
    const total = p.male.reduce((a, b) => a + b, 0) + p.female.reduce((a, b) => a + b, 0);
    expect(jinan.boundary2010).toContain('370100 + 371200');
    expect(p.exact).toBe(true);
    expect(Math.abs(total - jinan.census2010.population!) / jinan.census2010.population!).toBeLessThan(0.005);
  });

  it('has exact pyramids that add up to the unit’s census population (property over units)', () => {
    const exact = cat.units.flatMap((u) => ([2010, 2020] as const).map((y) => ({ u, y, p: pyramidOf(u, y) }))).filter((x) => x.p?.exact);
    expect(exact.length).toBeGreaterThan(650);
    fc.assert(
      fc.property(fc.constantFrom(...exact), ({ u, y, p }) => {
        const total = p!.male.reduce((a, b) => a + b, 0) + p!.female.reduce((a, b) => a + b, 0);
        const pop = (y === 2010 ? u.census2010 : u.census2020).population!;
        expect(p!.ageGroups).toHaveLength(18);
        expect(p!.ageGroups[17]).toBe('85+');
        expect(Math.abs(total - pop) / pop).toBeLessThan(0.005);
      }),
      { numRuns: 200 },
    );
  });

  it('marks a pyramid from another boundary as shape only', () => {
    const hefei = cat.byCode('340100')!; // 2011: part of Chaohu joined Hefei
    expect(hefei.boundary2010.startsWith('differs')).toBe(true);
    expect(pyramidOf(hefei, 2010)?.exact).toBe(false);
  });
});
