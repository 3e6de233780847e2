/**
 * `--target 2025:urbanShare>=0.60`: a level target given on the command line (year, metric,
 * comparator, value), as an inline scenario target with its `why:`.
 *
 * @module
 */
import type { Comparator } from '../scenario/schema.js';
import { UserError } from '../util/user-error.js';

/** A parsed `--target`. */
export interface TargetArg {
  year: number;
  metric: string;
  comparator: Comparator;
  value: number;
  /** As the user wrote it. */
  text: string;
}

/** A `--target` that does not parse (exit code 2). */
export class TargetArgError extends UserError {}

const FORM = /^\s*(\d{4})\s*:\s*([A-Za-z][A-Za-z0-9_]*)\s*(>=|<=|>|<|~|=|≥|≤)\s*(-?\d+(?:\.\d+)?(?:e-?\d+)?)\s*$/;

/**
 * Parses `YEAR:METRIC<comparator>VALUE` (comparators `>= > <= < ~ =`, also ≥ ≤).
 *
 * @example
 * parseTargetArg('2025:urbanShare>=0.60'); // { year: 2025, metric: 'urbanShare', comparator: '>=', value: 0.6, text: '2025:urbanShare>=0.60' }
 */
export function parseTargetArg(text: string): TargetArg {
  const m = FORM.exec(text);
  if (m === null) {
    throw new TargetArgError(`--target ${JSON.stringify(text)}: expected YEAR:METRIC<comparator>VALUE, e.g. 2025:urbanShare>=0.60 (comparators >= > <= < ~ =)`);
  }
  const comparator = (m[3] === '≥' ? '>=' : m[3] === '≤' ? '<=' : m[3]) as Comparator;
  const value = Number(m[4]);
  if (m[2] === 'urbanShare' && (value < 0 || value > 1)) {
    throw new TargetArgError(`--target ${JSON.stringify(text)}: urbanShare is a share between 0 and 1 (write 0.60 for 60 %), got ${m[4]}`);
  }
  return { year: Number(m[1]), metric: m[2], comparator, value, text };
}

/** A `--target` as a scenario's target entry. */
export interface TargetEntry {
  id: string;
  label: string;
  metric: string;
  year: number;
  comparator: string;
  value: number;
  why: string;
}

/**
 * The scenario entries of the `--target`s: ids `<metric>-<year>` (a repeat gets `-<position>`), the
 * option as typed for their `why:`, and `note` after it.
 *
 * @example
 * targetEntries([parseTargetArg('2025:urbanShare>=0.6')])[0].id; // 'urbanShare-2025'
 */
export function targetEntries(targets: TargetArg[], note = ''): TargetEntry[] {
  return targets.map((t, i) => ({
    id: `${t.metric}-${t.year}${targets.slice(0, i).some((u) => u.metric === t.metric && u.year === t.year) ? `-${i + 1}` : ''}`,
    label: `${t.metric} ${t.comparator} ${t.value}`,
    metric: t.metric,
    year: t.year,
    comparator: t.comparator,
    value: t.value,
    why: `given on the command line: --target ${t.text}${note}`,
  }));
}
