/**
 * The demographic standards read from seeds/data (MODEL.md, "Compiled schedules"): the WPP 2024
 * mortality standard, the fertility pattern, and the census age structure. Expected values are
 * copied from the CSV files (quoted in each test), not recomputed with the code under test.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fertilityPattern, parseAgeGroup, readAgeStructure, spreadGroups, standardMx } from '../../../models/cohort/data.js';
import { AGES, personYears } from '../../../models/cohort/lifetable.js';
import { ParamError } from '../../../src/params/compile.js';
import { dataDir, sum } from './helpers.js';

const CENSUS = join(dataDir, 'census_pyramid_china.csv');

describe('parseAgeGroup', () => {
  it('reads single ages, closed groups and open groups (capped at 100)', () => {
    expect(parseAgeGroup('0')).toEqual([0, 0]);
    expect(parseAgeGroup('1-4')).toEqual([1, 4]);
    expect(parseAgeGroup(' 95 – 99 ')).toEqual([95, 99]);
    expect(parseAgeGroup('80+')).toEqual([80, 100]);
    expect(parseAgeGroup('100+')).toEqual([100, 100]);
    expect(parseAgeGroup('95-104')).toEqual([95, 100]);
    expect(parseAgeGroup('total')).toBeNull();
    expect(parseAgeGroup('')).toBeNull();
  });
});

describe('standardMx', () => {
  // wpp2024_mx_china.csv, rows "<period>,<sex>,<age_start>,<mx>"
  const rows = {
    '2015-2020': { female: { 0: 0.00670937, 1: 0.0004589, 5: 0.0003084, 95: 0.35918228, 100: 0.53465841 } },
    '2020-2025': {
      female: { 0: 0.00523073, 1: 0.00039958, 5: 0.00024434, 95: 0.37047233, 100: 0.55387104 },
      male: { 0: 0.00617945, 1: 0.0004244, 5: 0.00028363, 95: 0.51846034, 100: 0.82248322 },
    },
    '2025-2030': { female: { 0: 0.00476032, 1: 0.00033052, 5: 0.00022032, 95: 0.3416884, 100: 0.49496446 } },
  } as const;

  it('expands the abridged groups 0; 1–4; 5–9; …; 95–99; 100+ to single ages', () => {
    // Act
    const f = standardMx(dataDir, 2021, 'female');
    const m = standardMx(dataDir, 2021, 'male');
    // Assert
    expect(f.length).toBe(AGES);
    const r = rows['2020-2025'];
    expect(f[0]).toBe(r.female[0]);
    for (const a of [1, 2, 3, 4]) expect(f[a]).toBe(r.female[1]);
    for (const a of [5, 7, 9]) expect(f[a]).toBe(r.female[5]);
    for (const a of [95, 97, 99]) expect(f[a]).toBe(r.female[95]);
    expect(f[100]).toBe(r.female[100]);
    expect(m[0]).toBe(r.male[0]);
    expect(m[4]).toBe(r.male[1]);
    expect(m[9]).toBe(r.male[5]);
    expect(m[99]).toBe(r.male[95]);
    expect(m[100]).toBe(r.male[100]);
    // within a 5-year group the rate is constant, and groups change at multiples of 5
    for (let a = 6; a < 100; a++) if (a % 5 !== 0) expect(f[a]).toBe(f[a - 1]);
  });

  it('picks the 5-year period containing the baseline year (start ≤ year < end)', () => {
    expect(standardMx(dataDir, 2019, 'female')[0]).toBe(rows['2015-2020'].female[0]);
    expect(standardMx(dataDir, 2020, 'female')[0]).toBe(rows['2020-2025'].female[0]);
    expect(standardMx(dataDir, 2024, 'female')[100]).toBe(rows['2020-2025'].female[100]);
    expect(standardMx(dataDir, 2025, 'female')[0]).toBe(rows['2025-2030'].female[0]);
    expect(standardMx(dataDir, 2029, 'female')[1]).toBe(rows['2025-2030'].female[1]);
  });

  it('refuses a year outside the table (1995–2029) with a ParamError naming the year', () => {
    expect(() => standardMx(dataDir, 1994, 'female')).toThrow(ParamError);
    expect(() => standardMx(dataDir, 2030, 'male')).toThrow(/2030/);
  });
});

describe('fertilityPattern', () => {
  // wpp2024_asfr_pattern_china.csv, 2021: pct_of_tfr by group 10-14 … 50-54
  const pct2021 = [0.003037, 2.680905, 23.459653, 35.095525, 24.410296, 10.625127, 2.774713, 0.864206, 0.086537];
  const pct2023 = [0.002862, 2.619699, 23.321193, 34.71799, 24.347925, 11.145074, 2.927353, 0.840576, 0.077329];

  it('sums to 1, is zero outside ages 10–54 and splits each group equally over its five ages', () => {
    // Act
    const { h, year } = fertilityPattern(dataDir, 2021);
    // Assert
    expect(year).toBe(2021);
    expect(Math.abs(sum(h) - 1)).toBeLessThan(1e-15);
    for (let a = 0; a < AGES; a++) if (a < 10 || a > 54) expect(h[a], `h(${a})`).toBe(0);
    const total = pct2021.reduce((s, x) => s + x, 0);
    pct2021.forEach((p, g) => {
      for (let a = 10 + 5 * g; a < 15 + 5 * g; a++) expect(Math.abs(h[a] - p / 5 / total), `h(${a})`).toBeLessThan(1e-15);
    });
  });

  it('uses the latest year on file (2023) for later baselines, and refuses years before 1995', () => {
    const { h, year } = fertilityPattern(dataDir, 2030);
    expect(year).toBe(2023);
    const total = pct2023.reduce((s, x) => s + x, 0);
    expect(Math.abs(h[27] - pct2023[3] / 5 / total)).toBeLessThan(1e-15);
    expect(() => fertilityPattern(dataDir, 1994)).toThrow(ParamError);
  });
});

describe('spreadGroups', () => {
  it('spreads closed groups equally and an open group in proportion to L(a), preserving each sum', () => {
    // Arrange
    const L = Float64Array.from({ length: AGES }, (_, a) => 100 - a + 0.5);
    // Act
    const out = spreadGroups(
      [
        { first: 0, last: 4, count: 5, open: false },
        { first: 5, last: 89, count: 850, open: false },
        { first: 90, last: 100, count: 33, open: true },
      ],
      L,
    );
    // Assert
    for (let a = 0; a < 5; a++) expect(out[a]).toBe(1);
    expect(out[50]).toBe(10);
    const w = sum(L, 90, 101);
    for (let a = 90; a <= 100; a++) expect(Math.abs(out[a] - (33 * L[a]) / w)).toBeLessThan(1e-13);
    expect(Math.abs(sum(out, 90, 101) - 33)).toBeLessThan(1e-12);
  });
});

describe('readAgeStructure', () => {
  const mxF = standardMx(dataDir, 2021, 'female');
  const mxM = standardMx(dataDir, 2021, 'male');
  // census_pyramid_china.csv, census_year 2020 (17 groups 0-4 … 75-79, 80+)
  const MALE_2020 = 72141.67;
  const FEMALE_2020 = 68836.24;

  it('keeps the census totals by sex (2020 rows only) and spreads 5-year groups equally', () => {
    // Act
    const { urban, rural } = readAgeStructure(CENSUS, mxF, mxM, 2020);
    // Assert
    expect(Math.abs(sum(urban.male) - MALE_2020)).toBeLessThan(1e-9);
    expect(Math.abs(sum(urban.female) - FEMALE_2020)).toBeLessThan(1e-9);
    for (let a = 0; a < 5; a++) expect(urban.female[a]).toBeCloseTo(3691.46 / 5, 12); // 2020,0-4,4096.93,3691.46
    for (let a = 75; a < 80; a++) expect(urban.male[a]).toBeCloseTo(1475.24 / 5, 12); // 2020,75-79,1475.24,1648.64
    expect(rural).toBe(urban); // one shape for both areas when the file has no area column
  });

  it('spreads the open group 80+ over 80…100 in proportion to the standard life table’s L(a)', () => {
    // Arrange: 2020,80+,1525.77,2054.36
    const LF = new Float64Array(AGES);
    personYears(mxF, 1, LF);
    // Act
    const { urban } = readAgeStructure(CENSUS, mxF, mxM, 2020);
    // Assert
    expect(Math.abs(sum(urban.female, 80, 101) - 2054.36)).toBeLessThan(1e-10);
    expect(Math.abs(sum(urban.male, 80, 101) - 1525.77)).toBeLessThan(1e-10);
    for (let a = 81; a <= 100; a++) {
      expect(Math.abs(urban.female[a] / urban.female[80] - LF[a] / LF[80]), `age ${a}`).toBeLessThan(1e-12);
    }
  });

  function csv(text: string): string {
    const dir = mkdtempSync(join(tmpdir(), 'cohort-ages-'));
    const file = join(dir, 'ages.csv');
    writeFileSync(file, text);
    return file;
  }

  it('reads one shape per area when the file has an area column', () => {
    const file = csv('area,age_group,male,female\nurban,0-49,50,50\nurban,50+,10,10\nrural,0-99,100,200\nrural,100+,1,1\n');
    const { urban, rural } = readAgeStructure(file, mxF, mxM);
    expect(urban.male[10]).toBe(1);
    expect(rural.female[10]).toBe(2);
    expect(Math.abs(sum(urban.female) - 60)).toBeLessThan(1e-12);
    expect(rural.male[100]).toBe(1);
  });

  it('rejects a gap in the age groups, naming the first uncovered age', () => {
    const file = csv('age_group,male,female\n0-4,1,1\n10-99,1,1\n100+,1,1\n');
    expect(() => readAgeStructure(file, mxF, mxM)).toThrow(ParamError);
    expect(() => readAgeStructure(file, mxF, mxM)).toThrow(/age 5 is covered 0 times/);
  });

  it('rejects overlapping age groups, naming the first age covered twice', () => {
    const file = csv('age_group,male,female\n0-9,1,1\n5-99,1,1\n100+,1,1\n');
    expect(() => readAgeStructure(file, mxF, mxM)).toThrow(/age 5 is covered 2 times/);
  });

  it('handles a file with several census years when no year is chosen (the project’s own census file given as ageStructure)', () => {
    // A scenario may name seeds/data/census_pyramid_china.csv itself (years 2000, 2010, 2020). The
    // model must then either pick a year or say that the file holds several census years — not
    // report "age 0 is covered 3 times", which points at a defect the file does not have.
    let result: ReturnType<typeof readAgeStructure> | undefined;
    let message = '';
    try {
      result = readAgeStructure(CENSUS, mxF, mxM);
    } catch (e) {
      message = (e as Error).message;
    }
    if (result === undefined) expect(message).toMatch(/census_year/);
    else expect(Math.abs(sum(result.urban.male) - MALE_2020)).toBeLessThan(1e-9);
  });

  it('rejects a missing column, a bad row, only one area, and an unreadable file', () => {
    expect(() => readAgeStructure(csv('age_group,male\n0-100,1\n'), mxF, mxM)).toThrow(/columns age_group,male,female/);
    expect(() => readAgeStructure(csv('age_group,male,female\n0-99,1,-1\n100+,1,1\n'), mxF, mxM)).toThrow(/row 2/);
    expect(() => readAgeStructure(csv('area,age_group,male,female\nurban,0+,1,1\n'), mxF, mxM)).toThrow(/both urban and rural/);
    expect(() => readAgeStructure('/nonexistent/ages.csv', mxF, mxM)).toThrow(ParamError);
  });
});
