/**
 * A plan's extracted figures → the scenario's targets, as seed references: the target levels
 * (and flows and gains where the model can express them) after the baseline year, one per
 * quantity (a text and a table cell stating the same value give one target, the text's wording
 * kept; where they disagree, both), and for every figure left out, why.
 *
 * @module
 */
import type { ExtractedEntry } from '../extract/extract.js';
import { resolveSeedTarget, SeedError } from '../scenario/seeds.js';

/** A seed target to write, and what the plan said. */
export interface PlanTarget {
  seed: string;
  why: string;
}

/** What {@link planTargets} decided. */
export interface PlanTargets {
  targets: PlanTarget[];
  /** `id: reason` for each figure that is not a target. */
  left: string[];
}

/**
 * Chooses the targets among a plan's extracted figures (already written as seeds in `seedsDir`).
 *
 * @example
 * planTargets(entries, { seedsDir: staged, baseYear: 2020, horizon: 2035, metrics: new Set(['urbanShare', 'total']) });
 * // { targets: [{ seed: 'linyi.P003', why: '全市常住人口城镇化率达到65% (line 101)' }], left: ['linyi.P001: a baseline, not a target', …] }
 */
export function planTargets(entries: ExtractedEntry[], o: { seedsDir: string; baseYear: number; horizon: number; metrics: Set<string> }): PlanTargets {
  const left: string[] = [];
  const chosen: { e: ExtractedEntry; key: string }[] = [];
  for (const e of entries) {
    const say = (why: string) => left.push(`${e.id} (${e.indicator}, ${e.region}, ${e.year ?? e.years!.join('–')}, ${e.value} ${e.unit}): ${why}`);
    if (e.kind === 'baseline' || e.kind === 'history') {
      say('a reported value, not a target');
      continue;
    }
    let t;
    try {
      t = resolveSeedTarget(e.id, { seedsDir: o.seedsDir });
    } catch (err) {
      if (!(err instanceof SeedError)) throw err;
      say(err.message.replace(/^seed \S+ /, ''));
      continue;
    }
    if (!o.metrics.has(t.metric)) {
      say(`the model has no metric ${t.metric} with these assumptions`);
      continue;
    }
    if (t.needsReference) {
      say('relative to the province: a target needs the province projected on the same draws (reference:), which init does not write');
      continue;
    }
    const first = t.year ?? t.window![0];
    const last = t.year ?? t.window![1];
    if (first <= o.baseYear || last > o.horizon) {
      say(`outside the projected years ${o.baseYear + 1}–${o.horizon}`);
      continue;
    }
    const key = `${t.metric} ${t.kind} ${t.year ?? t.window!.join('-')}`;
    const same = chosen.find((c) => c.key === key);
    if (same !== undefined && same.e.value === e.value) {
      say(`the same value as ${same.e.id} (${same.e.from === 'text' ? 'text' : 'table'}), which is the target`);
      continue;
    }
    chosen.push({ e, key });
  }
  const targets = chosen.map(({ e }) => ({
    seed: e.id,
    why: `${e.source.quote.replace(/\t/g, ' | ')} (${e.source.document} line ${e.source.line}, ${e.from === 'table' ? 'table cell' : 'text'}, "${e.comparator}")${e.conflict !== undefined ? `; DISAGREES with ${e.conflict}: both are targets` : ''}`,
  }));
  return { targets, left };
}
