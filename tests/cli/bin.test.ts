import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/simulate.js', import.meta.url));
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' });

it('bin/simulate.js runs the built CLI and returns its exit codes (npm test builds dist/ first)', () => {
  expect(existsSync(new URL('../../dist/src/cli/main.js', import.meta.url)), 'dist/ is missing: run npm run build').toBe(true);

  const ok = run('validate', 'tests/fixtures/scenarios/base.yml');
  const broken = run('validate', 'tests/fixtures/broken/string-for-number.yml');
  const usage = run('--bogus');

  expect([ok.status, ok.stdout, ok.stderr]).toEqual([0, 'ok tests/fixtures/scenarios/base.yml\n', '']);
  expect(broken.status).toBe(2);
  expect(broken.stdout).toBe('');
  expect(broken.stderr).toBe(
    'tests/fixtures/broken/string-for-number.yml:5:12: assumptions.tfr.urban: found "abc" (a string), expected a number or a distribution (or a mapping with keys value, change, byYear, walk, why)\n',
  );
  expect(usage.status).toBe(2);
  expect(usage.stderr).toContain('Unknown argument: bogus');
});
