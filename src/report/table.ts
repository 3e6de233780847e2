/**
 * The terminal summary: a header (scenario, model, draws, seed, workers, time taken) and one row
 * per target: target, year, threshold, median, 80 % interval, P(met) ± SE, verdict, the target's
 * lever, the level of it the target needs and the input that drives it most. A calibrated run adds, under the header, the
 * effective sample size and each observation with the weighted median of its metric. Given a
 * width (a terminal's) narrower than the table, each target becomes a block of lines instead:
 * the same cells, headed and whole, and the notes wrapped.
 *
 * @module
 */
import type { RunResult, TargetResult } from '../engine/result.js';
import { driverText, leverName, leverText, targetFormatter, targetLabel, targetWhen } from './cells.js';
import { comparatorSymbol, formatPMet, formatValue, type Lang } from './format.js';
import { displayWidth, fit } from './width.js';
import { words } from './words.js';

/** Widest a cell of these columns may be; longer text is cut with an ellipsis. */
const MAX = { target: 40, lever: 38, driver: 34 };

/**
 * The calibration lines of a weighted run (none for an unweighted one).
 *
 * @example
 * calibrationLines(result, 'en')[0];
 * // 'calibrated to 2 observations (importance weights): effective sample size 1,873 of 10,000 draws (minEss 200)'
 */
export function calibrationLines(r: RunResult, lang: Lang): string[] {
  const c = r.calibration;
  if (c === undefined) return [];
  const n = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
  const unit = (metric: string) => r.metrics.find((m) => m.name === metric)?.unit ?? '';
  return [
    `calibrated to ${c.observations.length} observation${c.observations.length === 1 ? '' : 's'} (importance weights): effective sample size ${n.format(c.ess)} of ${n.format(r.run.draws)} draws (minEss ${c.minEss})`,
    ...c.observations.map(
      (o) =>
        `  ${o.metric} ${o.year}: observed ${formatValue(o.value, unit(o.metric), { lang })} ± ${formatValue(o.se, unit(o.metric), { lang })}, weighted median ${formatValue(o.median, unit(o.metric), { lang })}`,
    ),
  ];
}

/** The draws behind a probability: their number, or a calibrated run's effective sample size (for the rule-of-three bound). */
const sampleSize = (r: RunResult): number => r.calibration?.ess ?? r.run.draws;

function targetCells(r: RunResult, t: TargetResult, lang: Lang): string[] {
  const w = words(lang);
  const fmt = targetFormatter(r, t, lang);
  const threshold = `${comparatorSymbol(t.comparator)} ${fmt(t.value)}${t.tolerance !== undefined ? ` ±${fmt(t.tolerance)}` : ''}`;
  const needs = leverText(t, lang);
  const driver = driverText(t, true, lang);
  const year = targetWhen(t);
  return [
    `${t.id} ${targetLabel(t, lang)}`.trim(),
    year,
    threshold,
    `${fmt(t.median)} (${fmt(t.q10)} – ${fmt(t.q90)})`,
    formatPMet(t.pMet, t.se, sampleSize(r)),
    w.verdict[t.verdict],
    leverName(t, lang),
    needs,
    driver,
  ];
}

/**
 * Packs `items` into lines of at most `width` columns (after `indent`), joined by `sep`; an item
 * wider than the line gets a line of its own, whole.
 */
function pack(items: string[], indent: string, width: number, sep = ' · '): string[] {
  const out: string[] = [];
  let cur = '';
  for (const it of items) {
    if (cur !== '' && displayWidth(indent + cur + sep + it) > width) {
      out.push(indent + cur);
      cur = '';
    }
    cur = cur === '' ? it : cur + sep + it;
  }
  if (cur !== '') out.push(indent + cur);
  return out;
}

/**
 * One target as a block of lines (the layout for terminals too narrow for the table): the target
 * on its own line, then its cells as "heading: value", nothing cut, a line for each group (when,
 * threshold and outcome; P(met) and verdict; lever and level needed; driver), each packed into
 * `width` columns.
 */
function targetBlock(head: string[], cells: string[], lang: Lang, width: number): string[] {
  const colon = lang === 'zh' ? '：' : ': ';
  const item = (j: number) => (j === 1 || j === 5 ? cells[j] : `${head[j]}${colon}${cells[j]}`);
  const groups = [[1, 2, 3], [4, 5], [6, 7], [8]];
  return [cells[0], ...groups.flatMap((g) => pack(g.map(item), '  ', width))];
}

/** Options of {@link summaryTable}. */
export interface SummaryOptions {
  /**
   * Columns available (a terminal's width). When the table is wider, each target is written as a
   * block of lines instead, every cell whole. Default: unlimited (always the table).
   */
  width?: number;
}

/**
 * The summary as text, ready for a terminal.
 *
 * @example
 * process.stdout.write(summaryTable(result, 'en'));
 * process.stdout.write(summaryTable(result, 'en', { width: process.stdout.columns }));
 */
export function summaryTable(r: RunResult, lang: Lang = 'en', options: SummaryOptions = {}): string {
  const width = options.width ?? Infinity;
  const w = words(lang);
  const n = new Intl.NumberFormat('en-US');
  const lines = [
    `${r.scenario.name} — ${r.scenario.region}`,
    [
      `${w.model} ${r.scenario.model}`,
      `${n.format(r.run.draws)} ${w.draws}`,
      `${w.seed} ${r.run.seed}`,
      ...(r.run.lhs ? [w.lhs] : []),
      w.workers(r.run.workers, r.run.workersLimit),
      `${r.run.seconds.toFixed(1)} ${w.seconds}`,
    ].join(' · '),
    ...calibrationLines(r, lang),
    '',
  ];
  if (r.targets.length === 0) return [...lines, w.noTargets, ''].join('\n');
  const h = w.head;
  const head = [h.target, h.year, h.threshold, h.median, h.pMet, h.verdict, h.leverName, h.lever, h.driver];
  const rows = r.targets.map((t) => targetCells(r, t, lang));
  const caps = head.map((_, j) => (j === 0 ? MAX.target : j === 6 ? MAX.lever : j === head.length - 1 ? MAX.driver : Infinity));
  const widths = head.map((c, j) => Math.min(caps[j], Math.max(displayWidth(c), ...rows.map((row) => displayWidth(row[j])))));
  const right = new Set([3, 4]);
  const line = (cells: string[]) =>
    cells
      .map((c, j) => fit(c, widths[j], right.has(j) ? 'right' : 'left'))
      .join('  ')
      .trimEnd();
  const fits = widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1) <= width;
  if (fits) lines.push(line(head), line(widths.map((x) => '─'.repeat(x))), ...rows.map(line), '');
  else for (const row of rows) lines.push(...targetBlock(head, row, lang, width), '');
  if (r.joint.pAll !== null) {
    lines.push(`${w.joint(r.joint.milestones.length)}: ${formatPMet(r.joint.pAll, r.joint.se!, sampleSize(r))} (${w.verdict[r.joint.verdict!]})`, '');
  }
  const notes = w.notes(r.run.leverDraws);
  lines.push(...(fits ? notes : notes.flatMap((note) => wrapWords(note, width))), '');
  return lines.join('\n');
}

/** Breaks `s` at spaces into lines of at most `width` columns (a word wider than that stays whole). */
function wrapWords(s: string, width: number): string[] {
  return pack(s.split(' '), '', width, ' ');
}
