import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compileForValidation } from '../../src/engine/compile.js';
import { buildInit, InitError, writeInit, type InitOptions } from '../../src/init/init.js';
import { parseTargetArg } from '../../src/init/target-arg.js';
import { loadScenario } from '../../src/scenario/load.js';
import { dataDir } from '../../src/scenario/paths.js';
import { unsourcedNumbers } from './provenance.js';
import { testRegion } from './regions.js';

const plan = fileURLToPath(new URL('../fixtures/extract/synthetic-plan.txt', import.meta.url));

function options(o: Partial<InitOptions> = {}): InitOptions {
  const dir = mkdtempSync(join(tmpdir(), 'init-'));
  return { out: join(dir, 'scenarios', 'heze.yml'), baselineYear: 2020, horizon: 2035, model: 'cohort', draws: 1000, targets: [], seedsDir: join(dir, 'seeds'), dataDir, commandLine: 'simulate init --region 菏泽市', ...o };
}

describe('buildInit + writeInit', () => {
  it('writes a scenario and its pyramid that validate, every number with a why', async () => {
    const o = options({ targets: [parseTargetArg('2025:urbanShare>=0.57'), parseTargetArg('2035:total>=8000000')] });

    await writeInit(await buildInit(testRegion('heze'), o), { compile: compileForValidation });

    const loaded = await loadScenario(o.out, { seedsDir: o.seedsDir });
    compileForValidation(loaded);
    // Heze's 2020 census: 4,461,825 urban of 8,795,939 (seeds/data/census_prefectures.csv)
    expect(loaded.scenario.baseline).toMatchObject({ year: 2020, population: { value: 8795939 } });
    expect((loaded.scenario.baseline.urbanShare as { value: number }).value).toBeCloseTo(4461825 / 8795939, 4);
    expect(loaded.scenario.targets.map((t) => [t.metric, t.year, t.comparator, t.value])).toEqual([
      ['urbanShare', 2025, '>=', 0.57],
      ['total', 2035, '>=', 8000000],
    ]);
    expect(unsourcedNumbers(parse(readFileSync(o.out, 'utf8')))).toEqual([]);
    const csv = readFileSync(join(o.out, '..', 'data', 'heze_age.csv'), 'utf8').trim().split('\n');
    const total = csv.slice(1).reduce((s, l) => s + Number(l.split(',')[1]) + Number(l.split(',')[2]), 0);
    expect(Math.abs(total - 8795939)).toBeLessThan(40);
  });

  it('is deterministic: the same region and options give the same files', async () => {
    const a = await buildInit(testRegion('jining'), options({ out: '/x/jining.yml' }));
    const b = await buildInit(testRegion('jining'), options({ out: '/x/jining.yml' }));

    expect(b.scenario.text).toBe(a.scenario.text);
    expect(b.pyramid.text).toBe(a.pyramid.text);
  });

  it("with --plan writes the plan's seed file and cites its target levels after the baseline, one per quantity, both where text and table disagree", async () => {
    const o = options({ plan });

    const files = await buildInit(testRegion('heze'), o);
    await writeInit(files, { compile: compileForValidation });

    const loaded = await loadScenario(o.out, { seedsDir: o.seedsDir });
    expect(loaded.scenario.targets.map((t) => [t.id, t.metric, t.year, t.comparator, t.value])).toEqual([
      ['heze.P005', 'urbanShare', 2030, '>', 0.63],
      ['heze.P007', 'total', 2030, '~', 11000000],
      ['heze.P012', 'urbanShare', 2030, '=', 0.62],
    ]);
    expect(readdirSync(o.seedsDir)).toEqual(['heze.yml']);
    const text = readFileSync(o.out, 'utf8');
    expect(text).toContain('heze.P008 (citizenised_migrants');
    expect(text).toContain('heze.P010 (urbanisation_gain_vs_province');
    expect(text).toContain('heze.P009 (resident_urbanisation_rate, 菏泽中心城区');
    expect(text).toMatch(/heze.P016 \(resident_population.*the same value as heze.P007/);
  });

  it('never overwrites a hand-made seed file', async () => {
    const o = options({ plan });
    mkdirSync(o.seedsDir, { recursive: true });
    writeFileSync(join(o.seedsDir, 'heze.yml'), 'city: heze\n');

    await expect(buildInit(testRegion('heze'), o)).rejects.toThrow(/heze.yml exists and was not written by simulate extract/);
  });

  it("never overwrites another region's extracted figures that share its pinyin", async () => {
    const o = options({ plan });
    mkdirSync(o.seedsDir, { recursive: true });
    writeFileSync(join(o.seedsDir, 'heze.yml'), '# x: figures read by `simulate extract p.txt --region 荷泽市`\ncity: heze\nname: "荷泽市 Heze"\n');

    await expect(buildInit(testRegion('heze'), o)).rejects.toThrow(/holds the extracted figures of 荷泽市, which has the same pinyin as 菏泽市/);
  });

  it('writes nothing when the scenario does not validate', async () => {
    const o = options();
    const files = await buildInit(testRegion('heze'), o);

    await expect(writeInit(files, { compile: () => { throw new Error('refused'); } })).rejects.toThrow('refused');
    expect(existsSync(o.out)).toBe(false);
    expect(existsSync(join(o.out, '..', 'data'))).toBe(false);
  });

  it.each([
    [{ baselineYear: 2021 }, /--baseline 2021: init starts from a census in the catalogue, 2020/],
    [{ model: 'urgd' }, /--model urgd: init calibrates cohort/],
    [{ targets: [parseTargetArg('2040:urbanShare>=0.7')] }, /--target 2040:urbanShare>=0.7: the year must be within the projection, 2021–2035/],
    [{ targets: [parseTargetArg('2030:hukouShare>=0.5')] }, /the cohort model has no metric hukouShare; it has total, urban, rural, urbanShare/],
  ])('refuses %o', async (o, message) => {
    await expect(buildInit(testRegion('heze'), options(o as Partial<InitOptions>))).rejects.toThrow(message);
    await expect(buildInit(testRegion('heze'), options(o as Partial<InitOptions>))).rejects.toBeInstanceOf(InitError);
  });
});
