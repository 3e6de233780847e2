/**
 * The whole-draw yardstick (bench/native/whole.c): one full cohort (+ hukou) draw in plain C, built
 * with `cc -O3` into bench/native/build/ when a C compiler is present, then timed on the same
 * inputs as the engine's whole draws (bench/lib/models.mjs: the median draw's paths) and compared
 * with the engine's metrics bit for bit.
 *
 * @module
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AGES, levelGrid } from '../../dist/models/cohort/lifetable.js';

const dir = fileURLToPath(new URL('../native/', import.meta.url));
const binary = dir + 'build/whole';

/** Compiler flags: ISO rounding, no fused a·b + c (the engine's operations), GNU C for the SIMD stand-in's statement expressions. */
export const WHOLE_FLAGS = ['-O3', '-std=gnu11', '-ffp-contract=off', '-D_POSIX_C_SOURCE=199309L'];

/**
 * Builds the whole-draw yardstick. Returns `{ binary, flags }`, or `{ skipped }` with the reason.
 *
 * @example
 * const w = buildWhole(); if (w.skipped) console.log(w.skipped);
 */
export function buildWhole() {
  try {
    mkdirSync(dir + 'build', { recursive: true });
    execFileSync('cc', [...WHOLE_FLAGS, '-I', dir + 'scalar', '-o', binary, dir + 'whole.c', '-lm'], { stdio: ['ignore', 'ignore', 'pipe'] });
    return { binary, flags: WHOLE_FLAGS.join(' ') };
  } catch (e) {
    return { skipped: e.code === 'ENOENT' ? 'no C compiler (cc) on PATH' : `cc failed: ${String(e.stderr ?? e.message).trim().split('\n')[0]}` };
  }
}

/**
 * Writes a cohort scenario's whole-draw inputs (`modelBench(...).unit` and its median `paths`) in
 * the format bench/native/whole.c reads (see its header).
 *
 * @example
 * const m = await modelBench('scenarios/heze.yml'); writeWholeInputs('/tmp/whole.txt', m.unit, m.paths);
 */
export function writeWholeInputs(file, unit, paths) {
  const d = unit.model.data;
  const H = unit.steps;
  const hukou = unit.model.metrics.some((m) => m.name === 'hukouShare');
  const convIsCount = unit.params.keys.includes('hukou.conversion.count');
  const mx = [d.mxStd.subarray(0, AGES), d.mxStd.subarray(AGES, 2 * AGES)];
  const [g0, g1] = mx.map((m) => levelGrid(m));
  const parts = [H, unit.params.keys.length, hukou, convIsCount, ...d.baseline, ...paths];
  parts.push(...d.h, d.hLo, d.hHi, ...d.gRU, ...d.gUR, ...d.e, d.eMax, d.extUIsCount, d.extRIsCount);
  parts.push(...d.mxStd.subarray(0, 2 * AGES), g0.theta0, g0.step, g0.e0.length, ...g0.e0, ...g1.e0);
  const num = (x) => (typeof x === 'boolean' ? (x ? '1' : '0') : Number.isInteger(x) ? String(x) : x.toPrecision(17));
  writeFileSync(file, parts.map(num).join('\n') + '\n');
}

/**
 * Runs the yardstick `reps` draws.
 *
 * @example
 * runWhole(binary, '/tmp/whole.txt', 2000).drawsPerSecond;
 */
export function runWhole(bin, inputsFile, reps) {
  return JSON.parse(execFileSync(bin, [inputsFile, String(reps)], { encoding: 'utf8', maxBuffer: 1 << 24 }));
}
