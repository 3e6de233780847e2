/**
 * More workers than the machine has cores (issue 19): `--workers 12` through bin/simulate.js runs
 * on at most the cores, says so in the header, and prints no Node warning (it printed
 * MaxListenersExceededWarning eighteen times and started twelve threads on two cores).
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { chooseWorkers } from '../../src/engine/workers.js';
import { words } from '../../src/report/words.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

it('--workers 12: capped at the cores (or the batches), said in the header, no Node warning on stderr', () => {
  const argv = [join(root, 'bin/simulate.js'), '--scenario', join(root, 'tests/fixtures/scenarios/base.yml'), '--draws', '400', '--workers', '12', '--quiet'];
  const plan = chooseWorkers(400, 12, undefined, availableParallelism());

  const r = spawnSync(process.execPath, argv, { encoding: 'utf8' });
  const json = spawnSync(process.execPath, [...argv, '--format', 'json'], { encoding: 'utf8' });

  expect(r.status, r.stderr).toBe(0);
  expect(r.stderr).toBe('');
  // on this 2-core machine: '2 workers (of 12 asked: the machine has 2 cores)'
  expect(r.stdout.split('\n')[1]).toContain(` · ${words('en').workers(plan.workers, plan.limit)} · `);
  expect(JSON.parse(json.stdout).run).toMatchObject({ workers: plan.workers, ...(plan.limit ? { workersLimit: plan.limit } : {}) });
});
