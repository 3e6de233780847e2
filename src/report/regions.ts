/**
 * The per-region table of a multi-region run (model `regions`): every region and group with its
 * urban share at the baseline and at the horizon (median and 80 % interval), its population at the
 * horizon and the targets on it with their P(met). Read from the result's series named
 * `<id>.urbanShare` and `<id>.total` (labelled `<name>: …`), so any model that names its regions'
 * series that way gets the table.
 *
 * @module
 */
import type { RunResult } from '../engine/result.js';

/** One region or group. */
export interface RegionRow {
  id: string;
  name: string;
  baseShare: number;
  share: { median: number; p10: number; p90: number };
  total: number;
  targets: { id: string; pMet: number }[];
}

const num = (x: number | null | undefined) => (x === null || x === undefined ? NaN : x);

/**
 * The rows, in the order of the series; null when the result has no regions.
 *
 * @example
 * regionRows(result)?.map((r) => `${r.name} ${r.share.median}`);
 */
export function regionRows(r: RunResult): RegionRow[] | null {
  const rows: RegionRow[] = [];
  const last = r.years.length - 1;
  for (const m of r.metrics) {
    if (!m.name.endsWith('.urbanShare')) continue;
    const id = m.name.slice(0, -'.urbanShare'.length);
    const total = r.metrics.find((x) => x.name === `${id}.total`);
    if (total === undefined) continue;
    const name = m.label.includes(': ') ? m.label.slice(0, m.label.lastIndexOf(': ')) : id;
    rows.push({
      id,
      name,
      baseShare: num(m.deterministic[0]),
      share: { median: num(m.quantiles.p50[last]), p10: num(m.quantiles.p10[last]), p90: num(m.quantiles.p90[last]) },
      total: num(total.quantiles.p50[last]),
      targets: r.targets.filter((t) => t.metric.startsWith(`${id}.`)).map((t) => ({ id: t.id, pMet: t.pMet })),
    });
  }
  return rows.length > 0 ? rows : null;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
/** A probability as the reports print it (bounds below 0.03 % and above 99.97 %). */
export const pMet = (p: number) => (p < 0.0003 ? '< 0.03%' : p > 0.9997 ? '> 99.97%' : `${(100 * p).toFixed(1)}%`);

/**
 * The table as text, one line per region (fixed-width columns, for the terminal and summary.txt).
 *
 * @example
 * regionsText(rows, 2020, 2035);
 */
export function regionsText(rows: RegionRow[], baseYear: number, horizon: number): string {
  const head = ['region', 'id', `urban ${baseYear}`, `urban ${horizon}: median (80% interval)`, `population ${horizon}`, 'targets: P(met)'];
  const body = rows.map((x) => [
    x.name,
    x.id,
    pct(x.baseShare),
    `${pct(x.share.median)} (${pct(x.share.p10)} – ${pct(x.share.p90)})`,
    `${(x.total / 1e4).toFixed(1)}万`,
    x.targets.map((t) => `${t.id} ${pMet(t.pMet)}`).join(', '),
  ]);
  const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
  const cols = head.map((h, c) => Math.max(width(h), ...body.map((b) => width(b[c]))));
  const line = (cells: string[]) => cells.map((s, c) => (c >= 2 && c <= 4 ? ' '.repeat(cols[c] - width(s)) + s : s + ' '.repeat(cols[c] - width(s)))).join('  ').trimEnd();
  return [line(head), cols.map((w) => '─'.repeat(w)).join('  '), ...body.map(line)].join('\n') + '\n';
}
