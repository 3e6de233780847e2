/**
 * Turns a run's aggregates into its {@link RunResult}.
 *
 * @module
 */
import { groupWalkDrivers } from './group-drivers.js';
import type { UncertainInput } from '../params/compile.js';
import type { RunAccumulator, MedianRun } from './aggregate/accumulator.js';
import type { CompiledScenario } from './compile.js';
import type { LeverResult } from './lever.js';
import { QUANTILES, RESULT_SCHEMA, type CalibrationResult, type InputResult, type MetricResult, type QuantileKey, type RunResult, type TargetResult } from './result.js';
import { targetDefinition } from './target-plan.js';
import { firstYearShares, probability, targetProbability } from './targets.js';
import { verdict } from './verdict.js';

const KEYS = Object.keys(QUANTILES) as QuantileKey[];
const PS = KEYS.map((k) => QUANTILES[k]);

/** JSON has no NaN or Infinity. */
const num = (x: number): number | null => (Number.isFinite(x) ? x : null);

/**
 * A readable label for an uncertain input: its parameter's label, plus which part of the
 * parameter it is (annual change, a year's value, a year's random-walk shift).
 *
 * @example
 * inputLabel(compiled.main, 3); // 'TFR, urban: annual change'
 */
export function inputLabel(cs: CompiledScenario['main'], j: number): string {
  const inp: UncertainInput = cs.inputs[j];
  if (inp.param < 0) return inp.name;
  const label = cs.params.labels[inp.param];
  const part = inp.name.slice(cs.params.keys[inp.param].length + 1);
  if (part === 'value') return label;
  if (part === 'change') return `${label}: annual change`;
  const walk = /^walk\.(\d{4})$/.exec(part);
  if (walk) return `${label}: random shift in ${walk[1]}`;
  return `${label} in ${part.replace(/^byYear\./, '')}`;
}

/** What the run itself reports (the scenario's identity and the run's settings). */
export type RunInfo = Pick<RunResult, 'scenario' | 'run'>;

/**
 * Assembles the result.
 *
 * @example
 * const result = summarize(compiled, acc, median, levers, info);
 */
export function summarize(cs: CompiledScenario, acc: RunAccumulator, median: MedianRun, levers: (LeverResult | null)[] | null, info: RunInfo): RunResult {
  const T1 = cs.years.length;
  const metrics: MetricResult[] = cs.metrics.map((m, mi) => {
    const skip0 = m.kind === 'flow' || m.kind === 'contribution';
    const perYear = (f: (h: number) => number) => Array.from({ length: T1 }, (_, t) => (skip0 && t === 0 ? null : num(f(mi * T1 + t))));
    const qs = Array.from({ length: T1 }, (_, t) => acc.series.quantiles(mi * T1 + t, PS));
    const quantiles = Object.fromEntries(KEYS.map((key, q) => [key, qs.map((row, t) => (skip0 && t === 0 ? null : num(row[q])))])) as MetricResult['quantiles'];
    return {
      name: m.name,
      label: m.label,
      unit: m.unit,
      kind: m.kind,
      quantiles,
      mean: perYear((h) => acc.seriesMoments.mean(h)),
      sd: perYear((h) => acc.seriesMoments.sd(h)),
      deterministic: perYear((h) => median.series[h]),
    };
  });
  const inputs: InputResult[] = cs.main.inputs.map((inp, j) => ({
    name: inp.name,
    label: inputLabel(cs.main, j),
    unit: inp.param >= 0 ? cs.main.params.units[inp.param] : '',
    median: inp.median,
  }));
  const targets: TargetResult[] = cs.targets.map((tg, k) => {
    const pr = targetProbability(acc.tally, k);
    const [q025, q10, median50, q90, q975] = acc.targetHist.quantiles(k, [0.025, 0.1, 0.5, 0.9, 0.975]);
    const drivers = groupWalkDrivers(acc.sensitivity?.drivers(k).map((d) => ({ input: inputs[d.input].name, label: inputs[d.input].label, index: d.index, direction: d.direction })) ?? []);
    return {
      ...targetDefinition(tg, tg.comparator === '~' || tg.comparator === '=' ? tg.tolerance : undefined),
      pMet: pr.p,
      se: pr.se,
      verdict: pr.verdict,
      median: median50,
      q10,
      q90,
      q025,
      q975,
      mean: acc.targetMoments.mean(k),
      sd: acc.targetMoments.sd(k),
      deterministic: median.values[k],
      firstYear: firstYearShares(acc.tally, k, cs.years),
      lever: levers?.[k] ?? null,
      drivers,
    };
  });
  const milestones = cs.targets.filter((t) => t.milestone).map((t) => t.id);
  const joint = probability(acc.tally.jointMet, acc.tally.n, acc.tally.ess());
  return {
    schema: RESULT_SCHEMA,
    ...info,
    years: cs.years,
    metrics,
    inputs,
    targets,
    joint:
      milestones.length > 0
        ? { pAll: joint.p, se: joint.se, verdict: verdict(joint.p), milestones }
        : { pAll: null, se: null, verdict: null, milestones },
    ...(cs.calibration !== null ? { calibration: calibrationResult(cs, acc) } : {}),
  };
}

/** The calibration's summary: ESS, and each observation with the weighted median of its metric. */
function calibrationResult(cs: CompiledScenario, acc: RunAccumulator): CalibrationResult {
  const cal = cs.calibration!;
  return {
    method: cal.method,
    ess: acc.ess(),
    minEss: cal.minEss,
    observations: cal.observations.map((o, i) => ({ ...o, median: num(acc.series.quantiles(cal.at[i], [0.5])[0]) })),
  };
}
