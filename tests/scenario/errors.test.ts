import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compiledUrl } from '../../src/engine/compiled-url.js';
import { ParamError } from '../../src/params/compile.js';
import { asInputError, describeFound, fromParamError, InputError, isParamError, pathString, throwAll } from '../../src/scenario/errors.js';

const at = (line: number, column: number, file = '/w/scenarios/x.yml') => ({ file, line, column });

describe('InputError.format', () => {
  it('writes file:line:column: path: found …, expected … with the file relative to the working directory', () => {
    const e = new InputError({ ...at(12, 5), path: 'assumptions.tfr.urban', found: '"abc" (a string)', expected: 'a number or a distribution' });

    const text = e.format('/w');

    expect(text).toBe('scenarios/x.yml:12:5: assumptions.tfr.urban: found "abc" (a string), expected a number or a distribution');
  });

  it('keeps an absolute path for files outside the working directory', () => {
    const e = new InputError({ ...at(1, 1, '/elsewhere/x.yml'), path: 'name', detail: 'bad' });

    expect(e.format('/w')).toBe('/elsewhere/x.yml:1:1: name: bad');
  });

  it('omits the position of whole-file and command-line locations, and an empty path', () => {
    const file = new InputError({ file: '/w/x.yml', line: 0, column: 0, path: '', detail: 'cannot read the file: no such file' });
    const set = new InputError({ file: '--set horizon=x', line: 0, column: 0, path: 'horizon', detail: 'bad' });

    expect(file.format('/w')).toBe('x.yml: cannot read the file: no such file');
    expect(set.format('/w')).toBe('--set horizon=x: horizon: bad');
  });

  it('is one line for every message it composes', () => {
    const e = new InputError({ ...at(3, 4), path: 'a.b', found: describeFound({ dist: 'normal', mean: 1, sd: 2 }), expected: 'x' });

    expect(e.format('/w').split('\n')).toHaveLength(1);
  });
});

describe('describeFound', () => {
  it.each([
    ['abc', '"abc" (a string)'],
    [undefined, 'nothing (the field is missing)'],
    [null, 'an empty value'],
    [1.5, '1.5'],
    [true, 'true'],
    [[2025, 2022], 'a list ([2025, 2022])'],
    [{ dist: 'normal', mean: 1 }, 'a mapping ({dist: normal, mean: 1})'],
  ])('describes %j as %s', (value, text) => {
    expect(describeFound(value)).toBe(text);
  });

  it('shortens long values', () => {
    expect(describeFound('x'.repeat(500)).length).toBeLessThan(80);
  });
});

describe('throwAll', () => {
  it('does nothing for no errors', () => {
    expect(() => throwAll([])).not.toThrow();
  });

  it('throws the first error in file order, carrying the others', () => {
    const late = new InputError({ ...at(9, 1), path: 'b', detail: 'late' });
    const early = new InputError({ ...at(2, 3), path: 'a', detail: 'early' });

    let thrown: unknown;
    try {
      throwAll([late, early]);
    } catch (e) {
      thrown = e;
    }

    expect(thrown).toBe(early);
    expect(early.others).toEqual([late]);
    expect(early.formatAll('/w').split('\n')).toEqual(['scenarios/x.yml:2:3: a: early', 'scenarios/x.yml:9:1: b: late']);
  });
});

describe('ParamError → InputError', () => {
  it('locates the parameter path and keeps the message', () => {
    const e = new ParamError(['assumptions', 'srb'], 'sex ratio must stay within [0.5, 2]');

    const input = fromParamError(e, (path) => ({ ...at(7, 3), file: resolve('/w', path.join('-')) }));

    expect(input.path).toBe('assumptions.srb');
    expect(input.line).toBe(7);
    expect(input.detail).toBe('sex ratio must stay within [0.5, 2]');
  });

  it('recognises the ParamError of the compiled copy in dist/ (what models loaded from dist/ throw)', async () => {
    const dist = (await import(compiledUrl('../../src/params/compile.js', import.meta.url))) as { ParamError: typeof ParamError };
    const foreign = new dist.ParamError(['horizon'], 'too far');

    expect(dist.ParamError).not.toBe(ParamError);
    expect(isParamError(foreign)).toBe(true);
    expect(asInputError(foreign, () => at(1, 1))).toBeInstanceOf(InputError);
  });

  it('leaves other errors alone', () => {
    const e = new TypeError('boom');

    expect(isParamError(e)).toBe(false);
    expect(asInputError(e, () => at(1, 1))).toBe(e);
  });
});

it('pathString joins with dots', () => {
  expect(pathString(['targets', 2, 'value'])).toBe('targets.2.value');
});
