/**
 * The assumptions table: every rate parameter of the scenario's `assumptions:` block with its
 * value, distribution or path, its yearly change, its median (from the run) and its `why:`.
 *
 * @module
 */
import type { InputResult } from '../../engine/result.js';

/** One parameter of the assumptions block. */
export interface AssumptionRow {
  /** Dotted path in `assumptions:`, e.g. `ruralToUrban`. */
  param: string;
  /** The run's label of the parameter (from its `.value` input), or ''. */
  label: string;
  /** The value, distribution or `byYear` path, as text. */
  value: string;
  /** The yearly change (number or distribution) as text, or ''. */
  change: string;
  /** The run's median of the `.value` input, or null when it is not uncertain. */
  median: number | null;
  unit: string;
  why: string;
}

type Node = Record<string, unknown>;
const isObject = (x: unknown): x is Node => typeof x === 'object' && x !== null && !Array.isArray(x);
const isParam = (x: unknown) => typeof x === 'number' || (isObject(x) && ('dist' in x || 'value' in x || 'byYear' in x));
const num = (x: number) => String(Number(x.toPrecision(6)));

/**
 * A number, distribution or path as short text.
 *
 * @example
 * describeValue({ dist: 'pert', min: 0.01, mode: 0.02, max: 0.03 }); // 'pert(min 0.01, mode 0.02, max 0.03)'
 * describeValue({ 2025: 0.02, 2035: 0.03 }); // '2025: 0.02 → 2035: 0.03'
 */
export function describeValue(x: unknown): string {
  if (x === undefined || x === null) return '';
  if (typeof x === 'number') return num(x);
  if (isObject(x) && typeof x.dist === 'string') {
    const args = Object.entries(x)
      .filter(([k]) => k !== 'dist')
      .map(([k, v]) => `${k} ${typeof v === 'number' ? num(v) : JSON.stringify(v)}`);
    return `${x.dist}(${args.join(', ')})`;
  }
  if (isObject(x)) return Object.entries(x).map(([k, v]) => `${k}: ${describeValue(v)}`).join(' → ');
  return JSON.stringify(x);
}

/**
 * The rows of the table, in the order of the block; parameters nested in groups (`tfr.urban`) get
 * dotted names. Labels and medians come from the run's inputs named `<param>.value`.
 *
 * @example
 * assumptionRows({ srb: { value: 1.106, why: 'WPP' } }, []);
 * // [{ param: 'srb', label: '', value: '1.106', change: '', median: null, unit: '', why: 'WPP' }]
 */
export function assumptionRows(assumptions: unknown, inputs: readonly InputResult[]): AssumptionRow[] {
  const rows: AssumptionRow[] = [];
  const byName = new Map(inputs.map((i) => [i.name, i]));
  const visit = (node: unknown, path: string[]) => {
    if (!isObject(node) && !isParam(node)) return;
    if (isParam(node)) {
      const param = path.join('.');
      const long = isObject(node) && !('dist' in node);
      const input = byName.get(`${param}.value`);
      rows.push({
        param,
        label: input?.label ?? '',
        value: describeValue(long ? ((node as Node).value ?? (node as Node).byYear) : node),
        change: long ? describeValue((node as Node).change) : '',
        median: input?.median ?? null,
        unit: input?.unit ?? '',
        why: long && typeof (node as Node).why === 'string' ? ((node as Node).why as string) : '',
      });
      return;
    }
    for (const [k, v] of Object.entries(node as Node)) if (k !== 'why') visit(v, [...path, k]);
  };
  visit(assumptions, []);
  return rows;
}

/**
 * Rows from the run's inputs alone, when the scenario file cannot be read again.
 *
 * @example
 * inputRows([{ name: 'srb.value', label: 'sex ratio at birth', unit: '', median: 1.106 }])[0].param; // 'srb.value'
 */
export function inputRows(inputs: readonly InputResult[]): AssumptionRow[] {
  return inputs.map((i) => ({ param: i.name, label: i.label, value: '', change: '', median: i.median, unit: i.unit, why: '' }));
}
