/**
 * How `simulate --replay-draw i` prints one draw: its uncertain inputs, its parameters' paths and
 * its output series, as text tables or as JSON; a draw the model could not project ends with why.
 *
 * @module
 */
import type { ReplayResult } from '../engine/run.js';

const num = (v: number) => (Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6))));

/** Columns padded to their widest cell, the first left-aligned. */
function columns(header: string[], rows: string[][]): string {
  const width = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) => cells.map((x, c) => (c === 0 ? x.padEnd(width[c]) : x.padStart(width[c]))).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}

/**
 * Why the draw could not be projected, in one line (as the Monte Carlo run reports it).
 *
 * @example
 * replayFailure(r); // 'draw 17 (seed 5) cannot be projected: … (year 2027, parameter external.rural.rate)'
 */
export function replayFailure(r: ReplayResult): string {
  const f = r.failure!;
  return `draw ${r.draw} (seed ${r.seed}) cannot be projected: ${f.message} (year ${f.year}${f.param ? `, parameter ${f.param}` : ''}, scenario ${f.file})`;
}

/**
 * The replayed draw as text (`table`) or JSON.
 *
 * @example
 * io.stdout.write(formatReplay(await replayDraw(loaded, 17), 'table'));
 */
export function formatReplay(r: ReplayResult, format: 'table' | 'json'): string {
  if (format === 'json') return `${JSON.stringify(r, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v), 2)}\n`;
  const parts = [
    `draw ${r.draw} of ${r.scenario} (seed ${r.seed}, ${r.draws} draws)`,
    'uncertain inputs\n' + (r.inputs.length === 0 ? '  (none: every input is fixed)' : columns(['  input', 'value'], r.inputs.map((i) => [`  ${i.name}`, num(i.value)]))),
    'parameters by year\n' + columns(['year', ...r.parameters.map((p) => p.key)], r.years.slice(1).map((y, t) => [String(y), ...r.parameters.map((p) => num(p.path[t]))])),
  ];
  if (r.series.length > 0) parts.push('path\n' + columns(['year', ...r.series.map((s) => s.metric)], r.years.map((y, t) => [String(y), ...r.series.map((s) => num(s.values[t]))])));
  if (r.targets.length > 0) parts.push('targets\n' + columns(['  target', 'value'], r.targets.map((t) => [`  ${t.id}`, num(t.value)])));
  return `${parts.join('\n\n')}\n`;
}
