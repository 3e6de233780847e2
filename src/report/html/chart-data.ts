/**
 * The data of the report's charts, computed once on the server side and inlined as JSON: fan
 * charts (quantile bands per year, observed points, target markers) and the decomposition bars.
 *
 * @module
 */
import type { MetricResult, RunResult } from '../../engine/result.js';
import { formatPMet, formatValue, type Lang } from '../format.js';
import { metricLabel } from '../labels.js';
import type { ObservedPoint } from './history.js';
import { pyramidChart, type PyramidChart } from './pyramid-data.js';
import { htmlWords } from './words.js';

/** A target drawn on a fan chart. */
export interface TargetMarker {
  id: string;
  year: number;
  value: number;
  pMet: number;
  /** e.g. `heze.P001 ≥ 57.0% · < 0.03%`. */
  text: string;
}

/** A fan chart: per year (index of `years`) quantiles, observed points and targets. */
export interface FanChart {
  id: string;
  title: string;
  yLabel: string;
  unit: 'share' | 'persons';
  years: number[];
  /** p025, p10, p25, p50, p75, p90, p975, each per year (null where not projected). */
  bands: (number | null)[][];
  census: (number | null)[];
  yearEnd: (number | null)[];
  targets: TargetMarker[];
  range: [number, number];
  /** Drawn half-height in a grid of small charts (the flows). */
  small: boolean;
}

/** Stacked bars of the yearly change of the urban share by component. */
export interface DecompositionChart {
  id: string;
  title: string;
  yLabel: string;
  years: number[];
  series: { name: string; label: string; values: number[] }[];
  net: number[];
}

export interface ChartData {
  lang: Lang;
  xLabel: string;
  legend: ReturnType<typeof htmlWords>['legend'];
  /** True for one deterministic path (no draws): the fans' median is that path, with no bands. */
  deterministic: boolean;
  /** Urban share, total population, then the model's other shares (e.g. `hukouShare`). */
  fans: FanChart[];
  /** The flows between areas or statuses (kind `flow`, not split by area). */
  flows: FanChart[];
  decomposition: DecompositionChart | null;
  pyramids: PyramidChart | null;
}

const BANDS = ['p025', 'p10', 'p25', 'p50', 'p75', 'p90', 'p975'] as const;
const CONTRIB = ['contrib.natural', 'contrib.internal', 'contrib.reclassification', 'contrib.external'];

/** Observed points more than this many years before the baseline are left out (they would squeeze the projection). */
const HISTORY_YEARS = 12;

/** Flows split by area (`births.U`, `external.R`) are parts of sums a fan cannot show; they stay in the CSV. */
const BY_AREA = /\.[UR]$/;

/** At most this many flow fans (in metric order). */
const MAX_FLOWS = 6;

/** A flow that is zero in every draw and year (e.g. a rate the scenario sets to 0) says nothing as a chart. */
function alwaysZero(m: MetricResult): boolean {
  return [...Object.values(m.quantiles), m.deterministic].every((a) => a.every((v) => v === null || v === 0));
}

function fan(r: RunResult, m: MetricResult, allHistory: ObservedPoint[], key: 'urbanShare' | 'total' | null, title: string, yLabel: string, lang: Lang): FanChart {
  const history = key === null ? [] : allHistory.filter((h) => h.year >= r.years[0] - HISTORY_YEARS && h[key] !== null);
  const years = [...new Set([...history.map((h) => h.year), ...r.years])].sort((a, b) => a - b);
  const at = (arr: (number | null)[]) => years.map((y) => (r.years.includes(y) ? arr[r.years.indexOf(y)] : null));
  const observed = (kind: ObservedPoint['kind']) => years.map((y) => (key === null ? null : (history.find((h) => h.year === y && h.kind === kind)?.[key] ?? null)));
  const targets = r.targets
    .filter((t) => t.metric === m.name && t.kind === 'level' && t.year !== undefined)
    .map((t) => ({
      id: t.id,
      year: t.year!,
      value: t.value,
      pMet: t.pMet,
      text: `${t.id} ${t.comparator === '>=' ? '≥' : t.comparator === '<=' ? '≤' : t.comparator} ${formatValue(t.value, m.unit, { lang })} · ${formatPMet(t.pMet, t.se, r.run.draws)}`,
    }));
  // one deterministic path (no draws): the path as the median, no bands
  const bands = BANDS.map((k) => at(r.run.draws > 0 ? m.quantiles[k] : k === 'p50' ? m.deterministic : m.quantiles[k].map(() => null)));
  const census = observed('census');
  const yearEnd = observed('year-end');
  const all = [...bands.flat(), ...census, ...yearEnd, ...targets.map((t) => t.value)].filter((x): x is number => x !== null && Number.isFinite(x));
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  const pad = (hi - lo) * 0.06 || Math.abs(hi) * 0.05 || 1;
  const small = m.kind === 'flow';
  return { id: `fan-${m.name.replace(/[^A-Za-z0-9_-]/g, '_')}`, title, yLabel, unit: m.unit === 'share' ? 'share' : 'persons', years, bands, census, yearEnd, targets, range: [lo - pad, hi + pad], small };
}

/**
 * The charts of a result: urban share and total population fans (when the model has those
 * metrics) with the model's other shares, fans of its flows between areas or statuses, the
 * decomposition (when it has `contrib.*`) and the pyramids (when the result has them).
 *
 * @example
 * chartData(result, history, 'en').fans.map((f) => f.id); // ['fan-urbanShare', 'fan-total']
 */
export function chartData(r: RunResult, history: ObservedPoint[], lang: Lang): ChartData {
  const w = htmlWords(lang);
  const metric = (name: string) => r.metrics.find((m) => m.name === name);
  const fans: FanChart[] = [];
  const share = metric('urbanShare');
  if (share) fans.push(fan(r, share, history, 'urbanShare', w.sections.share, w.axis.share, lang));
  const total = metric('total');
  if (total) fans.push(fan(r, total, history, 'total', w.sections.total, w.axis.total, lang));
  const label = (m: MetricResult) => metricLabel(m.name, m.label, lang);
  const unit = (m: MetricResult) => w.axis.unit(m.unit);
  for (const m of r.metrics) {
    if (m.kind === 'share' && m.name !== 'urbanShare') fans.push(fan(r, m, [], null, label(m), lang === 'zh' ? `${label(m)}（%）` : `${label(m)} (%)`, lang));
  }
  // a small chart's title names the flow, its axis only the unit
  const flows = r.metrics
    .filter((m) => m.kind === 'flow' && !BY_AREA.test(m.name) && !alwaysZero(m))
    .slice(0, MAX_FLOWS)
    .map((m) => fan(r, m, [], null, label(m), unit(m), lang));
  const contribs = CONTRIB.map(metric).filter((m): m is MetricResult => m !== undefined);
  let decomposition: DecompositionChart | null = null;
  if (contribs.length > 0) {
    const ts = r.years.map((_, t) => t).filter((t) => contribs.every((m) => m.deterministic[t] !== null));
    const series = contribs.map((m) => ({ name: m.name, label: w.contrib[m.name] ?? m.label, values: ts.map((t) => m.deterministic[t]!) }));
    decomposition = {
      id: 'decomposition',
      title: w.sections.decomposition,
      yLabel: w.axis.contribution,
      years: ts.map((t) => r.years[t]),
      series,
      net: ts.map((_, i) => series.reduce((s, x) => s + x.values[i], 0)),
    };
  }
  return { lang, xLabel: w.axis.year, legend: w.legend, deterministic: r.run.draws === 0, fans, flows, decomposition, pyramids: pyramidChart(r.pyramids, lang) };
}
