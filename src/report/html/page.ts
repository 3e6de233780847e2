/**
 * The whole HTML page of a result: one self-contained file with uPlot's script and style and every
 * number inlined, so that it opens from disk with no network.
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { compiledUrl } from '../../engine/compiled-url.js';
import type { RunResult } from '../../engine/result.js';
import type { Lang } from '../format.js';
import type { AssumptionRow } from './assumptions.js';
import { chartData, type FanChart } from './chart-data.js';
import { drawCharts } from './client.js';
import { drawPyramids } from './client-pyramid.js';
import { escapeHtml, inlineJson } from './escape.js';
import { EXPLORE_STYLE, explorePanel, exploreRows } from './explore/panel.js';
import type { ExploreData } from './explore/page-entry.js';
import type { ExploreModel } from './explore/shift.js';
import { encodeData } from './explore/transport.js';
import { exploreWords } from './explore/words.js';
import type { ObservedPoint } from './history.js';
import { assumptionsTable, decompositionLegend, drivers, fanLegend, identity, pyramidLegend } from './sections.js';
import { STYLE } from './style.js';
import { targetsTable } from './targets-table.js';
import { htmlWords } from './words.js';

/** What the page shows beyond the result itself. */
export interface PageExtras {
  assumptions: AssumptionRow[];
  /** False when the rows come from the result's inputs alone. */
  assumptionsComplete: boolean;
  history: ObservedPoint[];
  /** The scenario compiled for the interactive panel (absent: a page without it). */
  explore?: ExploreModel;
  /** A multi-region run's table and map (region-map.ts), or absent. */
  regions?: string;
}

let uplotAssets: { js: string; css: string } | undefined;

/** uPlot's minified script and style, read once from node_modules. */
function uplot(): { js: string; css: string } {
  const require = createRequire(import.meta.url);
  uplotAssets ??= {
    js: readFileSync(require.resolve('uplot/dist/uPlot.iife.min.js'), 'utf8'),
    css: readFileSync(require.resolve('uplot/dist/uPlot.min.css'), 'utf8'),
  };
  return uplotAssets;
}

let exploreBundles: { worker: string; page: string } | undefined;

/** The panel's two scripts, bundled by `npm run build` (scripts/bundle-explore.mjs) into dist/. */
function exploreScripts(): { worker: string; page: string } {
  const read = (name: string) => {
    const file = fileURLToPath(compiledUrl(`./explore/${name}`, import.meta.url));
    try {
      return readFileSync(file, 'utf8');
    } catch {
      throw new Error(`the interactive report's script ${file} is missing: run npm run build`);
    }
  };
  exploreBundles ??= { worker: read('worker.bundle.js'), page: read('page.bundle.js') };
  return exploreBundles;
}

/** The panel, its data and its scripts, or nothing. */
function explore(r: RunResult, extras: PageExtras, lang: Lang): { section: string; scripts: string } {
  if (extras.explore === undefined || r.run.draws === 0) return { section: '', scripts: '' };
  const { worker, page } = exploreScripts();
  const data: ExploreData = {
    lang,
    history: extras.history,
    fileDraws: r.run.draws,
    seed: r.run.seed,
    file: r.scenario.file,
    sets: [...(r.scenario.sets ?? [])],
    scenario: r.scenario,
    engineVersion: r.run.engineVersion,
  };
  const section = `<section id="s-explore"><h2>${escapeHtml(exploreWords(lang).title)}</h2>${explorePanel(exploreRows(extras.explore, lang), r, lang)}</section>`;
  const scripts = [
    `<script type="application/json" id="explore-data">${inlineJson(data)}</script>`,
    `<script type="application/json" id="explore-model">${encodeData(extras.explore).replace(/</g, '\\u003c')}</script>`,
    `<script type="text/plain" id="explore-worker">${inlineScript(worker)}</script>`,
    `<script>${inlineScript(page)}</script>`,
    `<script>urbcastExplore.startExplore(uPlot);</script>`,
  ].join('\n');
  return { section, scripts };
}

/** Whether a fan shows observed points or targets (else its legend leaves them out). */
const marked = (f: FanChart) => f.targets.length > 0 || [...f.census, ...f.yearEnd].some((x) => x !== null);

/** A script's text made safe to inline (no `</script>` inside). */
const inlineScript = (js: string) => js.replace(/<\/script/gi, '<\\/script');

/**
 * The page as a string.
 *
 * @example
 * const html = htmlPage(result, { assumptions: [], assumptionsComplete: false, history: [] }, 'en');
 */
export function htmlPage(r: RunResult, extras: PageExtras, lang: Lang): string {
  const w = htmlWords(lang);
  const data = chartData(r, extras.history, lang);
  const { js, css } = uplot();
  const section = (id: string, title: string, body: string) => `<section id="s-${id}"><h2>${escapeHtml(title)}</h2>${body}</section>`;
  const cell = (id: string, title: string, cls: string) => `<div><h3>${escapeHtml(title)}</h3><div class="${cls}" id="${id}"></div></div>`;
  const charts = [
    ...data.fans.map((f) => section(f.id, f.title, `<div class="chart" id="${f.id}"></div>${fanLegend(data, marked(f))}`)),
    ...(data.flows.length > 0 ? [section('flows', w.sections.flows, `<div class="grid2">${data.flows.map((f) => cell(f.id, f.title, 'chart')).join('')}</div>${fanLegend(data, false)}`)] : []),
    ...(data.decomposition ? [section('decomposition', data.decomposition.title, `<div class="chart" id="decomposition"></div>${decompositionLegend(data)}`)] : []),
    ...(data.pyramids ? [section('pyramids', w.sections.pyramids, `<div class="grid2">${data.pyramids.panels.map((p) => cell(p.id, p.title, 'chart pyramid')).join('')}</div>${pyramidLegend(data)}`)] : []),
  ];
  const probabilistic = r.run.draws > 0;
  const ex = explore(r, extras, lang);
  return `<!DOCTYPE html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline' 'wasm-unsafe-eval'; worker-src blob:; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(`${r.scenario.name} — ${w.title}`)}</title>
<style>${css}</style>
<style>${STYLE}${ex.section === '' ? '' : EXPLORE_STYLE}</style>
</head>
<body>
<header>
<h1>${escapeHtml(r.scenario.name)}</h1>
<p class="region">${escapeHtml(r.scenario.region)} · ${escapeHtml(w.title)} · ${r.years[0]}–${r.years[r.years.length - 1]}</p>
${identity(r, lang)}
</header>
<main>
${section('targets', w.sections.targets, probabilistic ? `<div id="targets-body">${targetsTable(r, lang)}</div>` : `<p>${escapeHtml(w.deterministicTargets)}</p>`)}
${extras.regions !== undefined ? section('regions', lang === 'zh' ? '各地区' : 'Regions', extras.regions) : ''}
${ex.section}
${charts.join('\n')}
${probabilistic ? section('drivers', w.sections.drivers, `<div id="drivers-body">${drivers(r, lang)}</div>`) : ''}
${section('assumptions', w.sections.assumptions, assumptionsTable(extras.assumptions, lang, extras.assumptionsComplete))}
${section('notes', w.sections.notes, w.notes.map((n) => `<p>${escapeHtml(n)}</p>`).join(''))}
</main>
<script type="application/json" id="chart-data">${inlineJson(data)}</script>
<script>${inlineScript(js)}</script>
<script>${inlineScript(`(${drawCharts.toString()})(JSON.parse(document.getElementById('chart-data').textContent), uPlot);`)}</script>
<script>${inlineScript(`(${drawPyramids.toString()})(JSON.parse(document.getElementById('chart-data').textContent).pyramids, ${JSON.stringify(lang)});`)}</script>
${ex.scripts}
</body>
</html>
`;
}
