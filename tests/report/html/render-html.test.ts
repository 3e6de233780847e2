import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageExtras, renderHtml } from '../../../src/report/html/render-html.js';
import { toyResult } from '../../fixtures/engine/result.js';

const companions = { json: '{}\n', csv: 'metric\n', targets: 'id\n' };

describe('renderHtml', () => {
  it('writes the page and its companions atomically, leaving no temporary file', async () => {
    const r = await toyResult();
    const dir = join(mkdtempSync(join(tmpdir(), 'urbcast-html-')), 'out');

    const files = await renderHtml(r, { out: dir, lang: 'zh' }, companions);

    expect(files).toEqual(['report.html', 'result.json', 'quantiles.csv', 'targets.csv'].map((f) => join(dir, f)));
    expect(readdirSync(dir).sort()).toEqual(['quantiles.csv', 'report.html', 'result.json', 'targets.csv']);
    expect(readFileSync(join(dir, 'result.json'), 'utf8')).toBe(companions.json);
    expect(readFileSync(join(dir, 'targets.csv'), 'utf8')).toBe(companions.targets);
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toContain('规划目标');
  });

  it('prints the page without an out folder', async () => {
    const r = await toyResult();
    let text = '';

    const files = await renderHtml(r, { stdout: { write: (s: string) => (text += s) } }, companions);

    expect(files).toEqual([]);
    expect(text).toMatch(/^<!DOCTYPE html>/);
  });
});

describe('pageExtras', () => {
  it("reads the scenario again for the assumptions' distributions and why", async () => {
    const r = await toyResult();
    const file = resolve('scenarios/heze.yml');

    const extras = await pageExtras({ ...r, scenario: { ...r.scenario, file, region: '菏泽市 Heze' } });

    expect(extras.assumptionsComplete).toBe(true);
    const rho = extras.assumptions.find((a) => a.param === 'ruralToUrban')!;
    expect(rho.value).toMatch(/^pert\(min /);
    expect(rho.why).toContain('calibration');
    expect(extras.history.some((h) => h.year === 2020 && h.kind === 'census')).toBe(true);
  });

  it('applies the run’s --set overrides, so the table shows the values the run used', async () => {
    const r = await toyResult();
    const file = resolve('scenarios/heze.yml');

    const extras = await pageExtras({ ...r, scenario: { ...r.scenario, file, sets: ['assumptions.ruralToUrban.value=0.025'] } });

    expect(extras.assumptions.find((a) => a.param === 'ruralToUrban')!.value).toBe('0.025');
  });

  it("falls back to the run's inputs when the file is not there", async () => {
    const r = await toyResult();

    const extras = await pageExtras(r);

    expect(extras.assumptionsComplete).toBe(false);
    expect(extras.assumptions.map((a) => a.param)).toEqual(r.inputs.map((i) => i.name));
  });
});
