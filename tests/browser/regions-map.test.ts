/**
 * The map of regions in a multi-region run's HTML report, in headless Chromium (Debian's
 * /usr/bin/chromium via playwright-core): one filled outline per region with an outline, coloured by
 * its median urban share (darker for the higher share), each with its numbers on hover, a legend,
 * and the per-region table with the numbers of result.json. Skipped, with a message, without Chromium.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../../src/engine/result.js';

const CHROMIUM = '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
if (!HAVE_CHROMIUM) console.warn(`tests/browser/regions-map: SKIPPED — ${CHROMIUM} not found (apt-get install chromium to run it)`);

describe.skipIf(!HAVE_CHROMIUM)(`the map of regions in headless Chromium${HAVE_CHROMIUM ? '' : ' (skipped: no /usr/bin/chromium)'}`, () => {
  let browser: Browser;
  let out: string;

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'urbcast-regions-map-'));
    execFileSync(process.execPath, [resolve('bin/simulate.js'), '--scenario', 'tests/fixtures/scenarios/regions-two.yml', '--draws', '200', '--format', 'html', '--out', out, '--quiet']);
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  }, 120_000);
  afterAll(async () => browser?.close());

  it('draws each region with an outline, darker for the higher median share, with a legend and the table', async () => {
    const page = await browser.newPage({ viewport: { width: 1240, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(pathToFileURL(join(out, 'report.html')).href, { waitUntil: 'load' });
    const result = JSON.parse(readFileSync(join(out, 'result.json'), 'utf8')) as RunResult;
    const median = (id: string) => result.metrics.find((m) => m.name === `${id}.urbanShare`)!.quantiles.p50.at(-1)!;

    const map = page.locator('#s-regions svg.region-map');
    expect(await map.isVisible()).toBe(true);
    const box = await map.boundingBox();
    expect(box!.width).toBeGreaterThan(300);
    const regions = await page.$$eval('svg.region-map path.region', (ps) =>
      ps.map((p) => ({ id: p.getAttribute('data-region'), fill: getComputedStyle(p).fill, title: p.querySelector('title')?.textContent ?? '', area: p.getBoundingClientRect().width * p.getBoundingClientRect().height })),
    );
    expect(regions.map((r) => r.id).sort()).toEqual(['heze', 'jining']);
    for (const r of regions) expect(r.area).toBeGreaterThan(500);
    const lightness = (fill: string) => fill.match(/\d+/g)!.map(Number).reduce((s, x) => s + x, 0);
    const [heze, jining] = ['heze', 'jining'].map((id) => regions.find((r) => r.id === id)!);
    expect(median('jining')).toBeGreaterThan(median('heze'));
    expect(lightness(jining.fill)).toBeLessThan(lightness(heze.fill));
    expect(heze.title).toContain(`${(100 * median('heze')).toFixed(1)}%`);
    expect(await page.locator('svg.region-map .legend').textContent()).toContain('Median urban share 2035');
    const table = await page.locator('#s-regions table.regions').textContent();
    expect(table).toContain('济宁市 Jining');
    expect(table).toContain(`${(100 * median('jining')).toFixed(1)}%`);
    // no interactive panel: the page cannot run a model made of other scenarios
    expect(await page.locator('#s-explore').count()).toBe(0);
    expect(errors).toEqual([]);
  }, 60_000);
});
