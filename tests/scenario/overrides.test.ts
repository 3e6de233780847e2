import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/scenario/errors.js';
import { locateIn } from '../../src/scenario/located.js';
import { applySets, parseSet } from '../../src/scenario/overrides.js';
import { parseYamlText } from '../../src/scenario/yaml-source.js';

const F = '/w/x.yml';
const doc = parseYamlText('horizon: 2030\nassumptions:\n  srb: 1.1\n  ruralToUrban: 0.02\ntargets:\n  - {metric: urbanShare, value: 0.6}\n', F);
const error = (f: () => unknown): InputError => {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
};

describe('parseSet', () => {
  it('splits at the first = and parses the value as YAML', () => {
    expect(parseSet('assumptions.srb={dist: uniform, min: 1, max: 1.2}')).toEqual({
      arg: 'assumptions.srb={dist: uniform, min: 1, max: 1.2}',
      path: ['assumptions', 'srb'],
      value: { dist: 'uniform', min: 1, max: 1.2 },
    });
    expect(parseSet('name=a=b').value).toBe('a=b');
    expect(parseSet('draws=2000').value).toBe(2000);
  });

  it.each(['horizon', '=3', 'a..b=1'])('rejects %j, naming the --set', (arg) => {
    const e = error(() => parseSet(arg));

    expect(e.format('/w')).toMatch(/^--set .*expected path=value/);
  });

  it('refuses to change extends', () => {
    expect(error(() => parseSet('extends=other.yml')).detail).toMatch(/^extends cannot be changed with --set/);
  });

  it('rejects a value that is not YAML', () => {
    expect(error(() => parseSet('name=[1')).format('/w')).toMatch(/^--set name=\[1: name: the value is not valid YAML/);
  });
});

describe('applySets', () => {
  it('overrides values and locates them at the --set', () => {
    const out = applySets(doc, ['horizon=2035', 'targets.0.value=0.65']);

    expect((out.value as any).horizon).toBe(2035);
    expect((out.value as any).targets[0]).toEqual({ metric: 'urbanShare', value: 0.65 });
    expect(locateIn(out.loc, ['horizon'])).toEqual({ file: '--set horizon=2035', line: 0, column: 0 });
    expect(locateIn(out.loc, ['targets', 0, 'metric'])).toEqual({ file: F, line: 6, column: 14 });
    expect(locateIn(out.loc, ['assumptions', 'srb']).file).toBe(F);
  });

  it('applies in order, and leaves the input document unchanged', () => {
    const out = applySets(doc, ['horizon=2035', 'horizon=2040']);

    expect((out.value as any).horizon).toBe(2040);
    expect((doc.value as any).horizon).toBe(2030);
  });

  it('creates missing mappings (the schema then judges the keys)', () => {
    const out = applySets(doc, ['sampling.lhs=true']);

    expect((out.value as any).sampling).toEqual({ lhs: true });
    expect(locateIn(out.loc, ['sampling', 'lhs']).file).toBe('--set sampling.lhs=true');
  });

  it('a path through a number is an error naming the --set and where the number is', () => {
    const e = error(() => applySets(doc, ['assumptions.ruralToUrban.value=0.025']));

    expect(e.format('/w')).toBe(
      '--set assumptions.ruralToUrban.value=0.025: assumptions.ruralToUrban.value: assumptions.ruralToUrban is 0.02 (at x.yml:4:17), so it has no field "value"; set assumptions.ruralToUrban itself instead',
    );
  });

  it('an index past the end of a list is an error naming the --set', () => {
    const e = error(() => applySets(doc, ['targets.3.value=1']));

    expect(e.file).toBe('--set targets.3.value=1');
    expect(e.detail).toContain('targets is a list of 1 items');
  });
});
