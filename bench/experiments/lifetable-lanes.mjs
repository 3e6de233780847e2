#!/usr/bin/env node
/**
 * µs per Heze draw of the cohort runner, two builds side by side in one process, alternating:
 * `node bench/experiments/lifetable-lanes.mjs OLD_DIST NEW_DIST [rounds] [draws]` (each a copy of
 * `dist/`, e.g. one built before a change). Both runners see the same 2,000 sampled draws' paths
 * (seed 1, scenarios/heze.yml); prints each round's µs per draw and the medians, and checks that
 * both builds give the same bits.
 *
 * @module
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [oldDir, newDir, roundsArg, drawsArg] = process.argv.slice(2);
const rounds = Number(roundsArg ?? 9);
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
  }
  const out = new Float64Array(unit.model.metrics.length * (H + 1));
  const all = new Float64Array(out.length * draws);
  return {
    time() {
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < draws; i++) runner.run(paths.subarray(i * np, (i + 1) * np), out);
      return Number(process.hrtime.bigint() - t0) / 1e3 / draws;
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
for (let w = 0; w < 3; w++) { a.time(); b.time(); }
const ta = [];
const tb = [];
for (let r = 0; r < rounds; r++) {
  if (r % 2 === 0) { ta.push(a.time()); tb.push(b.time()); } else { tb.push(b.time()); ta.push(a.time()); }
  console.log(`round ${r}: old ${ta[r].toFixed(1)} µs  new ${tb[r].toFixed(1)} µs`);
}
const med = (v) => [...v].sort((p, q) => p - q)[v.length >> 1];
console.log(`median µs per draw: old ${med(ta).toFixed(1)}, new ${med(tb).toFixed(1)}, new/old ${(med(tb) / med(ta)).toFixed(3)}; outputs differing: ${diff} of ${oa.length}`);
