import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/scenario/errors.js';
import { readScenarioChain } from '../../src/scenario/extends.js';
import { locateIn } from '../../src/scenario/located.js';

function files(content: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'urbcast-extends-'));
  for (const [name, text] of Object.entries(content)) writeFileSync(join(dir, name), text);
  return dir;
}

const error = (f: () => unknown): InputError => {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
};

describe('readScenarioChain', () => {
  const dir = files({
    'base.yml': 'name: base\nhorizon: 2030\nassumptions:\n  srb: 1.1\n  ruralToUrban: {value: 0.01, why: calibrated}\n  reclassification: {dist: uniform, min: 0, max: 0.01}\n  external: {urban: {rate: -0.01}}\ntargets: [1, 2]\n',
    'mid.yml': 'extends: base.yml\nname: mid\n',
    'child.yml': [
      'extends: mid.yml',
      'horizon: 2035',
      'assumptions:',
      '  ruralToUrban: {value: 0.02}',
      '  reclassification: {dist: pert, min: 0, mode: 0.005, max: 0.01}',
      '  external: {urban: {rate: null, count: -5000}}',
      'targets: [3]',
      '',
    ].join('\n'),
    'alone.yml': 'name: alone\n',
  });
  const chain = readScenarioChain(join(dir, 'child.yml'));
  const v = chain.doc.value as Record<string, any>;

  it('lists the files, most derived first', () => {
    expect(chain.files).toEqual(['child.yml', 'mid.yml', 'base.yml'].map((f) => join(dir, f)));
    expect(readScenarioChain(join(dir, 'alone.yml')).files).toEqual([join(dir, 'alone.yml')]);
  });

  it('merges mappings, replaces scalars and lists, replaces distributions whole, removes null keys', () => {
    expect(v.name).toBe('mid');
    expect(v.horizon).toBe(2035);
    expect(v.targets).toEqual([3]);
    expect(v.assumptions.srb).toBe(1.1);
    expect(v.assumptions.ruralToUrban).toEqual({ value: 0.02, why: 'calibrated' });
    expect(v.assumptions.reclassification).toEqual({ dist: 'pert', min: 0, mode: 0.005, max: 0.01 });
    expect(v.assumptions.external).toEqual({ urban: { count: -5000 } });
  });

  it('locates each value in the file it came from', () => {
    expect(locateIn(chain.doc.loc, ['horizon'])).toEqual({ file: join(dir, 'child.yml'), line: 2, column: 10 });
    expect(locateIn(chain.doc.loc, ['name']).file).toBe(join(dir, 'mid.yml'));
    expect(locateIn(chain.doc.loc, ['assumptions', 'srb'])).toEqual({ file: join(dir, 'base.yml'), line: 4, column: 8 });
    expect(locateIn(chain.doc.loc, ['assumptions', 'ruralToUrban', 'why']).file).toBe(join(dir, 'base.yml'));
    expect(locateIn(chain.doc.loc, ['assumptions', 'ruralToUrban', 'value']).file).toBe(join(dir, 'child.yml'));
  });

  it('a missing base is an error at the extends line', () => {
    const d = files({ 'a.yml': 'name: a\nextends: nope.yml\n' });

    const e = error(() => readScenarioChain(join(d, 'a.yml')));

    expect([e.file, e.line, e.column, e.path]).toEqual([join(d, 'a.yml'), 2, 10, 'extends']);
    expect(e.detail).toContain('no such file');
  });

  it('a cycle is an error at the extends line that closes it, naming the files', () => {
    const d = files({ 'a.yml': 'extends: b.yml\n', 'b.yml': 'extends: c.yml\n', 'c.yml': 'extends: a.yml\n', 'self.yml': 'extends: ./self.yml\n' });

    const e = error(() => readScenarioChain(join(d, 'a.yml')));
    const self = error(() => readScenarioChain(join(d, 'self.yml')));

    expect([e.file, e.line, e.column]).toEqual([join(d, 'c.yml'), 1, 10]);
    expect(e.detail).toBe('extends cycle: a.yml → b.yml → c.yml → a.yml');
    expect(self.detail).toBe('extends cycle: self.yml → self.yml');
  });

  it('a syntax error in the base is located in the base', () => {
    const d = files({ 'a.yml': 'extends: b.yml\n', 'b.yml': 'x: [1\n' });

    expect(error(() => readScenarioChain(join(d, 'a.yml'))).file).toBe(join(d, 'b.yml'));
  });
});
