/**
 * The benchmark results as a markdown table (bench/results/latest.md and the README's
 * Performance section).
 *
 * @module
 */

const M = (x) => (x >= 1e6 ? `${(x / 1e6).toFixed(1)} M` : x >= 1e3 ? `${(x / 1e3).toFixed(1)} k` : x.toFixed(x >= 100 ? 0 : x >= 10 ? 1 : 2));
const range = (s, f) => `${f(s.median)} (${f(s.min)}–${f(s.max)})`;
const sec = (x) => `${x.toFixed(2)} s`;
const mib = (kib) => `${(kib / 1024).toFixed(0)} MiB`;
const pct = (x) => `${(100 * x).toFixed(0)} %`;
const times = (s) => `${s.median.toFixed(2)}× (${s.min.toFixed(2)}–${s.max.toFixed(2)}×)`;

const KERNEL = '`npm run bench -- --only kernel`';
const agree = (x) => (x === 0 ? 'the same bits' : `to ${x.toExponential(1)} relative`);

/** The kernel's rows: JS, WebAssembly, C (or why one was skipped) and their ratios. */
function kernelRows(k) {
  const rows = [];
  const w = k.wasm;
  rows.push(`| cohort kernel, JS, one core | ${range(k.js.cellStepsPerSecond, M)} cell-steps/s | ${KERNEL} |`);
  if (w?.skipped) rows.push(`| cohort kernel, WebAssembly SIMD | skipped: ${w.skipped} | ${KERNEL} |`);
  else if (w) rows.push(`| cohort kernel, WebAssembly SIMD (\`models/cohort/wasm/\`), one core | ${range(w.cellStepsPerSecond, M)} cell-steps/s | ${KERNEL} |`);
  if (k.native.skipped) rows.push(`| cohort kernel, plain C (\`cc -O3\`) | skipped: ${k.native.skipped} | ${KERNEL} |`);
  else {
    rows.push(`| cohort kernel, plain C (\`cc ${k.native.flags}\`), one core | ${range(k.native.cellStepsPerSecond, M)} cell-steps/s | ${KERNEL} |`);
    rows.push(`| JS / C | ${pct(k.jsOverC)} (JS and C final populations agree: ${agree(k.agreement)}) | (ratio of the medians) |`);
    if (k.wasmOverC !== undefined) rows.push(`| WASM / C | ${pct(k.wasmOverC)} | (ratio of the medians) |`);
  }
  if (k.wasmOverJs !== undefined) rows.push(`| WASM / JS | ${k.wasmOverJs.toFixed(2)}× (WASM and JS final populations agree: ${agree(w.agreement)}) | (ratio of the medians) |`);
  return rows;
}

/** One row per model (and cohort kernel): whole draws on one core. */
function modelRows(models) {
  return models.map((m) => {
    const what = `${m.model}${m.kernel ? `, ${m.kernel === 'js' ? 'JS' : 'WebAssembly'} kernel` : ''}`;
    const cells = Number.isFinite(m.cells) ? `; ${range(m.cellStepsPerSecond, M)} cell-steps/s (${m.cells} cells × ${m.H} steps)` : '';
    const env = m.kernel ? `URBCAST_KERNEL=${m.kernel} ` : '';
    const row = `| whole draws, ${what}: \`${m.file}\`, one core | ${range(m.drawsPerSecond, M)} draws/s${cells} | \`${env}npm run bench -- --only kernel\` |`;
    if (!m.native) return [row];
    if (m.native.skipped) return [row, `| whole draws, ${m.model}, plain C (\`bench/native/whole.c\`) | skipped: ${m.native.skipped} | ${KERNEL} |`];
    return [
      row,
      `| whole draws, ${m.model}, plain C (\`bench/native/whole.c\`, \`cc ${m.native.flags}\`): \`${m.file}\`, one core | ${range(m.native.drawsPerSecond, M)} draws/s | ${KERNEL} |`,
      `| whole draws, engine (${m.kernel === 'js' ? 'JS' : 'WebAssembly'} kernel) / C: \`${m.file}\` | ${pct(m.overC)} (metrics agree: ${agree(m.native.agreement)}) | (ratio of the medians; C and engine take turns) |`,
    ];
  }).flat();
}

/** Inputs sampled per draw: every unit of the scenario, the compiled sampler against the reference algorithm. */
function samplerRow(s) {
  const us = (x) => `${x.toFixed(1)} µs`;
  const parts = s.units.map((u) => `${u.name.split(',')[0]} ${u.inputs} inputs ${us(u.compiled.median)}`).join(', ');
  return (
    `| inputs sampled per draw (\`sampleDraw\`; ${parts}), one core | ${range(s.compiled, us)} per draw; reference algorithm (\`sampleInputs\`) ${range(s.reference, us)}: ` +
    `${(s.reference.median / s.compiled.median).toFixed(1)}× | \`npm run bench -- --only sampler\` |`
  );
}

/**
 * Renders results (the object written to latest.json) as markdown.
 *
 * @example
 * markdown(JSON.parse(readFileSync('bench/results/latest.json', 'utf8')));
 */
export function markdown(r) {
  const m = r.machine;
  const lines = [
    `Measured ${r.date} on ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.os}, Node ${m.node}${m.cc ? `, ${m.cc}` : ''}; load average at start ${m.loadAverageAtStart.join(' / ')}. ` +
      `Scenario \`${r.scenario}\`${r.kernel ? ` (H = ${r.kernel.H} steps)` : ''}. Each figure: median (min–max) of ${r.runs} run${r.runs > 1 ? 's' : ''}.`,
    '',
    '| figure | value | reproduce |',
    '|---|---|---|',
  ];
  if (r.kernel) lines.push(...kernelRows(r.kernel));
  if (r.models) lines.push(...modelRows(r.models));
  if (r.sampler) lines.push(samplerRow(r.sampler));
  if (r.defaultRun) lines.push(`| default run: \`simulate --scenario ${r.scenario}\` (its own draws, default workers, levers and drivers included), spawn to exit | ${range(r.defaultRun.seconds, sec)}; peak RSS ${range(r.defaultRun.maxRssKiB, mib)} | \`time ${r.defaultRun.command}\` |`);
  if (r.defaultRun?.phases) {
    const ph = r.defaultRun.phases;
    const parts = Object.entries(ph)
      .filter(([l]) => l !== 'total' && l !== 'evaluations')
      .map(([l, v]) => `${l} ${v.median.toFixed(2)} s`);
    const ev = ph.evaluations ? ` (${ph.evaluations.median} lever evaluations)` : '';
    lines.push(`| default run, by phase (medians; \`--timings\`, and exit: spawn to exit minus the printed total) | ${parts.join(' · ')}${ev} | \`${r.defaultRun.command}\` |`);
  }
  if (r.startup) lines.push(`| start-up: \`simulate\` with 1 draw, 1 worker, spawn to exit | ${range(r.startup.seconds, sec)} | \`time ${r.startup.command}\` |`);
  for (const e of r.endToEnd) {
    const eff = e.efficiency === undefined ? '' : `, parallel efficiency ${pct(e.efficiency)}`;
    const sp = e.pairedSpeedup ? `; ${times(e.pairedSpeedup)} the speed of 1 worker (run by run)` : '';
    lines.push(
      `| \`simulate\`, ${e.draws.toLocaleString('en')} draws, ${e.workers} worker${e.workers > 1 ? 's' : ''} | ${range(e.seconds, sec)}; ${M(e.drawsPerSecond)} draws/s${eff}${sp}; peak RSS ${range(e.maxRssKiB, mib)} | \`/usr/bin/time -v ${e.command}\` |`,
    );
  }
  const c = r.ceiling;
  if (c) lines.push(`| the machine's two-thread ceiling: two independent 1-worker runs of ${c.draws.toLocaleString('en')} draws side by side | slower of the two ${range(c.seconds, sec)}; ${times(c.speedup)} the throughput of one run alone (run by run): what 2 workers could reach at best here | \`${c.command}\` |`);
  for (const g of r.memoryGrowth) lines.push(`| peak RSS, ${g.workers} worker(s), ${g.hi.toLocaleString('en')} vs ${g.lo.toLocaleString('en')} draws | ${g.ratio >= 1 ? '+' : ''}${pct(g.ratio - 1)} | (ratio of the medians) |`);
  if (r.notes.length) lines.push('', ...r.notes.map((n) => `- ${n}`));
  return lines.join('\n') + '\n';
}
