/**
 * The static parts of the HTML report: the run's identity, the drivers of each target (bars in
 * HTML), the assumptions table and the charts' legends.
 *
 * @module
 */
import type { RunResult } from '../../engine/result.js';
import { formatLevel, type Lang } from '../format.js';
import { inputLabelIn, paramLabel } from '../labels.js';
import { targetLabel } from '../cells.js';
import type { AssumptionRow } from './assumptions.js';
import type { ChartData } from './chart-data.js';
import { escapeHtml } from './escape.js';
import { htmlWords } from './words.js';

/**
 * Scenario file and hash, the `--set` overrides, model, draws, a calibrated run's effective sample
 * size (its exact value in `data-value`), seed, engine version and date.
 *
 * @example
 * identity(result, 'en'); // '<dl class="identity">…'
 */
export function identity(r: RunResult, lang: Lang): string {
  const w = htmlWords(lang).identity;
  const n = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US');
  const sets = r.scenario.sets ?? [];
  const c = r.calibration;
  const items: [string, string, string][] = [
    ['file', w.scenario, r.scenario.file],
    ['sha256', w.sha256, r.scenario.sha256 ?? '–'],
    ['sets', w.sets, sets.length === 0 ? w.noSets : sets.map((x) => `--set ${x}`).join(' ')],
    ['model', w.model, r.scenario.model],
    ['draws', w.draws, r.run.draws === 0 ? w.deterministic : `${n.format(r.run.draws)}${r.run.lhs ? ` (${w.lhs})` : ''}`],
    ...(c === undefined ? [] : [['ess', w.ess, `${n.format(Math.round(c.ess))} ${w.essOf(n.format(r.run.draws), n.format(c.minEss), c.observations.length)}`] as [string, string, string]]),
    ['seed', w.seed, String(r.run.seed)],
    ['engine', w.engine, `urbcast ${r.run.engineVersion}`],
    ['date', w.date, r.run.startedAt],
  ];
  const value = (k: string) => (k === 'ess' && c !== undefined ? ` data-value="${c.ess}"` : '');
  return `<dl class="identity">${items.map(([k, dt, dd]) => `<div><dt>${escapeHtml(dt)}</dt><dd data-field="${k}"${value(k)}>${escapeHtml(dd)}</dd></div>`).join('')}</dl>`;
}

/**
 * Per target, its inputs by sensitivity index as horizontal bars (the six largest).
 *
 * @example
 * drivers(result, 'en'); // '<div class="drivers">…'
 */
export function drivers(r: RunResult, lang: Lang): string {
  const w = htmlWords(lang);
  const blocks = r.targets.map((t) => {
    const top = t.drivers.slice(0, 6);
    const bars =
      top.length === 0
        ? `<p class="sub">${escapeHtml(w.noDrivers)}</p>`
        : top
            .map(
              (d) =>
                `<div class="bar"><span class="name" title="${escapeHtml(inputLabelIn(d.input, d.label, lang))}">${escapeHtml(inputLabelIn(d.input, d.label, lang))}</span><span class="track"><span class="fill" style="width:${(100 * Math.max(0, Math.min(1, d.index))).toFixed(1)}%"></span></span><span class="val">${Math.round(100 * d.index)}% ${d.direction > 0 ? '↑' : d.direction < 0 ? '↓' : ''}</span></div>`,
            )
            .join('');
    return `<div class="driver-block"><h3>${escapeHtml(t.id)} <span class="sub">${escapeHtml(targetLabel(t, lang))}</span></h3>${bars}</div>`;
  });
  return `<div class="drivers">${blocks.join('')}</div>`;
}

/**
 * Every parameter with its value or distribution, yearly change, median and why.
 *
 * @example
 * assumptionsTable(assumptionRows(loaded.assumptions, result.inputs), 'en', true);
 */
export function assumptionsTable(rows: AssumptionRow[], lang: Lang, complete: boolean): string {
  const w = htmlWords(lang).assumptions;
  const head = [w.param, w.label, w.value, w.change, w.median, w.why];
  const body = rows.map(
    (a) =>
      `<tr><td><code>${escapeHtml(a.param)}</code></td><td>${escapeHtml(paramLabel(a.param, a.label, lang))}</td><td><code>${escapeHtml(a.value)}</code></td><td><code>${escapeHtml(a.change)}</code></td><td class="num">${
        a.median === null ? '' : escapeHtml(formatLevel(a.median, a.unit))
      }</td><td class="why">${escapeHtml(a.why)}</td></tr>`,
  );
  return [
    complete ? '' : `<p class="sub">${escapeHtml(w.unavailable)}</p>`,
    `<table id="assumptions" class="data"><thead><tr>${head.map((x) => `<th>${escapeHtml(x)}</th>`).join('')}</tr></thead><tbody>${body.join('')}</tbody></table>`,
  ].join('');
}

/**
 * The legend under a fan chart or the decomposition (swatches coloured by the page's script);
 * `observed` false leaves out the observed points and targets (the flows have none).
 *
 * @example
 * fanLegend(data); // '<div class="legend">…'
 */
export function fanLegend(data: ChartData, observed = true): string {
  const l = data.legend;
  const item = (cls: string, text: string) => `<span class="item"><i class="${cls}"></i>${escapeHtml(text)}</span>`;
  const points = observed ? `${item('l-census', l.census)}${item('l-yearend', l.yearEnd)}` : '';
  if (data.deterministic) return `<div class="legend">${item('l-median', l.path)}${points}</div>`;
  return `<div class="legend">${item('l-median', l.median)}${item('l-b50', l.band50)}${item('l-b80', l.band80)}${item('l-b95', l.band95)}${points}${observed ? item('l-target', l.target) : ''}</div>`;
}

/**
 * @example
 * decompositionLegend(data); // '<div class="legend" id="decomposition-legend">…'
 */
export function decompositionLegend(data: ChartData): string {
  const d = data.decomposition;
  if (!d) return '';
  const items = d.series.map((s, k) => `<span class="item"><i class="swatch" data-k="${k}"></i>${escapeHtml(s.label)}</span>`);
  return `<div class="legend" id="${d.id}-legend">${items.join('')}<span class="item"><i class="l-net"></i>${escapeHtml(data.legend.net)}</span></div>`;
}

/**
 * The legend of the pyramids: urban and rural swatches (the sexes are named on the canvas).
 *
 * @example
 * pyramidLegend(data); // '<div class="legend">…' ('' without pyramids)
 */
export function pyramidLegend(data: ChartData): string {
  const p = data.pyramids;
  if (!p) return '';
  return `<div class="legend"><span class="item"><i class="p-urban"></i>${escapeHtml(p.words.urban)}</span><span class="item"><i class="p-rural"></i>${escapeHtml(p.words.rural)}</span></div>`;
}
