#!/usr/bin/env node
/**
 * Speed of a multi-region run (issue 17): Shandong as 16 prefecture cohort models
 * (scenarios/shandong-prefectures.yml), 10,000 draws, from spawn to exit, with 1 and 2 workers
 * taking turns, and the same with the lever search off (through runScenario). Reports wall time,
 * the process's CPU time (all threads: on a shared host the CPU time is the steadier figure) and the
 * load average at the start. Run after `npm run build`:
 *
 *   node bench/regions.mjs [--runs 3] [--draws 10000] [--workers 2] [--lever-only]
 *
 * (`--workers 2`: only that many workers; `--lever-only`: only the full simulate run.)
 *
 * Writes bench/results/regions.md.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? dflt : Number(process.argv[i + 1]);
};
const runs = arg('runs', 3);
const draws = arg('draws', 10000);
const scenario = 'scenarios/shandong-prefectures.yml';
const workerCounts = process.argv.includes('--workers') ? [arg('workers', 2)] : [1, 2];
const levers = process.argv.includes('--lever-only') ? [true] : [true, false];
const probe = join(mkdtempSync(join(tmpdir(), 'bench-regions-')), 'probe.json');
const PROBE = `
import { writeFileSync } from 'node:fs';
process.on('exit', () => { const r = process.resourceUsage(); writeFileSync(${JSON.stringify(probe)}, JSON.stringify({ cpu: (r.userCPUTime + r.systemCPUTime) / 1e6, maxRssKiB: r.maxRSS })); });
`;
const probeFile = join(tmpdir(), `bench-regions-probe-${process.pid}.mjs`);
writeFileSync(probeFile, PROBE);

function once(workers, lever) {
  const t0 = performance.now();
  if (lever) {
    execFileSync(process.execPath, ['--import', probeFile, 'bin/simulate.js', '--scenario', scenario, '--draws', String(draws), '--workers', String(workers), '--quiet', '--format', 'json'], { stdio: ['ignore', 'ignore', 'inherit'] });
  } else {
    const root = process.cwd();
    const code = `import { loadScenario } from ${JSON.stringify(`${root}/dist/src/scenario/load.js`)}; import { runScenario } from ${JSON.stringify(`${root}/dist/src/engine/run.js`)};
      await runScenario(await loadScenario(${JSON.stringify(scenario)}), { draws: ${draws}, workers: ${workers}, progress: false, lever: false });`;
    const file = join(tmpdir(), `bench-regions-run-${process.pid}.mjs`);
    writeFileSync(file, code);
    execFileSync(process.execPath, ['--import', probeFile, file], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const wall = (performance.now() - t0) / 1000;
  return { wall, ...JSON.parse(readFileSync(probe, 'utf8')) };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const load = loadavg();
const rows = [];
for (const lever of levers) {
  const by = Object.fromEntries(workerCounts.map((w) => [w, []]));
  for (let k = 0; k < runs; k++) for (const w of workerCounts) by[w].push(once(w, lever));
  for (const w of workerCounts) {
    const r = by[w];
    rows.push(`| ${lever ? 'simulate (lever search on)' : 'runScenario, lever: false'} | ${w} | ${median(r.map((x) => x.wall)).toFixed(1)} s (${Math.min(...r.map((x) => x.wall)).toFixed(1)}–${Math.max(...r.map((x) => x.wall)).toFixed(1)}) | ${median(r.map((x) => x.cpu)).toFixed(1)} s | ${Math.round(median(r.map((x) => x.maxRssKiB)) / 1024)} MiB |`);
    console.log(rows.at(-1));
  }
}
const md = `# Multi-region speed (bench/regions.mjs)

Measured ${new Date().toISOString()} on ${cpus()[0].model}, ${cpus().length} cores; load average at start ${load.map((x) => x.toFixed(2)).join(' / ')}.
\`${scenario}\`: 16 prefecture cohort models, balanced migration (2 projections per draw), ${draws.toLocaleString('en')} draws, ${runs} runs each (median, min–max of wall time).

| run | workers | wall | CPU (all threads) | peak RSS |
|---|---|---|---|---|
${rows.join('\n')}
`;
writeFileSync('bench/results/regions.md', md);
console.log(md);
