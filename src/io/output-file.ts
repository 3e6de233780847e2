/**
 * One output file written whole or not at all: the data goes to a temporary name in the same
 * folder, is flushed to the disk, and is then renamed over the target (one atomic step). On any
 * failure the temporary file is removed and an earlier file of that name is untouched.
 *
 * @module
 */
import { closeSync, fsyncSync, lstatSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { asOutputError, OutputError } from './output-error.js';

/** Marks urbcast's temporary names (`.NAME.urbcast-PID-RANDOM`), so a stale one is recognisable. */
export const TEMP_MARK = '.urbcast-';

/**
 * A temporary sibling name of `path`: hidden, unique to this process and call.
 *
 * @example
 * tempSibling('out/result.json'); // 'out/.result.json.urbcast-4242-9f3a1c'
 */
export function tempSibling(path: string, tag = ''): string {
  return join(dirname(path), `.${basename(path)}${TEMP_MARK}${tag}${process.pid}-${randomBytes(3).toString('hex')}`);
}

/**
 * Writes `data` to a new file `path` (it must not exist) and flushes it to the disk.
 *
 * @example
 * writeNewFile(tempSibling('out/a.txt'), 'hello');
 */
export function writeNewFile(path: string, data: string | Uint8Array): void {
  const fd = openSync(path, 'wx');
  try {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Whether `path` exists (without following a final symbolic link); a lookup error is thrown. */
export function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch (e) {
    if ((e as { code?: string }).code === 'ENOENT') return false;
    throw e;
  }
}

/**
 * Writes `data` to `file` whole or not at all (creating its folder if needed) and returns `file`.
 * Throws an {@link OutputError} (exit code 3) naming `file` and the cause when the disk is full,
 * the folder is read-only or forbidden, `file` is a folder, etc.; nothing is left behind then.
 *
 * @example
 * writeOutputFile('out/backtest.csv', text); // 'out/backtest.csv'
 */
export function writeOutputFile(file: string, data: string | Uint8Array): string {
  let had = false;
  let tmp: string | undefined;
  try {
    had = exists(file) && lstatSync(file).isFile();
    mkdirSync(dirname(file), { recursive: true });
    tmp = tempSibling(file);
    writeNewFile(tmp, data);
    renameSync(tmp, file);
    return file;
  } catch (e) {
    if (tmp !== undefined) rmSync(tmp, { force: true });
    if (e instanceof OutputError) throw e;
    throw asOutputError(e, file, had ? 'the earlier report is untouched' : 'nothing was written');
  }
}
