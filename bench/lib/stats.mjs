/**
 * Summaries of repeated measurements and a description of the machine they ran on.
 *
 * @module
 */
import os from 'node:os';
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';

/**
 * Median, min and max of repeated measurements (the median of an even count is the mean of the
 * middle two).
 *
 * @example
 * summary([3, 1, 2]); // { median: 2, min: 1, max: 3, runs: [3, 1, 2] }
 */
export function summary(runs) {
  const s = [...runs].sort((a, b) => a - b);
  const n = s.length;
  const median = n % 2 ? s[(n - 1) / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
  return { median, min: s[0], max: s[n - 1], runs };
}

/**
 * Calls `fn` `runs` times (after `warmup` untimed calls) and summarises what it returns.
 *
 * @example
 * await repeat(3, 1, async () => measureOnce());
 */
export async function repeat(runs, warmup, fn) {
  for (let i = 0; i < warmup; i++) await fn();
  const out = [];
  for (let i = 0; i < runs; i++) out.push(await fn());
  return out;
}

/**
 * Calls `fn(reps)` with growing `reps` until one call takes at least `seconds`; returns [reps, s].
 *
 * @example
 * const [reps, s] = timeAtLeast(1, 16, (n) => { for (let i = 0; i < n; i++) work(); });
 */
export function timeAtLeast(seconds, reps, fn) {
  for (;;) {
    const t0 = performance.now();
    fn(reps);
    const s = (performance.now() - t0) / 1e3;
    if (s >= seconds) return [reps, s];
    reps = Math.ceil(reps * Math.min(16, Math.max(2, (1.2 * seconds) / Math.max(s, 1e-3))));
  }
}

function ccVersion() {
  try {
    return execFileSync('cc', ['--version'], { encoding: 'utf8' }).split('\n')[0];
  } catch {
    return null;
  }
}

/**
 * The machine: CPU model, cores, memory, OS, Node and C compiler versions.
 *
 * @example
 * machineInfo().cores; // 2
 */
export function machineInfo() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: os.availableParallelism(),
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    v8: process.versions.v8,
    cc: ccVersion(),
    loadAverageAtStart: os.loadavg().map((x) => Math.round(x * 100) / 100),
  };
}
