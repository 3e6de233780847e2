/**
 * Outputs under a hostile environment (issue 19): a full disk (a small tmpfs), a read-only file
 * system, a folder the user may not write, a file or folder in the way, and Ctrl-C while the
 * files are written. Every command that writes files must then exit 3 with one line naming the
 * file and the cause (no stack trace), leave an earlier report as it was, and leave nothing
 * temporary behind. The mounts need root (CAP_SYS_ADMIN): without it those cases are skipped
 * with a message.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { capture } from '../cli/capture.js';
import { tree } from '../io/tree.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = join(root, 'bin/simulate.js');
const base = join(root, 'tests/fixtures/scenarios/base.yml');
const tiny = join(root, 'tests/fixtures/backtest/tiny.yml');
const run = (...a: string[]) => ['--scenario', base, '--draws', '20', '--workers', '1', '--quiet', ...a];

/** Every command that writes files, with the path it writes (`at` is a fresh path in `dir`). */
const writers = (dir: string): { name: string; argv: string[] }[] => [
  ...(['table', 'json', 'csv', 'html'] as const).map((f) => ({ name: `run --format ${f} --out`, argv: run('--format', f, '--out', join(dir, `run-${f}`)) })),
  ...(['table', 'json', 'csv', 'html'] as const).map((f) => ({ name: `--deterministic --format ${f} --out`, argv: ['--scenario', base, '--deterministic', '--quiet', '--format', f, '--out', join(dir, `det-${f}`)] })),
  { name: '--dump-schedules', argv: ['--scenario', base, '--deterministic', '--quiet', '--format', 'json', '--dump-schedules', join(dir, 'schedules.json')] },
  { name: 'backtest --out', argv: ['backtest', '--scenario', tiny, '--quiet', '--workers', '1', '--format', 'csv', '--out', join(dir, 'backtest.csv')] },
];

async function cli(argv: string[]) {
  const { io, text } = capture();
  const code = await main(argv, io);
  return { code, err: text.err };
}


/** One line naming the path and the cause, no stack. */
function expectOneLine(r: { code: number | null; err: string }, path: RegExp | string, cause: string, described: string): void {
  expect(r.code, `${described}\n${r.err}`).toBe(3);
  expect(r.err.split('\n'), described).toHaveLength(2);
  expect(r.err, described).toMatch(new RegExp(`^cannot write ${typeof path === 'string' ? path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : path.source}: ${cause}; (nothing was written|the earlier report is untouched)\n$`));
}

const made: string[] = [];
const mounted: string[] = [];
afterAll(() => {
  for (const m of mounted.reverse()) spawnSync('umount', ['-l', m]);
  for (const d of made) rmSync(d, { recursive: true, force: true });
});
const scratch = () => {
  const d = mkdtempSync(join(tmpdir(), 'urbcast-out-'));
  made.push(d);
  return d;
};

/** A tmpfs of `size` at a new folder, or undefined (with the reason) where mounting is not allowed. */
function tmpfs(size: string): { dir: string } | { skip: string } {
  const dir = scratch();
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { encoding: 'utf8' });
  if (r.status !== 0) return { skip: `cannot mount a tmpfs here (${(r.stderr || r.error?.message || '').trim()}): run as root to test a full disk and a read-only file system` };
  mounted.push(dir);
  return { dir };
}

/** Fills the file system at `dir` to the last byte. */
function fill(dir: string): void {
  const chunk = Buffer.alloc(4096);
  let n = 0;
  try {
    for (;;) writeFileSync(join(dir, `filler-${n++}`), chunk);
  } catch (e) {
    if ((e as { code?: string }).code !== 'ENOSPC') throw e;
  }
}

describe('a full disk (tmpfs)', () => {
  it('the issue: an earlier html report on a full disk stays whole; exit 3, one line; after freeing space the next run replaces all four files', async (ctx) => {
    const fs = tmpfs('2m');
    if ('skip' in fs) return ctx.skip(fs.skip);
    const out = join(fs.dir, 'out');
    const first = spawnSync(process.execPath, [bin, ...run('--format', 'html', '--out', out)], { encoding: 'utf8' });
    expect(first.status, first.stderr).toBe(0);
    const before = tree(fs.dir);
    fill(fs.dir);
    const full = tree(fs.dir);

    const second = spawnSync(process.execPath, [bin, ...run('--seed', '8', '--format', 'html', '--out', out)], { encoding: 'utf8' });

    expectOneLine({ code: second.status, err: second.stderr }, new RegExp(`${out}/[a-z.]+`), 'no space left on device', 'full disk');
    expect(second.stderr).toContain('the earlier report is untouched');
    expect(tree(fs.dir)).toEqual(full);
    for (const f of readdirSync(fs.dir).filter((f) => f.startsWith('filler-'))) rmSync(join(fs.dir, f));
    const third = spawnSync(process.execPath, [bin, ...run('--seed', '8', '--format', 'html', '--out', out)], { encoding: 'utf8' });
    expect(third.status, third.stderr).toBe(0);
    const after = tree(fs.dir);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    for (const f of ['report.html', 'result.json', 'quantiles.csv', 'targets.csv']) expect(after[`out/${f}`], f).not.toBe(before[`out/${f}`]);
  });

  it('every command that writes files: exit 3, one line, nothing left on the disk', async (ctx) => {
    const fs = tmpfs('1m');
    if ('skip' in fs) return ctx.skip(fs.skip);
    fill(fs.dir);
    const full = tree(fs.dir);

    for (const w of writers(fs.dir)) {
      const r = await cli(w.argv);

      expectOneLine(r, new RegExp(`${fs.dir}/[a-z-]+(/[a-z.]+|\\.[a-z]+)`), 'no space left on device', w.name);
      expect(r.err, w.name).toContain('nothing was written');
      expect(tree(fs.dir), w.name).toEqual(full);
    }
  });
});

describe('a read-only file system', () => {
  it('every command that writes files: exit 3, "read-only file system"', async (ctx) => {
    const fs = tmpfs('1m');
    if ('skip' in fs) return ctx.skip(fs.skip);
    mkdirSync(join(fs.dir, 'run-json'));
    writeFileSync(join(fs.dir, 'run-json', 'result.json'), 'earlier');
    expect(spawnSync('mount', ['-o', 'remount,ro', fs.dir]).status).toBe(0);

    for (const w of writers(fs.dir)) {
      const r = await cli(w.argv);

      expectOneLine(r, new RegExp(`${fs.dir}/[a-z-]+(/[a-z.]+|\\.[a-z]+)`), 'read-only file system', w.name);
    }
    expect(tree(fs.dir)).toEqual({ 'run-json': '<dir>', 'run-json/result.json': 'earlier' });
  });
});

describe('a folder the user may not write', () => {
  it('every command that writes files, as another user: exit 3, "permission denied" (the built CLI, one process)', (ctx) => {
    if (process.getuid?.() !== 0) return ctx.skip('not root: cannot run the CLI as another user to meet a folder it may not write');
    const dir = scratch();
    // the scratch folder is root's, 0700: let the other user in, but not write
    spawnSync('chmod', ['755', dir]);
    const all = writers(dir);
    // each command through dist's main in one child process (a process per command costs a second each)
    const script = `
      const { main } = await import(${JSON.stringify(join(root, 'dist/src/cli/main.js'))});
      const results = [];
      for (const argv of ${JSON.stringify(all.map((w) => w.argv))}) {
        let err = '';
        const code = await main(argv, { stdout: { write: () => true }, stderr: { write: (s) => (err += s) } });
        results.push({ code, err });
      }
      process.stdout.write(JSON.stringify(results));`;

    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { uid: 65534, gid: 65534, encoding: 'utf8', cwd: tmpdir() });

    expect(r.status, r.stderr).toBe(0);
    const results = JSON.parse(r.stdout) as { code: number; err: string }[];
    all.forEach((w, i) => expectOneLine(results[i], new RegExp(`${dir}/[a-z-]+(/[a-z.]+|\\.[a-z]+)`), 'permission denied', w.name));
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('a file or a folder in the way', () => {
  it('--out naming a file, or a path through a file: ENOTDIR naming the file; backtest --out naming a folder: EISDIR', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'plain'), 'mine');
    mkdirSync(join(dir, 'folder'));

    const onFile = await cli(run('--format', 'json', '--out', join(dir, 'plain')));
    const through = await cli(['--scenario', base, '--deterministic', '--format', 'csv', '--out', join(dir, 'plain', 'sub')]);
    const onFolder = await cli(['backtest', '--scenario', tiny, '--quiet', '--workers', '1', '--out', join(dir, 'folder')]);

    expectOneLine(onFile, join(dir, 'plain', 'result.json'), `${join(dir, 'plain')} is a file, not a folder`, 'run --out FILE');
    expectOneLine(through, join(dir, 'plain', 'sub', 'projection.csv'), `${join(dir, 'plain')} is a file, not a folder`, '--deterministic --out FILE/sub');
    expectOneLine(onFolder, join(dir, 'folder'), 'it is a folder', 'backtest --out DIR');
    expect(tree(dir)).toEqual({ plain: 'mine', folder: '<dir>' });
  });
});

describe('Ctrl-C while a set is written', () => {
  it('waits for the set: the folder then holds the whole new set, nothing temporary, and the process ends by the signal', async () => {
    const dir = scratch();
    const out = join(dir, 'out');
    mkdirSync(out);
    for (const f of ['a', 'b', 'c', 'd']) writeFileSync(join(out, f), 'old');
    // four 64 MB files: writing them takes long enough to be interrupted in the middle
    const script = `
      const { holdSignals, writeOutputSet } = await import(${JSON.stringify(join(root, 'dist/src/io/index.js'))});
      const big = Buffer.alloc(64 * 1024 * 1024, 'n');
      process.stdout.write('writing\\n');
      await holdSignals(() => writeOutputSet(${JSON.stringify(out)}, { a: big, b: big, c: big, d: big }));
      process.stdout.write('done\\n');`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    await new Promise<void>((resolve) =>
      child.stdout.on('data', (d: Buffer) => {
        stdout += d.toString();
        if (stdout.includes('writing')) resolve();
      }),
    );
    await new Promise((r) => setTimeout(r, 50)); // the first file is being written

    child.kill('SIGINT');
    const end = await ended;

    expect(end.signal).toBe('SIGINT');
    expect(stdout).toBe('writing\n');
    expect(readdirSync(dir)).toEqual(['out']);
    expect(readdirSync(out).sort()).toEqual(['a', 'b', 'c', 'd']);
    for (const f of ['a', 'b', 'c', 'd']) expect(statSync(join(out, f)).size, f).toBe(64 * 1024 * 1024);
  });
});
