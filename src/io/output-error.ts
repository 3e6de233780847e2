/**
 * Why an output could not be written, for people: a full disk, a read-only or forbidden folder, a
 * file where a folder should be. These are the user's environment, not a bug: the CLI prints
 * {@link OutputError}'s one line (no stack) and exits with {@link EXIT_OUTPUT}.
 *
 * @module
 */
import { statSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Exit code of a run whose results could not be written (3): distinct from 1 (internal error)
 * and 2 (bad input), as the input was fine and a re-run with room or rights will succeed.
 */
export const EXIT_OUTPUT = 3;

/** A system error as Node reports it (`code` such as `ENOSPC`). */
export type SystemError = Error & { code: string; path?: string };

/** Whether `e` is a system error from the file system (it has an `E…` code). */
export function isSystemError(e: unknown): e is SystemError {
  const code = (e as { code?: unknown } | null)?.code;
  return e instanceof Error && typeof code === 'string' && /^E[A-Z]+$/.test(code);
}

const CAUSES: Record<string, string> = {
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  EISDIR: 'it is a folder',
  ENOTDIR: 'not a folder',
  ENOENT: 'no such file or folder',
  ENAMETOOLONG: 'name too long',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files in the system',
  EIO: 'input/output error',
  EFBIG: 'file too large',
  ELOOP: 'too many symbolic links',
  EBUSY: 'in use',
  EXDEV: 'on another file system',
  EEXIST: 'already exists',
  ENOTEMPTY: 'folder not empty',
};

/** The first ancestor of `path` that exists and is not a folder (why a path fails with ENOTDIR). */
function fileInTheWay(path: string): string | undefined {
  for (let p = dirname(path); p !== dirname(p); p = dirname(p)) {
    try {
      if (!statSync(p).isDirectory()) return p;
      return undefined;
    } catch {
      // does not exist: look further up
    }
  }
  return undefined;
}

/**
 * The cause of a system error in a few words, e.g. `no space left on device`.
 *
 * @example
 * describeCause(Object.assign(new Error('…'), { code: 'EROFS' }), 'out/result.json'); // 'read-only file system'
 */
export function describeCause(e: SystemError, path: string): string {
  if (e.code === 'ENOTDIR') {
    const file = fileInTheWay(path);
    return file !== undefined ? `${file} is a file, not a folder` : CAUSES.ENOTDIR;
  }
  return CAUSES[e.code] ?? e.message;
}

/**
 * An output that could not be written: its path, the cause, and what the user will find on disk.
 * `exitCode` is {@link EXIT_OUTPUT}.
 *
 * @example
 * new OutputError('out/result.json', enospc, 'the earlier report is untouched').message;
 * // 'cannot write out/result.json: no space left on device; the earlier report is untouched'
 */
export class OutputError extends Error {
  readonly exitCode = EXIT_OUTPUT;
  /** The errno code (`ENOSPC`, `EACCES`, …). */
  readonly code: string;
  constructor(
    readonly path: string,
    cause: SystemError,
    state: string,
  ) {
    super(`cannot write ${path}: ${describeCause(cause, path)}; ${state}`, { cause });
    this.name = 'OutputError';
    this.code = cause.code;
  }
}

/**
 * `e` as an {@link OutputError} about `path` when it is a system error; anything else (a bug) is
 * returned as it is.
 *
 * @example
 * try { writeFileSync(file, text); } catch (e) { throw asOutputError(e, file, 'nothing was written'); }
 */
export function asOutputError(e: unknown, path: string, state: string): unknown {
  return isSystemError(e) ? new OutputError(path, e, state) : e;
}
