#!/usr/bin/env node
/**
 * `npm run bench`: measures the cohort kernel (JavaScript, WebAssembly SIMD and the plain C
 * reference), whole draws of each model on one core, and end-to-end `simulate` runs on the Heze
 * scenario (draws/s at 10⁴, 10⁵ and 10⁶ draws with 1 and all cores, parallel efficiency, peak
 * memory, start-up), and writes bench/results/latest.json and bench/results/latest.md. Needs the
 * compiled sources (`npm run build`, done by `npm run bench`).
 *
 * Options: --draws 10000,100000,1000000, --workers 1,<cores>, --runs 3, --only kernel|sampler|e2e,
 * --ceiling-draws 100000 (the draws of the machine's two-thread ceiling: two 1-worker runs side by
 * side, after the 1-worker runs of that many draws; 0: none)
 * (sampler: only the inputs sampled per draw; kernel: the kernel, whole draws and the sampler),
 * --scenario scenarios/heze.yml (kernel and end-to-end), --models <scenario files> (whole draws
 * of each model), --kernel-seconds 1, --out bench/results.
 *
 * @module
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { kernelInputs, writeNativeInputs } from './lib/inputs.mjs';
import { kernelThroughput, projectReps } from './lib/kernel-js.mjs';
import { modelBench } from './lib/models.mjs';
import { buildNative, runNative } from './lib/native.mjs';
import { buildWhole, runWhole, writeWholeInputs } from './lib/whole.mjs';
import { createWasmKernel } from '../dist/models/cohort/wasm/kernel.js';
import { simdSupported } from '../dist/models/cohort/wasm/select.js';
import { defaultArgs, simulateArgs, simulateOnce } from './lib/e2e.mjs';
import { machineInfo, repeat, summary } from './lib/stats.mjs';
import { markdown } from './lib/report.mjs';
import { samplerBench } from './lib/sampler.mjs';

const { values: a } = parseArgs({
  options: {
    draws: { type: 'string', default: '10000,100000,1000000' },
    workers: { type: 'string', default: `1,${availableParallelism()}` },
    runs: { type: 'string', default: '3' },
    'ceiling-draws': { type: 'string', default: '100000' },
    only: { type: 'string' },
    scenario: { type: 'string', default: 'scenarios/heze.yml' },
    models: { type: 'string', default: 'scenarios/heze.yml,bench/backtests/heze-2010-cohort.yml,bench/backtests/heze-2010-components.yml,bench/backtests/heze-2010-urgd.yml' },
    'kernel-seconds': { type: 'string', default: '1' },
    out: { type: 'string', default: 'bench/results' },
  },
});
const list = (s) => [...new Set(s.split(',').map(Number))];
const runs = Number(a.runs);
const ceilingDraws = Number(a['ceiling-draws']);
const drawCounts = list(a.draws);
const workerCounts = list(a.workers);
const log = (s) => process.stderr.write(s + '\n');

function writeAtomic(file, text) {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

/** Largest relative difference between two populations (0: the same bits, up to signed zeros). */
function relDiff(a, b) {
  return Math.max(...Array.from(a, (x, i) => Math.abs(x - b[i]) / Math.max(Math.abs(b[i]), 1e-300)));
}

/**
 * The kernel rows: JavaScript, WebAssembly and plain C timed in turn within each run (so that a
 * change in the machine's load hits all three alike).
 */
async function kernelSection() {
  const inputs = await kernelInputs(a.scenario);
  const secs = Number(a['kernel-seconds']);
  const wasm = simdSupported() ? createWasmKernel() : null;
  const built = buildNative();
  let file;
  if (built.skipped) log(`kernel: native reference skipped (${built.skipped})`);
  else {
    file = join(tmpdir(), `urbcast-bench-inputs-${process.pid}.txt`);
    writeNativeInputs(file, inputs);
  }
  const jsP = projectReps(inputs, 1);
  const js = [];
  const wa = [];
  const nat = [];
  let reps = 0;
  for (let i = 0; i <= runs; i++) {
    // Run 0 warms up (JIT, caches) and is not kept.
    log(`kernel: run ${i}/${runs}: JavaScript${wasm ? ', WebAssembly' : ''}${built.skipped ? '' : ', C'}`);
    const j = kernelThroughput(inputs, secs);
    const w = wasm ? kernelThroughput(inputs, secs, wasm) : null;
    reps ||= Math.max(1, Math.round((j.cellStepsPerSecond * 2 * secs) / (404 * inputs.H)));
    const n = built.skipped ? null : runNative(built.binary, file, reps);
    if (i === 0) continue;
    js.push(j);
    if (w) wa.push(w);
    if (n) nat.push(n);
  }
  const rate = (xs) => summary(xs.map((x) => x.cellStepsPerSecond));
  const kernel = {
    H: inputs.H,
    cellsPerStep: 404,
    js: { cellStepsPerSecond: rate(js) },
  };
  if (wasm) {
    kernel.wasm = { cellStepsPerSecond: rate(wa), agreement: relDiff(projectReps(inputs, 1, wasm), jsP) };
    kernel.wasmOverJs = kernel.wasm.cellStepsPerSecond.median / kernel.js.cellStepsPerSecond.median;
  } else kernel.wasm = { skipped: 'this JavaScript engine has no WebAssembly SIMD' };
  if (built.skipped) {
    kernel.native = { skipped: built.skipped };
    return kernel;
  }
  kernel.native = { flags: built.flags, cellStepsPerSecond: rate(nat) };
  kernel.jsOverC = kernel.js.cellStepsPerSecond.median / kernel.native.cellStepsPerSecond.median;
  kernel.agreement = relDiff(nat[0].final, jsP);
  if (wasm) kernel.wasmOverC = kernel.wasm.cellStepsPerSecond.median / kernel.native.cellStepsPerSecond.median;
  return kernel;
}

/**
 * Whole draws of each model (`--models`: scenario files), one core: the cohort model with each
 * kernel in turn, the others once. For a cohort scenario the plain-C whole draw
 * (bench/native/whole.c) runs in turn with the engine's default kernel (same inputs: the median
 * draw), and its metrics are compared with the engine's bit for bit.
 */
async function modelsSection() {
  const rows = [];
  const wasm = simdSupported();
  const whole = buildWhole();
  if (whole.skipped) log(`models: whole-draw C yardstick skipped (${whole.skipped})`);
  for (const file of a.models.split(',')) {
    const first = await modelBench(file);
    const cohort = first.model.startsWith('cohort');
    const kernels = cohort ? (wasm ? ['js', 'wasm'] : ['js']) : [null];
    let inputs = null;
    if (cohort && !whole.skipped) {
      inputs = join(tmpdir(), `urbcast-bench-whole-${process.pid}.txt`);
      writeWholeInputs(inputs, first.unit, first.paths);
    }
    for (const kernel of kernels) {
      const m = kernel ? await modelBench(file, kernel) : first;
      // the C whole draw takes turns with the default kernel's runs
      const withC = inputs !== null && kernel === kernels[kernels.length - 1];
      log(`models: ${m.model}, ${file}${kernel ? `, ${kernel} kernel` : ''}${withC ? ', and the C whole draw' : ''}`);
      const cs = [];
      const rs = await repeat(runs, 1, () => {
        const r = m.measure(Number(a['kernel-seconds']));
        if (withC) cs.push(runWhole(whole.binary, inputs, Math.max(1, Math.round(2 * r.drawsPerSecond * Number(a['kernel-seconds'])))));
        return r;
      });
      const row = {
        file,
        model: m.model,
        kernel,
        H: m.H,
        cells: m.cells,
        drawsPerSecond: summary(rs.map((x) => x.drawsPerSecond)),
        cellStepsPerSecond: summary(rs.map((x) => x.cellStepsPerSecond)),
      };
      if (withC) {
        // (repeat's warm-up run is not kept: the last `runs` C runs pair with the kept engine runs)
        const kept = cs.slice(-runs);
        const c = summary(kept.map((x) => x.drawsPerSecond));
        row.native = { flags: whole.flags, drawsPerSecond: c, agreement: relDiff(kept[0].out, m.out) };
        row.overC = row.drawsPerSecond.median / c.median;
      } else if (cohort && kernel === kernels[kernels.length - 1]) row.native = { skipped: whole.skipped };
      rows.push(row);
    }
  }
  return rows;
}

async function e2eSection() {
  const cmd = (d, w) => `node ${simulateArgs(a.scenario, d, w).join(' ')}`;
  log('start-up: 1 draw');
  const st = await repeat(runs, 1, () => simulateOnce(a.scenario, 1, 1));
  const startup = { command: cmd(1, 1), seconds: summary(st.map((x) => x.seconds)) };
  log("default run: the scenario's draws, default workers");
  const dr = await repeat(runs, 0, () => simulateOnce(a.scenario));
  const defaultRun = { command: `node ${defaultArgs(a.scenario).join(' ')}`, seconds: summary(dr.map((x) => x.seconds)), maxRssKiB: summary(dr.map((x) => x.maxRssKiB)) };
  // each phase's wall time (medians over the runs), and the process's exit after the report
  if (dr.every((x) => x.timings !== null)) {
    const labels = Object.keys(dr[0].timings);
    defaultRun.phases = Object.fromEntries(labels.map((l) => [l, summary(dr.map((x) => x.timings[l] ?? NaN))]));
    defaultRun.phases.exit = summary(dr.map((x) => x.seconds - x.timings.total));
  }
  const endToEnd = [];
  let ceiling = null;
  for (const draws of drawCounts) {
    // The worker counts take turns within each run (1, 2, 1, 2, …), so that a change in the
    // machine's load hits both alike and each run gives a paired speed-up.
    const byWorkers = new Map(workerCounts.map((w) => [w, []]));
    for (let i = 0; i < runs; i++) {
      for (const workers of workerCounts) {
        log(`simulate: ${draws} draws, ${workers} worker(s), run ${i + 1}/${runs}`);
        byWorkers.get(workers).push(await simulateOnce(a.scenario, draws, workers));
      }
    }
    const one = byWorkers.get(1);
    const oneSeconds = one && summary(one.map((x) => x.seconds));
    // The machine's own ceiling for two threads: two independent 1-worker runs side by side,
    // paired with the 1-worker run alone (nothing shared but the machine: its caches, memory,
    // clock and, on a virtual machine, whatever shares the host): beyond the noise, a 2-worker run cannot beat it.
    if (one && draws === ceilingDraws && availableParallelism() >= 2) {
      const pairs = [];
      for (let i = 0; i < runs; i++) {
        log(`simulate: ${draws} draws, two 1-worker runs side by side, run ${i + 1}/${runs}`);
        const both = await Promise.all([simulateOnce(a.scenario, draws, 1), simulateOnce(a.scenario, draws, 1)]);
        pairs.push(Math.max(both[0].seconds, both[1].seconds));
      }
      ceiling = { draws, command: `${cmd(draws, 1)} & ${cmd(draws, 1)}`, seconds: summary(pairs), speedup: summary(pairs.map((p, i) => (2 * one[i].seconds) / p)) };
    }
    for (const [workers, rs] of byWorkers) {
      const seconds = summary(rs.map((x) => x.seconds));
      const e = { draws, workers, command: cmd(draws, workers), seconds, drawsPerSecond: draws / seconds.median, maxRssKiB: summary(rs.map((x) => x.maxRssKiB)) };
      if (one && workers > 1) {
        e.efficiency = oneSeconds.median / seconds.median / workers;
        e.pairedSpeedup = summary(rs.map((x, i) => one[i].seconds / x.seconds));
      }
      endToEnd.push(e);
    }
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
  return { startup, defaultRun, endToEnd, ceiling, memoryGrowth };
}

const result = {
  format: 'urbcast.bench/1',
  date: new Date().toISOString(),
  machine: machineInfo(),
  scenario: a.scenario,
  runs,
  notes: [],
};
if (a.only !== 'e2e' && a.only !== 'sampler') {
  result.kernel = await kernelSection();
  result.models = await modelsSection();
}
if (a.only !== 'e2e') {
  log(`sampler: inputs sampled per draw, compiled and reference in turn (${a.scenario})`);
  result.sampler = await samplerBench(a.scenario, runs, Number(a['kernel-seconds']) / 4);
}
if (a.only !== 'kernel' && a.only !== 'sampler') Object.assign(result, await e2eSection());
else Object.assign(result, { endToEnd: [], memoryGrowth: [] });
result.notes.push('End-to-end times include everything `simulate` does: start-up, the lever search (a fixed cost, about 2,000 draws per evaluation) and the sensitivity indices; draws/s = draws / wall time.');
mkdirSync(a.out, { recursive: true });
if (!result.kernel) result.kernel = null;
writeAtomic(join(a.out, 'latest.json'), JSON.stringify(result, null, 2) + '\n');
writeAtomic(join(a.out, 'latest.md'), markdown(result));
process.stdout.write(markdown(result));
