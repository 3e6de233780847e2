/**
 * Atomic file output (kept for existing callers): {@link writeOutputFile} from `src/io/`.
 *
 * @module
 */
import { writeOutputFile } from '../io/output-file.js';

/**
 * Writes `data` to `file` whole or not at all; throws an `OutputError` (exit code 3) on a full
 * disk, a read-only or forbidden folder, etc.
 *
 * @deprecated use `writeOutputFile` (one file) or `writeOutputSet` (the files of a run) from `src/io/`.
 * @example
 * writeFileAtomic('out/result.json', JSON.stringify(result));
 */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  writeOutputFile(file, data);
}
