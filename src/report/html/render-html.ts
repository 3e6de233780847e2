/**
 * `--format html`: the page, with `result.json` and `quantiles.csv` beside it so its numbers can
 * be checked. The assumptions' distributions and `why:` are read again from the scenario file
 * (`result.scenario.file`); when it cannot be read, the table falls back to the run's inputs.
 *
 * @module
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { RunResult } from '../../engine/result.js';
import { loadScenario } from '../../scenario/load.js';
import { dataDir } from '../../scenario/paths.js';
import { writeFileAtomic } from '../../util/atomic.js';
import type { Lang } from '../format.js';
import { assumptionRows, inputRows } from './assumptions.js';
import { observedHistory } from './history.js';
import { htmlPage, type PageExtras } from './page.js';

export interface HtmlOptions {
  /** Folder for report.html, result.json and quantiles.csv; without it the page goes to `stdout`. */
  out?: string;
  lang?: Lang;
  stdout?: { write(s: string): unknown };
  /** The demographic tables with the observed history (default: the project's seeds/data). */
  dataDir?: string;
}

/**
 * The page's extras: the assumptions rows (from the scenario file when it loads) and the
 * observed history of the region.
 *
 * @example
 * const extras = await pageExtras(result);
 */
export async function pageExtras(r: RunResult, data: string = dataDir): Promise<PageExtras> {
  let assumptions = inputRows(r.inputs);
  let assumptionsComplete = false;
  if (existsSync(r.scenario.file)) {
    try {
      const loaded = await loadScenario(r.scenario.file);
      assumptions = assumptionRows(loaded.scenario.assumptions, r.inputs);
      assumptionsComplete = true;
    } catch {
      // the file changed or no longer validates: the inputs alone
    }
  }
  return { assumptions, assumptionsComplete, history: observedHistory(r.scenario.region, r.scenario.file, data) };
}

/**
 * Writes (or prints) the HTML report; returns the files written.
 *
 * @example
 * await renderHtml(result, { out: 'out/heze', lang: 'zh' });
 * // ['out/heze/report.html', 'out/heze/result.json', 'out/heze/quantiles.csv']
 */
export async function renderHtml(r: RunResult, opts: HtmlOptions, companions: { json: string; csv: string }): Promise<string[]> {
  const { lang = 'en', stdout = process.stdout } = opts;
  const html = htmlPage(r, await pageExtras(r, opts.dataDir), lang);
  if (opts.out === undefined) {
    stdout.write(html);
    return [];
  }
  const files: [string, string][] = [
    [join(opts.out, 'report.html'), html],
    [join(opts.out, 'result.json'), companions.json],
    [join(opts.out, 'quantiles.csv'), companions.csv],
  ];
  for (const [file, text] of files) writeFileAtomic(file, text);
  return files.map(([f]) => f);
}
