/**
 * Where the CLI writes: the process's streams, or stand-ins in tests.
 *
 * @module
 */

/** A text sink. */
export interface Sink {
  write(s: string): unknown;
  /** A terminal (process.stdout on one): the summary then fits its `columns`. */
  isTTY?: boolean;
  columns?: number;
}

/** The CLI's output streams. */
export interface CliIO {
  stdout: Sink;
  stderr: Sink;
}

/** The process's own streams. */
export const processIO: CliIO = { stdout: process.stdout, stderr: process.stderr };
