/**
 * Dynamic imports of the engine and report modules named in {@link ENGINE_MODULES}.
 *
 * @module
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ENGINE_MODULES, type EngineExports } from './contracts.js';

/** Whether the module exists beside this one (as compiled `.js`, or `.ts` when running from source). */
function moduleExists(spec: string): boolean {
  const file = fileURLToPath(new URL(spec, import.meta.url));
  return existsSync(file) || existsSync(file.replace(/\.js$/, '.ts'));
}

/**
 * Imports one engine export, or returns undefined when its module does not exist (yet).
 *
 * @example
 * const compile = await importEngine('compileForValidation');
 * if (compile) compile(loaded);
 */
export async function importEngine<K extends keyof EngineExports>(name: K): Promise<EngineExports[K] | undefined> {
  const spec: string = ENGINE_MODULES[name];
  if (!moduleExists(spec)) return undefined;
  const mod = (await import(spec)) as Partial<EngineExports>;
  const f = mod[name];
  if (typeof f !== 'function') throw new Error(`${spec} does not export a function ${name}`);
  return f as EngineExports[K];
}
