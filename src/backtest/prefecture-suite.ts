/**
 * The prefecture backtest (`simulate backtest --suite prefectures`, `npm run backtest -- --suite
 * prefectures`): every catalogue unit with urban figures, from its 2010 census to 2020, for each
 * model (scenarios: prefecture-scenarios.ts), run and scored by the same code as `simulate
 * backtest`, beside two point baselines known in 2010:
 *
 * - constant trend: the last decade's pace in points a year. No prefecture's or province's 2000 urban
 *   share is in seeds/data, so it is the nation's (36.22 → 49.95 %, seeds/data/china_urban_share.csv
 *   rows 2000, 2010); population grows at the nation's 2000 → 2010 rate (same rows);
 * - UN URGD: the urban–rural growth difference of the last intercensal decade held constant
 *   (UN Manual VIII), the nation's 2000 → 2010 for the same reason; population as above.
 *
 * Deterministic: results depend only on the data, the draws and the seed.
 *
 * @module
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from '../vendor/yaml.js';
import { hasUrbanFigures, loadCatalogue, type CensusUnit } from '../census/index.js';
import { readCsv } from '../data/csv.js';
import { prefectureFits } from '../calibration/prefecture-fits.js';
import { fitReferenceClass, type ReferenceClass } from '../calibration/reference-class.js';
import { loadVitals } from '../calibration/vitals.js';
import { loadScenario } from '../scenario/load.js';
import { dataDir as defaultDataDir } from '../scenario/paths.js';
import { runBacktest } from './run-backtest.js';
import { prefectureScenario, SUITE_MODELS, urgdReference, type UrgdReference } from './prefecture-scenarios.js';

/** Options of {@link runPrefectureSuite}; defaults merged once. */
export interface PrefectureSuiteOptions {
  draws: number;
  seed: number;
  workers: number;
  /** Only these units (codes); default all with urban figures. */
  codes?: string[];
  dataDir: string;
  progress?: (done: number, total: number, unit: CensusUnit) => void;
}

const DEFAULTS: PrefectureSuiteOptions = { draws: 500, seed: 20101101, workers: 1, dataDir: defaultDataDir };

/** One method's forecast for one unit and metric: the error (pp or %) and, for models, coverage. */
export interface SuiteRow {
  code: string;
  province: string;
  method: string;
  metric: 'urbanShare' | 'total';
  error: number;
  in80: boolean | null;
  in95: boolean | null;
}

/** Summary of one method and metric. */
export interface SuiteSummary {
  method: string;
  metric: 'urbanShare' | 'total';
  n: number;
  mae: number;
  medianAbs: number;
  bias: number;
  coverage80: number | null;
  coverage95: number | null;
}

const logit = (p: number) => Math.log(p / (1 - p));
const expit = (x: number) => 1 / (1 + Math.exp(-x));

/** The national 2000 → 2010 paces the baselines use. */
export function nationalPaces(dataDir: string): { pointsPerYear: number; urgd: number; growth: number } {
  const rows = readCsv(join(dataDir, 'china_urban_share.csv'));
  const at = (y: string) => rows.find((r) => r.year === y)!;
  const [a, b] = [at('2000'), at('2010')];
  const [ua, ub] = [Number(a.urban_pct) / 100, Number(b.urban_pct) / 100];
  return { pointsPerYear: (ub - ua) / 10, urgd: (logit(ub) - logit(ua)) / 10, growth: (Number(b.total_pop_10k) / Number(a.total_pop_10k)) ** 0.1 - 1 };
}

/**
 * Runs the suite; returns every scored row and the summary per method and metric.
 *
 * @example
 * const { rows, summary } = await runPrefectureSuite({ codes: ['371700'], draws: 200 });
 */
export async function runPrefectureSuite(options: Partial<PrefectureSuiteOptions> = {}): Promise<{ rows: SuiteRow[]; summary: SuiteSummary[]; units: number }> {
  const o = { ...DEFAULTS, ...options };
  const cat = loadCatalogue(o.dataDir);
  const all = cat.units.filter(hasUrbanFigures);
  const units = o.codes ? all.filter((u) => o.codes!.includes(u.code)) : all;
  const fits = prefectureFits(o.dataDir);
  const vitals = loadVitals(o.dataDir);
  const nat = nationalPaces(o.dataDir);
  const refs = new Map<string, { reference: ReferenceClass; urgd: UrgdReference }>();
  const rows: SuiteRow[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'urbcast-prefectures-'));
  try {
    for (const [k, u] of units.entries()) {
      o.progress?.(k + 1, units.length, u);
      let ref = refs.get(u.provinceCode);
      if (ref === undefined) {
        ref = { reference: fitReferenceClass(fits, u.provinceCode), urgd: urgdReference(all, u.provinceCode) };
        refs.set(u.provinceCode, ref);
      }
      const s10 = u.census2010.urban! / u.census2010.population!;
      const s20 = u.census2020.urban! / u.census2020.population!;
      const p20 = u.census2020.population!;
      const pop = u.census2010.population! * (1 + nat.growth) ** 10;
      const point = (method: string, share: number) => {
        rows.push({ code: u.code, province: u.provinceCode, method, metric: 'urbanShare', error: 100 * (share - s20), in80: null, in95: null });
        rows.push({ code: u.code, province: u.provinceCode, method, metric: 'total', error: 100 * (pop / p20 - 1), in80: null, in95: null });
      };
      point('constant trend', s10 + 10 * nat.pointsPerYear);
      point('UN URGD', expit(logit(s10) + 10 * nat.urgd));
      for (const model of SUITE_MODELS) {
        const sc = prefectureScenario(u, model, { ...ref, vitals, dataDir: o.dataDir, draws: o.draws, seed: o.seed });
        const file = join(dir, `${u.code}-${model}.yml`);
        if (sc.ageCsv !== undefined) writeFileSync(join(dir, 'age.csv'), sc.ageCsv);
        writeFileSync(file, stringify(sc.doc));
        const bt = await runBacktest(await loadScenario(file, { dataDir: o.dataDir }), { workers: o.workers, progress: false });
        for (const ob of bt.observations) {
          rows.push({ code: u.code, province: u.provinceCode, method: model, metric: ob.metric as 'urbanShare' | 'total', error: ob.error, in80: ob.in80, in95: ob.in95 });
        }
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { rows, summary: summarizeSuite(rows), units: units.length };
}

/**
 * MAE, median |error|, bias and coverage per method and metric, in first-seen method order.
 *
 * @example
 * summarizeSuite(rows)[0]; // { method: 'constant trend', metric: 'urbanShare', n: 345, mae: …, … }
 */
export function summarizeSuite(rows: SuiteRow[]): SuiteSummary[] {
  const methods = [...new Set(rows.map((r) => r.method))];
  const out: SuiteSummary[] = [];
  for (const method of methods) {
    for (const metric of ['urbanShare', 'total'] as const) {
      const rs = rows.filter((r) => r.method === method && r.metric === metric);
      if (rs.length === 0) continue;
      const abs = rs.map((r) => Math.abs(r.error)).sort((a, b) => a - b);
      const mid = abs.length >> 1;
      const scored = rs.filter((r) => r.in80 !== null);
      const cov = (k: 'in80' | 'in95') => (scored.length === 0 ? null : scored.filter((r) => r[k]).length / scored.length);
      out.push({
        method,
        metric,
        n: rs.length,
        mae: abs.reduce((s, v) => s + v, 0) / abs.length,
        medianAbs: abs.length % 2 ? abs[mid] : (abs[mid - 1] + abs[mid]) / 2,
        bias: rs.reduce((s, r) => s + r.error, 0) / rs.length,
        coverage80: cov('in80'),
        coverage95: cov('in95'),
      });
    }
  }
  return out;
}

/**
 * The summary as a Markdown table (errors: urban share in points, population in percent).
 *
 * @example
 * suiteTable(summary); // '| method | urban share: MAE | … |'
 */
export function suiteTable(summary: SuiteSummary[]): string {
  const f = (x: number) => x.toFixed(2);
  const s = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(2)}`;
  const p = (x: number | null) => (x === null ? '–' : `${Math.round(100 * x)} %`);
  const lines = [
    '| method | n | share: median abs error (pp) | MAE | bias | 80 % holds | 95 % holds | population: median abs error (%) | MAE | bias | 80 % holds | 95 % holds |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const methods = [...new Set(summary.map((r) => r.method))];
  for (const m of methods) {
    const a = summary.find((r) => r.method === m && r.metric === 'urbanShare')!;
    const b = summary.find((r) => r.method === m && r.metric === 'total')!;
    lines.push(`| ${m} | ${a.n} | ${f(a.medianAbs)} | ${f(a.mae)} | ${s(a.bias)} | ${p(a.coverage80)} | ${p(a.coverage95)} | ${f(b.medianAbs)} | ${f(b.mae)} | ${s(b.bias)} | ${p(b.coverage80)} | ${p(b.coverage95)} |`);
  }
  return lines.join('\n') + '\n';
}
