/**
 * Writing outputs: one file ({@link writeOutputFile}) or the files of one run into a folder
 * ({@link writeOutputSet}), each whole or not at all; {@link OutputError} (exit code
 * {@link EXIT_OUTPUT}, 3) when the environment refuses (full disk, read-only, forbidden, a file in
 * the way); {@link holdSignals} so that Ctrl-C waits for the writes. A command that writes files
 * calls these and nothing else:
 *
 * @example
 * import { holdSignals, writeOutputSet } from '../io/index.js';
 * const files = await holdSignals(() => writeOutputSet(cmd.out, { 'result.json': json, 'quantiles.csv': csv }));
 * // on a full disk: OutputError 'cannot write out/result.json: no space left on device; the earlier report is untouched'
 *
 * @module
 */
export { EXIT_OUTPUT, OutputError, asOutputError, isSystemError } from './output-error.js';
export { writeOutputFile } from './output-file.js';
export { writeOutputSet, type OutputFiles } from './output-set.js';
export { holdSignals, type SignalTarget } from './hold-signals.js';
