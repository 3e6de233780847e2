/**
 * `simulate validate FILE…`: every stage up to compiling the model (the engine's
 * `compileForValidation`: parameters, domains, targets, correlations, lever), no draws.
 *
 * @module
 */
import { checkCorrelations } from '../scenario/correlations.js';
import { loadScenario, type LoadedScenario } from '../scenario/load.js';
import { importEngine } from './engine.js';
import type { CliIO } from './io.js';
import { reportError } from './report-error.js';

/**
 * Validates each file, printing `ok FILE` or its errors; returns 0, or 2 if any file has an input
 * error (1 if an internal error happened).
 *
 * @example
 * await validateCommand(['scenarios/heze.yml'], [], processIO); // prints "ok scenarios/heze.yml"
 */
export async function validateCommand(files: string[], sets: string[], io: CliIO): Promise<number> {
  const compile = await importEngine('compileForValidation');
  let code = 0;
  for (const file of files) {
    let loaded: LoadedScenario | undefined;
    try {
      loaded = await loadScenario(file, { sets });
      if (compile !== undefined) compile(loaded);
      else checkCorrelations(loaded);
      io.stdout.write(`ok ${file}\n`);
    } catch (e) {
      const c = reportError(e, io.stderr, loaded?.locate);
      code = code === 1 || c === 1 ? 1 : 2;
    }
  }
  return code;
}
