import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { SweepCommand } from '../../src/cli/args.js';
import { sweepCommand } from '../../src/cli/sweep-command.js';
import { capture, runCli as run } from './capture.js';

const base = fileURLToPath(new URL('../fixtures/scenarios/base.yml', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'urbcast-shard-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The files of a folder and their bytes. */
const files = (dir: string) => Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f), 'utf8')]));

describe('simulate --shard K/N and simulate merge', () => {
  const dirs = [1, 2, 3].map((k) => join(tmp, `s${k}`));

  it('merges 3 shards into the same csv bytes as one run', async () => {
    for (const [i, dir] of dirs.entries()) {
      const r = await run('--scenario', base, '--draws', '300', '--set', 'seed=9', '--shard', `${i + 1}/3`, '--out', dir);
      expect(r.code, r.err).toBe(0);
      expect(r.err).toContain(`wrote ${join(dir, 'partial.json')}`);
    }
    const merged = await run('merge', dirs[2], dirs[0], dirs[1], '--format', 'csv', '--out', join(tmp, 'merged'), '--quiet');
    const whole = await run('--scenario', base, '--draws', '300', '--set', 'seed=9', '--format', 'csv', '--out', join(tmp, 'whole'), '--quiet');

    expect([merged.code, whole.code]).toEqual([0, 0]);
    expect(files(join(tmp, 'merged'))).toEqual(files(join(tmp, 'whole')));
    expect(Object.keys(files(join(tmp, 'merged')))).toEqual(['quantiles.csv', 'targets.csv']);
  });

  it('a missing shard: exit 2, naming what is missing and what was given', async () => {
    const r = await run('merge', dirs[0], dirs[2], '--quiet');

    expect(r.code).toBe(2);
    expect(r.err).toBe(`shard 2/3 missing (given: ${dirs[0]} (shard 1/3), ${dirs[2]} (shard 3/3))\n`);
  });

  it('a folder that is no shard, and a changed scenario: exit 2, naming them', async () => {
    const none = await run('merge', dirs[0], tmp, '--quiet');
    expect(none.code).toBe(2);
    expect(none.err).toBe(`shard ${tmp}: no partial.json: not a shard written by simulate --shard, or its run did not finish\n`);

    const copy = join(tmp, 'base-copy.yml');
    copyFileSync(base, copy);
    writeFileSync(copy, `${readFileSync(copy, 'utf8')}\n# changed\n`);
    const changed = await run('merge', ...dirs, '--scenario', copy, '--quiet');
    expect(changed.code).toBe(2);
    expect(changed.err).toMatch(new RegExp(`^scenario ${copy} has SHA-256 [0-9a-f]{64}, but shard ${dirs[0]} ran one with [0-9a-f]{64} \\(the shards ran ${base}\\): the scenario changed since; run the shards again\\n$`));
  });

  it('--shard needs K/N with 1 ≤ K ≤ N, --out, and N ≤ draws', async () => {
    expect((await run('--scenario', base, '--shard', '0/3', '--out', tmp)).err).toMatch(/^usage: --shard must be K\/N with 1 ≤ K ≤ N \(shard K of N, counted from 1\), got 0\/3\n/);
    expect((await run('--scenario', base, '--shard', '1/3')).err).toMatch(/^usage: --shard K\/N writes a partial state: give its folder with --out DIR\n/);
    const many = await run('--scenario', base, '--draws', '5', '--shard', '1/6', '--out', join(tmp, 'many'), '--quiet');
    expect(many).toMatchObject({ code: 2, err: '--shard K/N needs 1 ≤ K ≤ N ≤ draws (5), got 1/6\n' });
  });
});

describe('simulate sweep', () => {
  const out = join(tmp, 'sweep');
  const relative = fileURLToPath(new URL('../fixtures/scenarios/relative.yml', import.meta.url));

  it('--list prints the tasks, scenario by scenario', async () => {
    const r = await run('sweep', base, relative, '--shards', '2', '--out', out, '--list');

    expect(r.code).toBe(0);
    expect(r.out.split('\n')).toEqual([
      'index\tscenario\tshard\tfolder',
      `0\t${base}\t1/2\t${join(out, 'base', 'shard-1-of-2')}`,
      `1\t${base}\t2/2\t${join(out, 'base', 'shard-2-of-2')}`,
      `2\t${relative}\t1/2\t${join(out, 'relative', 'shard-1-of-2')}`,
      `3\t${relative}\t2/2\t${join(out, 'relative', 'shard-2-of-2')}`,
      '4 tasks: sbatch --array=0-3, or an Indexed Job with completions: 4',
      '',
    ]);
  });

  it('runs the task the scheduler names (Slurm, then Kubernetes), and merges every scenario', async () => {
    const sweep: SweepCommand = { kind: 'sweep', scenarios: [base], shards: 2, out, action: 'run', draws: 120, format: 'csv', quiet: true };
    const a = capture();
    const b = capture();
    expect(await sweepCommand(sweep, a.io, { SLURM_ARRAY_TASK_ID: '0' })).toBe(0);
    expect(await sweepCommand(sweep, b.io, { JOB_COMPLETION_INDEX: '1' })).toBe(0);
    expect(await sweepCommand({ ...sweep, action: 'merge' }, capture().io, {})).toBe(0);
    expect(await run('--scenario', base, '--draws', '120', '--format', 'csv', '--out', join(tmp, 'sweep-whole'), '--quiet')).toMatchObject({ code: 0 });

    expect(files(join(out, 'base', 'result'))).toEqual(files(join(tmp, 'sweep-whole')));
  });

  it('no task index, or one beyond the array: exit 2, saying what to give', async () => {
    const sweep: SweepCommand = { kind: 'sweep', scenarios: [base], shards: 2, out, action: 'run', format: 'csv', quiet: true };
    const none = capture();
    const beyond = capture();

    expect(await sweepCommand(sweep, none.io, {})).toBe(2);
    expect(none.text.err).toMatch(/^usage: sweep: which task\? give --index I, or run it in a Slurm job array \(SLURM_ARRAY_TASK_ID\) or a Kubernetes Indexed Job \(JOB_COMPLETION_INDEX\)/);
    expect(await sweepCommand(sweep, beyond.io, { SLURM_ARRAY_TASK_ID: '2' })).toBe(2);
    expect(beyond.text.err).toMatch(/^usage: sweep: SLURM_ARRAY_TASK_ID is 2, expected a task index from 0 to 1 \(2 tasks: submit the array as 0-1\)/);
  });
});
