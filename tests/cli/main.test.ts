import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { runCli as run } from './capture.js';

const base = fileURLToPath(new URL('../fixtures/scenarios/base.yml', import.meta.url));

describe('simulate', () => {
  it('--help shows the commands, the options and examples', async () => {
    const r = await run('--help');

    expect(r.code).toBe(0);
    for (const s of ['simulate validate <files..>', 'simulate schema', '--scenario', '--dump-schedules', 'Examples:', 'simulate --scenario scenarios/heze.yml']) {
      expect(r.out).toContain(s);
    }
  });

  it('--version prints the package version', async () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

    expect(await run('--version')).toEqual({ code: 0, out: `${pkg.version}\n`, err: '' });
  });

  it('an unknown option is a usage error, exit 2, with a hint', async () => {
    const r = await run('--scenario', base, '--drawz', '5');

    expect(r.code).toBe(2);
    expect(r.err).toBe('usage: Unknown argument: drawz\nRun simulate --help for usage.\n');
  });

  it('schema prints the JSON Schema', async () => {
    const r = await run('schema');

    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ title: 'urbcast scenario', type: 'object' });
  });

  it('validate prints ok for a valid file', async () => {
    expect(await run('validate', base)).toEqual({ code: 0, out: `ok ${base}\n`, err: '' });
  });

  it('--deterministic prints the median projection in the chosen format', async () => {
    const r = await run('--scenario', base, '--deterministic', '--format', 'csv');

    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toMatch(/^year,total,urban,rural,urbanShare,/);
    expect(r.out.trimEnd().split('\n')).toHaveLength(1 + 10);
  });

  it.each([
    ['json', 'projection.json'],
    ['csv', 'projection.csv'],
    ['table', 'projection.txt'],
  ])('--deterministic --format %s --out DIR writes DIR/%s (what it prints without --out), nothing on stdout', async (format, name) => {
    const out = join(mkdtempSync(join(tmpdir(), 'urbcast-det-')), 'out');
    const printed = await run('--scenario', base, '--deterministic', '--format', format);

    const r = await run('--scenario', base, '--deterministic', '--format', format, '--out', out);

    expect(r).toEqual({ code: 0, out: '', err: `wrote ${join(out, name)}\n` });
    // written whole under a temporary name, then renamed: nothing else is left in the folder
    expect(readdirSync(out)).toEqual([name]);
    expect(readFileSync(join(out, name), 'utf8')).toBe(printed.out);
  });

  it('--dump-schedules writes the schedules file and says so', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'urbcast-dump-')), 'schedules.json');

    const r = await run('--scenario', base, '--dump-schedules', file, '--format', 'json');

    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toBeTruthy();
    expect(r.err).toBe(`wrote ${file}\n`);
  });

  it('--deterministic --format html writes the page with projection.json and projection.csv', async () => {
    const out = mkdtempSync(join(tmpdir(), 'urbcast-det-html-'));

    const r = await run('--scenario', base, '--deterministic', '--format', 'html', '--out', out, '--lang', 'zh');

    expect(r.code).toBe(0);
    expect(r.err).toBe(['report.html', 'projection.json', 'projection.csv'].map((f) => `wrote ${join(out, f)}\n`).join(''));
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('<html lang="zh-CN">');
  });

  it('--deterministic --format html with --dump-schedules is a usage error', async () => {
    const r = await run('--scenario', base, '--deterministic', '--format', 'html', '--dump-schedules', join(tmpdir(), 'never.json'));

    expect(r.code).toBe(2);
    expect(r.err).toContain('--dump-schedules');
  });

  it('records the --set overrides in the result', async () => {
    const r = await run('--scenario', base, '--draws', '20', '--workers', '1', '--quiet', '--format', 'json', '--set', 'draws=30', '--set', 'seed=7');

    expect(r.code).toBe(0);
    const result = JSON.parse(r.out) as { scenario: { sets: string[] }; run: { draws: number } };
    expect(result.scenario.sets).toEqual(['draws=30', 'seed=7']);
  });

  it('--timings adds one line on stderr: where the wall time went, phase by phase; stdout is the same report', async () => {
    // Arrange
    const argv = ['--scenario', base, '--draws', '40', '--workers', '1', '--quiet', '--format', 'json'];
    // Act
    const [plain, timed] = [await run(...argv), await run(...argv, '--timings')];
    // Assert
    expect(timed.code).toBe(0);
    expect(plain.err).toBe('');
    expect(timed.err).toMatch(/^timings: start-up \d+\.\d\d s · compile \d+\.\d\d s · workers \+ median path \d+\.\d\d s · draws \d+\.\d\d s \(40 draws, 1 worker\) · what would it take \d+\.\d\d s \(\d+ evaluations? × 40 draws\) · summary \d+\.\d\d s · report \d+\.\d\d s · total \d+\.\d\d s\n$/);
    const strip = (o: string) => JSON.stringify({ ...JSON.parse(o), run: null });
    expect(strip(timed.out)).toBe(strip(plain.out));
  });

  it.each([['--deterministic'], ['--replay-draw', '3'], ['--shard', '1/2', '--out', 'x']])('--timings with %s is a usage error (exit 2)', async (...flags) => {
    const r = await run('--scenario', base, '--timings', ...flags);

    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^usage: --timings times a (Monte Carlo|whole) run; drop it with/);
  });

  it('runs the draws and renders the report (json on stdout)', async () => {
    const r = await run('--scenario', base, '--draws', '40', '--workers', '1', '--quiet', '--format', 'json');

    expect(r.code).toBe(0);
    const result = JSON.parse(r.out) as { targets: { id: string }[] };
    expect(result.targets.map((t) => t.id)).toEqual(['heze.P001', 'urbanShare-2030', 'moves']);
  });

  it('--out writes the report into a folder and lists it unless --quiet', async () => {
    const out = mkdtempSync(join(tmpdir(), 'urbcast-out-'));

    const r = await run('--scenario', base, '--draws', '20', '--workers', '1', '--format', 'csv', '--out', out);

    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    const files = r.err.trimEnd().split('\n').map((l) => l.replace(/^wrote /, ''));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(existsSync(f)).toBe(true);
  });

  it('a compile-stage error (unknown lever) is located and exits 2', async () => {
    const r = await run('--scenario', base, '--set', 'lever.param=ruralToUrbn', '--deterministic');

    expect(r.code).toBe(0);
    const run2 = await run('--scenario', base, '--set', 'lever.param=ruralToUrbn', '--draws', '10', '--workers', '1', '--quiet');
    expect(run2.code).toBe(2);
    expect(run2.err).toMatch(/^--set lever\.param=ruralToUrbn: lever\.param: unknown parameter "ruralToUrbn"/);
  });

  it('a seed past 2^53 in --set is refused with the range, in one line (zod reported it twice)', async () => {
    const r = await run('--scenario', base, '--quiet', '--set', 'seed=18446744073709551616');

    expect(r.code).toBe(2);
    expect(r.err).toBe('--set seed=18446744073709551616: seed: found 18446744073709552000, expected a number ≤ 9007199254740991\n');
  });

  it('a bad scenario exits 2 before anything runs', async () => {
    const r = await run('--scenario', base, '--set', 'horizon=2020');

    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe('--set horizon=2020: horizon: found 2020, expected a year after the baseline year 2021\n');
  });

  it('an unexpected failure is an internal error with its stack, exit 1', async () => {
    const err = { text: '' };
    const io = {
      stdout: {
        write: () => {
          throw new Error('disk full');
        },
      },
      stderr: { write: (s: string) => (err.text += s) },
    };

    const code = await main(['--version'], io);

    expect(code).toBe(1);
    expect(err.text).toMatch(/^internal error: Error: disk full\n {4}at /);
  });
});
