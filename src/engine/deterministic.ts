/**
 * The deterministic projection: every uncertain input at its median, one run of the model.
 * Prints per year the stocks, the flows and the decomposition of the urban share's change, and
 * can dump the compiled per-step inputs (`--dump-schedules`) for independent recomputation.
 *
 * @module
 */
import { compileParams, evaluatePaths, medianInputs } from '../params/compile.js';
import { writeOutputFile } from '../io/output-file.js';
import { writeOutputSet } from '../io/output-set.js';
import type { CompileContext, MetricDecl, ModelDefinition, Observer } from './model.js';
import type { RunPyramids } from './result.js';

/** What the deterministic run needs from a loaded scenario. */
export interface DeterministicInput {
  model: ModelDefinition;
  assumptions: unknown;
  ctx: CompileContext;
  scenario: { name: string; region: string };
}

export interface DeterministicOptions {
  format?: 'table' | 'json' | 'csv';
  /** Write the compiled schedules (model `inspect`) to this JSON file. */
  dumpSchedules?: string;
  /**
   * Folder to write the projection into instead of returning its text: `projection.json`,
   * `projection.csv` (the names the HTML page's companions have) or `projection.txt`, atomically.
   */
  out?: string;
}

/** File names of the projection in an `out` folder, by format. */
const PROJECTION_FILES = { json: 'projection.json', csv: 'projection.csv', table: 'projection.txt' } as const;

/** One year of the deterministic JSON. Flows and contributions are null in the baseline year. */
export interface DeterministicYear {
  year: number;
  total: number;
  urban: number;
  rural: number;
  urbanShare: number;
  [metric: string]: number | Record<string, number> | null;
}

/** The projection as data: `{years: [...]}` plus the series by metric. */
export interface DeterministicResult {
  metrics: MetricDecl[];
  years: number[];
  /** series[m][t], t = 0 … H */
  series: number[][];
  /** Population pyramids at the baseline and the horizon; null when the model has no `pyramid` hook. */
  pyramids: RunPyramids | null;
  schedules?: unknown;
}

/**
 * Projects with every distribution at its median.
 *
 * @example
 * const r = projectDeterministic(loaded);
 * r.series[r.metrics.findIndex((m) => m.name === 'urbanShare')].at(-1);
 */
export function projectDeterministic(input: DeterministicInput, withSchedules = false): DeterministicResult {
  const { model, assumptions, ctx } = input;
  const params = compileParams(model.parameters(assumptions, ctx), ctx.baseYear, ctx.steps);
  const compiled = model.compile(assumptions, ctx);
  const H = ctx.steps;
  const paths = new Float64Array(params.keys.length * H);
  evaluatePaths(params, medianInputs(params), paths);
  const out = new Float64Array(compiled.metrics.length * (H + 1));
  const pyramid = model.pyramid?.bind(model);
  const states: Partial<Record<'baseline' | 'horizon', RunPyramids['baseline']>> = {};
  const observe: Observer | undefined =
    pyramid &&
    ((t, state) => {
      if (t === 0) states.baseline = { year: ctx.baseYear, ...pyramid(state) };
      if (t === H) states.horizon = { year: ctx.baseYear + H, ...pyramid(state) };
    });
  model.createRunner(compiled, params).run(paths, out, observe);
  const series = compiled.metrics.map((_, m) => Array.from(out.subarray(m * (H + 1), (m + 1) * (H + 1))));
  const years = Array.from({ length: H + 1 }, (_, t) => ctx.baseYear + t);
  const schedules = withSchedules && model.inspect ? model.inspect(compiled, params, paths) : undefined;
  const pyramids = states.baseline && states.horizon ? { baseline: states.baseline, horizon: states.horizon } : null;
  return { metrics: compiled.metrics, years, series, pyramids, schedules };
}

/**
 * The documented JSON form: `{"years":[{"year","total","urban","rural","urbanShare","flows":{…},"contributions":{…}}],
 * "pyramids":{"baseline","horizon"}|null}` (pyramids as in `urbcast.run/1`, src/report/SCHEMA.md).
 *
 * @example
 * deterministicJson(projectDeterministic(loaded)).years[0].urbanShare;
 */
export function deterministicJson(r: DeterministicResult): { years: Record<string, unknown>[]; pyramids: RunPyramids | null } {
  return {
    pyramids: r.pyramids,
    years: r.years.map((year, t) => {
      const row: Record<string, unknown> = { year };
      const flows: Record<string, number> = {};
      const contributions: Record<string, number> = {};
      r.metrics.forEach((m, i) => {
        const v = r.series[i][t];
        if (m.kind === 'flow') flows[m.name] = v;
        else if (m.kind === 'contribution') contributions[m.name.replace(/^contrib\./, '')] = v;
        else row[m.name] = v;
      });
      row.flows = t === 0 ? null : flows;
      row.contributions = t === 0 ? null : contributions;
      return row;
    }),
  };
}

const int = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/**
 * Columns of the table: the core stocks and share, other stocks and shares that name a
 * `display.column`, flows grouped by `display.column` (flows without one are left to JSON/CSV),
 * then contributions.
 */
function tableColumns(r: DeterministicResult): { head: string; cell: (t: number) => string }[] {
  const idx = (name: string) => r.metrics.findIndex((m) => m.name === name);
  const cols: { head: string; cell: (t: number) => string }[] = [
    { head: 'year', cell: (t) => String(r.years[t]) },
    { head: 'total', cell: (t) => int.format(r.series[idx('total')][t]) },
    { head: 'urban', cell: (t) => int.format(r.series[idx('urban')][t]) },
    { head: 'rural', cell: (t) => int.format(r.series[idx('rural')][t]) },
    { head: 'urban %', cell: (t) => (100 * r.series[idx('urbanShare')][t]).toFixed(2) },
  ];
  r.metrics.forEach((m, i) => {
    if ((m.kind !== 'stock' && m.kind !== 'share') || m.display === undefined) return;
    const fmt = m.kind === 'share' ? (v: number) => (100 * v).toFixed(2) : (v: number) => int.format(v);
    cols.push({ head: m.display.column, cell: (t) => fmt(r.series[i][t]) });
  });
  const groups = new Map<string, { i: number; sign: number; unit: string }[]>();
  r.metrics.forEach((m, i) => {
    if (m.kind !== 'flow' || m.display === undefined) return;
    const col = m.display.column;
    if (!groups.has(col)) groups.set(col, []);
    groups.get(col)!.push({ i, sign: m.display?.sign ?? 1, unit: m.unit });
  });
  for (const [head, parts] of groups) {
    const fmt = parts[0].unit.startsWith('persons') ? (v: number) => int.format(v) : (v: number) => v.toPrecision(4);
    cols.push({ head, cell: (t) => (t === 0 ? '' : fmt(parts.reduce((s, p) => s + p.sign * r.series[p.i][t], 0))) });
  }
  r.metrics.forEach((m, i) => {
    if (m.kind !== 'contribution') return;
    cols.push({ head: `Δ ${m.name.replace(/^contrib\./, '')} pp`, cell: (t) => (t === 0 ? '' : (Math.round(1e5 * r.series[i][t]) / 1000).toFixed(3)) });
  });
  return cols;
}

/**
 * A fixed-width text table of the projection.
 *
 * @example
 * process.stdout.write(deterministicTable(projectDeterministic(loaded), 'Heze'));
 */
export function deterministicTable(r: DeterministicResult, title: string): string {
  const cols = tableColumns(r);
  const rows = r.years.map((_, t) => cols.map((c) => c.cell(t)));
  const widths = cols.map((c, j) => Math.max(c.head.length, ...rows.map((row) => row[j].length)));
  const line = (cells: string[]) => cells.map((s, j) => s.padStart(widths[j])).join('  ').trimEnd();
  return [
    title,
    'Deterministic projection (every uncertain input at its median). Flows are persons per year;',
    'Δ columns decompose the change in the urban share, in percentage points, and add up to it.',
    '',
    line(cols.map((c) => c.head)),
    ...rows.map(line),
    '',
  ].join('\n');
}

/** CSV with one row per year and one column per metric. */
export function deterministicCsv(r: DeterministicResult): string {
  const head = ['year', ...r.metrics.map((m) => m.name)].join(',');
  const rows = r.years.map((y, t) => [y, ...r.metrics.map((m, i) => (t === 0 && (m.kind === 'flow' || m.kind === 'contribution') ? '' : r.series[i][t]))].join(','));
  return [head, ...rows, ''].join('\n');
}

/**
 * `simulate --deterministic` / `--dump-schedules`: returns the text to print on stdout, or with
 * `out` writes it into that folder and returns the file written.
 *
 * @example
 * const { text } = await runDeterministic(loaded, { format: 'json' });
 * const { files } = await runDeterministic(loaded, { format: 'csv', out: 'out/heze' }); // ['out/heze/projection.csv']
 */
export async function runDeterministic(input: DeterministicInput, opts: DeterministicOptions = {}): Promise<{ text: string } | { files: string[] }> {
  const format = opts.format ?? 'table';
  const r = projectDeterministic(input, opts.dumpSchedules !== undefined);
  if (opts.dumpSchedules !== undefined && r.schedules === undefined) throw new Error(`model ${input.model.name} cannot dump its schedules`);
  const dump = () => opts.dumpSchedules !== undefined && writeOutputFile(opts.dumpSchedules, JSON.stringify(r.schedules));
  const title = `${input.scenario.name} — ${input.scenario.region} (model ${input.model.name})`;
  const text =
    format === 'json' ? JSON.stringify(deterministicJson(r), null, 1) + '\n' : format === 'csv' ? deterministicCsv(r) : deterministicTable(r, title);
  if (opts.out === undefined) {
    dump();
    return { text };
  }
  // the projection first: a failed dump then leaves the projection (a file of its own) whole
  const files = writeOutputSet(opts.out, { [PROJECTION_FILES[format]]: text });
  dump();
  return { files };
}
