#!/usr/bin/env node
/**
 * `npm run bench:explore`: how fast the interactive report draws again in headless Chromium
 * (Debian's /usr/bin/chromium). Writes a Heze report, opens it from disk, and moves the
 * rural→urban migration rate's centre back and forth, each move a new run of `--draws` draws
 * (default 2,000); per run, the worker's time (compile the shifted scenario, draw, aggregate) and
 * the time from the request to the redrawn page, and the main thread's longest pause while it ran
 * (a 10 ms interval timer's largest gap: the page's responsiveness), and the CPU time of the
 * worker's thread (from /proc: what the run costs on an idle core when others share the machine). The first run (WebAssembly
 * compiled, code not yet optimised) is reported apart. `--kernel js` opens `report.html#kernel=js`:
 * the worker runs the JavaScript kernels, as in a browser without WebAssembly SIMD.
 * Needs `npm run build`. Writes bench/results/explore.json.
 *
 * Options: --draws 2000, --runs 9, --kernel wasm|js, --workers N (the page's #workers=N; default
 * the page's own: 2 on a machine with 2 cores or more), --scenario scenarios/heze.yml.
 *
 * @module
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { machineInfo, summary } from './lib/stats.mjs';

const { values: a } = parseArgs({
  options: {
    draws: { type: 'string', default: '2000' },
    runs: { type: 'string', default: '9' },
    kernel: { type: 'string', default: 'wasm' },
    scenario: { type: 'string', default: 'scenarios/heze.yml' },
    workers: { type: 'string', default: '' },
  },
});
const CHROMIUM = '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  console.error(`bench/explore: ${CHROMIUM} not found (apt-get install chromium)`);
  process.exit(2);
}
const draws = Number(a.draws);
const runs = Number(a.runs);

const out = mkdtempSync(join(tmpdir(), 'urbcast-bench-explore-'));
execFileSync(process.execPath, ['bin/simulate.js', '--scenario', a.scenario, '--draws', '300', '--format', 'html', '--out', out, '--quiet']);
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu'],
});
const page = await browser.newPage({ viewport: { width: 1240, height: 900 } });
const errors = [];
page.on('pageerror', (e) => errors.push(e.message));
const hash = new URLSearchParams({ ...(a.kernel === 'js' ? { kernel: 'js' } : {}), ...(a.workers ? { workers: a.workers } : {}) }).toString();
await page.goto(pathToFileURL(join(out, 'report.html')).href + (hash ? `#${hash}` : ''), { waitUntil: 'load' });
const threads = await page.evaluate(() => Number(new URLSearchParams(location.hash.slice(1)).get('workers')) || Math.min(2, navigator.hardwareConcurrency || 1));
await page.fill('#explore-draws', String(draws));
const row = 'tr[data-input="ruralToUrban.value"]';
const centre = Number(await page.$eval(row, (tr) => tr.dataset.centre));

/**
 * CPU seconds used so far (user + system, from /proc; Linux, 100 ticks a second) by Chromium's
 * renderer processes: by the threads of the page's Web Workers, and by all their threads (the page,
 * the worker, V8's background compilers). On a shared machine the wall time counts the time the
 * thread waited for a core; the CPU time is what a run costs on an idle one.
 */
function rendererCpu() {
  let worker = 0;
  let all = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    let cmd;
    try {
      cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    if (!cmd.includes('--type=renderer')) continue;
    const ticks = (file) => {
      const stat = readFileSync(file, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return Number(f[11]) + Number(f[12]);
    };
    // the process's own count keeps the time of threads that have ended
    try {
      all += ticks(`/proc/${pid}/stat`);
    } catch {
      continue;
    }
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      try {
        if (readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').startsWith('DedicatedWorker')) worker += ticks(`/proc/${pid}/task/${tid}/stat`);
      } catch {
        // the thread ended
      }
    }
  }
  return { worker: worker / 100, all: all / 100 };
}

const samples = [];
for (let k = 0; k <= runs; k++) {
  const value = centre * (k % 2 === 0 ? 1.1 : 1.2);
  const cpu0 = rendererCpu();
  const m = await page.evaluate(
    ({ row, value, k }) =>
      new Promise((resolve) => {
        const status = document.getElementById('explore-status');
        let lastTick = performance.now();
        let maxGap = 0;
        const tick = setInterval(() => {
          const now = performance.now();
          maxGap = Math.max(maxGap, now - lastTick);
          lastTick = now;
        }, 10);
        const seen = new MutationObserver(() => {
          if (status.dataset.state === 'page' && status.dataset.id === String(k + 1)) {
            seen.disconnect();
            clearInterval(tick);
            resolve({ seconds: Number(status.dataset.seconds), totalMs: Number(status.dataset.totalMs), maxGapMs: maxGap, error: null });
          } else if (status.dataset.state === 'error') {
            seen.disconnect();
            clearInterval(tick);
            resolve({ error: status.textContent });
          }
        });
        seen.observe(status, { attributes: true, childList: true, characterData: true, subtree: true });
        const input = document.querySelector(`${row} input.centre`);
        input.value = String(value);
        input.dispatchEvent(new Event('input'));
      }),
    { row, value, k },
  );
  if (m.error) throw new Error(m.error);
  const cpu1 = rendererCpu();
  m.workerCpu = cpu1.worker - cpu0.worker;
  m.rendererCpu = cpu1.all - cpu0.all;
  samples.push(m);
  console.log(
    `run ${k}${k === 0 ? ' (cold)' : ''}: worker ${m.seconds.toFixed(3)} s wall, ${m.workerCpu.toFixed(2)} s CPU (renderer ${m.rendererCpu.toFixed(2)} s); request → redrawn ${(m.totalMs / 1000).toFixed(3)} s; main thread's longest pause ${m.maxGapMs.toFixed(0)} ms`,
  );
}
const version = browser.version();
await browser.close();
if (errors.length > 0) throw new Error(errors.join('\n'));

const warm = samples.slice(1);
const stat = (f) => summary(warm.map(f));
const result = {
  machine: machineInfo(),
  chromium: version,
  scenario: a.scenario,
  draws,
  kernel: a.kernel,
  workers: threads,
  cold: samples[0],
  worker: stat((s) => s.seconds),
  total: stat((s) => s.totalMs / 1000),
  maxGapMs: stat((s) => s.maxGapMs),
  workerCpu: stat((s) => s.workerCpu),
  rendererCpu: stat((s) => s.rendererCpu),
  runs: samples,
};
writeFileSync(`bench/results/explore${a.kernel === 'js' ? '-js' : ''}-${threads}w.json`, JSON.stringify(result, null, 2) + '\n');
const f = (s) => `${s.median.toFixed(3)} s (${s.min.toFixed(3)}–${s.max.toFixed(3)})`;
console.log(`\nload average at start ${result.machine.loadAverageAtStart.join(' / ')}`);
console.log(`${a.scenario}, ${draws} draws, ${a.kernel} kernel, ${threads} worker(s), Chromium ${version}, median (min–max) of ${warm.length} warm runs:`);
console.log(`  worker (compile the shifted scenario, draw, aggregate): ${f(result.worker)}`);
console.log(`  the worker threads' CPU time: ${f(result.workerCpu)}; all the renderer's threads: ${f(result.rendererCpu)}`);
console.log(`  request → table and charts redrawn: ${f(result.total)}`);
console.log(`  main thread's longest pause: ${result.maxGapMs.median.toFixed(0)} ms (${result.maxGapMs.min.toFixed(0)}–${result.maxGapMs.max.toFixed(0)})`);
console.log(`  cold first run: worker ${samples[0].seconds.toFixed(3)} s, total ${(samples[0].totalMs / 1000).toFixed(3)} s`);
