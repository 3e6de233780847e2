#!/usr/bin/env node
/**
 * µs per Heze draw of the cohort runner, two builds side by side in one process, alternating:
 * `node bench/experiments/lifetable-lanes.mjs OLD_DIST NEW_DIST [rounds] [draws]` (each a copy of
 * `dist/`, e.g. one built before a change). Both runners see the same 2,000 sampled draws' paths
 * (seed 1, scenarios/heze.yml); each round times 250 of them with one build then the other (the
 * order alternating), which keeps both under the same load on a shared machine. Prints the median
 * µs per draw of each build (and its fastest round), the median of the rounds' new/old ratios and the load average, and
 * checks that both builds give the same bits. Run it on one core: `taskset -c 1 node …`. With
 * HOLD_E0=1 each draw keeps its first year's e0 (the life tables solved once per draw, not 14 times).
 *
 * @module
 */
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [oldDir, newDir, roundsArg, drawsArg] = process.argv.slice(2);
const rounds = Number(roundsArg ?? 80);
const CHUNK = 250;
const draws = Number(drawsArg ?? 2000);
const imp = (dir, p) => import(pathToFileURL(resolve(dir, p)).href);

async function setup(dir) {
  const { loadScenario } = await imp(dir, 'src/scenario/load.js');
  const { compileScenario } = await imp(dir, 'src/engine/compile.js');
  const { loadModel } = await imp(dir, 'models/index.js');
  const { evaluatePaths } = await imp(dir, 'src/params/compile.js');
  const { sampleInputs } = await imp(dir, 'src/params/sampler.js');
  const cs = compileScenario(await loadScenario('scenarios/heze.yml'));
  const unit = cs.main;
  const def = await loadModel(unit.modelModule);
  const runner = def.createRunner(unit.model, unit.params);
  const H = unit.steps;
  const np = unit.params.keys.length * H;
  const n = unit.params.inputs.length;
  const plan = { seed: 1, draws, lhs: true, cholesky: null };
  const u = new Float64Array(n);
  const x = new Float64Array(n);
  const paths = new Float64Array(np * draws);
  for (let i = 0; i < draws; i++) {
    sampleInputs(unit.params, plan, i, u, x);
    evaluatePaths(unit.params, x, paths.subarray(i * np, (i + 1) * np));
    // HOLD_E0=1: every year keeps the first year's e0 (parameters 2…5, runner.ts), so the life
    // tables are solved once per draw: the rest of the runner's time
    if (process.env.HOLD_E0 === '1') for (let p = 2; p < 6; p++) paths.fill(paths[i * np + p * H], i * np + p * H, i * np + (p + 1) * H);
  }
  const out = new Float64Array(unit.model.metrics.length * (H + 1));
  const all = new Float64Array(out.length * draws);
  return {
    time(from, n) {
      const t0 = process.hrtime.bigint();
      for (let i = from; i < from + n; i++) runner.run(paths.subarray(i * np, (i + 1) * np), out);
      return Number(process.hrtime.bigint() - t0) / 1e3 / n;
    },
    outputs() {
      for (let i = 0; i < draws; i++) {
        runner.run(paths.subarray(i * np, (i + 1) * np), out);
        all.set(out, i * out.length);
      }
      return all;
    },
  };
}

const a = await setup(oldDir);
const b = await setup(newDir);
const oa = a.outputs();
const ob = b.outputs();
let diff = 0;
for (let i = 0; i < oa.length; i++) if (!Object.is(oa[i], ob[i])) diff++;
for (let w = 0; w < 3; w++) { a.time(0, draws); b.time(0, draws); }
const ta = [];
const tb = [];
const ratio = [];
for (let r = 0; r < rounds; r++) {
  const from = (r * CHUNK) % (draws - CHUNK + 1);
  if (r % 2 === 0) { ta.push(a.time(from, CHUNK)); tb.push(b.time(from, CHUNK)); } else { tb.push(b.time(from, CHUNK)); ta.push(a.time(from, CHUNK)); }
  ratio.push(tb[r] / ta[r]);
}
const med = (v) => [...v].sort((p, q) => p - q)[v.length >> 1];
const q = (v, f) => [...v].sort((p, q) => p - q)[Math.floor(f * (v.length - 1))];
console.log(`${rounds} rounds of ${CHUNK} draws; load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
console.log(`µs per draw, median (fastest round): old ${med(ta).toFixed(1)} (${Math.min(...ta).toFixed(1)}), new ${med(tb).toFixed(1)} (${Math.min(...tb).toFixed(1)}); new/old per round: median ${med(ratio).toFixed(3)} (quartiles ${q(ratio, 0.25).toFixed(3)}–${q(ratio, 0.75).toFixed(3)}); outputs differing: ${diff} of ${oa.length}`);
