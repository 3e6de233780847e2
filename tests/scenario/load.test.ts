import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compiledUrl } from '../../src/engine/compiled-url.js';
import { InputError } from '../../src/scenario/errors.js';
import { loadScenario, type LoadOptions } from '../../src/scenario/load.js';
import { dataDir, projectRoot } from '../../src/scenario/paths.js';

const dir = fileURLToPath(new URL('../fixtures/scenarios/', import.meta.url));
const fixture = (name: string) => join(dir, name);
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

async function inputError(file: string, opts?: LoadOptions): Promise<InputError> {
  try {
    await loadScenario(file, opts);
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('loadScenario', () => {
  it('validates, fills defaults and seed values, and resolves targets', async () => {
    const loaded = await loadScenario(fixture('base.yml'));

    expect(loaded.file).toBe(fixture('base.yml'));
    expect(loaded.modelName).toBe('cohort');
    expect(loaded.model.name).toBe('cohort');
    expect(loaded.modelModule).toMatch(/\/dist\/models\/cohort\/index\.js$/);
    expect(loaded.scenario.baseline.urbanShare).toEqual({ value: 0.519, seed: 'heze.P004' });
    expect(loaded.scenario.sampling).toBeUndefined();
    expect(loaded.scenario.targets.map((t) => [t.id, t.kind, t.value])).toEqual([
      ['heze.P001', 'level', 0.57],
      ['urbanShare-2030', 'level', 0.6],
      ['moves', 'flow', 100000],
    ]);
    expect(loaded.references).toEqual({});
  });

  it('builds the compile context; dataDir is the project seeds/data wherever the process runs', async () => {
    const loaded = await loadScenario(fixture('base.yml'));

    expect(loaded.ctx).toEqual({ scenarioFile: fixture('base.yml'), baseYear: 2021, horizon: 2030, steps: 9, population: 8739570, urbanShare: 0.519, dataDir });
    expect(dataDir).toBe(join(repoRoot, 'seeds', 'data'));
    expect(projectRoot).toBe(repoRoot);
  });

  it('validates and defaults the assumptions with the model schema', async () => {
    const loaded = await loadScenario(fixture('base.yml'));

    expect(loaded.assumptions).toMatchObject({ srb: 1.106, ruralToUrban: { value: { dist: 'uniform', min: 0.012, max: 0.02 }, why: 'test value' } });
  });

  it('locates fields in the derived file, the base file, or the --set', async () => {
    const loaded = await loadScenario(fixture('derived.yml'), { sets: ['draws=50'] });

    expect(loaded.files).toEqual([fixture('derived.yml'), fixture('base.yml')]);
    expect(loaded.locate('horizon')).toEqual({ file: fixture('derived.yml'), line: 4, column: 10 });
    expect(loaded.locate(['assumptions', 'srb'])).toEqual({ file: fixture('base.yml'), line: 17, column: 8 });
    expect(loaded.locate('draws')).toEqual({ file: '--set draws=50', line: 0, column: 0 });
    expect(loaded.scenario.draws).toBe(50);
    expect(loaded.scenario.targets.map((t) => t.id)).toEqual(['urbanShare-2035']);
  });

  it('keeps the raw merged document for later stages', async () => {
    const loaded = await loadScenario(fixture('derived.yml'));

    expect((loaded.raw.value as { extends: string }).extends).toBe('base.yml');
  });

  it('loads the reference scenarios of relative targets, keyed as written', async () => {
    const loaded = await loadScenario(fixture('relative.yml'));

    expect(Object.keys(loaded.references)).toEqual(['province.yml']);
    expect(loaded.references['province.yml'].file).toBe(fixture('province.yml'));
    expect(loaded.references['province.yml'].ctx.urbanShare).toBe(0.639);
    expect(loaded.scenario.targets[0]).toMatchObject({ id: 'heze.P013', kind: 'gain', value: 0.005, reference: { scenario: 'province.yml' } });
  });

  it('a reference cycle is an error at the reference', async () => {
    const d = mkdtempSync(join(tmpdir(), 'urbcast-ref-'));
    const target = (other: string) => `  - {metric: urbanShare, window: [2022, 2025], comparator: ">=", value: 0, reference: {scenario: ${other}}}\n`;
    writeFileSync(join(d, 'a.yml'), `extends: ${fixture('base.yml')}\ntargets:\n${target('b.yml')}`);
    writeFileSync(join(d, 'b.yml'), `extends: ${fixture('base.yml')}\ntargets:\n${target('a.yml')}`);

    const e = await inputError(join(d, 'a.yml'));

    expect(e.file).toBe(join(d, 'b.yml'));
    expect(e.detail).toBe('reference cycle: a.yml → b.yml → a.yml');
  });

  it('resolves baseline.ageStructure relative to the file that wrote it, and checks it exists', async () => {
    const d = mkdtempSync(join(tmpdir(), 'urbcast-ages-'));
    writeFileSync(join(d, 'ages.csv'), 'age_group,male,female\n');
    writeFileSync(join(d, 's.yml'), `extends: ${fixture('base.yml')}\nbaseline:\n  ageStructure: ages.csv\n`);

    const loaded = await loadScenario(join(d, 's.yml'));
    const missing = await inputError(fixture('base.yml'), { sets: ['baseline.ageStructure=nope.csv'] });

    expect(loaded.ctx.ageStructure).toBe(join(d, 'ages.csv'));
    expect(missing.format()).toMatch(/^--set baseline.ageStructure=nope.csv: baseline.ageStructure: found "nope.csv" \(a string\), expected an existing CSV file/);
  });

  it('a value stated with its seed must equal the seed', async () => {
    const ok = await loadScenario(fixture('base.yml'), { sets: ['baseline.urbanShare={value: 0.519, seed: heze.P004}'] });
    const bad = await inputError(fixture('base.yml'), { sets: ['baseline.urbanShare={value: 0.52, seed: heze.P004}'] });

    expect(ok.ctx.urbanShare).toBe(0.519);
    expect(bad.detail).toBe('found 0.52, expected 0.519, the value of seed heze.P004 (or drop value: and let the seed fill it)');
  });

  it('an unknown model lists the registered ones', async () => {
    const e = await inputError(fixture('base.yml'), { sets: ['model=cohrt'] });

    expect(e.detail).toMatch(/^found "cohrt" \(a string\), expected a registered model: cohort/);
  });

  it('a model not in the default registry can be given; a citizenised seed works with a model that declares it', async () => {
    const registry = { citizen: { module: compiledUrl('../fixtures/scenarios/citizen-model.js', import.meta.url), title: 'toy' } };

    const loaded = await loadScenario(fixture('citizen.yml'), { registry });

    expect(loaded.scenario.targets[0]).toMatchObject({ id: 'jinan.P017', metric: 'citizenised', kind: 'flow', window: [2021, 2025], value: 600000 });
    expect(loaded.ctx.urbanShare).toBe(0.735);
  });

  it('assumption errors are located in the file and prefixed with assumptions', async () => {
    const e = await inputError(fixture('derived.yml'), { sets: ['assumptions.tfr.urban=abc'] });

    expect(e.format()).toBe(
      '--set assumptions.tfr.urban=abc: assumptions.tfr.urban: found "abc" (a string), expected a number or a distribution (or a mapping with keys value, change, byYear, walk, why)',
    );
  });

  it('loads the same from another working directory', async () => {
    const cwd = process.cwd();
    process.chdir(tmpdir());
    try {
      const loaded = await loadScenario(fixture('base.yml'));
      expect(existsSync(loaded.ctx.dataDir)).toBe(true);
    } finally {
      process.chdir(cwd);
    }
  });
});
