import { chmodSync, lstatSync, mkdirSync, mkdtempSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OutputError } from '../../src/io/output-error.js';
import { writeOutputFile } from '../../src/io/output-file.js';
import { writeOutputSet } from '../../src/io/output-set.js';
import { tree } from './tree.js';
import { thrown } from '../thrown.js';

const fresh = () => mkdtempSync(join(tmpdir(), 'urbcast-io-'));
// failures injected into the file system calls of src/io/ (a rename or a write that fails once)
const inject = vi.hoisted(() => ({ rename: undefined as ((to: string) => void) | undefined, write: undefined as ((data: string) => void) | undefined }));
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  return {
    ...real,
    renameSync: (from: string, to: string) => (inject.rename?.(String(to)), real.renameSync(from, to)),
    writeSync: (fd: number, data: Uint8Array, ...rest: number[]) => (inject.write?.(Buffer.from(data).toString()), real.writeSync(fd, data, ...rest)),
  };
});
afterEach(() => {
  inject.rename = undefined;
  inject.write = undefined;
});

describe('writeOutputSet', () => {
  it('writes a new folder (and its parents) with exactly the set', () => {
    const root = fresh();

    const files = writeOutputSet(join(root, 'a/b/out'), { 'result.json': '{}', 'quantiles.csv': 'x' });

    expect(files).toEqual([join(root, 'a/b/out/result.json'), join(root, 'a/b/out/quantiles.csv')]);
    expect(tree(root)).toEqual({ a: '<dir>', 'a/b': '<dir>', 'a/b/out': '<dir>', 'a/b/out/result.json': '{}', 'a/b/out/quantiles.csv': 'x' });
  });

  it("replaces an earlier run's set whole, keeping the folder's permissions", () => {
    const root = fresh();
    const out = join(root, 'out');
    writeOutputSet(out, { 'report.html': 'old', 'result.json': 'old' });
    chmodSync(out, 0o750);

    writeOutputSet(out, { 'report.html': 'new', 'result.json': 'new' });

    expect(tree(root)).toEqual({ out: '<dir>', 'out/report.html': 'new', 'out/result.json': 'new' });
    expect(statSync(out).mode & 0o777).toBe(0o750);
  });

  it('in a folder with other files: replaces the set, leaves the others', () => {
    const root = fresh();
    writeFileSync(join(root, 'notes.txt'), 'mine');
    writeFileSync(join(root, 'result.json'), 'old');

    writeOutputSet(root, { 'result.json': 'new', 'targets.csv': 't' });

    expect(tree(root)).toEqual({ 'notes.txt': 'mine', 'result.json': 'new', 'targets.csv': 't' });
  });

  it('a failed rename half-way undoes the renames done: the earlier files are back, nothing is left', () => {
    const root = fresh();
    writeFileSync(join(root, 'notes.txt'), 'mine');
    writeFileSync(join(root, 'a.txt'), 'old a');
    writeFileSync(join(root, 'b.txt'), 'old b');
    let n = 0;
    inject.rename = (to) => {
      if (to === join(root, 'b.txt') && n++ === 0) throw Object.assign(new Error('EIO: i/o error, rename'), { code: 'EIO' });
    };

    const e = thrown(OutputError, () => writeOutputSet(root, { 'a.txt': 'new a', 'b.txt': 'new b' }));

    expect(e.message).toBe(`cannot write ${join(root, 'b.txt')}: input/output error; the earlier report is untouched`);
    expect(tree(root)).toEqual({ 'notes.txt': 'mine', 'a.txt': 'old a', 'b.txt': 'old b' });
  });

  it('a write failing on the second file (e.g. a full disk) leaves the earlier set and no temporary files', () => {
    const root = fresh();
    const out = join(root, 'out');
    writeOutputSet(out, { 'a.txt': 'old a', 'b.txt': 'old b' });
    inject.write = (data) => {
      if (data.startsWith('new b')) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    };

    const e = thrown(OutputError, () => writeOutputSet(out, { 'a.txt': 'new a', 'b.txt': 'new b' }));

    expect(e.message).toBe(`cannot write ${join(out, 'b.txt')}: no space left on device; the earlier report is untouched`);
    expect(e.exitCode).toBe(3);
    expect(tree(root)).toEqual({ out: '<dir>', 'out/a.txt': 'old a', 'out/b.txt': 'old b' });
  });

  it('a folder where a file of the set should be: EISDIR before anything is written', () => {
    const root = fresh();
    mkdirSync(join(root, 'result.json'));
    writeFileSync(join(root, 'targets.csv'), 'old');

    const e = thrown(OutputError, () => writeOutputSet(root, { 'targets.csv': 'new', 'result.json': '{}' }));

    expect(e.message).toBe(`cannot write ${join(root, 'result.json')}: it is a folder; the earlier report is untouched`);
    expect(tree(root)).toEqual({ 'result.json': '<dir>', 'targets.csv': 'old' });
  });

  it('a file where the folder should be: ENOTDIR naming the file in the way', () => {
    const root = fresh();
    writeFileSync(join(root, 'plain'), 'x');

    const direct = thrown(OutputError, () => writeOutputSet(join(root, 'plain'), { 'result.json': '{}' }));
    const below = thrown(OutputError, () => writeOutputSet(join(root, 'plain/sub'), { 'result.json': '{}' }));

    expect(direct.message).toBe(`cannot write ${join(root, 'plain/result.json')}: ${join(root, 'plain')} is a file, not a folder; nothing was written`);
    expect(below.message).toBe(`cannot write ${join(root, 'plain/sub/result.json')}: ${join(root, 'plain')} is a file, not a folder; nothing was written`);
    expect(tree(root)).toEqual({ plain: 'x' });
  });

  it('through a symbolic link to a folder: writes into the folder, keeps the link', () => {
    const root = fresh();
    mkdirSync(join(root, 'real'));
    symlinkSync(join(root, 'real'), join(root, 'link'));

    writeOutputSet(join(root, 'link'), { 'result.json': '{}' });

    expect(lstatSync(join(root, 'link')).isSymbolicLink()).toBe(true);
    expect(tree(join(root, 'real'))).toEqual({ 'result.json': '{}' });
  });

  it('refuses names with a folder part (a programming error, not an OutputError)', () => {
    expect(() => writeOutputSet(fresh(), { '../x': '' })).toThrow('not a file name');
    expect(() => writeOutputSet(fresh(), {})).toThrow('at least one file');
  });
});

describe('writeOutputFile', () => {
  it('replaces a file whole and leaves no temporary file; a folder in the way is an OutputError', () => {
    const root = fresh();
    writeOutputFile(join(root, 'x/report.csv'), 'one');
    writeOutputFile(join(root, 'x/report.csv'), 'two');
    mkdirSync(join(root, 'dir'));

    const e = thrown(OutputError, () => writeOutputFile(join(root, 'dir'), 'three'));

    expect(tree(root)).toEqual({ x: '<dir>', 'x/report.csv': 'two', dir: '<dir>' });
    expect(e.message).toBe(`cannot write ${join(root, 'dir')}: it is a folder; nothing was written`);
  });
});
