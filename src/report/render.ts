/**
 * Renders a {@link RunResult}: `table` (the terminal summary), `json` (the whole result, schema
 * in SCHEMA.md), `csv` (per-year quantiles of every metric) or `html` (a self-contained page with
 * charts, `src/report/html/`). Without `out` the text goes to stdout; with `out` (a folder) it is
 * written there — `summary.txt`, `result.json`, `quantiles.csv` with `targets.csv` (per target:
 * P(met), interval, its lever and the level needed), or `report.html` with `result.json`,
 * `quantiles.csv` and `targets.csv` beside it — as one set (`src/io/output-set.ts`): the files of
 * the run appear together or not at all.
 *
 * @module
 */
import { regionRows, regionsText } from './regions.js';
import type { RunResult } from '../engine/result.js';
import { writeOutputSet } from '../io/output-set.js';
import { quantilesCsv } from './csv.js';
import { targetsCsv } from './targets-csv.js';
import type { Lang } from './format.js';
import { summaryTable } from './table.js';
import { UserError } from '../util/user-error.js';

/** Text output formats (`html` is rendered by `./html/`). */
export type Format = 'table' | 'json' | 'csv';

export interface RenderOptions {
  format: Format | 'html';
  /** Folder to write into instead of stdout. */
  out?: string;
  lang?: Lang;
  /**
   * Where text goes without `out` (default process.stdout). On a terminal (`isTTY`) narrower
   * than the summary table (`columns`), the table is written a block of lines per target instead.
   */
  stdout?: { write(s: string): unknown; isTTY?: boolean; columns?: number };
}

/**
 * A request that cannot be served as asked (exit code 2, no stack trace).
 *
 * @example
 * throw new RenderUsageError('html reports are not available yet (issue #5)');
 */
export class RenderUsageError extends UserError {}

const FILES: Record<Format, string> = { table: 'summary.txt', json: 'result.json', csv: 'quantiles.csv' };

/**
 * The rendered text of a result in one format.
 *
 * @example
 * renderText(result, 'csv').startsWith('metric,year,mean'); // true
 * renderText(result, 'table', 'en', 80); // the summary fitted to 80 columns
 */
export function renderText(result: RunResult, format: Format, lang: Lang = 'en', width?: number): string {
  switch (format) {
    case 'json':
      return JSON.stringify(result, null, 2) + '\n';
    case 'csv':
      return quantilesCsv(result);
    case 'table': {
      const summary = summaryTable(result, lang, width === undefined ? {} : { width });
      const regions = regionRows(result);
      return regions === null ? summary : `${summary}\nBy region (model regions):\n${regionsText(regions, result.years[0], result.years[result.years.length - 1])}`;
    }
  }
}

/**
 * Throws a {@link RenderUsageError} for options no report can serve (an unknown format or
 * language): call it before a long run, so the mistake is reported at once.
 *
 * @example
 * checkRenderOptions({ format: 'xml' }); // throws: unknown format "xml"; expected table, json, csv or html
 */
export function checkRenderOptions(opts: Pick<RenderOptions, 'format' | 'lang'>): void {
  const { format, lang = 'en' } = opts;
  if (format !== 'html' && !(format in FILES)) throw new RenderUsageError(`unknown format "${String(format)}"; expected table, json, csv or html`);
  if (lang !== 'en' && lang !== 'zh') throw new RenderUsageError(`unknown language "${String(lang)}"; expected en or zh`);
}

/**
 * Prints or writes a result. Returns the files written (none when printing); for `html`, a promise
 * of them.
 *
 * @example
 * render(result, { format: 'table' });
 * render(result, { format: 'json', out: 'out' }); // ['out/result.json']
 * render(result, { format: 'csv', out: 'out' }); // ['out/quantiles.csv', 'out/targets.csv']
 * await render(result, { format: 'html', out: 'out' }); // ['out/report.html', 'out/result.json', 'out/quantiles.csv', 'out/targets.csv']
 */
export function render(result: RunResult, opts: RenderOptions & { format: Format }): string[];
export function render(result: RunResult, opts: RenderOptions): string[] | Promise<string[]>;
export function render(result: RunResult, opts: RenderOptions): string[] | Promise<string[]> {
  checkRenderOptions(opts);
  if (opts.format === 'html') {
    const companions = { json: renderText(result, 'json'), csv: renderText(result, 'csv'), targets: targetsCsv(result) };
    // the page's modules (charts, the explore panel's bundle) are imported only for a page
    return import('./html/render-html.js').then((m) => m.renderHtml(result, opts, companions));
  }
  const { format, lang = 'en' } = opts as RenderOptions & { format: Format };
  if (opts.out === undefined) {
    const stdout = opts.stdout ?? process.stdout;
    const width = stdout.isTTY === true && (stdout.columns ?? 0) > 0 ? stdout.columns : undefined;
    stdout.write(renderText(result, format, lang, width));
    return [];
  }
  const text = renderText(result, format, lang);
  return writeOutputSet(opts.out, { [FILES[format]]: text, ...(format === 'csv' ? { 'targets.csv': targetsCsv(result) } : {}) });
}
