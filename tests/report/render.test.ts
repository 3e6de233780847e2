import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkRenderOptions, render, renderText, RenderUsageError } from '../../src/report/render.js';
import { toyResult } from '../fixtures/engine/result.js';

function capture() {
  let text = '';
  return { stdout: { write: (s: string) => (text += s) }, text: () => text };
}

describe('render', () => {
  it('prints the whole result as JSON on stdout', async () => {
    const result = await toyResult();
    const out = capture();

    const files = render(result, { format: 'json', stdout: out.stdout });

    expect(files).toEqual([]);
    expect(JSON.parse(out.text())).toEqual(result);
  });

  it.each([
    ['json', 'result.json'],
    ['csv', 'quantiles.csv'],
    ['table', 'summary.txt'],
  ] as const)('writes %s into the out folder as %s, leaving no temporary file', async (format, name) => {
    const result = await toyResult();
    const dir = join(mkdtempSync(join(tmpdir(), 'urbcast-render-')), 'out');
    const out = capture();

    const files = render(result, { format, out: dir, stdout: out.stdout });

    expect(files).toEqual([join(dir, name)]);
    expect(readdirSync(dir)).toEqual([name]);
    expect(readFileSync(files[0], 'utf8')).toBe(renderText(result, format));
    expect(out.text()).toBe('');
  });

  it('refuses html with a clear usage error', async () => {
    const result = await toyResult();
    const e = (() => {
      try {
        render(result, { format: 'html' });
      } catch (x) {
        return x;
      }
    })();
    expect(e).toBeInstanceOf(RenderUsageError);
    expect((e as RenderUsageError).exitCode).toBe(2);
    expect((e as Error).message).toMatch(/^html reports are not available yet/);
  });

  it('can check the options before a run', () => {
    expect(() => checkRenderOptions({ format: 'html' })).toThrow(RenderUsageError);
    expect(() => checkRenderOptions({ format: 'csv', lang: 'zh' })).not.toThrow();
  });

  it('refuses an unknown format or language', async () => {
    const result = await toyResult();
    expect(() => render(result, { format: 'xml' as never })).toThrow(/unknown format "xml"/);
    expect(() => render(result, { format: 'table', lang: 'fr' as never })).toThrow(/unknown language "fr"/);
  });
});
