/**
 * How the CLI reports a failure: input errors (and other errors the user can fix) as their
 * message with exit code 2, an output that could not be written (full disk, read-only or
 * forbidden folder, …) as its one line with exit code 3, anything else as an internal error with
 * its stack and exit code 1.
 *
 * @module
 */
import { asInputError, InputError, type Location } from '../scenario/errors.js';
import { OutputError } from '../io/output-error.js';
import type { Sink } from './io.js';

/** Errors the user can fix that are not located in a file: a usage error, `RenderUsageError`, `DrawFailure`. */
function isUserError(e: unknown): e is Error {
  return e instanceof Error && ((e as { exitCode?: unknown }).exitCode === 2 || e.name === 'DrawFailure');
}

/**
 * Writes the error to `stderr` and returns the exit code. With `locate`, a `ParamError` (a
 * compile-stage error carrying a scenario path) is located in the scenario.
 *
 * @example
 * return reportError(e, io.stderr, loaded?.locate);
 */
export function reportError(e: unknown, stderr: Sink, locate?: (path: string[]) => Location): number {
  const err = locate !== undefined ? asInputError(e, locate) : e;
  if (err instanceof InputError) {
    stderr.write(`${err.formatAll()}\n`);
    return 2;
  }
  if (err instanceof OutputError) {
    stderr.write(`${err.message}\n`);
    return err.exitCode;
  }
  if (isUserError(err)) {
    stderr.write(`${err.name === 'UsageError' ? 'usage: ' : ''}${err.message}\n`);
    return 2;
  }
  stderr.write(`internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  return 1;
}
