import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/scenario/errors.js';
import { findSeed, loadSeedFile } from '../../src/scenario/seed-file.js';
import { resolveSeedTarget, resolveSeedValue, SeedError } from '../../src/scenario/seeds.js';

const seedError = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    if (e instanceof SeedError) return e.message;
    throw e;
  }
  throw new Error('expected a SeedError');
};

/** A seeds folder with one city file `test.yml` holding `entries`. */
function seedsDir(entries: object[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'urbcast-seeds-'));
  const lines = ['city: test', 'name: 测试市 Test', 'documents: [doc.txt]', `entries: ${JSON.stringify(entries)}`];
  writeFileSync(join(dir, 'test.yml'), lines.join('\n') + '\n');
  return dir;
}
const entry = (over: object) => ({
  id: 'test.P001',
  indicator: 'resident_population',
  region: '测试市',
  year: 2025,
  value: 100,
  unit: '10k_persons',
  kind: 'target_level',
  comparator: '>=',
  source: { document: 'doc.txt', line: 3, quote: '100万' },
  ...over,
});

describe('resolveSeedTarget (the project seeds)', () => {
  it('an urbanisation rate in percent → urbanShare level, value ÷ 100, with provenance', () => {
    expect(resolveSeedTarget('heze.P001')).toEqual({
      label: 'urbanisation rate, 2025',
      labelZh: '常住人口城镇化率，2025年',
      metric: 'urbanShare',
      kind: 'level',
      year: 2025,
      comparator: '>=',
      value: 0.57,
      needsReference: false,
      source: { seed: 'heze.P001', document: '000_bbd8cceb70162682.txt', line: 128, quote: '全市常住人口城镇化率达到 57%' },
    });
  });

  it('"~" gets the default tolerance of a share: 0.005', () => {
    const t = resolveSeedTarget('heze.P011');

    expect([t.comparator, t.value, t.tolerance]).toEqual(['~', 0.57, 0.005]);
  });

  it('a population in 万 → total persons; "~" gets 1 % of the value', () => {
    const t = resolveSeedTarget('jinan.P010');
    const approx = resolveSeedTarget('jinan.P001');

    expect([t.metric, t.kind, t.value]).toEqual(['total', 'level', 11_000_000]);
    expect([approx.comparator, approx.value, approx.tolerance]).toEqual(['~', 10_000_000, 100_000]);
  });

  it('a gain relative to the province → urbanShare gain over the window, pp ÷ 100, needing a reference', () => {
    const t = resolveSeedTarget('heze.P013');

    expect([t.metric, t.kind, t.window, t.comparator, t.value, t.needsReference]).toEqual(['urbanShare', 'gain', [2024, 2025], '>=', 0.005, true]);
    expect(t.labelZh).toBe('常住人口城镇化率年均提高幅度高于全省，2024–2025年');
  });

  it('citizenised migrants → a citizenised flow; a per-year figure is multiplied by the window years', () => {
    const total = resolveSeedTarget('jinan.P017');
    const perYear = resolveSeedTarget('heze.P002');

    expect([total.metric, total.kind, total.window, total.value]).toEqual(['citizenised', 'flow', [2021, 2025], 600_000]);
    expect([perYear.window, perYear.value]).toEqual([[2021, 2025], 300_000]);
  });

  it('a dangling id, an indicator no metric expresses, a part of the city: errors saying why', () => {
    expect(seedError(() => resolveSeedTarget('heze.P099'))).toMatch(/^no seed entry heze\.P099/);
    expect(seedError(() => resolveSeedTarget('nowhere.P001'))).toMatch(/^no seed entry nowhere\.P001/);
    expect(seedError(() => resolveSeedTarget('heze.P007'))).toMatch(/^seed heze\.P007 states towns_count \(菏泽市\): no metric expresses it/);
    expect(seedError(() => resolveSeedTarget('heze.P012'))).toContain('talents settling (落户) arrive from outside with their hukou');
    expect(seedError(() => resolveSeedTarget('jining.P003'))).toBe('seed jining.P003 is about 济宁都市区, not the whole of 济宁市; the model projects the whole city (a multi-region run can project it: region: on the target)');
  });
});

describe('resolveSeedTarget (hukou indicators)', () => {
  it('the hukou urbanisation rate is the hukouShare level in shares', () => {
    const t = resolveSeedTarget('jinan.P007');

    expect(t).toMatchObject({ metric: 'hukouShare', kind: 'level', year: 2025, comparator: '~', value: 0.65, tolerance: 0.005 });
  });
});

describe('resolveSeedTarget (units and forms)', () => {
  it('persons are taken as they are', () => {
    const dir = seedsDir([entry({ unit: 'persons', value: 123456, comparator: '~' })]);

    const t = resolveSeedTarget('test.P001', { seedsDir: dir });

    expect([t.value, t.tolerance]).toEqual([123456, 1234.56]);
  });

  it('an unknown unit, or a change stated for a level indicator, is an error', () => {
    const unit = seedsDir([entry({ unit: 'households' })]);
    const span = seedsDir([entry({ year: undefined, years: [2020, 2025] })]);

    expect(seedError(() => resolveSeedTarget('test.P001', { seedsDir: unit }))).toContain('is in households; resident_population is understood in 10k_persons, persons');
    expect(seedError(() => resolveSeedTarget('test.P001', { seedsDir: span }))).toContain('states a change over 2020–2025, not a level in one year');
  });
});

describe('resolveSeedValue (baseline fields)', () => {
  it('fills baseline.urbanShare from a baseline seed of that year', () => {
    expect(resolveSeedValue('heze.P004', 'urbanShare', 2021)).toBe(0.519);
    expect(resolveSeedValue('jinan.P008', 'population', 2020)).toBe(9_242_000);
  });

  it('refuses another indicator, another year, a target seed, a bound', () => {
    expect(seedError(() => resolveSeedValue('heze.P004', 'population', 2021))).toContain('baseline.population needs a resident_population seed');
    expect(seedError(() => resolveSeedValue('heze.P004', 'urbanShare', 2020))).toContain('is about 2021, but the baseline year is 2020');
    expect(seedError(() => resolveSeedValue('heze.P001', 'urbanShare', 2025))).toContain('is a target_level; baseline values come from baseline or history seeds');
    expect(seedError(() => resolveSeedValue('jinan.P002', 'urbanShare', 2020))).toContain('is a bound (>= 73.5), not a value');
  });
});

describe('seed files', () => {
  it('a malformed seed file is an input error located in that file', () => {
    const dir = seedsDir([entry({ comparator: '≥' })]);

    let err: unknown;
    try {
      findSeed('test.P001', dir);
    } catch (e) {
      err = e;
    }

    expect(err).toBeInstanceOf(InputError);
    const e = err as InputError;
    expect(e.file).toBe(join(dir, 'test.yml'));
    expect(e.line).toBe(4);
    expect(e.path).toBe('entries.0.comparator');
  });

  const problems = (entries: object[]): string[] => {
    const dir = seedsDir(entries);
    try {
      loadSeedFile(join(dir, 'test.yml'));
    } catch (e) {
      const err = e as InputError;
      return [err, ...err.others].map((x) => `${x.path}: ${x.detail}`).sort();
    }
    return [];
  };

  it('checks each entry: exactly one of year and years', () => {
    expect(problems([entry({ years: [2020, 2025] }), entry({ id: 'test.P002', year: undefined, years: [2025, 2020] })])).toEqual([
      'entries.0.year: give exactly one of year and years; found 2025',
      'entries.1.years: years must be [first, last]',
    ]);
  });

  it('checks the file: ids of this city, unique, citing listed documents', () => {
    expect(
      problems([entry({ id: 'other.P001' }), entry({ id: 'test.P002' }), entry({ id: 'test.P002', source: { document: 'nope.txt', line: 1, quote: 'x' } })]),
    ).toEqual([
      'entries.0.id: ids in this file start with "test."; found "other.P001" (a string)',
      'entries.2.id: duplicate id test.P002; found "test.P002" (a string)',
      'entries.2.source.document: document not listed under documents: (doc.txt); found "nope.txt" (a string)',
    ]);
  });

  it('the project seed files are valid', () => {
    for (const city of ['heze', 'jining', 'jinan']) expect(findSeed(`${city}.P001`, join(import.meta.dirname, '../../seeds'))?.entry.id).toBe(`${city}.P001`);
  });
});
