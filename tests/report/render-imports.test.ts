/**
 * A run printed as a table, JSON or CSV never imports the HTML page's modules (charts, the
 * explore panel's bundle: about 100 ms of a run's start-up); a page imports them when asked for.
 * Seen by a module resolve hook in a fresh `simulate` process.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const hook = `export async function resolve(spec, ctx, next) { const r = await next(spec, ctx); if (r.url.includes('/report/html/')) process.stderr.write('imported ' + r.url + '\\n'); return r; }`;
const out = mkdtempSync(join(tmpdir(), 'urbcast-imports-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

function htmlImports(format: string): string[] {
  const r = spawnSync(
    process.execPath,
    ['--no-warnings', '--experimental-loader', `data:text/javascript,${encodeURIComponent(hook)}`, join(root, 'bin/simulate.js'),
      '--scenario', join(root, 'tests/fixtures/scenarios/base.yml'), '--draws', '50', '--workers', '1', '--quiet', '--format', format, '--out', join(out, format)],
    { encoding: 'utf8', timeout: 120_000 },
  );
  expect(r.status).toBe(0);
  return r.stderr.split('\n').filter((l) => l.startsWith('imported '));
}

describe('the report modules a run imports', () => {
  it.each(['table', 'json', 'csv'])('%s: none of the HTML page', (format) => {
    expect(htmlImports(format)).toEqual([]);
  });

  it('html: the page', () => {
    expect(htmlImports('html').some((l) => l.endsWith('/report/html/render-html.js'))).toBe(true);
  });
});
