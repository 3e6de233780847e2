/**
 * The native reference (bench/native/cohort.c): built with `cc -O3` into bench/native/build/
 * when a C compiler is present, then timed on the same inputs as the JavaScript kernel.
 *
 * @module
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../native/', import.meta.url));
const source = dir + 'cohort.c';
const binary = dir + 'build/cohort';

/**
 * Whether `command --version` runs (a compiler or tool on PATH).
 *
 * @example
 * if (!hasCommand('cc')) console.log('no C compiler');
 */
export function hasCommand(command) {
  try {
    execFileSync(command, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Builds the native kernel. Returns `{ binary, flags }`, or `{ skipped }` with the reason.
 *
 * @example
 * const n = buildNative(); if (n.skipped) console.log(n.skipped);
 */
export function buildNative() {
  // ISO C99 keeps a·b + c unfused (-ffp-contract=off), so the step follows the same operations as the JS kernel.
  const flags = ['-O3', '-std=c99', '-ffp-contract=off', '-D_POSIX_C_SOURCE=199309L'];
  try {
    mkdirSync(dir + 'build', { recursive: true });
    execFileSync('cc', [...flags, '-o', binary, source, '-lm'], { stdio: ['ignore', 'ignore', 'pipe'] });
    return { binary, flags: flags.join(' ') };
  } catch (e) {
    return { skipped: e.code === 'ENOENT' ? 'no C compiler (cc) on PATH' : `cc failed: ${String(e.stderr ?? e.message).trim().split('\n')[0]}` };
  }
}

/**
 * Runs the native kernel `reps` times over the H steps of the inputs file.
 *
 * @example
 * runNative(binary, '/tmp/in.txt', 10000).cellStepsPerSecond;
 */
export function runNative(bin, inputsFile, reps) {
  return JSON.parse(execFileSync(bin, [inputsFile, String(reps)], { encoding: 'utf8', maxBuffer: 1 << 24 }));
}
