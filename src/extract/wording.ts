/**
 * The wording rules of Chinese plans: comparators from the words around a number (达到/以上 → `>=`,
 * 超过/高于 → `>`, 左右/近/约 → `~`, 以下/不超过 → `<=`, a plain table cell → `=`), numbers
 * (ASCII or full-width digits, 千万/百万 as amounts), and table-cell signs (>78.5, ≥55, [7]).
 *
 * @module
 */
import type { Comparator } from '../scenario/schema.js';

/** Full-width digits, dot and percent → ASCII (positions are kept: one char for one char). */
export const halfWidth = (s: string): string =>
  s.replace(/[０-９．％]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

const AFTER: [RegExp, Comparator][] = [
  [/^\s*(?:以上|及以上)/, '>='],
  [/^\s*(?:左右|上下)/, '~'],
  [/^\s*(?:以下|以内)/, '<='],
];
const BEFORE: [RegExp, Comparator][] = [
  [/(?:不低于|不少于|至少)\s*$/, '>='],
  [/(?:不超过|不高于|控制在)\s*$/, '<='],
  [/(?:超过|高于|大于|突破|过)\s*$/, '>'],
  [/(?:近|约|接近|大约)\s*$/, '~'],
  [/(?:达到|提高到|提升到|增长到|增加到|提高至|提升至|达)\s*$/, '>='],
];

/**
 * The comparator a sentence's wording gives a number: `before` is the text just before the
 * number (after its indicator), `after` the text just after its unit. A word after the number
 * (以上, 左右) decides over one before it (超过…以上 is `>=`).
 *
 * @example
 * comparatorOf('常住人口城镇化率达到', '左右，'); // '~'
 * comparatorOf('落户青年人才', '以上'); // '>='
 */
export function comparatorOf(before: string, after: string): Comparator {
  for (const [re, c] of AFTER) if (re.test(after)) return c;
  const near = before.slice(-12);
  for (const [re, c] of BEFORE) if (re.test(near)) return c;
  return '=';
}

/** A table cell as a comparator and a number, or undefined when it holds no number (—, -, /). */
export interface Cell {
  comparator: Comparator;
  value: number;
  /** Written in brackets: a cumulative figure over the period in Chinese plan tables. */
  cumulative: boolean;
}

/**
 * Parses a table cell: `51.9` → `=`, `>78.5` → `>`, `≥55` → `>=`, `<5.5` → `<`, `[7]` → cumulative.
 *
 * @example
 * parseCell('>78.5'); // { comparator: '>', value: 78.5, cumulative: false }
 * parseCell('—'); // undefined
 */
export function parseCell(raw: string): Cell | undefined {
  const m = /^([<>≥≤＜＞]=?)?\s*([[［(（])?\s*(\d+(?:\.\d+)?)\s*[\]］)）]?\s*[%*＊]?$/.exec(halfWidth(raw.trim()));
  if (m === null) return undefined;
  const sign = (m[1] ?? '').replace('＜', '<').replace('＞', '>');
  const comparator: Comparator = sign === '' ? '=' : sign === '≥' || sign === '>=' ? '>=' : sign === '≤' || sign === '<=' ? '<=' : (sign as Comparator);
  return { comparator, value: Number(m[3]), cumulative: m[2] !== undefined };
}

/** A year in a table header cell (2021, 2021年, 2021 年, 2021年末, 2025年目标值, 2020年（基期）), or undefined. */
export function headerYear(cell: string): number | undefined {
  const m = /^\s*((?:19|20)\d{2})\s*年?\s*(?:末|底)?\s*(?:目标值?|预期值?|基期值?|现状值?|规划值?|值)?\s*(?:（[^）]*）|\([^)]*\))?\s*$/.exec(halfWidth(cell));
  return m === null ? undefined : Number(m[1]);
}
