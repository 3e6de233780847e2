/**
 * Figures stated in sentences: urbanisation rates (常住 / 户籍人口城镇化率 … 达到 57%), population
 * totals (常住人口 … 万人), citizenisation and settlement flows (年均实现 6 万农业转移人口市民化,
 * 落户 … 万人), and the rate relative to the province (年均增速超过全省平均 0.5 个百分点). Each is found
 * in one clause (text between ，；：。), with its year from the clause, the line, or the last
 * "到 YYYY 年" before it.
 *
 * @module
 */
import type { Comparator } from '../scenario/schema.js';
import { baseYearOf, windowEnding, type PlanDocument } from './document.js';
import type { Figure, FigureKind } from './figure.js';
import { comparatorOf, halfWidth } from './wording.js';

interface Span {
  start: number;
  end: number;
}

interface Mention extends Span {
  indicator: 'resident_urbanisation_rate' | 'hukou_urbanisation_rate' | 'resident_population' | 'registered_population' | 'urban_population';
}

const NUM = String.raw`(\d+(?:\.\d+)?)`;
const RATE_MENTIONS: [RegExp, Mention['indicator']][] = [
  [/户籍人口城镇化率/g, 'hukou_urbanisation_rate'],
  [/(?:常住人口)?城镇化(?:率|水平)/g, 'resident_urbanisation_rate'],
];
const POP_MENTIONS: [RegExp, Mention['indicator']][] = [
  [/城镇(?:常住)?人口/g, 'urban_population'],
  [/(?:年末)?常住人口(?:总量|规模)?/g, 'resident_population'],
  [/户籍人口(?:总量|规模)?/g, 'registered_population'],
  [/总人口/g, 'resident_population'],
];
/** Words before a population that make it a part of the region (a town's built-up area …). */
const PART_BEFORE = /(?:镇区|城区|县城|中心城区|都市区|城市|乡村|农村|流动|外来|非户籍|未落户)$/;
/** Words between a mention and its number that make the number a change or a pace, not a level. */
const NOT_LEVEL = /年均|每年|增速|增幅|幅度|增加|增长|减少|提高了|新增|净增|百分点/;
const SUB_REGION = /都市区|中心城区|主城区|城区|县城|县域/;
const WHOLE = /全市|我市|市域|全区|全州|全盟/;
const OTHER_REGION = /全省|全国|全球|省会|其他/;

const clauseSplit = (s: string): Span[] => {
  const spans: Span[] = [];
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    const sep = '，；：:;。！？!?'.includes(c) || (c === ',' && !(/\d/.test(s[i - 1] ?? '') && /\d/.test(s[i + 1] ?? '')));
    if (sep) {
      spans.push({ start, end: i });
      start = i + 1;
    }
  }
  spans.push({ start, end: s.length });
  return spans.filter((sp) => sp.end > sp.start);
};

const sentenceEnds = (s: string): number[] => [...s.matchAll(/[。！？!?]/g)].map((m) => m.index);

const YEAR = /((?:19|20)\d{2})\s*年\s*(?:底|末)?\s*(以来)?/g;
const TO_YEAR = /(?:到|至|截至|截止到?)\s*((?:19|20)\d{2})\s*年/g;
const FIVE_YEAR = /[“"]?十([三四五六七])五[”"]?(?:时期|期间|期末)?/;
const FYP: Record<string, [number, number]> = { 三: [2016, 2020], 四: [2021, 2025], 五: [2026, 2030], 六: [2031, 2035] };

/** What the extractor knows about time at a point of a line. */
interface When {
  year?: number;
  since?: number;
  window?: [number, number];
}

function timeBefore(h: string, at: number, lineYear: number | undefined, ctxYear: number | undefined): When {
  const before = h.slice(0, at);
  let year: number | undefined;
  let since: number | undefined;
  for (const m of before.matchAll(YEAR)) {
    if (m[2] !== undefined) since = Number(m[1]);
    else year = Number(m[1]);
  }
  const fyp = FIVE_YEAR.exec(before);
  const w: When = {};
  if (fyp !== null) w.window = FYP[fyp[1]];
  if (since !== undefined) w.since = since;
  const y = year ?? lineYear ?? ctxYear;
  if (y !== undefined) w.year = y;
  return w;
}

/** State carried from line to line: the last "到 YYYY 年" seen. */
export interface TextState {
  ctxYear?: number;
}

function kindAndTime(doc: PlanDocument, when: When, flow: boolean, relative: boolean): { kind: FigureKind; year?: number; years?: [number, number] } | undefined {
  const base = baseYearOf(doc);
  if (flow || relative) {
    let years: [number, number] | undefined = when.window;
    if (years === undefined && when.since !== undefined) years = [when.since, when.year !== undefined && when.year > when.since ? when.year : (base ?? when.since)];
    if (years === undefined && when.year !== undefined) years = windowEnding(doc, when.year);
    if (years === undefined) return undefined;
    const past = base !== undefined && years[1] <= base;
    return { kind: past ? 'history' : relative ? 'relative_target' : 'target_flow', years };
  }
  if (when.year === undefined) return undefined;
  const past = base !== undefined && when.year <= base;
  return { kind: past ? (when.year === base ? 'baseline' : 'history') : 'target_level', year: when.year };
}

function quoteOf(h: string, line: string, clause: Span, from: number, to: number): string {
  const start = to - clause.start > 48 ? Math.max(clause.start, from - 8) : clause.start;
  return line.slice(start, to).trim();
}

/**
 * The figures in one line of running text (not a table row). `state` carries the target year
 * ("到2025年") to the following lines.
 *
 * @example
 * const doc = planDocument(text, '000.txt', '菏泽市');
 * const state = {};
 * textFigures(doc, 128, state); // [{ indicator: 'resident_urbanisation_rate', year: 2025, value: 57, comparator: '>=', … }]
 */
export function textFigures(doc: PlanDocument, lineNo: number, state: TextState): Figure[] {
  const line = doc.lines[lineNo - 1];
  const h = halfWidth(line);
  const out: Figure[] = [];
  const toYears = [...h.matchAll(TO_YEAR)];
  const ends = sentenceEnds(h);
  const sentenceStart = (at: number) => {
    let s = 0;
    for (const e of ends) if (e < at) s = e + 1;
    return s;
  };
  const ctxYear = state.ctxYear;
  const lineYearAt = (at: number) => {
    let y: number | undefined;
    for (const m of h.slice(0, at).matchAll(YEAR)) if (m[2] === undefined) y = Number(m[1]);
    return y;
  };
  const emit = (f: Omit<Figure, 'source' | 'from'> & { quote: string }) => {
    const { quote, ...rest } = f;
    out.push({ ...rest, source: { document: doc.name, line: lineNo, quote }, from: 'text' });
  };
  const regionAt = (at: number, clause: Span, indicator: string): { region: string; indicator: string } | undefined => {
    const sentence = h.slice(sentenceStart(at), at);
    const inClause = h.slice(clause.start, at);
    if (OTHER_REGION.test(inClause.slice(-6))) return undefined;
    const sub = SUB_REGION.exec(inClause) ?? (WHOLE.test(sentence) ? null : SUB_REGION.exec(sentence));
    if (sub === null || WHOLE.test(inClause)) return { region: doc.region, indicator };
    const word = sub[0];
    if (word === '都市区') return { region: `${doc.regionBase}都市区`, indicator: indicator === 'resident_urbanisation_rate' ? 'metro_area_urbanisation_rate' : indicator };
    if (word === '县城' || word === '县域') return { region: word, indicator: indicator === 'resident_urbanisation_rate' ? 'county_urbanisation_rate' : indicator };
    return { region: `${doc.regionBase}${word === '城区' || word === '主城区' ? word : '中心城区'}`, indicator };
  };

  for (const clause of clauseSplit(h)) {
    const c = h.slice(clause.start, clause.end);
    const at = (i: number) => clause.start + i;
    const taken: Span[] = [];
    const free = (s: Span) => !taken.some((t) => s.start < t.end && t.start < s.end);

    // --- rates: 常住/户籍人口城镇化率 … N% (several with 分别) -----------------------------------
    const rates: Mention[] = [];
    for (const [re, indicator] of RATE_MENTIONS) {
      for (const m of c.matchAll(re)) {
        const s = { start: at(m.index), end: at(m.index + m[0].length), indicator };
        if (free(s)) {
          rates.push(s);
          taken.push(s);
        }
      }
    }
    rates.sort((a, b) => a.start - b.start);
    const percents = [...c.matchAll(new RegExp(`${NUM}\\s*%`, 'g'))].map((m) => ({ value: Number(m[1]), start: at(m.index), end: at(m.index + m[0].length) }));
    const respectively = c.indexOf('分别');
    /** A mention, its number, where the words before the number start, and the number's own year ("2025年的55%"). */
    const pairs: { r: Mention; p: (typeof percents)[number]; from: number; year?: number }[] = [];
    if (respectively >= 0 && rates.length > 1) {
      const after = percents.filter((p) => p.start > at(respectively));
      if (after.length === rates.length) rates.forEach((r, i) => pairs.push({ r, p: after[i], from: r.end }));
    } else {
      rates.forEach((r, i) => {
        const next = rates[i + 1]?.start ?? clause.end;
        let from = r.end;
        for (const p of percents.filter((x) => x.start >= r.end && x.start < next)) {
          // 由2020年的48.5%提高到2025年的55%: each number after the first needs its own year
          const own = /((?:19|20)\d{2})\s*年(?:底|末)?的?\s*$/.exec(h.slice(from, p.start));
          if (from !== r.end && own === null) break;
          pairs.push({ r, p, from, ...(own !== null ? { year: Number(own[1]) } : {}) });
          from = p.end;
        }
      });
    }
    for (const { r, p, from, year } of pairs) {
      const between = h.slice(from, p.start).replace(/(?:由|从)?\s*(?:19|20)\d{2}\s*年(?:底|末)?的?\s*$/, '');
      if (respectively < 0 && (NOT_LEVEL.test(between) || between.length > 14)) continue;
      const where = regionAt(r.start, clause, r.indicator);
      if (where === undefined) continue;
      const afterText = h.slice(p.end, p.end + 4);
      const before = timeBefore(h, r.start, lineYearAt(r.start), ctxYear);
      const when = year !== undefined ? { ...before, year } : before;
      const kt = kindAndTime(doc, when, false, false);
      if (kt === undefined) continue;
      const comparator: Comparator = kt.kind === 'target_level' ? comparatorOf(h.slice(clause.start, from) + between, afterText) : '=';
      const suffix = /^\s*(?:以上|左右|以下|以内)/.exec(afterText)?.[0] ?? '';
      emit({
        indicator: where.indicator,
        region: where.region,
        ...(kt.year !== undefined ? { year: kt.year } : { years: kt.years }),
        value: p.value,
        unit: 'percent',
        kind: kt.kind,
        comparator,
        quote: quoteOf(h, line, clause, r.start, p.end + suffix.length),
        note: noteFor(kt.kind, comparator, when, h.slice(clause.start, p.start), respectively >= 0),
      });
    }

    // --- relative to the province: 年均增速超过全省平均水平 0.5 个百分点 / 高于全省平均 10.4 个百分点 -------
    const rel = new RegExp(`(?:高于|超过|快于|领先)全省(?:平均)?(?:水平)?\\s*${NUM}\\s*个?百分点`).exec(c);
    if (rel !== null) {
      const sentence = h.slice(sentenceStart(at(rel.index)), at(rel.index));
      if (/城镇化/.test(sentence)) {
        const pace = /年均|每年|增速|增幅|提高幅度/.test(sentence);
        const when = timeBefore(h, at(rel.index), lineYearAt(at(rel.index)), ctxYear);
        const kt = pace ? kindAndTime(doc, when, false, true) : kindAndTime(doc, when, false, false);
        if (kt !== undefined) {
          const end = at(rel.index + rel[0].length);
          const afterText = h.slice(end, end + 4);
          const suffix = /^\s*(?:以上|左右)/.exec(afterText)?.[0] ?? '';
          const past = kt.kind === 'history' || kt.kind === 'baseline';
          const comparator: Comparator = /^\s*以上/.test(afterText) ? '>=' : /^\s*左右/.test(afterText) ? '~' : past ? '=' : '>=';
          emit({
            indicator: pace ? 'urbanisation_gain_vs_province' : 'resident_urbanisation_gap_vs_province',
            region: doc.region,
            ...(kt.year !== undefined ? { year: kt.year } : { years: kt.years }),
            value: Number(rel[1]),
            unit: pace ? 'pp_per_year' : 'percentage_points',
            kind: past ? 'history' : pace ? 'relative_target' : 'target_level',
            comparator,
            quote: quoteOf(h, line, clause, at(rel.index), end + suffix.length),
            note: pace
              ? 'Relative to the province: the yearly gain of the resident urbanisation rate above the province\'s, in percentage points a year (needs the province as reference).'
              : 'Relative to the province: the level of the resident urbanisation rate above the province\'s, in percentage points.',
          });
        }
      }
    }

    // --- citizenisation / settlement flows: 年均实现 6 万农业转移人口市民化, 落户 … 60 万人以上 -------------
    if (/市民化|落户/.test(c) && !/落户限制|落户门槛|落户条件/.test(c)) {
      const m = new RegExp(`${NUM}\\s*万\\s*(?:人(?!次)|名|(?=农业转移人口|农民|外来人口))`).exec(c);
      if (m !== null) {
        const s = at(m.index);
        const e = at(m.index + m[0].length);
        const perYear = /年均|每年/.test(h.slice(clause.start, s));
        const when = timeBefore(h, s, lineYearAt(s), ctxYear);
        const kt = kindAndTime(doc, when, true, false);
        if (kt !== undefined) {
          const afterText = h.slice(e, e + 4);
          const past = kt.kind === 'history';
          const comparator = past ? '=' : comparatorOf(h.slice(clause.start, s).replace(/实现\s*$/, ''), afterText);
          const word = /市民化|落户/.exec(c)!;
          const wordEnd = at(word.index + word[0].length);
          const suffix = /^\s*(?:以上|左右)/.exec(afterText)?.[0] ?? '';
          emit({
            indicator: 'citizenised_migrants',
            region: doc.region,
            years: kt.years!,
            value: Number(m[1]),
            unit: perYear ? '10k_persons_per_year' : '10k_persons',
            kind: kt.kind,
            comparator,
            quote: quoteOf(h, line, clause, Math.min(s, wordEnd), Math.max(e + suffix.length, wordEnd)),
            note: `${perYear ? 'A YEARLY flow (年均/每年)' : 'A total over the window'} of people made urban citizens or settled (${word[0]}).${when.window === undefined && when.since === undefined ? ' The window is not stated: taken as the period ending in the target year.' : ''}`,
          });
        }
      }
    }

    // --- population totals: 常住人口 … 1000 万人, 近千万常住人口 ------------------------------------
    for (const [re, indicator] of POP_MENTIONS) {
      for (const mm of c.matchAll(re)) {
        const s = { start: at(mm.index), end: at(mm.index + mm[0].length), indicator };
        if (!free(s) || PART_BEFORE.test(h.slice(clause.start, s.start))) continue;
        taken.push(s);
        if (/市民化|落户/.test(c)) continue;
        const after = new RegExp(`^(\\D{0,8}?)${NUM}\\s*(万|亿)\\s*人?`).exec(h.slice(s.end, clause.end));
        const before = /(近|约|超过|超|逾)?\s*(\d+(?:\.\d+)?|千|百)\s*(万|亿)\s*(?:人)?(?:的)?$/.exec(h.slice(clause.start, s.start));
        let value: number | undefined;
        let numStart = 0;
        let numEnd = 0;
        let comparator: Comparator = '=';
        if (after !== null && !NOT_LEVEL.test(after[1])) {
          value = Number(after[2]) * (after[3] === '亿' ? 1e4 : 1);
          numStart = s.end + after[1].length;
          numEnd = s.end + after[0].length;
          comparator = comparatorOf(h.slice(clause.start, numStart), h.slice(numEnd, numEnd + 4));
        } else if (before !== null) {
          const n = before[2] === '千' ? 1000 : before[2] === '百' ? 100 : Number(before[2]);
          value = n * (before[3] === '亿' ? 1e4 : 1);
          numStart = s.start - before[0].length;
          numEnd = s.end;
          comparator = before[1] === undefined ? '=' : before[1].startsWith('超') || before[1] === '逾' ? '>' : '~';
        }
        if (value === undefined) continue;
        const where = regionAt(s.start, clause, indicator);
        if (where === undefined) continue;
        const when = timeBefore(h, s.start, lineYearAt(s.start), ctxYear);
        const base = baseYearOf(doc);
        const kt = kindAndTime(doc, when.year === undefined && base !== undefined ? { ...when, year: base } : when, false, false);
        if (kt === undefined) continue;
        const past = kt.kind !== 'target_level';
        const suffix = /^\s*(?:以上|左右|以下|以内)/.exec(h.slice(numEnd, numEnd + 4))?.[0] ?? '';
        emit({
          indicator: where.indicator,
          region: where.region,
          year: kt.year!,
          value,
          unit: '10k_persons',
          kind: kt.kind,
          comparator: past && comparator === '>=' ? '=' : comparator,
          quote: quoteOf(h, line, clause, Math.min(numStart, s.start), Math.max(numEnd + suffix.length, s.end)),
          note: `${when.year === undefined ? 'No year in the sentence: taken as the base year (the situation the plan describes). ' : ''}${before !== null && after === null ? 'The amount is written before the noun (e.g. 近千万常住人口: nearly ten million).' : ''}`.trim(),
        });
      }
    }
  }
  // a line that opens with "到 2025 年" (or "（一）到2025年主要目标") sets the year of what follows
  const opening = toYears.find((m) => m.index <= 12 && !/[。，,；]/.test(h.slice(0, m.index)));
  if (opening !== undefined) state.ctxYear = Number(opening[1]);
  return out;
}

function noteFor(kind: FigureKind, comparator: Comparator, when: When, before: string, respectively: boolean): string {
  const parts: string[] = [];
  if (kind === 'baseline' || kind === 'history') parts.push('A reported (past) value: comparator "=" whatever the verb (达到 reports what was reached).');
  else parts.push(`Text target (comparator "${comparator}" from the wording).`);
  if (respectively) parts.push('Read from a 分别 list: the indicators and the values are paired in order.');
  if (when.year !== undefined && !/(?:19|20)\d{2}\s*年/.test(before)) parts.push(`No year in the clause: ${when.year} from the sentence or the last 到…年 before it.`);
  return parts.join(' ');
}
