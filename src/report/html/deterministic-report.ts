/**
 * `simulate --deterministic --format html`: the page of one projection with every uncertain input
 * at its median — share and population paths, flows, decomposition, pyramids, assumptions and
 * identity, with no probabilities — and `projection.json` / `projection.csv` beside it (the same
 * text as `--deterministic --format json` / `csv`), so its numbers can be checked.
 *
 * The page is drawn from a {@link RunResult} of no draws: every quantile, mean and sd null, the
 * path in `deterministic`, no targets. That object only feeds the page; it is not written.
 *
 * @module
 */
import { compileScenario } from '../../engine/compile.js';
import { deterministicCsv, deterministicJson, projectDeterministic, type DeterministicResult } from '../../engine/deterministic.js';
import { QUANTILES, RESULT_SCHEMA, type QuantileKey, type RunResult } from '../../engine/result.js';
import { sha256 } from '../../engine/run.js';
import { inputLabel } from '../../engine/summarize.js';
import { engineVersion } from '../../engine/version.js';
import type { LoadedScenario } from '../../scenario/load.js';
import { assumptionRows } from './assumptions.js';
import { observedHistory } from './history.js';
import { htmlPage } from './page.js';
import { writeReport } from './render-html.js';
import type { Lang } from '../format.js';

/** Options of {@link deterministicHtml} (the CLI's `DeterministicHtmlOptions`). */
export interface DeterministicHtmlOptions {
  /** Folder for report.html, projection.json and projection.csv; without it the page goes to `stdout`. */
  out?: string;
  lang: Lang;
  /** The `--set` overrides `loaded` was loaded with, shown in the page's identity. */
  sets: readonly string[];
  stdout: { write(s: string): unknown };
}

/**
 * The page's view of a deterministic projection: a result with no draws.
 *
 * @example
 * const r = deterministicResult(loaded, projectDeterministic(loaded), []);
 * r.run.draws; // 0
 */
export function deterministicResult(loaded: LoadedScenario, d: DeterministicResult, sets: readonly string[]): RunResult {
  const cs = compileScenario(loaded);
  const nulls = () => d.years.map(() => null);
  const startedAt = new Date().toISOString();
  return {
    schema: RESULT_SCHEMA,
    scenario: { name: loaded.scenario.name, file: loaded.file, sha256: sha256(loaded.file), model: loaded.modelName, region: loaded.scenario.region, sets: [...sets] },
    run: { draws: 0, seed: cs.main.sampling.seed, lhs: false, workers: 1, batchSize: 0, leverDraws: 0, sensitivityBins: 0, engineVersion: engineVersion(), startedAt, seconds: 0 },
    years: d.years,
    metrics: d.metrics.map((m, i) => {
      const skip0 = m.kind === 'flow' || m.kind === 'contribution';
      return {
        name: m.name,
        label: m.label,
        unit: m.unit,
        kind: m.kind,
        quantiles: Object.fromEntries((Object.keys(QUANTILES) as QuantileKey[]).map((k) => [k, nulls()])) as RunResult['metrics'][number]['quantiles'],
        mean: nulls(),
        sd: nulls(),
        deterministic: d.series[i].map((v, t) => (skip0 && t === 0) || !Number.isFinite(v) ? null : v),
      };
    }),
    inputs: cs.main.inputs.map((inp, j) => ({ name: inp.name, label: inputLabel(cs.main, j), unit: inp.param >= 0 ? cs.main.params.units[inp.param] : '', median: inp.median })),
    targets: [],
    joint: { pAll: null, se: null, verdict: null, milestones: [] },
    pyramids: d.pyramids,
  };
}

/**
 * Writes (or prints) the deterministic page; returns the files written.
 *
 * @example
 * await deterministicHtml(loaded, { out: 'out/heze-det', lang: 'en', sets: [], stdout: process.stdout });
 * // ['out/heze-det/report.html', 'out/heze-det/projection.json', 'out/heze-det/projection.csv']
 */
export async function deterministicHtml(loaded: LoadedScenario, opts: DeterministicHtmlOptions): Promise<string[]> {
  const d = projectDeterministic(loaded);
  const r = deterministicResult(loaded, d, opts.sets);
  const extras = { assumptions: assumptionRows(loaded.scenario.assumptions, r.inputs), assumptionsComplete: true, history: observedHistory(r.scenario.region, r.scenario.file, loaded.ctx.dataDir) };
  const html = htmlPage(r, extras, opts.lang);
  return writeReport(html, opts, { 'projection.json': JSON.stringify(deterministicJson(d), null, 1) + '\n', 'projection.csv': deterministicCsv(d) });
}
