import { describe, expect, it } from 'vitest';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { compileScenario } from '../../../src/engine/compile.js';
import { projectDeterministic } from '../../../src/engine/deterministic.js';
import { drawInputs, replayDraw, runScenario } from '../../../src/engine/run.js';
import { InputError } from '../../../src/scenario/errors.js';
import { loadScenario } from '../../../src/scenario/load.js';
import { normalQuantile } from '../../../src/random/normal.js';

const FIXTURE = resolve('tests/fixtures/scenarios/regions-two.yml');

/** The fixture with a changed assumptions block, written beside it (relative paths keep working). */
function variant(text: (s: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'regions-'));
  const file = join(dir, 'v.yml');
  const src = require('node:fs').readFileSync(FIXTURE, 'utf8') as string;
  writeFileSync(file, text(src).replaceAll('../../../scenarios/', `${resolve('scenarios')}/`));
  return file;
}

const series = (r: { series: { metric: string; values: number[] }[] }, m: string) => r.series.find((s) => s.metric === m)!.values;

describe('regions model', () => {
  it('adds the regions up: the whole and each group are the sums of their regions, every year of a draw', async () => {
    const loaded = await loadScenario(FIXTURE);
    const r = await replayDraw(loaded, 17);
    expect(r.failure).toBeNull();
    for (let t = 0; t < r.years.length; t++) {
      for (const m of ['total', 'urban', 'rural']) {
        expect(series(r, m)[t]).toBeCloseTo(series(r, `heze.${m}`)[t] + series(r, `jining.${m}`)[t], 3);
        expect(series(r, `both.${m}`)[t]).toBeCloseTo(series(r, m)[t], 3);
        expect(series(r, `only-jining.${m}`)[t]).toBe(series(r, `jining.${m}`)[t]);
      }
      expect(series(r, 'urbanShare')[t]).toBeCloseTo(series(r, 'urban')[t] / series(r, 'total')[t], 14);
    }
    // the share-change decomposition of the whole adds up to its change
    for (let t = 1; t < r.years.length; t++) {
      const parts = ['contrib.natural', 'contrib.internal', 'contrib.reclassification', 'contrib.external'].reduce((s, m) => s + series(r, m)[t], 0);
      expect(parts).toBeCloseTo(series(r, 'urbanShare')[t] - series(r, 'urbanShare')[t - 1], 12);
    }
  });

  it("projects each region exactly as its own scenario would on the same inputs (the median path)", async () => {
    const whole = projectDeterministic(await loadScenario(FIXTURE));
    const heze = projectDeterministic(await loadScenario('scenarios/heze.yml'));
    const m = whole.metrics.findIndex((d) => d.name === 'heze.urbanShare');
    const h = heze.metrics.findIndex((d) => d.name === 'urbanShare');
    expect(whole.series[m]).toEqual(heze.series[h]);
  });

  it("a relative target on a region against the whole is the region's gain minus the whole's, in the same draw", async () => {
    const loaded = await loadScenario(FIXTURE);
    const r = await replayDraw(loaded, 5);
    const t = r.years.indexOf(2025);
    const gain = (m: string) => (series(r, m)[t] - series(r, m)[t - 2]) / 2;
    const p013 = r.targets.find((x) => x.id === 'heze.P013')!;
    expect(p013.value).toBeCloseTo(gain('heze.urbanShare') - gain('both.urbanShare'), 15);
  });

  it("gives every region its own random numbers (the input names carry the region) and correlates the shared factor's inputs", async () => {
    const cs = compileScenario(await loadScenario(FIXTURE));
    const names = cs.main.inputs.map((i) => i.name);
    expect(names).toContain('heze.ruralToUrban.value');
    expect(names).toContain('jining.ruralToUrban.value');
    const n = 1500;
    const a: number[] = [];
    const b: number[] = [];
    const c: number[] = [];
    for (let i = 0; i < n; i++) {
      const x = drawInputs(cs, i);
      const v = (k: string) => x.find((e) => e.name === k)!.value;
      a.push(v('heze.ruralToUrban.value'));
      b.push(v('jining.ruralToUrban.value'));
      c.push(v('jining.reclassification.value'));
    }
    const scores = (xs: number[]) => {
      const order = xs.map((x, i) => [x, i]).sort((p, q) => p[0] - q[0]);
      const out = new Array<number>(xs.length);
      order.forEach(([, i], k) => (out[i] = normalQuantile((k + 0.5) / xs.length)));
      return out;
    };
    const corr = (x: number[], y: number[]) => {
      const [sx, sy] = [scores(x), scores(y)];
      return sx.reduce((s, v, i) => s + v * sy[i], 0) / sx.reduce((s, v) => s + v * v, 0);
    };
    // ρ = 0.5 between the regions' paces; 0.5 × 0.8 from Heze's pace to Jining's reclassification
    expect(corr(a, b)).toBeGreaterThan(0.42);
    expect(corr(a, b)).toBeLessThan(0.58);
    expect(corr(a, c)).toBeGreaterThan(0.32);
    expect(corr(a, c)).toBeLessThan(0.48);
  });

  it('gives bit-identical results with 1 and 2 workers', async () => {
    const loaded = await loadScenario(FIXTURE);
    const strip = (r: Awaited<ReturnType<typeof runScenario>>) => JSON.stringify({ ...r, run: { ...r.run, seconds: 0, startedAt: '', workers: 0, batchSize: 0 } });
    const one = await runScenario(loaded, { draws: 120, workers: 1, batchSize: 50, progress: false, sensitivity: false });
    const two = await runScenario(loaded, { draws: 120, workers: 2, batchSize: 7, progress: false, sensitivity: false });
    expect(strip(two)).toBe(strip(one));
  });

  it("with migration: the regions' net external flows add up to the whole's each year, to within a person per 10,000 residents", async () => {
    const file = variant((s) => s.replace('  groups:', '  migration:\n    external: {value: {dist: pert, min: -0.002, mode: 0, max: 0.002}, why: test}\n    passes: 2\n  groups:'));
    const r = await replayDraw(await loadScenario(file), 3);
    expect(r.failure).toBeNull();
    const shift = series(r, 'migration.shift');
    expect(Math.max(...shift.map(Math.abs))).toBeGreaterThan(1e-4); // Heze and Jining both lose people: the balance moves them
    const residual = series(r, 'migration.residual');
    const total = series(r, 'total');
    for (let t = 1; t < r.years.length; t++) expect(Math.abs(residual[t]) / total[t - 1]).toBeLessThan(1e-4);
    const ext = r.inputs.find((i) => i.name === 'migration.external.value')!.value;
    const t = 5;
    const regions = series(r, 'heze.external')[t] + series(r, 'jining.external')[t];
    expect(regions).toBeCloseTo(ext * total[t - 1] + residual[t], 3);
  });

  it('rejects regions that do not add up to the stated baseline, naming the file and field', async () => {
    const file = variant((s) => s.replace('value: 17058335', 'value: 18058335'));
    const e = await loadScenario(file).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).file).toBe(file);
    expect((e as InputError).path).toBe('assumptions.regions');
    expect((e as InputError).detail).toMatch(/add up to 17058335.*18058335/);
  });

  it('rejects a group naming an unknown region', async () => {
    const file = variant((s) => s.replace('members: [jining]', 'members: [jinan]'));
    const e = (await loadScenario(file).catch((x: unknown) => x)) as InputError;
    expect(e.path).toBe('assumptions.groups.0.members.0');
    expect(e.line).toBeGreaterThan(0);
    expect(e.detail).toMatch(/unknown region "jinan"/);
  });

  it('locates impossible shared factors at the assumptions (two factors on inputs correlated inside each region)', async () => {
    const loaded = await loadScenario(FIXTURE, { sets: ['assumptions.shared=[{input: ruralToUrban.value, rho: 0.5}, {input: reclassification.value, rho: 0.9}]'] });
    const e = (() => {
      try {
        compileScenario(loaded);
      } catch (x) {
        return x as { path: string[]; message: string };
      }
      return null;
    })();
    expect(e?.path).toEqual(['assumptions']);
    expect(e?.message).toMatch(/imply.*not positive definite/);
  });

  it('rejects a reference to an unknown region', async () => {
    const file = variant((s) => s.replace('reference: {region: both}', 'reference: {region: shandong}'));
    const loaded = await loadScenario(file);
    expect(() => compileScenario(loaded)).toThrow(/unknown region "shandong".*heze, jining, both, only-jining/);
  });
});
