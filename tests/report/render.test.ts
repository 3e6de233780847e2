import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkRenderOptions, render, renderText, RenderUsageError } from '../../src/report/render.js';
import { targetsCsv } from '../../src/report/targets-csv.js';
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

  it('fits the summary to a terminal narrower than the table, and only to a terminal', async () => {
    const result = await toyResult();
    const tty = capture();
    const pipe = capture();

    render(result, { format: 'table', stdout: { ...tty.stdout, isTTY: true, columns: 80 } });
    render(result, { format: 'table', stdout: { ...pipe.stdout, columns: 80 } });

    expect(tty.text()).toBe(renderText(result, 'table', 'en', 80));
    expect(tty.text()).not.toBe(renderText(result, 'table'));
    expect(pipe.text()).toBe(renderText(result, 'table'));
  });

  it.each([
    ['json', 'result.json'],
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

  it('writes csv into the out folder as quantiles.csv with targets.csv beside it, leaving no temporary file', async () => {
    const result = await toyResult();
    const dir = join(mkdtempSync(join(tmpdir(), 'urbcast-render-')), 'out');
    const out = capture();

    const files = render(result, { format: 'csv', out: dir, stdout: out.stdout });

    expect(files).toEqual(['quantiles.csv', 'targets.csv'].map((f) => join(dir, f)));
    expect(readdirSync(dir).sort()).toEqual(['quantiles.csv', 'targets.csv']);
    expect(readFileSync(files[0], 'utf8')).toBe(renderText(result, 'csv'));
    expect(readFileSync(files[1], 'utf8')).toBe(targetsCsv(result));
    expect(out.text()).toBe('');
  });

  it('writes html into the out folder as report.html, with result.json, quantiles.csv and targets.csv beside it', async () => {
    const result = await toyResult();
    const dir = join(mkdtempSync(join(tmpdir(), 'urbcast-render-')), 'out');

    const files = await render(result, { format: 'html', out: dir });

    expect(files).toEqual(['report.html', 'result.json', 'quantiles.csv', 'targets.csv'].map((f) => join(dir, f)));
    expect(readdirSync(dir).sort()).toEqual(['quantiles.csv', 'report.html', 'result.json', 'targets.csv']);
    expect(readFileSync(join(dir, 'result.json'), 'utf8')).toBe(renderText(result, 'json'));
    expect(readFileSync(join(dir, 'quantiles.csv'), 'utf8')).toBe(renderText(result, 'csv'));
    expect(readFileSync(join(dir, 'targets.csv'), 'utf8')).toBe(targetsCsv(result));
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/);
  });

  it('can check the options before a run', () => {
    expect(() => checkRenderOptions({ format: 'html' })).not.toThrow();
    expect(() => checkRenderOptions({ format: 'csv', lang: 'zh' })).not.toThrow();
    expect(() => checkRenderOptions({ format: 'xml' as never })).toThrow(RenderUsageError);
  });

  it('refuses an unknown format or language', async () => {
    const result = await toyResult();
    expect(() => render(result, { format: 'xml' as never })).toThrow(/unknown format "xml"/);
    expect(() => render(result, { format: 'table', lang: 'fr' as never })).toThrow(/unknown language "fr"/);
  });
});
