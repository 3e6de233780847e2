/**
 * End-to-end runs of `simulate` as an analyst runs it (a fresh process: load, validate, compile,
 * worker pool, draws, lever search, sensitivity, report), timed from spawn to exit, with the
 * process's peak resident memory.
 *
 * @module
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const probe = fileURLToPath(new URL('./rss-probe.mjs', import.meta.url));

/** The command line of one run, as printed in the report (relative to the repository). */
export function simulateArgs(scenario, draws, workers) {
  return ['bin/simulate.js', '--scenario', scenario, '--draws', String(draws), '--workers', String(workers), '--quiet'];
}

/**
 * The default run's command line: the scenario's own draws, the default workers, the table on
 * stdout; `--timings` adds one line on stderr with each phase's wall time ({@link parseTimings}).
 */
export function defaultArgs(scenario) {
  return ['bin/simulate.js', '--scenario', scenario, '--timings'];
}

/**
 * The phases of `simulate --timings`'s stderr line (`src/cli/timings.ts`), in seconds, by label
 * (`start-up`, `compile`, `workers + median path`, `draws`, `what would it take`, `summary`,
 * `report`, `total`), with `evaluations` of the lever draws; null without the line.
 *
 * @example
 * parseTimings('timings: start-up 0.21 s · draws 0.70 s (10,000 draws, 2 workers) · total 0.92 s\n');
 * // { 'start-up': 0.21, draws: 0.7, total: 0.92 }
 */
export function parseTimings(stderr) {
  const line = stderr.split('\n').find((l) => l.startsWith('timings: '));
  if (line === undefined) return null;
  const out = {};
  for (const part of line.slice('timings: '.length).split(' · ')) {
    const m = /^(.+?) (\d+(?:\.\d+)?) s(?: \((.*)\))?$/.exec(part);
    if (m === null) continue;
    out[m[1]] = Number(m[2]);
    const ev = /^(\d+) evaluations? ×/.exec(m[3] ?? '');
    if (ev !== null) out.evaluations = Number(ev[1]);
  }
  return out;
}

/**
 * Runs `simulate` once (without draws: the default run, {@link defaultArgs}); resolves to
 * `{ seconds, maxRssKiB }`. Rejects if it does not exit 0.
 *
 * @example
 * const r = await simulateOnce('scenarios/heze.yml', 10000, 2);
 */
export async function simulateOnce(scenario, draws, workers) {
  const dir = mkdtempSync(join(tmpdir(), 'urbcast-bench-'));
  const probeFile = join(dir, 'probe.json');
  try {
    const t0 = performance.now();
    let err = '';
    const code = await new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', probe, ...(draws === undefined ? defaultArgs(scenario) : simulateArgs(scenario, draws, workers))], {
        cwd: root,
        env: { ...process.env, BENCH_PROBE_FILE: probeFile },
        // (stdout is a pipe that is read and dropped: the default run prints its table)
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stderr.on('data', (d) => (err += d));
      child.stdout.resume();
      child.on('error', reject);
      child.on('close', (c) => (c === 0 ? resolve(c) : reject(new Error(`simulate exited ${c}: ${err.trim()}`))));
    });
    const seconds = (performance.now() - t0) / 1e3;
    const { maxRssKiB } = JSON.parse(readFileSync(probeFile, 'utf8'));
    return { seconds, maxRssKiB, code, timings: parseTimings(err) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
