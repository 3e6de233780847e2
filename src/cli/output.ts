/**
 * Prints what a command produced.
 *
 * @module
 */
import type { CliOutput } from './contracts.js';
import type { CliIO } from './io.js';

/**
 * Text and JSON to stdout; the files written to stderr (unless quiet).
 *
 * @example
 * printOutput({ text: 'done\n', files: ['out/result.json'] }, io, false);
 */
export function printOutput(out: CliOutput, io: CliIO, quiet: boolean): void {
  if (out.text !== undefined) io.stdout.write(out.text.endsWith('\n') || out.text === '' ? out.text : `${out.text}\n`);
  if (out.json !== undefined) io.stdout.write(`${JSON.stringify(out.json, null, 2)}\n`);
  if (!quiet) for (const f of out.files ?? []) io.stderr.write(`wrote ${f}\n`);
}
