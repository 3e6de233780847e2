/**
 * The benchmark's markdown table (bench/lib/report.mjs): every measured figure gets a row with the
 * command that reproduces it; a skipped native build says why.
 */
import { describe, expect, it } from 'vitest';
import { markdown } from '../../../bench/lib/report.mjs';

const s = (median: number) => ({ median, min: median * 0.9, max: median * 1.1, runs: [median] });
const base = {
  date: '2026-01-01T00:00:00.000Z',
  machine: { cpu: 'CPU X', cores: 2, memoryGiB: 8, os: 'Linux', node: 'v20', cc: null, loadAverageAtStart: [0, 0, 0] },
  scenario: 'scenarios/heze.yml',
  runs: 3,
  notes: ['a note'],
};
const kernel = { H: 14, js: { cellStepsPerSecond: s(2e8) } };

describe('markdown', () => {
  it('writes the default run by phase (medians), with the lever evaluations and the exit after the printed total', () => {
    // Arrange
    const phases = { 'start-up': s(0.21), draws: s(0.7), 'what would it take': s(0.28), total: s(1.3), evaluations: s(4), exit: s(0.05) };
    const r = { ...base, defaultRun: { command: 'node bin/simulate.js --scenario x.yml --timings', seconds: s(1.35), maxRssKiB: s(102400), phases }, endToEnd: [], memoryGrowth: [] };
    // Act
    const md = markdown(r);
    // Assert
    expect(md).toContain('| default run, by phase (medians; `--timings`, and exit: spawn to exit minus the printed total) | start-up 0.21 s · draws 0.70 s · what would it take 0.28 s · exit 0.05 s (4 lever evaluations) | `node bin/simulate.js --scenario x.yml --timings` |');
  });

  it('writes the kernel, the ratio to C, each end-to-end run, memory growth and the notes', () => {
    // Arrange
    const r = {
      ...base,
      kernel: { ...kernel, native: { flags: '-O3', cellStepsPerSecond: s(4e8) }, jsOverC: 0.5, agreement: 0 },
      startup: { command: 'node bin/simulate.js --draws 1', seconds: s(0.5) },
      endToEnd: [
        { draws: 10000, workers: 1, command: 'node bin/simulate.js --draws 10000 --workers 1', seconds: s(10), drawsPerSecond: 1000, maxRssKiB: s(102400) },
        { draws: 10000, workers: 2, command: 'node bin/simulate.js --draws 10000 --workers 2', seconds: s(5.5), drawsPerSecond: 1818, maxRssKiB: s(122880), efficiency: 0.909, pairedSpeedup: { median: 1.82, min: 1.75, max: 1.9, runs: [1.82, 1.75, 1.9] } },
      ],
      memoryGrowth: [{ workers: 1, lo: 10000, hi: 100000, ratio: 1.04 }],
    };
    // Act
    const md = markdown(r);
    // Assert
    expect(md).toContain('| cohort kernel, JS, one core | 200.0 M (180.0 M–220.0 M) cell-steps/s |');
    expect(md).toContain('| JS / C | 50 %');
    expect(md).toContain('`/usr/bin/time -v node bin/simulate.js --draws 10000 --workers 2`');
    expect(md).toContain('parallel efficiency 91 %; 1.82× (1.75–1.90×) the speed of 1 worker (run by run)');
    expect(md).toContain('peak RSS 100 MiB (90 MiB–110 MiB)');
    expect(md).toContain('10,000 draws | +4 %');
    expect(md).toContain('- a note');
  });

  it("writes the machine's two-thread ceiling: two 1-worker runs side by side against one alone", () => {
    // Arrange
    const ceiling = { draws: 100000, command: 'node a & node a', seconds: s(13), speedup: { median: 1.84, min: 1.7, max: 1.95, runs: [1.84] } };
    // Act
    const md = markdown({ ...base, endToEnd: [], ceiling, memoryGrowth: [] });
    // Assert
    expect(md).toContain("| the machine's two-thread ceiling: two independent 1-worker runs of 100,000 draws side by side | slower of the two 13.00 s (11.70 s–14.30 s); 1.84× (1.70–1.95×) the throughput of one run alone (run by run)");
    expect(md).toContain('`node a & node a`');
  });

  it('writes the WebAssembly kernel with its ratios to C and to JS and their agreement, then whole draws of each model', () => {
    // Arrange
    const k = {
      ...kernel,
      native: { flags: '-O3', cellStepsPerSecond: s(4e8) },
      jsOverC: 0.5,
      agreement: 0,
      wasm: { cellStepsPerSecond: s(3.6e8), agreement: 0 },
      wasmOverC: 0.9,
      wasmOverJs: 1.8,
    };
    const models = [
      { file: 'scenarios/heze.yml', model: 'cohort + hukou', kernel: 'js', H: 14, cells: 1618, drawsPerSecond: s(5000), cellStepsPerSecond: s(5000 * 14 * 1618) },
      { file: 'scenarios/heze.yml', model: 'cohort + hukou', kernel: 'wasm', H: 14, cells: 1618, drawsPerSecond: s(6000), cellStepsPerSecond: s(6000 * 14 * 1618) },
      { file: 'b/urgd.yml', model: 'urgd', kernel: null, H: 12, cells: 2, drawsPerSecond: s(4e6), cellStepsPerSecond: s(9.6e7) },
    ];
    // Act
    const md = markdown({ ...base, kernel: k, models, endToEnd: [], memoryGrowth: [] });
    // Assert
    expect(md).toContain('| cohort kernel, WebAssembly SIMD (`models/cohort/wasm/`), one core | 360.0 M (324.0 M–396.0 M) cell-steps/s |');
    expect(md).toContain('| WASM / C | 90 % |');
    expect(md).toContain('| WASM / JS | 1.80× (WASM and JS final populations agree: the same bits) |');
    expect(md).toContain('| whole draws, cohort + hukou, JS kernel: `scenarios/heze.yml`, one core | 5.0 k (4.5 k–5.5 k) draws/s; 113.3 M');
    expect(md).toContain('(1618 cells × 14 steps) | `URBCAST_KERNEL=js npm run bench -- --only kernel` |');
    expect(md).toContain('WebAssembly kernel: `scenarios/heze.yml`, one core | 6.0 k');
    expect(md).toContain('| whole draws, urgd: `b/urgd.yml`, one core | 4.0 M (3.6 M–4.4 M) draws/s; 96.0 M (86.4 M–105.6 M) cell-steps/s (2 cells × 12 steps) | `npm run bench -- --only kernel` |');
  });

  it('writes the inputs sampled per draw, every unit, against the reference algorithm', () => {
    // Arrange
    const sampler = {
      file: 'scenarios/heze.yml',
      units: [
        { name: 'Heze plan, 2021–2035', inputs: 69, correlated: 58, compiled: s(11), reference: s(33) },
        { name: 'Shandong province', inputs: 63, correlated: 58, compiled: s(9), reference: s(26) },
      ],
      compiled: s(20),
      reference: s(59),
    };
    // Act
    const md = markdown({ ...base, sampler, endToEnd: [], memoryGrowth: [] });
    // Assert
    expect(md).toContain('| inputs sampled per draw (`sampleDraw`; Heze plan 69 inputs 11.0 µs, Shandong province 63 inputs 9.0 µs), one core | 20.0 µs (18.0 µs–22.0 µs) per draw;');
    expect(md).toContain('reference algorithm (`sampleInputs`) 59.0 µs (53.1 µs–64.9 µs): 3.0× | `npm run bench -- --only sampler` |');
  });

  it('says why the WebAssembly kernel was skipped and gives no WASM ratios', () => {
    const md = markdown({ ...base, kernel: { ...kernel, native: { skipped: 'no cc' }, wasm: { skipped: 'no SIMD' } }, endToEnd: [], memoryGrowth: [] });
    expect(md).toContain('| cohort kernel, WebAssembly SIMD | skipped: no SIMD |');
    expect(md).not.toContain('WASM /');
  });

  it('says why the native reference was skipped and gives no ratio', () => {
    const md = markdown({ ...base, kernel: { ...kernel, native: { skipped: 'no C compiler (cc) on PATH' } }, endToEnd: [], memoryGrowth: [] });
    expect(md).toContain('skipped: no C compiler (cc) on PATH');
    expect(md).not.toContain('JS / C');
  });

  it('renders an end-to-end-only run (no kernel section) with its single run named as such', () => {
    const md = markdown({ ...base, runs: 1, kernel: null, endToEnd: [], memoryGrowth: [] });
    expect(md).toContain('Each figure: median (min–max) of 1 run.');
    expect(md).not.toContain('cohort kernel');
  });
});
