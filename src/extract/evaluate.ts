/**
 * How well `simulate extract` reads the plans: its output on each document of the hand-made seed
 * files (seeds/*.yml) compared entry by entry. An extracted figure matches a seed entry when both
 * cite the same document and line and state the same indicator, value and (last) year. Recall
 * counts the seed entries the engine can express as targets or baselines (indicators mapped to a
 * metric, for the whole city, in a unit the metric reads); precision counts every extracted
 * figure. Matched pairs are also compared on comparator, kind (baseline and history alike),
 * window and unit, and each disagreement is listed.
 *
 * @module
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { INDICATOR_METRICS } from '../scenario/seeds.js';
import { loadSeedFile, type SeedEntry } from '../scenario/seed-file.js';
import { PlanInputError, readPlan } from './decode.js';
import { extractFigures, type ExtractedEntry } from './extract.js';
import { endYear } from './figure.js';

/** One document's comparison. */
export interface DocumentScore {
  document: string;
  city: string;
  region: string;
  /** Seed entries of this document, and those the engine can express. */
  seeds: number;
  expressible: number;
  /** Expressible seed entries found. */
  found: number;
  extracted: number;
  /** Extracted figures matching a seed entry (any indicator). */
  correct: number;
  misses: SeedEntry[];
  falseFinds: ExtractedEntry[];
  /** Matched pairs whose comparator, kind, window or unit differ. */
  disagreements: { seed: SeedEntry; found: ExtractedEntry; fields: string[] }[];
  /** Why nothing was extracted (the extractor's message), when so. */
  refused?: string;
}

/** The whole comparison. */
export interface ExtractScore {
  documents: DocumentScore[];
  recall: number;
  precision: number;
  found: number;
  expressible: number;
  correct: number;
  extracted: number;
}

/**
 * Whether the engine can use a seed entry as a target or a baseline (src/scenario/seeds.ts):
 * an indicator mapped to a metric, about the whole city, in a unit that metric reads.
 *
 * @example
 * expressible({ indicator: 'resident_urbanisation_rate', region: '菏泽市', unit: 'percent', year: 2025 } as SeedEntry, '菏泽市'); // true
 */
export function expressible(e: SeedEntry, cityRegion: string): boolean {
  const m = INDICATOR_METRICS[e.indicator];
  if (m === undefined || e.region !== cityRegion || m.units[e.unit] === undefined) return false;
  return m.kind !== 'level' || e.year !== undefined;
}

const lastYear = (e: { year?: number; years?: [number, number] }) => e.year ?? e.years![1];
const matches = (s: SeedEntry, x: ExtractedEntry) =>
  s.source.document === x.source.document &&
  s.source.line === x.source.line &&
  s.indicator === x.indicator &&
  Math.abs(s.value - x.value) <= 1e-9 * Math.max(1, Math.abs(s.value)) &&
  lastYear(s) === endYear(x);
const past = (k: string) => (k === 'baseline' || k === 'history' ? 'past' : k);

function fieldsDiffering(s: SeedEntry, x: ExtractedEntry): string[] {
  const d: string[] = [];
  if (s.comparator !== x.comparator) d.push(`comparator ${x.comparator} (seed ${s.comparator})`);
  if (past(s.kind) !== past(x.kind)) d.push(`kind ${x.kind} (seed ${s.kind})`);
  if (s.years !== undefined && x.years !== undefined && s.years[0] !== x.years[0]) d.push(`window ${x.years.join('–')} (seed ${s.years.join('–')})`);
  if ((s.years === undefined) !== (x.years === undefined)) d.push(`${x.years === undefined ? 'year' : 'window'} (seed ${s.years === undefined ? 'year' : 'window'})`);
  if (s.unit !== x.unit) d.push(`unit ${x.unit} (seed ${s.unit})`);
  if (s.region !== x.region) d.push(`region ${x.region} (seed ${s.region})`);
  return d;
}

/**
 * Runs the extractor on every document the seed files cite (found in `documentsDir`) and compares.
 *
 * @example
 * const score = scoreExtraction('seeds', '../shared/seeds');
 * score.recall; // 0.97 …
 */
export function scoreExtraction(seedsDir: string, documentsDir: string): ExtractScore {
  const files = readdirSync(seedsDir).filter((f) => f.endsWith('.yml')).sort();
  const documents: DocumentScore[] = [];
  for (const f of files) {
    const seeds = loadSeedFile(join(seedsDir, f));
    for (const document of seeds.data.documents) {
      const path = join(documentsDir, document);
      if (!existsSync(path)) throw new PlanInputError(`${path}: no such document (cited by ${join(seedsDir, f)})`);
      const mine = seeds.data.entries.filter((e) => e.source.document === document);
      let extracted: ExtractedEntry[] = [];
      let refused: string | undefined;
      try {
        extracted = extractFigures(readPlan(path).text, { document, region: seeds.region, city: seeds.data.city });
      } catch (e) {
        if (!(e instanceof PlanInputError)) throw e;
        refused = e.message;
      }
      const used = new Set<ExtractedEntry>();
      const pairs = new Map<SeedEntry, ExtractedEntry>();
      for (const s of mine) {
        const x = extracted.find((c) => !used.has(c) && matches(s, c));
        if (x !== undefined) {
          used.add(x);
          pairs.set(s, x);
        }
      }
      const canExpress = mine.filter((e) => expressible(e, seeds.region));
      documents.push({
        document,
        city: seeds.data.city,
        region: seeds.region,
        seeds: mine.length,
        expressible: canExpress.length,
        found: canExpress.filter((s) => pairs.has(s)).length,
        extracted: extracted.length,
        correct: used.size,
        misses: canExpress.filter((s) => !pairs.has(s)),
        falseFinds: extracted.filter((x) => !used.has(x)),
        disagreements: [...pairs].map(([seed, found]) => ({ seed, found, fields: fieldsDiffering(seed, found) })).filter((d) => d.fields.length > 0),
        ...(refused !== undefined ? { refused } : {}),
      });
    }
  }
  const sum = (k: 'found' | 'expressible' | 'correct' | 'extracted') => documents.reduce((a, d) => a + d[k], 0);
  const found = sum('found');
  const exp = sum('expressible');
  const correct = sum('correct');
  const extracted = sum('extracted');
  return { documents, found, expressible: exp, correct, extracted, recall: exp === 0 ? 1 : found / exp, precision: extracted === 0 ? 1 : correct / extracted };
}

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

/**
 * The comparison as text: a table by document, then every miss, false find and disagreement
 * with its line and quote.
 *
 * @example
 * process.stdout.write(renderScore(scoreExtraction('seeds', '../shared/seeds')));
 */
export function renderScore(s: ExtractScore): string {
  const rows = [['document', 'city', 'seed entries', 'expressible', 'found', 'recall', 'extracted', 'correct', 'precision']];
  for (const d of s.documents) {
    rows.push([d.document, d.city, String(d.seeds), String(d.expressible), String(d.found), d.expressible === 0 ? '—' : pct(d.found / d.expressible), String(d.extracted), String(d.correct), d.extracted === 0 ? '—' : pct(d.correct / d.extracted)]);
  }
  rows.push(['all', '', String(s.documents.reduce((a, d) => a + d.seeds, 0)), String(s.expressible), String(s.found), pct(s.recall), String(s.extracted), String(s.correct), pct(s.precision)]);
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => [...r[i]].length)));
  const out = rows.map((r) => r.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd());
  out.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '));
  const quote = (q: string) => JSON.stringify(q);
  const misses = s.documents.flatMap((d) => d.misses.map((e) => `  ${e.id}  ${d.document}:${e.source.line}  ${e.indicator} ${e.year ?? e.years!.join('–')} ${e.comparator} ${e.value} ${e.unit}  ${quote(e.source.quote)}`));
  const falses = s.documents.flatMap((d) => d.falseFinds.map((x) => `  ${d.document}:${x.source.line}  ${x.indicator} (${x.region}) ${x.year ?? x.years!.join('–')} ${x.comparator} ${x.value} ${x.unit}  ${quote(x.source.quote)}`));
  const dis = s.documents.flatMap((d) => d.disagreements.map((p) => `  ${p.seed.id}  ${d.document}:${p.seed.source.line}  ${p.fields.join('; ')}`));
  const refused = s.documents.filter((d) => d.refused !== undefined).map((d) => `  ${d.refused}`);
  return [
    ...out,
    '',
    `Recall ${pct(s.recall)} (${s.found} of ${s.expressible} seed entries the engine can express as targets or baselines); precision ${pct(s.precision)} (${s.correct} of ${s.extracted} extracted figures match a seed entry: same document, line, indicator, value and year).`,
    '',
    `Misses (${misses.length}):`,
    ...(misses.length > 0 ? misses : ['  none']),
    `False finds (${falses.length}):`,
    ...(falses.length > 0 ? falses : ['  none']),
    `Matched, but a field differs (${dis.length}):`,
    ...(dis.length > 0 ? dis : ['  none']),
    ...(refused.length > 0 ? ['Documents with no figure found:', ...refused] : []),
    '',
  ].join('\n');
}
