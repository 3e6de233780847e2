#!/usr/bin/env node
/**
 * Screenshot of an HTML report with Debian's Chromium (playwright-core, no browser download):
 *
 *   npm run screenshot [-- REPORT.html [OUT.png]]
 *
 * Without arguments it renders out/heze/report.html (running
 * `simulate --scenario scenarios/heze.yml --format html --out out/heze` first when it is missing)
 * into out/screenshot.png, full page.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';
const report = resolve(process.argv[2] ?? 'out/heze/report.html');
const png = resolve(process.argv[3] ?? 'out/screenshot.png');

if (!existsSync(CHROMIUM)) {
  console.error(`screenshot: ${CHROMIUM} not found (apt-get install chromium)`);
  process.exit(2);
}
if (!existsSync(report)) {
  if (process.argv[2] !== undefined) {
    console.error(`screenshot: ${report} not found`);
    process.exit(2);
  }
  execFileSync(process.execPath, ['bin/simulate.js', '--scenario', 'scenarios/heze.yml', '--format', 'html', '--out', dirname(report), '--quiet'], { stdio: 'inherit' });
}
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1240, height: 900 }, deviceScaleFactor: 1 });
  page.on('console', (m) => m.type() === 'error' && console.error(`console: ${m.text()}`));
  page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
  await page.goto(pathToFileURL(report).href);
  mkdirSync(dirname(png), { recursive: true });
  await page.screenshot({ path: png, fullPage: true });
  console.error(`wrote ${png}`);
} finally {
  await browser.close();
}
