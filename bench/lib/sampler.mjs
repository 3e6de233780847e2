/**
 * Inputs sampled per draw, µs: a scenario's main unit and its reference units (projected on the
 * same draws), the compiled sampler (`sampleDraw`, what the workers run) and the reference
 * algorithm (`sampleInputs`: the full Gaussian copula and the reference Beta quantile) timed in
 * turn over the same draws, so that the machine's load hits both alike.
 *
 * Run alone: `node bench/lib/sampler.mjs [scenario] [seconds]` (after `npm run build`).
 *
 * @module
 */
import { fileURLToPath } from 'node:url';
import { loadScenario } from '../../dist/src/scenario/load.js';
import { compileScenario } from '../../dist/src/engine/compile.js';
import { sampleInputs } from '../../dist/src/params/sampler.js';
import { compileSampler, sampleDraw } from '../../dist/src/params/sampler-plan.js';
import { summary, timeAtLeast } from './stats.mjs';

/** µs per draw of `fn(i)` over draws 0, 1, … for at least `seconds`. */
function perDraw(seconds, fn) {
  const [reps, s] = timeAtLeast(seconds, 64, (n) => {
    for (let i = 0; i < n; i++) fn(i);
  });
  return (s * 1e6) / reps;
}

/**
 * Times the sampling of every unit of `file`, `runs` runs (after a warm-up run) of at least
 * `seconds` per sampler and unit.
 *
 * @example
 * const r = await samplerBench('scenarios/heze.yml', 3, 0.3);
 * r.units[0].compiled.median; // µs per draw, main unit
 */
export async function samplerBench(file, runs = 3, seconds = 0.3) {
  const cs = compileScenario(await loadScenario(file, { sets: [] }), {});
  const units = [cs.main, ...cs.references].map((unit) => {
    const s = compileSampler(unit.inputs, unit.sampling);
    const ref = { ...unit.params, inputs: unit.inputs };
    const u = new Float64Array(unit.inputs.length);
    const x = new Float64Array(unit.inputs.length);
    return {
      name: unit.name,
      inputs: unit.inputs.length,
      correlated: s.copula.corr.length,
      compiled: () => perDraw(seconds, (i) => sampleDraw(s, i, u, x)),
      reference: () => perDraw(seconds, (i) => sampleInputs(ref, unit.sampling, i, u, x)),
    };
  });
  const times = units.map(() => ({ compiled: [], reference: [], total: [] }));
  for (let r = 0; r <= runs; r++) {
    const run = units.map((unit) => ({ compiled: unit.compiled(), reference: unit.reference() }));
    if (r === 0) continue; // warm-up
    run.forEach((t, k) => {
      times[k].compiled.push(t.compiled);
      times[k].reference.push(t.reference);
    });
  }
  const total = (which) => summary(times[0][which].map((_, r) => times.reduce((s, t) => s + t[which][r], 0)));
  return {
    file,
    units: units.map((unit, k) => ({ name: unit.name, inputs: unit.inputs, correlated: unit.correlated, compiled: summary(times[k].compiled), reference: summary(times[k].reference) })),
    compiled: total('compiled'),
    reference: total('reference'),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const r = await samplerBench(process.argv[2] ?? 'scenarios/heze.yml', 3, Number(process.argv[3] ?? 0.3));
  const f = (s) => `${s.median.toFixed(1)} (${s.min.toFixed(1)}–${s.max.toFixed(1)})`;
  for (const u of r.units) process.stdout.write(`${u.name}: ${u.inputs} inputs (${u.correlated} correlated): compiled ${f(u.compiled)} µs/draw, reference ${f(u.reference)} µs/draw\n`);
  process.stdout.write(`all units: compiled ${f(r.compiled)} µs/draw, reference ${f(r.reference)}: ${(r.reference.median / r.compiled.median).toFixed(2)}×\n`);
}
