/**
 * `--format html`: the page, with `result.json`, `quantiles.csv` and `targets.csv` beside it so its numbers can
 * be checked. The assumptions' distributions and `why:` are read again from the scenario file
 * (`result.scenario.file`); when it cannot be read, the table falls back to the run's inputs.
 *
 * @module
 */
import { existsSync } from 'node:fs';
import type { RunResult } from '../../engine/result.js';
import { loadScenario } from '../../scenario/load.js';
import { dataDir } from '../../scenario/paths.js';
import { writeOutputSet } from '../../io/output-set.js';
import type { Lang } from '../format.js';
import { assumptionRows, inputRows } from './assumptions.js';
import { exploreModel } from './explore/model.js';
import type { ExploreModel } from './explore/shift.js';
import { observedHistory } from './history.js';
import { htmlPage, type PageExtras } from './page.js';
import { loadOutlines, regionsSection } from './region-map.js';
import { regionRows } from '../regions.js';

export interface HtmlOptions {
  /** Folder for report.html, result.json, quantiles.csv and targets.csv; without it the page goes to `stdout`. */
  out?: string;
  lang?: Lang;
  stdout?: { write(s: string): unknown };
  /** The demographic tables with the observed history (default: the project's seeds/data). */
  dataDir?: string;
}

/**
 * The page's extras: the assumptions rows (from the scenario file when it loads), the observed
 * history of the region and, for a run with draws whose scenario loads again, the compiled
 * scenario of the interactive panel.
 *
 * @example
 * const extras = await pageExtras(result);
 */
export async function pageExtras(r: RunResult, data: string = dataDir): Promise<PageExtras> {
  let assumptions = inputRows(r.inputs);
  let assumptionsComplete = false;
  let explore: ExploreModel | undefined;
  if (existsSync(r.scenario.file)) {
    try {
      // with the run's --set overrides, so the table shows the values the run used
      const loaded = await loadScenario(r.scenario.file, { sets: r.scenario.sets ?? [] });
      assumptions = assumptionRows(loaded.scenario.assumptions, r.inputs);
      assumptionsComplete = true;
      // the interactive panel: the scenario as the run compiled it (not for a model made of other
      // scenarios, such as regions: the page bundles only the single-region models)
      if (r.run.draws > 0 && loaded.model.expand === undefined) explore = exploreModel(loaded, { draws: r.run.draws, seed: r.run.seed });
    } catch {
      // the file changed or no longer validates: the inputs alone
    }
  }
  const rows = regionRows(r);
  const regions = rows === null ? {} : { regions: regionsSection(rows, loadOutlines(data), r.years[0], r.years[r.years.length - 1]) };
  return { assumptions, assumptionsComplete, history: observedHistory(r.scenario.region, r.scenario.file, data), ...(explore === undefined ? {} : { explore }), ...regions };
}

/**
 * Writes `report.html` and its companion files into `out` as one set (together or not at all), or
 * prints the page on `stdout` without `out`; returns the files written.
 *
 * @example
 * writeReport(html, { out: 'out/heze' }, { 'result.json': json }); // ['out/heze/report.html', 'out/heze/result.json']
 */
export function writeReport(html: string, opts: Pick<HtmlOptions, 'out' | 'stdout'>, companions: Record<string, string>): string[] {
  if (opts.out === undefined) {
    (opts.stdout ?? process.stdout).write(html);
    return [];
  }
  return writeOutputSet(opts.out, { 'report.html': html, ...companions });
}

/**
 * Writes (or prints) the HTML report; returns the files written.
 *
 * @example
 * await renderHtml(result, { out: 'out/heze', lang: 'zh' });
 * // ['out/heze/report.html', 'out/heze/result.json', 'out/heze/quantiles.csv', 'out/heze/targets.csv']
 */
export async function renderHtml(r: RunResult, opts: HtmlOptions, companions: { json: string; csv: string; targets: string }): Promise<string[]> {
  const html = htmlPage(r, await pageExtras(r, opts.dataDir), opts.lang ?? 'en');
  return writeReport(html, opts, { 'result.json': companions.json, 'quantiles.csv': companions.csv, 'targets.csv': companions.targets });
}
