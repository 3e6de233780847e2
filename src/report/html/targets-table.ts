/**
 * The targets table of the HTML report. Every number cell carries the exact value of the JSON
 * result in `data-value` (and its field in `data-field`), so a test can check the page against
 * `result.json`.
 *
 * @module
 */
import { driverText, leverName, leverText, targetFormatter, targetLabel, targetWhen } from '../cells.js';
import type { RunResult, TargetResult } from '../../engine/result.js';
import { comparatorSymbol, formatPMet, type Lang } from '../format.js';
import { words } from '../words.js';
import { escapeHtml } from './escape.js';
import { htmlWords } from './words.js';

const num = (field: string, value: number | null, text: string) =>
  `<td class="num" data-field="${field}"${value === null ? '' : ` data-value="${value}"`}>${escapeHtml(text)}</td>`;

const span = (field: string, value: number, text: string) => `<span data-field="${field}" data-value="${value}">${escapeHtml(text)}</span>`;

function row(r: RunResult, t: TargetResult, lang: Lang): string {
  const w = words(lang);
  const fmt = targetFormatter(r, t, lang);
  const when = targetWhen(t);
  const needs = leverText(t, lang);
  const driver = driverText(t, false, lang);
  const src = t.source;
  const source = src?.document !== undefined ? `${src.document}:${src.line ?? ''}` : '–';
  const label = targetLabel(t, lang);
  return [
    `<tr data-target="${escapeHtml(t.id)}">`,
    `<td><b>${escapeHtml(t.id)}</b>${label !== '' ? `<br><span class="sub">${escapeHtml(label)}</span>` : ''}</td>`,
    `<td>${escapeHtml(when)}</td>`,
    `<td class="num" data-field="value" data-value="${t.value}">${escapeHtml(`${comparatorSymbol(t.comparator)} ${fmt(t.value)}${t.tolerance !== undefined ? ` ±${fmt(t.tolerance)}` : ''}`)}</td>`,
    num('median', t.median, fmt(t.median)),
    `<td class="num range">${span('q10', t.q10, fmt(t.q10))} – ${span('q90', t.q90, fmt(t.q90))}</td>`,
    `<td class="num range">${span('q025', t.q025, fmt(t.q025))} – ${span('q975', t.q975, fmt(t.q975))}</td>`,
    `<td class="num" data-field="pMet" data-value="${t.pMet}" data-se="${t.se}">${escapeHtml(formatPMet(t.pMet, t.se, r.calibration?.ess ?? r.run.draws))}</td>`,
    `<td class="verdict v-${t.verdict.replace(/ /g, '-')}">${escapeHtml(w.verdict[t.verdict])}</td>`,
    t.lever === null ? '<td>–</td>' : `<td data-field="lever.param" data-lever="${escapeHtml(t.lever.param)}">${escapeHtml(leverName(t, lang))}</td>`,
    t.lever === null ? '<td>–</td>' : `<td class="num" data-field="lever.needed"${t.lever.needed === null ? '' : ` data-value="${t.lever.needed}"`} data-assumed="${t.lever.assumed}">${escapeHtml(needs)}</td>`,
    `<td>${escapeHtml(driver)}</td>`,
    `<td class="src"${src?.quote ? ` title="${escapeHtml(src.quote)}"` : ''}>${escapeHtml(source)}${src?.quote ? `<br><span class="sub">“${escapeHtml(src.quote)}”</span>` : ''}</td>`,
    '</tr>',
  ].join('');
}

/**
 * The table of targets (or a sentence when there are none), with the joint probability below.
 *
 * @example
 * targetsTable(result, 'en').startsWith('<table'); // true when the scenario has targets
 */
export function targetsTable(r: RunResult, lang: Lang): string {
  const w = words(lang);
  const hw = htmlWords(lang);
  if (r.targets.length === 0) return `<p>${escapeHtml(hw.noTargets)}</p>`;
  const h = w.head;
  const heads = [h.target, h.year, h.threshold, w.head.median.replace(/\s*[(（].*$/, ''), hw.head.interval80, hw.head.interval95, h.pMet, h.verdict, h.leverName, h.lever, h.driver, hw.head.source];
  const joint =
    r.joint.pAll === null
      ? ''
      : `<p class="joint">${escapeHtml(hw.joint(r.joint.milestones.length))}: <b data-field="pAll" data-value="${r.joint.pAll}">${escapeHtml(formatPMet(r.joint.pAll, r.joint.se!, r.calibration?.ess ?? r.run.draws))}</b> (${escapeHtml(w.verdict[r.joint.verdict!])})</p>`;
  return [
    '<table id="targets" class="data">',
    `<thead><tr>${heads.map((x) => `<th>${escapeHtml(x)}</th>`).join('')}</tr></thead>`,
    `<tbody>${r.targets.map((t) => row(r, t, lang)).join('\n')}</tbody>`,
    '</table>',
    joint,
  ].join('\n');
}
