/**
 * The HTML report in a real headless Chromium (Debian's /usr/bin/chromium driven by
 * playwright-core): opened from disk, it makes no request beyond file:, data: and its worker's blob: URLs, logs no
 * error, draws every chart (fans, flows, decomposition, pyramids) and shows the targets' numbers
 * of result.json, the --set overrides and Chinese labels; the deterministic page likewise. Skipped, with a
 * message, where Chromium is not installed.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../../src/engine/result.js';
import { formatPMet } from '../../src/report/format.js';
import { paramLabel } from '../../src/report/labels.js';

const CHROMIUM = '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
if (!HAVE_CHROMIUM) console.warn(`tests/browser: SKIPPED — ${CHROMIUM} not found (apt-get install chromium to run them)`);

interface Opened {
  page: Page;
  errors: string[];
  requests: string[];
  /** result.json (projection.json for the deterministic page: no targets). */
  result: RunResult | null;
  /** The page's inlined chart data. */
  charts: { fans: unknown[]; flows: unknown[]; decomposition: unknown; pyramids: { panels: unknown[] } | null };
}

/** Runs the compiled CLI (npm test builds first) on a scenario with few draws, writing the html report. */
function report(scenario: string, lang: 'en' | 'zh', ...more: string[]): string {
  const out = mkdtempSync(join(tmpdir(), 'urbcast-browser-'));
  execFileSync(process.execPath, [resolve('bin/simulate.js'), '--scenario', scenario, '--draws', '300', '--format', 'html', '--lang', lang, '--out', out, '--quiet', ...more]);
  return out;
}

/** The `--set` given to the Heze run, which its page must show. */
const HEZE_SET = 'assumptions.srb.value=1.1';

describe.skipIf(!HAVE_CHROMIUM)(`the html report in headless Chromium${HAVE_CHROMIUM ? '' : ' (skipped: no /usr/bin/chromium)'}`, () => {
  let browser: Browser;
  const opened: Record<string, Opened> = {};

  async function open(name: string, dir: string): Promise<void> {
    const page = await browser.newPage({ viewport: { width: 1240, height: 900 }, deviceScaleFactor: 1 });
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(join(dir, 'report.html')).href, { waitUntil: 'load' });
    const result = existsSync(join(dir, 'result.json')) ? (JSON.parse(readFileSync(join(dir, 'result.json'), 'utf8')) as RunResult) : null;
    const charts = JSON.parse((await page.textContent('#chart-data'))!) as Opened['charts'];
    opened[name] = { page, errors, requests, result, charts };
  }

  beforeAll(async () => {
    const dirs = {
      heze: report('scenarios/heze.yml', 'en', '--set', HEZE_SET),
      jinan: report('scenarios/jinan.yml', 'zh'),
      // 300 draws leave an ESS near 200: the test lowers minEss, it checks the page, not the fit
      'jinan-calibrated': report('scenarios/jinan-calibrated.yml', 'en', '--set', 'calibration.minEss=20'),
      'heze --deterministic': report('scenarios/heze.yml', 'zh', '--deterministic'),
    };
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    for (const [name, dir] of Object.entries(dirs)) await open(name, dir);
  });

  afterAll(async () => {
    await browser?.close();
  });

  // blob: is the interactive panel's worker, made in memory from a script of the page itself
  it.each(['heze', 'jinan', 'heze --deterministic'])('%s: no console error and no request beyond file:, data: and blob: URLs', (name) => {
    const { errors, requests } = opened[name];

    expect(errors).toEqual([]);
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:') && !u.startsWith('blob:null/'))).toEqual([]);
  });

  it.each(['heze', 'jinan', 'heze --deterministic'])('%s: every chart canvas is drawn (fans, flows, decomposition, pyramids)', async (name) => {
    const { page, charts } = opened[name];

    const inked = await page.$$eval('.chart canvas', (canvases) =>
      (canvases as HTMLCanvasElement[]).map((c) => {
        const { data } = c.getContext('2d')!.getImageData(0, 0, c.width, c.height);
        let n = 0;
        for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 0 && (data[i] < 240 || data[i + 1] < 240 || data[i + 2] < 240)) n++;
        return n;
      }),
    );

    const expected = charts.fans.length + charts.flows.length + (charts.decomposition ? 1 : 0) + (charts.pyramids?.panels.length ?? 0);
    expect(inked).toHaveLength(expected);
    // the cohort model: urban share, total, ≥ 1 flow, decomposition, two pyramids
    expect(charts.flows.length).toBeGreaterThan(0);
    expect(charts.pyramids?.panels).toHaveLength(2);
    expect(await page.$$eval('#s-pyramids canvas', (c) => c.length)).toBe(2);
    expect(await page.$$eval('#s-flows canvas', (c) => c.length)).toBe(charts.flows.length);
    for (const n of inked) expect(n).toBeGreaterThan(2000);
  });

  it("shows the run's --set overrides in its identity", async () => {
    expect(await opened.heze.page.textContent('[data-field="sets"]')).toBe(`--set ${HEZE_SET}`);
    expect(opened.heze.result!.scenario.sets).toEqual([HEZE_SET]);
  });

  it("shows a calibrated run's effective sample size in its identity", async () => {
    const { page, result } = opened['jinan-calibrated'];

    const ess = result!.calibration!.ess;
    expect(Number(await page.getAttribute('[data-field="ess"]', 'data-value'))).toBe(ess);
    expect(await page.textContent('[data-field="ess"]')).toBe(`${Math.round(ess)} of 300 draws (minEss 20; importance weights from 4 observations)`);
    expect(await opened.heze.page.$('[data-field="ess"]')).toBeNull();
  });

  it('the deterministic page has no probabilities', async () => {
    const { page } = opened['heze --deterministic'];

    expect(await page.$('#targets')).toBeNull();
    expect(await page.$('#s-drivers')).toBeNull();
    expect(await page.textContent('[data-field="draws"]')).toContain('中位数');
  });

  it.each(['heze', 'jinan'])("%s: the targets table shows result.json's numbers", async (name) => {
    const { page } = opened[name];
    const result = opened[name].result!;

    const rows = await page.$$eval('#targets tbody tr', (trs) =>
      trs.map((tr) => ({
        id: tr.getAttribute('data-target'),
        cells: Object.fromEntries([...tr.querySelectorAll('[data-field]')].map((c) => [c.getAttribute('data-field'), { value: Number(c.getAttribute('data-value')), text: c.textContent }])),
      })),
    );

    expect(rows.map((r) => r.id)).toEqual(result.targets.map((t) => t.id));
    for (const [i, t] of result.targets.entries()) {
      const c = rows[i].cells;
      for (const f of ['value', 'median', 'q10', 'q90', 'q025', 'q975', 'pMet'] as const) expect(c[f].value, `${t.id} ${f}`).toBe(t[f]);
      expect(c.pMet.text).toBe(formatPMet(t.pMet, t.se, result.run.draws));
      // the lever the target's "needs" is about, and the level (jinan's hukou targets: the citizenisation rate)
      expect(c['lever.param'].text).toBe(paramLabel(t.lever!.param, t.lever!.label, name === 'jinan' ? 'zh' : 'en'));
      if (t.lever!.status === 'found') expect(c['lever.needed'].value).toBe(t.lever!.needed);
      const unit = result.metrics.find((m) => m.name === t.metric)!.unit;
      // shares are shown in % (levels, 1 decimal) or pp/yr (gains, 2 decimals)
      if (unit === 'share') expect(Math.abs(parseFloat(c.median.text!) / 100 - t.median)).toBeLessThanOrEqual(t.kind === 'gain' ? 0.00005 : 0.0005);
    }
  });

  it('labels the Chinese report in Chinese', async () => {
    const { page } = opened.jinan;

    expect(await page.textContent('#s-targets h2')).toBe('规划目标');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    // parameter labels too, in the drivers and the targets table
    const names = await page.$$eval('#s-drivers .bar .name', (els) => els.map((e) => e.textContent ?? ''));
    expect(names.length).toBeGreaterThan(0);
    for (const n of names) expect(n, n).toMatch(/\p{Script=Han}/u);
    expect(await page.textContent('#s-drivers')).not.toContain('migration rate');
    expect(await page.textContent('#targets')).not.toContain('migration rate');
    expect(opened.jinan.result!.targets.find((t) => t.id === 'jinan.P007')!.lever!.param).toBe('hukou.conversion.rate');
    expect(await page.textContent('#targets tr[data-target="jinan.P007"] [data-field="lever.param"]')).toBe('农业转移人口落户率');
  });
});
