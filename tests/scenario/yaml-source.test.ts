import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/scenario/errors.js';
import { locateIn } from '../../src/scenario/located.js';
import { parseYamlText, readYamlFile } from '../../src/scenario/yaml-source.js';

const F = '/w/x.yml';
const thrown = (f: () => unknown): InputError => {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
};

describe('parseYamlText', () => {
  const text = ['name: x', 'baseline:', '  year: 2021', '  urbanShare:', 'assumptions:', '  tfr: {urban: 1.1, rural: [1, 2]}', ''].join('\n');
  const doc = parseYamlText(text, F);

  it('gives the plain data, with year keys as strings', () => {
    expect(parseYamlText('byYear: {2030: 1}', F).value).toEqual({ byYear: { '2030': 1 } });
    expect(doc.value).toEqual({ name: 'x', baseline: { year: 2021, urbanShare: null }, assumptions: { tfr: { urban: 1.1, rural: [1, 2] } } });
  });

  it('locates values (1-based line and column) in block and flow style', () => {
    expect(locateIn(doc.loc, ['baseline', 'year'])).toEqual({ file: F, line: 3, column: 9 });
    expect(locateIn(doc.loc, ['assumptions', 'tfr', 'urban'])).toEqual({ file: F, line: 6, column: 16 });
    expect(locateIn(doc.loc, ['assumptions', 'tfr', 'rural', 1])).toEqual({ file: F, line: 6, column: 32 });
  });

  it('locates keys, and empty values at their key', () => {
    expect(locateIn(doc.loc, ['baseline', 'year'], { key: true })).toEqual({ file: F, line: 3, column: 3 });
    expect(locateIn(doc.loc, ['baseline', 'urbanShare'])).toEqual({ file: F, line: 4, column: 3 });
  });

  it('an empty document is null, located at the start', () => {
    const empty = parseYamlText('# nothing\n', F);

    expect(empty.value).toBeNull();
    expect(locateIn(empty.loc, ['name'])).toEqual({ file: F, line: 1, column: 1 });
  });

  it.each([
    ['a: [1, 2\n', 2, 'YAML syntax: Flow sequence'],
    ['a:\n\tb: 1\n', 2, 'YAML syntax: Tabs are not allowed as indentation'],
    ['a: 1\na: 2\n', 2, 'YAML syntax: Map keys must be unique'],
    ['a: 1\n  b: 2\n', 1, 'YAML syntax: Nested mappings are not allowed in compact mappings'],
  ])('a syntax error in %j is an input error at line %i', (src, line, message) => {
    const e = thrown(() => parseYamlText(src, F));

    expect(e.line).toBe(line);
    expect(e.format('/w')).toContain(message);
    expect(e.format('/w')).not.toContain('\n');
  });
});

describe('readYamlFile', () => {
  it('reads a file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'urbcast-yaml-'));
    writeFileSync(join(dir, 'a.yml'), 'a: 1\n');

    expect(readYamlFile(join(dir, 'a.yml')).value).toEqual({ a: 1 });
  });

  it('a missing file is an input error about the whole file, or about the line that named it', () => {
    const plain = thrown(() => readYamlFile('/no/such/file.yml'));
    const named = thrown(() => readYamlFile('/no/such/base.yml', { at: { file: F, line: 2, column: 10 }, path: 'extends', what: 'the scenario it extends,' }));

    expect(plain.format('/')).toBe('no/such/file.yml: cannot read the file: no such file');
    expect(named.format('/w')).toBe('x.yml:2:10: extends: cannot read the scenario it extends, /no/such/base.yml: no such file');
  });
});
