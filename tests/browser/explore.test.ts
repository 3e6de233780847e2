/**
 * The interactive report in a real headless Chromium (Debian's /usr/bin/chromium driven by
 * playwright-core), opened from disk: a slider moved to a value, a spread widened and the draws
 * set, the page draws in its Web Worker and its targets table must equal, bit for bit, the JSON of
 * `simulate` run with the command line the page shows; "reset" brings back the file's run; the
 * Chinese page labels the panel in Chinese. Skipped, with a message, where Chromium is not installed.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../../src/engine/result.js';

const CHROMIUM = '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
if (!HAVE_CHROMIUM) console.warn(`tests/browser/explore: SKIPPED — ${CHROMIUM} not found (apt-get install chromium to run them)`);

function report(scenario: string, lang: 'en' | 'zh', ...more: string[]): string {
  const out = mkdtempSync(join(tmpdir(), 'urbcast-explore-'));
  execFileSync(process.execPath, [resolve('bin/simulate.js'), '--scenario', scenario, '--draws', '300', '--format', 'html', '--lang', lang, '--out', out, '--quiet', ...more]);
  return out;
}

/** The targets table's numbers, exactly as the page holds them. */
async function tableNumbers(page: Page): Promise<Record<string, Record<string, string>>> {
  return page.$$eval('#targets tr[data-target]', (rows) =>
    Object.fromEntries(
      rows.map((tr) => [
        (tr as HTMLElement).dataset.target!,
        Object.fromEntries(
          [...tr.querySelectorAll<HTMLElement>('[data-field][data-value]')].map((e) => [e.dataset.field!, e.dataset.value!]).concat([...tr.querySelectorAll<HTMLElement>('[data-se]')].map((e) => ['se', e.dataset.se!])),
        ),
      ]),
    ),
  );
}

/** Moves a slider of the panel to `value` as a user's drag ends there (an `input` event). */
async function slide(page: Page, input: string, cls: 'centre' | 'spread', value: string): Promise<void> {
  await page.$eval(
    `tr[data-input="${input}"] input.${cls}`,
    (el, v) => {
      (el as HTMLInputElement).value = v;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    },
    value,
  );
}

describe.skipIf(!HAVE_CHROMIUM)(`the interactive report in headless Chromium${HAVE_CHROMIUM ? '' : ' (skipped: no /usr/bin/chromium)'}`, () => {
  let browser: Browser;
  let dirs: { heze: string; jinan: string };

  beforeAll(async () => {
    dirs = { heze: report('scenarios/heze.yml', 'en', '--set', 'assumptions.srb.value=1.1'), jinan: report('scenarios/jinan.yml', 'zh') };
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  async function open(dir: string): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1240, height: 900 } });
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(pathToFileURL(join(dir, 'report.html')).href, { waitUntil: 'load' });
    return { page, errors };
  }

  it('Heze: a slider moved to 0.02 gives the numbers of simulate --set … --draws 1000 --format json, bit for bit; reset brings back the file', async () => {
    const { page, errors } = await open(dirs.heze);
    const before = await tableNumbers(page);
    await page.fill('#explore-draws', '1000');
    await page.$eval('#explore-draws', (el) => el.dispatchEvent(new Event('change')));

    await slide(page, 'ruralToUrban.value', 'centre', '0.02');
    await slide(page, 'tfr.urban.value', 'spread', '1.5');
    await page.waitForSelector('#explore-status[data-state=page]', { timeout: 60_000 });

    const shown = await tableNumbers(page);
    const command = await page.$eval('#explore-command', (e) => ({ text: e.textContent!, sets: JSON.parse((e as HTMLElement).dataset.sets!) as string[], draws: Number((e as HTMLElement).dataset.draws) }));
    expect(command.draws).toBe(1000);
    expect(command.sets[0]).toBe('assumptions.srb.value=1.1'); // the file's run's own --set comes first
    expect(command.sets.slice(1).map((s) => s.split('=')[0])).toEqual(['assumptions.ruralToUrban.value', 'assumptions.tfr.urban.value']);
    expect(command.sets[1]).toContain('mode: 0.02,');
    for (const s of command.sets) expect(command.text).toContain(s);
    const seed = Number(/--seed (\d+)/.exec(command.text)![1]);
    const cliArgs = ['--scenario', 'scenarios/heze.yml', '--draws', '1000', '--seed', String(seed), ...command.sets.flatMap((s) => ['--set', s]), '--format', 'json', '--quiet'];
    const cli = JSON.parse(execFileSync(process.execPath, [resolve('bin/simulate.js'), ...cliArgs], { encoding: 'utf8', maxBuffer: 64 << 20 })) as RunResult;

    expect(Object.keys(shown)).toEqual(cli.targets.map((t) => t.id));
    for (const t of cli.targets) {
      const want = { value: String(t.value), median: String(t.median), q10: String(t.q10), q90: String(t.q90), q025: String(t.q025), q975: String(t.q975), pMet: String(t.pMet), se: String(t.se) };
      expect(shown[t.id], t.id).toEqual(want);
    }
    // and every series' quantiles, mean and sd, every year (the fans)
    const pageResult = (await page.evaluate(() => (globalThis as unknown as { urbcastExplore: { lastResult(): unknown } }).urbcastExplore.lastResult())) as RunResult;
    expect(pageResult.metrics.map((m) => [m.name, m.quantiles, m.mean, m.sd, m.deterministic])).toEqual(cli.metrics.map((m) => [m.name, m.quantiles, m.mean, m.sd, m.deterministic]));
    expect(pageResult.targets.map((t) => t.drivers)).toEqual(cli.targets.map((t) => t.drivers));
    // the move made a difference the table shows
    expect(shown['heze.P001'].median).not.toBe(before['heze.P001'].median);
    // the fans were drawn again
    expect(await page.$$eval('#s-fan-urbanShare canvas', (c) => c.length)).toBeGreaterThan(0);

    await page.click('#explore-reset');
    await page.waitForSelector('#explore-status[data-state=file]');
    expect(await tableNumbers(page)).toEqual(before);
    expect(await page.$$eval('#explore-inputs tr.moved', (r) => r.length)).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('Heze, #kernel=js&workers=3: three workers with the JavaScript kernels (as where SIMD is missing) give the same numbers as the CLI', async () => {
    {
      const page = await browser.newPage({ viewport: { width: 1240, height: 900 } });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(pathToFileURL(join(dirs.heze, 'report.html')).href + '#kernel=js&workers=3', { waitUntil: 'load' });
      await page.fill('#explore-draws', '400');
      await page.$eval('#explore-draws', (el) => el.dispatchEvent(new Event('change')));

      await slide(page, 'tfr.rural.value', 'centre', '1.4');
      await page.waitForSelector('#explore-status[data-state=page]', { timeout: 60_000 });

      const shown = await tableNumbers(page);
      const sets = await page.$eval('#explore-command', (e) => JSON.parse((e as HTMLElement).dataset.sets!) as string[]);
      const seed = Number(/--seed (\d+)/.exec((await page.textContent('#explore-command'))!)![1]);
      const cli = JSON.parse(
        execFileSync(process.execPath, [resolve('bin/simulate.js'), '--scenario', 'scenarios/heze.yml', '--draws', '400', '--seed', String(seed), ...sets.flatMap((x) => ['--set', x]), '--format', 'json', '--quiet'], { encoding: 'utf8', maxBuffer: 64 << 20 }),
      ) as RunResult;
      for (const t of cli.targets) expect(shown[t.id].pMet + ' ' + shown[t.id].median + ' ' + shown[t.id].q975, t.id).toBe(`${t.pMet} ${t.median} ${t.q975}`);
      expect(errors).toEqual([]);
      await page.close();
    }
    {
      // the choice reaches the model's kernel selection: a name it does not know is refused there
      const page = await browser.newPage();
      await page.goto(pathToFileURL(join(dirs.heze, 'report.html')).href + '#kernel=simd2', { waitUntil: 'load' });
      await slide(page, 'tfr.rural.value', 'centre', '1.4');
      await page.waitForSelector('#explore-status[data-state=error]', { timeout: 30_000 });
      expect(await page.textContent('#explore-status')).toContain('URBCAST_KERNEL must be "js" or "wasm"');
      await page.close();
    }
  }, 120_000);

  it('Heze: a move while the page is drawing supersedes that run: the page shows the last move’s numbers, as a page moved there at once does', async () => {
    const { page, errors } = await open(dirs.heze);
    await slide(page, 'tfr.urban.value', 'centre', '1.4');
    await page.waitForSelector('#explore-status[data-state=running]');

    await slide(page, 'e0.urban.female.value', 'centre', '82');
    await page.waitForSelector('#explore-status[data-state=page]', { timeout: 60_000 });
    const afterTwo = { id: await page.$eval('#explore-status', (e) => (e as HTMLElement).dataset.id), table: await tableNumbers(page), command: await page.textContent('#explore-command') };
    const direct = await open(dirs.heze);
    await slide(direct.page, 'tfr.urban.value', 'centre', '1.4');
    await slide(direct.page, 'e0.urban.female.value', 'centre', '82');
    await direct.page.waitForSelector('#explore-status[data-state=page]', { timeout: 60_000 });

    expect(afterTwo.id).toBe('2');
    expect(afterTwo.command).toContain('assumptions.e0.urban.female.value={dist: pert, min: 80, mode: 82, max: 84}');
    expect(afterTwo.table).toEqual(await tableNumbers(direct.page));
    expect([...errors, ...direct.errors]).toEqual([]);
    await page.close();
    await direct.page.close();
  }, 120_000);

  it('Heze: a move out of the parameter’s domain says why instead of drawing', async () => {
    const { page, errors } = await open(dirs.heze);

    await slide(page, 'hukou.reclassifiedGain.value', 'spread', '2');
    await page.waitForSelector('#explore-status[data-state=error]', { timeout: 30_000 });

    expect(await page.textContent('#explore-status')).toMatch(/must stay within \[0, 1\]/);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('Jinan, --lang zh: the panel, its buttons and every assumption are labelled in Chinese', async () => {
    const { page, errors } = await open(dirs.jinan);

    const words = await page.evaluate(() => ({
      title: document.title,
      heading: document.querySelector('#s-explore h2')!.textContent!,
      reset: document.getElementById('explore-reset')!.textContent!,
      status: document.getElementById('explore-status')!.textContent!,
      heads: [...document.querySelectorAll('#explore-inputs th')].map((e) => e.textContent!),
      labels: [...document.querySelectorAll('#explore-inputs tr[data-input] td:first-child')].map((td) => td.firstChild!.textContent!.trim()),
    }));

    const cjk = /[\u4e00-\u9fff]/;
    expect(words.heading).toBe('探索：调整一项假设');
    expect(words.title).toMatch(cjk);
    for (const s of [words.reset, words.status, ...words.heads, ...words.labels]) {
      expect(s, s).toMatch(cjk);
      expect(s.replace(/[×…0-9.,（）()：:]/g, ''), s).not.toMatch(/[A-Za-z]{2,}/);
    }
    expect(words.labels.length).toBeGreaterThan(5);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});
