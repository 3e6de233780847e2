/**
 * The data of the population pyramids: the model's pyramids of the median path (baseline and
 * horizon) regrouped into 5-year age groups with an open top group, on one common scale.
 *
 * @module
 */
import type { PyramidResult, RunPyramids } from '../../engine/result.js';
import type { Lang } from '../format.js';
import { htmlWords } from './words.js';

/** One pyramid: persons per age group (index of `PyramidChart.ages`) by area and sex. */
export interface PyramidPanel {
  id: string;
  year: number;
  title: string;
  /** Persons per age group. */
  urbanMale: number[];
  urbanFemale: number[];
  ruralMale: number[];
  ruralFemale: number[];
  total: number;
}

/** Both pyramids on one scale. */
export interface PyramidChart {
  /** Age-group labels, youngest first: `0–4`, …, `95–99`, `100+`. */
  ages: string[];
  panels: PyramidPanel[];
  /** Largest urban + rural bar of either sex in either panel (the common half-width). */
  max: number;
  words: ReturnType<typeof htmlWords>['pyramid'];
}

/** Width of an age group. */
const STEP = 5;

/**
 * The groups' first ages: every multiple of 5 below the model's open top age, then that age.
 *
 * @example
 * groupStarts([0, 1, 2, …, 100]); // [0, 5, 10, …, 95, 100]
 */
export function groupStarts(ages: readonly number[]): number[] {
  const top = ages[ages.length - 1];
  const starts = [...new Set(ages.slice(0, -1).map((a) => Math.floor(a / STEP) * STEP))].filter((a) => a < top);
  return [...starts, top];
}

/**
 * Sums single-year (or any) age groups into the groups starting at `starts`.
 *
 * @example
 * regroup([0, 1, 5, 6, 10], [1, 1, 2, 2, 3], [0, 5, 10]); // [2, 4, 3]
 */
export function regroup(ages: readonly number[], values: readonly number[], starts: readonly number[]): number[] {
  const out = starts.map(() => 0);
  ages.forEach((a, i) => {
    let g = starts.length - 1;
    while (g > 0 && starts[g] > a) g--;
    out[g] += values[i];
  });
  return out;
}

function panel(p: PyramidResult, starts: number[], id: string, title: string): PyramidPanel {
  const values = (area: 'urban' | 'rural', sex: 'female' | 'male') => {
    const g = p.groups.find((x) => x.area === area && x.sex === sex);
    return g ? regroup(p.ages, g.values, starts) : starts.map(() => 0);
  };
  const urbanMale = values('urban', 'male');
  const urbanFemale = values('urban', 'female');
  const ruralMale = values('rural', 'male');
  const ruralFemale = values('rural', 'female');
  const total = [urbanMale, urbanFemale, ruralMale, ruralFemale].flat().reduce((s, x) => s + x, 0);
  return { id, year: p.year, title, urbanMale, urbanFemale, ruralMale, ruralFemale, total };
}

/**
 * The pyramids' chart data, or null when the result has none.
 *
 * @example
 * pyramidChart(result.pyramids, 'en')?.ages.at(-1); // '100+'
 */
export function pyramidChart(p: RunPyramids | null | undefined, lang: Lang): PyramidChart | null {
  if (!p) return null;
  const w = htmlWords(lang).pyramid;
  const starts = groupStarts(p.baseline.ages);
  const ages = starts.map((a, i) => (i === starts.length - 1 ? `${a}+` : `${a}–${starts[i + 1] - 1}`));
  const panels = [panel(p.baseline, starts, 'pyramid-baseline', w.baseline(p.baseline.year)), panel(p.horizon, starts, 'pyramid-horizon', w.horizon(p.horizon.year))];
  const max = Math.max(...panels.flatMap((q) => q.urbanMale.map((u, i) => Math.max(u + q.ruralMale[i], q.urbanFemale[i] + q.ruralFemale[i]))));
  return { ages, panels, max, words: w };
}
