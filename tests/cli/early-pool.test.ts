/**
 * The worker pool `simulate` starts before loading (src/cli/run-command.ts, startPoolFor): a run
 * that turns out to need fewer workers discards it and gives the same result; a scenario that
 * fails to load ends the process at once with exit 2. A thread left running would keep the
 * process alive: the spawn would time out.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/simulate.js', import.meta.url));
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });

/** The JSON result without the fields that differ between any two runs. */
function result(stdout: string): unknown {
  const r = JSON.parse(stdout) as { run: Record<string, unknown> };
  delete r.run.seconds;
  delete r.run.startedAt;
  return r;
}

it('a run that needs fewer workers than the CLI started discards the early pool, with the same result', () => {
  // base.yml has 200 draws: the CLI starts 2 workers before it knows, the run uses the main thread
  const early = run('--scenario', 'tests/fixtures/scenarios/base.yml', '--format', 'json', '--quiet');
  const none = run('--scenario', 'tests/fixtures/scenarios/base.yml', '--format', 'json', '--quiet', '--workers', '1');

  expect([early.status, early.signal, early.stderr]).toEqual([0, null, '']);
  expect(none.status).toBe(0);
  expect((JSON.parse(early.stdout) as { run: { workers: number } }).run.workers).toBe(1);
  expect(result(early.stdout)).toEqual(result(none.stdout));
});

it('a scenario that fails to load exits 2 with its message, the early pool closed', () => {
  const broken = run('--scenario', 'tests/fixtures/broken/string-for-number.yml', '--workers', '2', '--draws', '5000', '--quiet');

  expect([broken.status, broken.signal, broken.stdout]).toEqual([2, null, '']);
  expect(broken.stderr).toMatch(/^tests\/fixtures\/broken\/string-for-number\.yml:5:12: assumptions\.tfr\.urban: found "abc"/);
});
