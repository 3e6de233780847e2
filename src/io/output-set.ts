/**
 * The files of one run written into a folder as a set: all of them appear together, or none of
 * them changes. Used by every command that writes into `--out DIR`.
 *
 * How (the folder `DIR`, the set's file names `S`):
 *
 * 1. **DIR is missing or empty, or holds only files named in S** (a previous run's set): the
 *    whole set is written into a hidden sibling folder `.DIR.urbcast-…`, flushed, and that folder
 *    is renamed to DIR (after the old DIR is renamed aside and before it is removed). A reader
 *    sees the old set, briefly no DIR, or the new set; never a mix. A crash (kill -9, power loss)
 *    between the two renames leaves no DIR, with the old set in `.DIR.urbcast-old-…` and the new
 *    one in `.DIR.urbcast-…` beside it; both are whole.
 * 2. **DIR holds other files too** (or is the working folder, a mount point, or its parent is not
 *    writable): the set is written into a hidden folder `DIR/.urbcast-…`, flushed, then each file
 *    is renamed into DIR (a few renames in a row, microseconds, nothing else is allocated).
 *    Earlier files of the same names are kept (hard links) until all renames succeed; if one
 *    fails, the ones done are undone. Other files in DIR are never touched. Only a crash in the
 *    middle of those renames can leave a mix; a SIGINT or SIGTERM waits for them
 *    ({@link holdSignals}).
 *
 * Any failure (full disk, read-only or forbidden folder, a file where a folder should be, a
 * folder where a file should be) throws an {@link OutputError} naming the file and the cause;
 * temporary files and folders are removed, and DIR is as it was.
 *
 * @module
 */
import { chmodSync, linkSync, lstatSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, isAbsolute } from 'node:path';
import { asOutputError, OutputError } from './output-error.js';
import { exists, tempSibling, writeNewFile } from './output-file.js';

/** Files of one set: name (no folder part) → contents. */
export type OutputFiles = Readonly<Record<string, string | Uint8Array>>;

/** How DIR can take the set. */
type Shape = { kind: 'absent' } | { kind: 'replace'; mode: number; had: boolean } | { kind: 'shared'; had: boolean };

function checkNames(names: string[]): void {
  if (names.length === 0) throw new Error('an output set needs at least one file');
  for (const n of names) if (n === '' || n === '.' || n === '..' || n.includes('/') || n.includes('\\')) throw new Error(`not a file name: ${JSON.stringify(n)}`);
}

/** Whether the working folder is `dir` or inside it (renaming it would strand the process's cwd). */
function holdsCwd(dir: string): boolean {
  const rel = relative(resolve(dir), process.cwd());
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

function shapeOf(dir: string, names: string[]): Shape {
  if (!exists(dir)) return { kind: 'absent' };
  const st = statSync(dir); // follows a symbolic link to a folder
  if (!st.isDirectory()) throw Object.assign(new Error(`${dir} is not a folder`), { code: 'ENOTDIR' });
  const entries = readdirSync(dir, { withFileTypes: true });
  const had = entries.some((e) => names.includes(e.name));
  const ours = entries.every((e) => e.isFile() && names.includes(e.name));
  if (!ours || holdsCwd(dir) || lstatSync(dir).isSymbolicLink()) return { kind: 'shared', had };
  return entries.length === 0 ? { kind: 'absent' } : { kind: 'replace', mode: st.mode & 0o7777, had };
}

function stateWords(had: boolean): string {
  return had ? 'the earlier report is untouched' : 'nothing was written';
}

/** Writes every file into the new folder `into`; on failure removes it and throws about `dir/name`. */
function stage(into: string, dir: string, files: OutputFiles, had: boolean): void {
  let name = '';
  try {
    for (name of Object.keys(files)) writeNewFile(join(into, name), files[name]);
  } catch (e) {
    rmSync(into, { recursive: true, force: true });
    throw asOutputError(e, join(dir, name), stateWords(had));
  }
}

/** Case 1: the set as a whole folder renamed into place. Returns false when DIR cannot be swapped (case 2 then). */
function swapFolder(dir: string, files: OutputFiles, shape: Shape & { kind: 'absent' | 'replace' }): boolean {
  const target = resolve(dir);
  const names = Object.keys(files);
  try {
    mkdirSync(dirname(target), { recursive: true });
  } catch (e) {
    throw asOutputError(e, join(dir, names[0]), 'nothing was written');
  }
  const staging = tempSibling(target);
  try {
    mkdirSync(staging);
  } catch (e) {
    // the parent is read-only or forbidden: DIR itself may still be writable
    if (shape.kind === 'replace' || exists(target)) return false;
    throw asOutputError(e, join(dir, names[0]), 'nothing was written');
  }
  const had = shape.kind === 'replace' && shape.had;
  stage(staging, dir, files, had);
  if (shape.kind === 'absent') {
    try {
      renameSync(staging, target); // also replaces an empty folder
      return true;
    } catch (e) {
      rmSync(staging, { recursive: true, force: true });
      if (exists(target)) return false; // someone put files in DIR meanwhile
      throw asOutputError(e, join(dir, names[0]), 'nothing was written');
    }
  }
  const old = tempSibling(target, 'old-');
  try {
    chmodSync(staging, shape.mode);
    renameSync(target, old);
  } catch {
    rmSync(staging, { recursive: true, force: true });
    return false; // a mount point, a folder in use: file by file instead
  }
  try {
    renameSync(staging, target);
  } catch (e) {
    renameSync(old, target);
    rmSync(staging, { recursive: true, force: true });
    throw asOutputError(e, join(dir, names[0]), stateWords(had));
  }
  rmSync(old, { recursive: true, force: true });
  return true;
}

/** Case 2: staged inside DIR, then renamed in file by file, undone on a failure. */
function renameIn(dir: string, files: OutputFiles, had: boolean): void {
  const names = Object.keys(files);
  for (const n of names) {
    const p = join(dir, n);
    if (exists(p) && !lstatSync(p).isFile() && !lstatSync(p).isSymbolicLink()) throw new OutputError(p, Object.assign(new Error('is a folder'), { code: 'EISDIR' }), stateWords(had));
  }
  const staging = join(dir, basename(tempSibling(join(dir, 'set'))));
  try {
    mkdirSync(staging);
  } catch (e) {
    throw asOutputError(e, join(dir, names[0]), stateWords(had));
  }
  stage(staging, dir, files, had);
  // keep the earlier files (hard links: no copy, no space) until every rename has succeeded
  const kept = new Map<string, string>();
  for (const n of names) {
    try {
      if (exists(join(dir, n))) {
        linkSync(join(dir, n), join(staging, `${n}.old`));
        kept.set(n, join(staging, `${n}.old`));
      }
    } catch {
      // a file system without hard links: no undo for this file
    }
  }
  const done: string[] = [];
  try {
    for (const n of names) {
      renameSync(join(staging, n), join(dir, n));
      done.push(n);
    }
  } catch (e) {
    for (const n of done.reverse()) {
      try {
        const k = kept.get(n);
        if (k !== undefined) renameSync(k, join(dir, n));
        else rmSync(join(dir, n), { force: true });
      } catch {
        // best effort
      }
    }
    rmSync(staging, { recursive: true, force: true });
    throw asOutputError(e, join(dir, names[done.length]), stateWords(had));
  }
  rmSync(staging, { recursive: true, force: true });
}

/**
 * Writes `files` into the folder `dir` as one set (see the module's notes for how) and returns
 * their paths, in the order given. Throws an {@link OutputError} (exit code 3) naming the file
 * and the cause; DIR is then as it was and nothing temporary is left.
 *
 * @example
 * writeOutputSet('out/heze', { 'report.html': html, 'result.json': json });
 * // ['out/heze/report.html', 'out/heze/result.json']
 */
export function writeOutputSet(dir: string, files: OutputFiles): string[] {
  const names = Object.keys(files);
  checkNames(names);
  let shape: Shape;
  try {
    shape = shapeOf(dir, names);
  } catch (e) {
    throw asOutputError(e, join(dir, names[0]), 'nothing was written');
  }
  if (shape.kind === 'shared' || !swapFolder(dir, files, shape)) {
    try {
      mkdirSync(dir, { recursive: true });
    } catch (e) {
      throw asOutputError(e, join(dir, names[0]), 'nothing was written');
    }
    renameIn(dir, files, shape.kind !== 'absent' && shape.had);
  }
  return names.map((n) => join(dir, n));
}
