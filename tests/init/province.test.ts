/**
 * A province as the sum of its units (src/init/province.ts) on small stand-in provinces (two or
 * three catalogue units each, so that the calibrations stay cheap): what is summed adds up to what
 * the scenario says, every number is sourced, units init refuses are refused or, with `partial`,
 * left out and named, and nothing is written when validation fails.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadCatalogue, type CensusUnit } from '../../src/census/catalogue.js';
import { loadProvinces, type Province } from '../../src/census/provinces.js';
import { projectDeterministic } from '../../src/engine/deterministic.js';
import { InitError } from '../../src/init/init.js';
import { buildProvinceInit, writeProvinceInit, type ProvinceInitOptions } from '../../src/init/province.js';
import { parseTargetArg } from '../../src/init/target-arg.js';
import { loadScenario } from '../../src/scenario/load.js';
import { dataDir } from '../../src/scenario/paths.js';
import { unsourcedNumbers } from './provenance.js';

const cat = loadCatalogue();
const provinces = loadProvinces(cat);
const dir = mkdtempSync(join(tmpdir(), 'init-province-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A province with only some of its units (its census row kept: the units then do not add up to it). */
const partOf = (code: string, units: string[]): Province => ({ ...provinces.find((p) => p.code === code)!, units: units.map((c) => cat.byCode(c)!) });
const options = (outDir: string, o: Partial<ProvinceInitOptions> = {}): ProvinceInitOptions => ({
  outDir,
  partial: false,
  baselineYear: 2020,
  horizon: 2030,
  model: 'cohort',
  draws: 50,
  targets: [],
  seedsDir: join(dir, 'seeds'),
  dataDir,
  commandLine: 'simulate init --region test',
  ...o,
});
const pop = (u: CensusUnit) => u.census2020.population!;

describe('a province as the sum of its units', () => {
  it("the units' scenarios add up to the province scenario's baseline, and the projection starts from it", async () => {
    // Arrange: 宁夏 (5 units) adds up exactly to its own census
    const ningxia = provinces.find((p) => p.code === '640000')!;
    const out = join(dir, 'ningxia');

    // Act
    const files = await buildProvinceInit(ningxia, cat, options(out, { targets: [parseTargetArg('2030:urbanShare>=0.70')] }));
    await writeProvinceInit(files, {});

    // Assert
    const doc = parse(readFileSync(join(out, 'ningxia.yml'), 'utf8'));
    const units = doc.assumptions.regions.map((r: { scenario: string }) => parse(readFileSync(join(out, r.scenario), 'utf8')));
    const sumPop = units.reduce((s: number, u: { baseline: { population: { value: number } } }) => s + u.baseline.population.value, 0);
    const sumUrban = units.reduce((s: number, u: { baseline: { population: { value: number }; urbanShare: { value: number } } }) => s + u.baseline.population.value * u.baseline.urbanShare.value, 0);
    expect(units).toHaveLength(5);
    expect(doc.baseline.population.value).toBe(sumPop);
    expect(sumPop).toBe(ningxia.census2020.population); // 宁夏's units are the whole province
    expect(Math.abs(doc.baseline.urbanShare.value - sumUrban / sumPop)).toBeLessThan(1e-6);
    expect(doc.baseline.population.why).toMatch(/exactly the province's own 2020 census, 7202654 residents \(seeds\/data\/census_provinces\.csv line \d+/);
    expect(unsourcedNumbers(doc)).toEqual([]);
    for (const u of units) expect(unsourcedNumbers(u)).toEqual([]);
    const loaded = await loadScenario(join(out, 'ningxia.yml'));
    const d = projectDeterministic(loaded);
    expect(d.series[d.metrics.findIndex((m) => m.name === 'total')][0]).toBeCloseTo(sumPop, 0);
    expect(doc.assumptions.migration.passes).toBe(2);
    expect(doc.assumptions.migration.external.why).toMatch(/^宁夏回族自治区's own net external rate: src\/calibration calibrateRegion on the province's 2010 and 2020 census rows and pyramids \(seeds\/data\/census_provinces\.csv line \d+/);
    expect(doc.targets).toEqual([expect.objectContaining({ metric: 'urbanShare', year: 2030, comparator: '>=', value: 0.7 })]);
  }, 60_000);

  it("says what share of the province's census the units cover when they do not add up to it", async () => {
    const p = partOf('410000', ['410100', '419001']); // 郑州市 + 济源市 of 河南省
    const files = await buildProvinceInit(p, cat, options(join(dir, 'two')));
    const doc = parse(files.scenario.text);
    const sum = pop(cat.byCode('410100')!) + pop(cat.byCode('419001')!);
    expect(doc.baseline.population.value).toBe(sum);
    expect(files.coverage.gap).toBe(p.census2020.population! - sum);
    expect(doc.baseline.population.why).toContain(`${(100 * sum / p.census2020.population!).toFixed(2)}% of the province's own 2020 census, 99365519 residents`);
    expect(doc.baseline.population.why).toContain(`${p.census2020.population! - sum} residents are in no summed unit`);
  }, 60_000);

  it('refuses a province with a unit init cannot initialise, naming it and why; nothing written', async () => {
    const p = partOf('440000', ['440300', '440400']); // 深圳市 (100 % urban in both censuses) + 珠海市
    const out = join(dir, 'refused');

    const r = buildProvinceInit(p, cat, options(out));

    await expect(r).rejects.toThrow(InitError);
    await expect(r).rejects.toThrow(/广东省 \(440000\): 1 of its 2 units cannot be initialised:\n {2}深圳市 \(440300\): the cohort model cannot be calibrated .*\nGive --partial to write the province as the sum of the other 1/);
    expect(existsSync(out)).toBe(false);
  }, 60_000);

  it('with partial, leaves such units out and names them in the header, the region and the baseline why', async () => {
    const p = partOf('440000', ['440300', '440400']);
    const out = join(dir, 'partial');

    const files = await buildProvinceInit(p, cat, options(out, { partial: true }));
    await writeProvinceInit(files, {});

    expect(files.refused.map((r) => r.unit.code)).toEqual(['440300']);
    const text = readFileSync(join(out, 'guangdong.yml'), 'utf8');
    const doc = parse(text);
    expect(text).toMatch(/^# Left out \(--partial\): 深圳市 \(440300\): the cohort model cannot be calibrated/m);
    expect(doc.region).toBe('广东省 Guangdong (1 prefecture-level unit, without 深圳市)');
    expect(doc.baseline.population.value).toBe(pop(cat.byCode('440400')!));
    expect(doc.baseline.population.why).toMatch(/left out \(init cannot initialise them, --partial\): 深圳市 440300 \(17560061 residents\)/);
    expect(readdirSync(join(out, 'prefectures')).sort()).toEqual(['data', 'zhuhai.yml']);
  }, 60_000);

  it("writes no migration balancing, and says why, when the province's own census cannot be calibrated", async () => {
    const p = { ...partOf('640000', ['640100']), census2010: { population: null, urban: null } };

    const files = await buildProvinceInit(p, cat, options(join(dir, 'nomig')));

    const doc = parse(files.scenario.text);
    expect(doc.assumptions.migration).toBeUndefined();
    expect(files.scenario.text).toMatch(/^# Migration between the units is not balanced \(no `migration:`\): the province's census rows lack a census or pyramid \(seeds\/data\/census_provinces\.csv line \d+\)/m);
    expect(doc.description).not.toMatch(/balanced/);
  }, 60_000);

  it.each([
    [{ outDir: join(dir, 'x.yml') }, /--out .*x\.yml: for a province, --out is a folder/],
    [{ targets: [parseTargetArg('2030:hukouShare>=0.5')] }, /--target 2030:hukouShare>=0.5: the province's sum \(the regions model\) has no metric hukouShare/],
    [{ targets: [parseTargetArg('2040:urbanShare>=0.5')] }, /--target 2040:urbanShare>=0.5: the year must be within the projection, 2021–2030/],
    [{ horizon: 2020 }, /--horizon 2020: must be after the baseline year 2020/],
  ])('refuses bad options before calibrating anything (%#)', async (o, message) => {
    const p = partOf('640000', ['640100']);
    await expect(buildProvinceInit(p, cat, { ...options(join(dir, 'bad')), ...o })).rejects.toThrow(message);
  });

  it('is deterministic: the same province gives the same bytes', async () => {
    const p = partOf('410000', ['419001']);
    const a = await buildProvinceInit(p, cat, options(join(dir, 'det')));
    const b = await buildProvinceInit(p, cat, options(join(dir, 'det')));
    expect(b.scenario.text).toBe(a.scenario.text);
    expect(b.parts).toEqual(a.parts);
  }, 60_000);
});
