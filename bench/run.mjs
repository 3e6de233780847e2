#!/usr/bin/env node
/**
 * `npm run bench`: measures the cohort kernel (JavaScript and the plain C reference), whole draws
 * through the runner, and end-to-end `simulate` runs on the Heze scenario (draws/s with 1 and all
 * cores, parallel efficiency, peak memory, start-up), and writes bench/results/latest.json and
 * bench/results/latest.md. Needs the compiled sources (`npm run build`, done by `npm run bench`).
 *
 * Options: --draws 10000,100000 (add 1000000 for the 10⁶ rows: about 10 min per run on 2 cores),
 * --workers 1,<cores>, --runs 3, --only kernel|e2e, --scenario scenarios/heze.yml,
 * --kernel-seconds 1, --out bench/results.
 *
 * @module
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { kernelInputs, writeNativeInputs } from './lib/inputs.mjs';
import { kernelThroughput, projectReps, runnerThroughput } from './lib/kernel-js.mjs';
import { buildNative, runNative } from './lib/native.mjs';
import { simulateArgs, simulateOnce } from './lib/e2e.mjs';
import { machineInfo, repeat, summary } from './lib/stats.mjs';
import { markdown } from './lib/report.mjs';

const { values: a } = parseArgs({
  options: {
    draws: { type: 'string', default: '10000,100000' },
    workers: { type: 'string', default: `1,${availableParallelism()}` },
    runs: { type: 'string', default: '3' },
    only: { type: 'string' },
    scenario: { type: 'string', default: 'scenarios/heze.yml' },
    'kernel-seconds': { type: 'string', default: '1' },
    out: { type: 'string', default: 'bench/results' },
  },
});
const list = (s) => [...new Set(s.split(',').map(Number))];
const runs = Number(a.runs);
const drawCounts = list(a.draws);
const workerCounts = list(a.workers);
const log = (s) => process.stderr.write(s + '\n');

function writeAtomic(file, text) {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

async function kernelSection() {
  const inputs = await kernelInputs(a.scenario);
  const secs = Number(a['kernel-seconds']);
  log('kernel: JavaScript');
  const js = await repeat(runs, 1, () => kernelThroughput(inputs, secs));
  const runner = await repeat(runs, 1, () => runnerThroughput(inputs, secs));
  const kernel = {
    H: inputs.H,
    cellsPerStep: 404,
    js: { cellStepsPerSecond: summary(js.map((x) => x.cellStepsPerSecond)) },
    runner: { drawsPerSecond: summary(runner.map((x) => x.drawsPerSecond)) },
  };
  const built = buildNative();
  if (built.skipped) {
    log(`kernel: native reference skipped (${built.skipped})`);
    kernel.native = { skipped: built.skipped };
    return kernel;
  }
  log('kernel: native C');
  const file = join(tmpdir(), `urbcast-bench-inputs-${process.pid}.txt`);
  writeNativeInputs(file, inputs);
  const reps = Math.max(1, Math.round((js[0].cellStepsPerSecond * 2 * secs) / (404 * inputs.H)));
  const nat = await repeat(runs, 1, () => runNative(built.binary, file, reps));
  const jsP = projectReps(inputs, 1);
  const agreement = Math.max(...nat[0].final.map((c, i) => Math.abs(c - jsP[i]) / Math.max(Math.abs(jsP[i]), 1e-300)));
  kernel.native = { flags: built.flags, cellStepsPerSecond: summary(nat.map((x) => x.cellStepsPerSecond)) };
  kernel.jsOverC = kernel.js.cellStepsPerSecond.median / kernel.native.cellStepsPerSecond.median;
  kernel.agreement = agreement;
  return kernel;
}

async function e2eSection() {
  const cmd = (d, w) => `node ${simulateArgs(a.scenario, d, w).join(' ')}`;
  log('start-up: 1 draw');
  const st = await repeat(runs, 1, () => simulateOnce(a.scenario, 1, 1));
  const startup = { command: cmd(1, 1), seconds: summary(st.map((x) => x.seconds)) };
  const endToEnd = [];
  for (const draws of drawCounts) {
    for (const workers of workerCounts) {
      log(`simulate: ${draws} draws, ${workers} worker(s)`);
      const rs = await repeat(runs, 0, () => simulateOnce(a.scenario, draws, workers));
      const seconds = summary(rs.map((x) => x.seconds));
      endToEnd.push({ draws, workers, command: cmd(draws, workers), seconds, drawsPerSecond: draws / seconds.median, maxRssKiB: summary(rs.map((x) => x.maxRssKiB)) });
    }
  }
  for (const e of endToEnd) {
    const one = endToEnd.find((x) => x.draws === e.draws && x.workers === 1);
    if (one && e.workers > 1) e.efficiency = e.drawsPerSecond / one.drawsPerSecond / e.workers;
  }
  const memoryGrowth = [];
  const sorted = [...drawCounts].sort((x, y) => x - y);
  for (const workers of workerCounts) {
    for (let i = 1; i < sorted.length; i++) {
      const lo = endToEnd.find((x) => x.draws === sorted[i - 1] && x.workers === workers);
      const hi = endToEnd.find((x) => x.draws === sorted[i] && x.workers === workers);
      memoryGrowth.push({ workers, lo: lo.draws, hi: hi.draws, ratio: hi.maxRssKiB.median / lo.maxRssKiB.median });
    }
  }
  return { startup, endToEnd, memoryGrowth };
}

const result = {
  format: 'urbcast.bench/1',
  date: new Date().toISOString(),
  machine: machineInfo(),
  scenario: a.scenario,
  runs,
  notes: [],
};
if (a.only !== 'e2e') result.kernel = await kernelSection();
if (a.only !== 'kernel') Object.assign(result, await e2eSection());
else Object.assign(result, { endToEnd: [], memoryGrowth: [] });
if (!drawCounts.includes(1000000) && a.only !== 'kernel') result.notes.push('10⁶ draws not run by default (about 10 minutes per run on 2 cores); `npm run bench -- --draws 10000,100000,1000000` adds the row.');
result.notes.push('End-to-end times include everything `simulate` does: start-up, the lever search (a fixed cost, about 2,000 draws per evaluation) and the sensitivity indices; draws/s = draws / wall time.');
mkdirSync(a.out, { recursive: true });
if (!result.kernel) result.kernel = null;
writeAtomic(join(a.out, 'latest.json'), JSON.stringify(result, null, 2) + '\n');
writeAtomic(join(a.out, 'latest.md'), markdown(result));
process.stdout.write(markdown(result));
