import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli as run } from './capture.js';

const tiny = fileURLToPath(new URL('../fixtures/backtest/tiny.yml', import.meta.url));

/** A copy of the fixture with `edit` applied to its text, in a temporary folder. */
function variant(edit: (s: string) => string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'urbcast-bt-')), 'v.yml');
  writeFileSync(file, edit(readFileSync(tiny, 'utf8')));
  return file;
}

describe('simulate backtest', () => {
  it('prints the table of the observations after the origin and the summary', async () => {
    const r = await run('backtest', '--scenario', tiny, '--origin', '2010', '--quiet', '--workers', '1');

    expect(r.code).toBe(0);
    expect(r.out).toContain('Backtest: Tiny backtest (model urgd), origin 2010, projected to 2013; 300 draws, seed 11');
    expect(r.out).toMatch(/^2011 +urbanShare/m);
    expect(r.out).toMatch(/^2013 +total +1\.03M +1\.03M/m);
    expect(r.out).not.toMatch(/^2010 /m);
    expect(r.out).not.toMatch(/^2014 /m);
    expect(r.out).toMatch(/^urbanShare +2 /m);
  });

  it('scores against the run: growth 1 %/yr makes the total exact, a 60 % share in 2012 lies outside every interval', async () => {
    const r = await run('backtest', '--scenario', tiny, '--format', 'json', '--quiet', '--workers', '1');
    const bt = JSON.parse(r.out) as { observations: { year: number; error: number; in95: boolean; vintage: number | null }[]; summary: { metric: string; n: number }[] };

    expect(r.code).toBe(0);
    expect(bt.observations.map((o) => o.year)).toEqual([2011, 2012, 2013]);
    expect(bt.observations[0].vintage).toBe(2012);
    expect(bt.observations[1].in95).toBe(false);
    expect(Math.abs(bt.observations[2].error)).toBeLessThan(1e-9);
    expect(bt.summary.map((s) => [s.metric, s.n])).toEqual([
      ['urbanShare', 2],
      ['total', 1],
    ]);
  });

  it('is the same for any number of workers', async () => {
    const one = await run('backtest', '--scenario', tiny, '--format', 'csv', '--quiet', '--workers', '1');
    const two = await run('backtest', '--scenario', tiny, '--format', 'csv', '--quiet', '--workers', '2');

    expect(one.out).toBe(two.out);
    expect(one.out.split('\n')[0]).toMatch(/^year,metric,observed,median/);
  });

  it('writes the report to --out and says so', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'urbcast-bt-')), 'bt.csv');

    const r = await run('backtest', '--scenario', tiny, '--format', 'csv', '--out', out, '--workers', '1');

    expect(r.code).toBe(0);
    expect(r.err).toContain(`wrote ${out}`);
    expect(readFileSync(out, 'utf8').trimEnd().split('\n')).toHaveLength(4);
  });

  it('exits 2 naming baseline.year when --origin differs from the baseline', async () => {
    const r = await run('backtest', '--scenario', tiny, '--origin', '2000', '--quiet');

    expect(r.code).toBe(2);
    expect(r.err).toMatch(/tiny\.yml:7:\d+: baseline\.year: found 2010, expected the origin 2000 given with --origin/);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('exits 2 when no observation follows the origin', async () => {
    const file = variant((s) => s.replace(/  - \{year: 201[1-3].*\n/g, ''));

    const r = await run('backtest', '--scenario', file, '--quiet');

    expect(r.code).toBe(2);
    expect(r.err).toMatch(/history: found no history: observation with 2010 < year ≤ 2013 \(2 observations in all\), expected at least one observation after the origin/);
  });

  it('exits 2 on an observation of a metric the model does not have', async () => {
    const file = variant((s) => s.replace('{year: 2013, metric: total', '{year: 2013, metric: births'));

    const r = await run('backtest', '--scenario', file, '--quiet');

    expect(r.code).toBe(2);
    expect(r.err).toMatch(/v\.yml:\d+:\d+: history\.3\.metric: found "births" \(a string\), expected a metric of model urgd: total/);
  });

  it('refuses a scenario with calibration: (look-ahead)', async () => {
    const file = variant((s) => `${s}calibration: {minEss: 10}\n`);

    const r = await run('backtest', '--scenario', file, '--quiet');

    expect(r.code).toBe(2);
    expect(r.err).toContain('calibration: found a calibration: block, expected none in a backtest');
  });

  it('requires --scenario', async () => {
    const r = await run('backtest');

    expect(r.code).toBe(2);
    expect(r.err).toContain('give the scenario file with --scenario FILE');
  });
});

describe('simulate backtest --suite prefectures', () => {
  it('runs the suite for the given codes and prints its table', async () => {
    const r = await run('backtest', '--suite', 'prefectures', '--codes', '371700', '--draws', '50', '--quiet', '--workers', '1');

    expect(r.code).toBe(0);
    expect(r.out).toContain('Prefecture backtest: 1 units');
    expect(r.out).toMatch(/^\| cohort \| 1 \|/m);
  });

  it('exits 2 on unknown codes, and on --codes without --suite or --suite with --scenario', async () => {
    const unknown = await run('backtest', '--suite', 'prefectures', '--codes', '999999', '--quiet');
    const noSuite = await run('backtest', '--scenario', tiny, '--codes', '371700');
    const both = await run('backtest', '--scenario', tiny, '--suite', 'prefectures');

    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('999999');
    expect(noSuite.code).toBe(2);
    expect(both.code).toBe(2);
  });
});
