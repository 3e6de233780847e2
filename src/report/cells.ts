/**
 * The text of a target's cells, shared by the terminal table and the HTML report: how its values
 * are formatted, when it applies, its lever, the level it needs and the input that drives it most.
 *
 * @module
 */
import type { RunResult, TargetResult } from '../engine/result.js';
import { formatLevel, formatValue, type Lang } from './format.js';
import { inputLabelIn, paramLabel } from './labels.js';
import { words } from './words.js';

/**
 * A formatter for the target's metric (a flow target sums persons/yr over its window: persons;
 * a gain target is per year).
 *
 * @example
 * targetFormatter(result, target, 'en')(0.57); // '57.0%'
 */
export function targetFormatter(r: RunResult, t: TargetResult, lang: Lang): (x: number) => string {
  const unit = r.metrics.find((m) => m.name === t.metric)?.unit ?? '';
  return (x: number) => formatValue(x, t.kind === 'flow' ? unit.replace(/\/yr$/, '') : unit, { perYear: t.kind === 'gain', lang });
}

/**
 * The target's label in the language (the Chinese one where the result has it, else the
 * scenario's), or '' when the label is just the id.
 *
 * @example
 * targetLabel(target, 'en'); // 'urbanisation rate, 2025'
 * targetLabel(target, 'zh'); // '常住人口城镇化率，2025年'
 */
export function targetLabel(t: Pick<TargetResult, 'id' | 'label' | 'labelZh'>, lang: Lang): string {
  const label = lang === 'zh' && t.labelZh !== undefined ? t.labelZh : t.label;
  return label === t.id ? '' : label;
}

/**
 * The target's year, or its window as `2024–2025`.
 *
 * @example
 * targetWhen({ kind: 'level', year: 2025 } as TargetResult); // '2025'
 */
export function targetWhen(t: TargetResult): string {
  if (t.kind === 'level' && t.year !== undefined) return String(t.year);
  return t.window ? `${t.window[0]}–${t.window[1]}` : String(t.year ?? '');
}

/**
 * "needs (assumed)": the lever level at which P(met) = 50 %, or why there is none.
 *
 * @example
 * leverText(target, 'en'); // '2.46%/yr (1.64%/yr)'
 */
export function leverText(t: TargetResult, lang: Lang): string {
  const lever = t.lever;
  if (lever === null) return '–';
  const w = words(lang);
  const lv = (x: number) => formatLevel(x, lever.unit);
  if (lever.status === 'found') return `${lv(lever.needed!)} (${lv(lever.assumed)})`;
  return (lever.status === 'above' ? w.anyLevel : w.noLevel)(lv(lever.bracket[0]), lv(lever.bracket[1]));
}

/**
 * The name of the lever a target's "needs" refers to (its own `lever:` or the scenario's), in the
 * language; '–' without one.
 *
 * @example
 * leverName(target, 'en'); // 'citizenisation rate of urban migrants'
 * leverName(target, 'zh'); // '农业转移人口落户率'
 */
export function leverName(t: TargetResult, lang: Lang): string {
  return t.lever === null ? '–' : paramLabel(t.lever.param, t.lever.label, lang);
}

/**
 * The top driver: label, first-order index in percent and direction (↑ raises, ↓ lowers).
 * `short` drops a trailing remark in parentheses from the label, to fit a terminal column.
 *
 * @example
 * driverText(target); // 'rural→urban migration rate 89% ↑'
 * driverText(target, false, 'zh'); // '乡→城迁移率 89% ↑'
 */
export function driverText(t: TargetResult, short = false, lang: Lang = 'en'): string {
  const top = t.drivers[0];
  if (!top || !(top.index > 0)) return '–';
  const full = inputLabelIn(top.input, top.label, lang);
  const label = short ? full.replace(/\s*\([^)]*\)$/, '') : full;
  return `${label} ${Math.round(100 * top.index)}% ${top.direction > 0 ? '↑' : top.direction < 0 ? '↓' : ''}`.trimEnd();
}
