#!/usr/bin/env node
/**
 * `npm run bench:shards`: what sharding costs on one machine. In each round, in turn (so that a
 * change in a shared machine's load hits every variant alike):
 *
 *   - **one run**: `simulate --draws D --workers <cores>` (all cores, one process);
 *   - **4 shards**: `simulate --shard k/4 --workers 1`, at most <cores> at a time (as a job array
 *     on a <cores>-CPU node schedules them), wall time from the first start to the last exit;
 *   - **merge**: `simulate merge` of those shards (`--workers <cores>`: its lever search).
 *
 * and reports the ratios run by run (one run's time / the shards' time, with and without the
 * merge), each variant's median, the merge's share, and the partial state's size per draw. Writes
 * bench/results/shards.json and bench/results/shards.md. Needs `npm run build` (done by the npm
 * script).
 *
 * Options: --draws 100000, --shards 4, --runs 3, --scenario scenarios/heze.yml, --out bench/results.
 *
 * @module
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { machineInfo, summary } from './lib/stats.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const { values: a } = parseArgs({
  options: {
    draws: { type: 'string', default: '100000' },
    shards: { type: 'string', default: '4' },
    runs: { type: 'string', default: '3' },
    scenario: { type: 'string', default: 'scenarios/heze.yml' },
    out: { type: 'string', default: 'bench/results' },
  },
});
const D = Number(a.draws);
const N = Number(a.shards);
const runs = Number(a.runs);
const cores = availableParallelism();
const log = (s) => process.stderr.write(s + '\n');

/** Runs `node bin/simulate.js …args`; resolves to its wall time in seconds. */
function simulate(args) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ['bin/simulate.js', ...args, '--quiet'], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (c) => (c === 0 ? resolve((performance.now() - t0) / 1e3) : reject(new Error(`simulate ${args.join(' ')} exited ${c}: ${err.trim()}`))));
  });
}

/** Runs the tasks, at most `slots` at a time; resolves to the wall time from first start to last exit. */
async function queue(tasks, slots) {
  const t0 = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) await tasks[next++]();
  };
  await Promise.all(Array.from({ length: Math.min(slots, tasks.length) }, worker));
  return (performance.now() - t0) / 1e3;
}

const dir = mkdtempSync(join(tmpdir(), 'urbcast-bench-shards-'));
const rows = [];
let bytesPerDraw = 0;
try {
  for (let r = 0; r <= runs; r++) {
    // round 0 warms the disk cache and the JIT's code cache and is not kept
    log(`shards: round ${r}/${runs}: one run, ${N} shards (${cores} at a time), merge`);
    const one = await simulate(['--scenario', a.scenario, '--draws', String(D), '--workers', String(cores)]);
    const shardDirs = Array.from({ length: N }, (_, i) => join(dir, `shard-${i + 1}`));
    const shards = await queue(
      shardDirs.map((d, i) => () => simulate(['--scenario', a.scenario, '--draws', String(D), '--workers', '1', '--shard', `${i + 1}/${N}`, '--out', d])),
      cores,
    );
    const merge = await simulate(['merge', ...shardDirs, '--workers', String(cores), '--format', 'json', '--out', join(dir, 'merged')]);
    bytesPerDraw = shardDirs.reduce((s, d) => s + statSync(join(d, 'draws.f64')).size, 0) / D;
    if (r > 0) rows.push({ one, shards, merge });
    log(`  one run ${one.toFixed(2)} s, shards ${shards.toFixed(2)} s, merge ${merge.toFixed(2)} s`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const result = {
  measuredAt: new Date().toISOString(),
  machine: machineInfo(),
  scenario: a.scenario,
  draws: D,
  shards: N,
  slots: cores,
  bytesPerDraw,
  oneRun: summary(rows.map((x) => x.one)),
  shardsWall: summary(rows.map((x) => x.shards)),
  merge: summary(rows.map((x) => x.merge)),
  /** one run's time / the shards' time: > 1 when the shards are faster. */
  speedShardsOnly: summary(rows.map((x) => x.one / x.shards)),
  speedWithMerge: summary(rows.map((x) => x.one / (x.shards + x.merge))),
  mergeShareOfOneRun: summary(rows.map((x) => x.merge / x.one)),
};

const f = (s, d = 2, u = '') => `${s.median.toFixed(d)}${u} (${s.min.toFixed(d)}–${s.max.toFixed(d)}${u})`;
const m = result.machine;
const md = `Measured ${result.measuredAt} on ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.os}, Node ${m.node}; load average at start ${m.loadAverageAtStart.join(' / ')}. Scenario \`${a.scenario}\`, ${D.toLocaleString('en')} draws; each figure: median (min–max) of ${runs} rounds, the variants taking turns within each round.

| figure | value | reproduce |
|---|---|---|
| one run, ${cores} workers | ${f(result.oneRun, 2, ' s')} | \`node bin/simulate.js --scenario ${a.scenario} --draws ${D} --workers ${cores} --quiet\` |
| ${N} shards, 1 worker each, ${cores} at a time (wall) | ${f(result.shardsWall, 2, ' s')} | \`node bin/simulate.js --scenario ${a.scenario} --draws ${D} --workers 1 --shard K/${N} --out DIR --quiet\` |
| merge (reads ${N} partial states, aggregates, lever search, writes JSON) | ${f(result.merge, 2, ' s')} | \`node bin/simulate.js merge DIR… --workers ${cores} --format json --out OUT --quiet\` |
| speed of ${N} shards / one run, without the merge (run by run) | ${f(result.speedShardsOnly, 2, '×')} | (ratio per round) |
| speed of ${N} shards + merge / one run (run by run) | ${f(result.speedWithMerge, 2, '×')} | (ratio per round) |
| merge / one run's time | ${f(result.mergeShareOfOneRun, 2)} | (ratio per round) |
| partial state per draw | ${Math.round(result.bytesPerDraw).toLocaleString('en')} bytes | (size of draws.f64 / draws) |
`;
mkdirSync(a.out, { recursive: true });
for (const [name, text] of [['shards.json', `${JSON.stringify(result, null, 2)}\n`], ['shards.md', md]]) {
  const file = join(a.out, name);
  writeFileSync(`${file}.${process.pid}.tmp`, text);
  renameSync(`${file}.${process.pid}.tmp`, file);
}
process.stdout.write(md);
