/**
 * Per-target results, one row per target:
 * `id,metric,kind,year,window_start,window_end,comparator,value,tolerance,pMet,se,verdict,median,q10,q90,lever_param,lever_label,lever_unit,lever_assumed,lever_needed,lever_status`.
 * The `lever_*` columns name the lever the target's "needs" refers to (its own `lever:` or the
 * scenario's) with its assumed and needed levels (`lever_needed` empty unless status is found;
 * every `lever_*` cell empty when no lever was searched). Full double precision; cells holding a
 * comma or a quote are quoted (RFC 4180).
 *
 * @module
 */
import type { RunResult } from '../engine/result.js';

/** The CSV header. */
export const TARGETS_HEADER =
  'id,metric,kind,year,window_start,window_end,comparator,value,tolerance,pMet,se,verdict,median,q10,q90,lever_param,lever_label,lever_unit,lever_assumed,lever_needed,lever_status';

const cell = (x: string | number | null | undefined): string => {
  if (x === null || x === undefined) return '';
  const s = String(x);
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

/**
 * @example
 * targetsCsv(result).split('\n')[1]; // 'heze.P001,urbanShare,level,2025,,,>=,0.57,,0.0001,…,ruralToUrban,rural→urban migration rate,per year,0.0164,0.0246,found'
 */
export function targetsCsv(r: RunResult): string {
  const rows = [TARGETS_HEADER];
  for (const t of r.targets) {
    const l = t.lever;
    rows.push(
      [t.id, t.metric, t.kind, t.year, t.window?.[0], t.window?.[1], t.comparator, t.value, t.tolerance, t.pMet, t.se, t.verdict, t.median, t.q10, t.q90, l?.param, l?.label, l?.unit, l?.assumed, l?.needed, l?.status]
        .map(cell)
        .join(','),
    );
  }
  return rows.join('\n') + '\n';
}
