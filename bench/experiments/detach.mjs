/**
 * Why workers return their results in a SharedArrayBuffer (src/engine/kernel.ts): Heze draws in
 * one thread, timed in fresh processes, some of which first detach one unrelated 8-byte
 * ArrayBuffer (as transferring a result to another thread does). The first detach in an isolate
 * invalidates V8's "array buffer detaching" protector for good, after which optimised code checks
 * typed arrays for detachment; hence one process per measurement, the two kinds alternating.
 *
 * Run: `npm run build && node bench/experiments/detach.mjs [pairs=8] [draws=20000]`
 * Prints draws per second of each process and the medians.
 *
 * @module
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { summary } from '../lib/stats.mjs';

const [, , role, arg2] = process.argv;

if (role === 'child') {
  // arg2: 'detached' | 'intact'
  if (arg2 === 'detached') {
    const ab = new ArrayBuffer(8);
    structuredClone(ab, { transfer: [ab] });
  }
  const draws = Number(process.env.DRAWS);
  const { loadScenario } = await import('../../dist/src/scenario/load.js');
  const { compileScenario } = await import('../../dist/src/engine/compile.js');
  const { DrawKernel } = await import('../../dist/src/engine/kernel.js');
  const cs = compileScenario(await loadScenario('scenarios/heze.yml'), { draws: 1e6 });
  const kernel = await DrawKernel.create(cs);
  for (let s = 0; s < 4000; s += 200) kernel.run({ start: s, count: 200, full: true }); // warm-up
  const t0 = performance.now();
  for (let s = 0; s < draws; s += 200) kernel.run({ start: s, count: 200, full: true });
  process.stdout.write(String(draws / ((performance.now() - t0) / 1000)));
} else {
  const pairs = Number(role ?? 8);
  const draws = Number(arg2 ?? 20000);
  const self = fileURLToPath(import.meta.url);
  const rates = { intact: [], detached: [] };
  for (let i = 0; i < pairs; i++) {
    for (const kind of ['intact', 'detached']) {
      const r = spawnSync(process.execPath, [self, 'child', kind], { env: { ...process.env, DRAWS: String(draws) }, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(r.stderr);
      rates[kind].push(Number(r.stdout));
    }
  }
  for (const kind of ['intact', 'detached']) {
    console.log(`${kind.padEnd(8)} median ${summary(rates[kind]).median.toFixed(0)} draws/s  (${rates[kind].map((x) => x.toFixed(0)).join(' ')})`);
  }
  console.log(`detached / intact: ${(summary(rates.detached).median / summary(rates.intact).median).toFixed(3)}`);
}
