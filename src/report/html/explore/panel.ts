/**
 * The interactive panel of the HTML report (server side): one row per uncertain assumption of the
 * main scenario, the inputs of the targets' levers first, each with its distribution as stated, a
 * slider and a box for its centre and a slider for its spread; the number of draws, "reset", the
 * progress and status line and the equivalent command line. The page's script
 * (`page-entry.ts`) wires it; the data it needs is inlined beside it (`explore-data`).
 *
 * @module
 */
import type { RunResult } from '../../../engine/result.js';
import { inputLabel } from '../../../engine/summarize.js';
import { support, type Dist } from '../../../random/distributions.js';
import { inputLabelIn } from '../../labels.js';
import type { Lang } from '../../format.js';
import { escapeHtml } from '../escape.js';
import { distCentre, statedDist, type ExploreModel } from './shift.js';
import { exploreWords } from './words.js';

/** Draws of a recomputation by default (2,000: about a second on one core). */
export const EXPLORE_DRAWS = 2000;

/** One row of the panel. */
export interface ExploreRow {
  name: string;
  label: string;
  dist: Dist;
  centre: number;
  /** Slider bounds of the centre. */
  min: number;
  max: number;
  /** Ids of the targets whose lever is this input's parameter. */
  leverOf: string[];
}

/** A distribution as in YAML, e.g. `{dist: pert, min: 0.01, mode: 0.016, max: 0.02}`. */
export function distText(d: Dist): string {
  return `{${Object.entries(d)
    .map(([k, v]) => `${k}: ${v}`)
    .join(', ')}}`;
}

/** How far the centre may move: twice the distribution's half-width each way, kept in the parameter's domain. */
function bounds(d: Dist, c: number, domain: [number, number], part: string): [number, number] {
  const [lo, hi] = support(d);
  const half = d.dist === 'normal' ? 2.5 * d.sd : d.dist === 'lognormal' ? c * (Math.exp(2 * d.sigma) - 1) : Math.max(c - lo, hi - c);
  const h = 2 * (half > 0 ? half : Math.abs(c) * 0.5 || 1);
  const [dlo, dhi] = part === 'change' ? [-Infinity, Infinity] : domain;
  return [Math.max(dlo, c - h), Math.min(dhi, c + h)];
}

/**
 * The panel's rows: the levers' inputs first, then the other uncertain inputs in the scenario's order.
 *
 * @example
 * exploreRows(model, 'en')[0].name; // 'ruralToUrban.value'
 */
export function exploreRows(model: ExploreModel, lang: Lang): ExploreRow[] {
  const { main } = model.cs;
  const rows = main.inputs.flatMap((inp, j): ExploreRow[] => {
    if (inp.param < 0) return [];
    const dist = statedDist(model, inp.name);
    const centre = distCentre(dist);
    const key = main.params.keys[inp.param];
    const part = inp.name.slice(key.length + 1);
    const [min, max] = bounds(dist, centre, main.domains[inp.param], part);
    const leverOf = part === 'value' ? model.cs.levers.filter((l) => l.key === key).flatMap((l) => l.targets.map((k) => model.cs.targets[k].id)) : [];
    return [{ name: inp.name, label: inputLabelIn(inp.name, inputLabel(main, j), lang), dist, centre, min, max, leverOf }];
  });
  return [...rows.filter((r) => r.leverOf.length > 0), ...rows.filter((r) => r.leverOf.length === 0)];
}

const fmt = (x: number) => String(+x.toPrecision(6));

/**
 * The panel's HTML.
 *
 * @example
 * explorePanel(exploreRows(model, 'en'), result, 'en'); // '<div class="explore">…'
 */
export function explorePanel(rows: ExploreRow[], r: RunResult, lang: Lang): string {
  const w = exploreWords(lang);
  const n = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US');
  const row = (x: ExploreRow) =>
    [
      `<tr data-input="${escapeHtml(x.name)}" data-centre="${x.centre}">`,
      `<td>${escapeHtml(x.label)}${x.leverOf.length > 0 ? ` <span class="lever-tag">${escapeHtml(w.leverOf(x.leverOf.join(', ')))}</span>` : ''}<br><code class="sub">${escapeHtml(x.name)}</code></td>`,
      `<td><code>${escapeHtml(distText(x.dist))}</code></td>`,
      `<td class="slider"><input type="range" class="centre" min="${x.min}" max="${x.max}" step="any" value="${x.centre}" aria-label="${escapeHtml(`${x.label}: ${w.centre}`)}"><input type="number" class="centre-box" step="any" value="${fmt(x.centre)}" aria-label="${escapeHtml(`${x.label}: ${w.centre}`)}"></td>`,
      `<td class="slider"><input type="range" class="spread" min="0.25" max="2" step="0.05" value="1" aria-label="${escapeHtml(`${x.label}: ${w.spread}`)}"><output class="spread-out">1</output></td>`,
      '</tr>',
    ].join('');
  return [
    '<div class="explore">',
    `<p class="sub">${escapeHtml(w.intro)}</p>`,
    `<div class="explore-bar"><label>${escapeHtml(w.draws)} <input type="number" id="explore-draws" min="100" max="1000000" step="100" value="${EXPLORE_DRAWS}"></label>`,
    `<button type="button" id="explore-reset">${escapeHtml(w.reset)}</button>`,
    `<progress id="explore-progress" max="1" value="0" hidden></progress>`,
    `<span id="explore-status" data-state="file">${escapeHtml(w.fileRun(n.format(r.run.draws)))}</span></div>`,
    `<div class="explore-scroll"><table id="explore-inputs" class="data"><thead><tr><th>${escapeHtml(w.assumption)}</th><th>${escapeHtml(w.stated)}</th><th>${escapeHtml(w.centre)}</th><th>${escapeHtml(w.spread)}</th></tr></thead><tbody>${rows.map(row).join('')}</tbody></table></div>`,
    `<p class="sub">${escapeHtml(w.command)}</p><pre id="explore-command" data-sets="[]"></pre>`,
    `<p class="sub">${escapeHtml(w.leverNote)}</p>`,
    '</div>',
  ].join('\n');
}

/** The panel's style. */
export const EXPLORE_STYLE = `
.explore-bar { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 16px; margin: 6px 0; position: sticky; top: 0; background: #fff; padding: 6px 0; z-index: 2; border-bottom: 1px solid #ddd; }
.explore-bar input[type=number] { width: 90px; }
#explore-status { font-size: 12.5px; }
#explore-status[data-state=running] { color: #555; }
#explore-status[data-state=error] { color: #a00; font-weight: 600; }
#explore-status[data-state=page] { font-weight: 600; }
.explore-scroll { max-height: 300px; overflow-y: auto; border: 1px solid #ddd; }
#explore-inputs td.slider { white-space: nowrap; }
#explore-inputs input[type=range] { width: 180px; vertical-align: middle; }
#explore-inputs input.centre-box { width: 100px; margin-left: 6px; }
#explore-inputs tr.moved td:first-child { border-left: 4px solid #1f53a0; }
.lever-tag { font-size: 11px; background: #e8eef8; border: 1px solid #9ab; padding: 0 4px; border-radius: 3px; white-space: nowrap; }
#explore-command { background: #f5f5f5; padding: 6px 8px; white-space: pre-wrap; overflow-wrap: anywhere; font-size: 11.5px; }
body.stale #s-targets table, body.stale .drivers { opacity: 0.55; }
`;
