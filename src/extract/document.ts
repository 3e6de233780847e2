/**
 * Facts about a plan document as a whole that its figures need: its lines, the plan period in
 * its title (e.g. 2024—2025年), its date of issue, the base year of its indicator table, and the
 * city's name without its suffix (济宁市 → 济宁) for naming sub-regions.
 *
 * @module
 */
import { halfWidth, headerYear } from './wording.js';

/** A plan text split into lines, with what the rules need to know about the whole. */
export interface PlanDocument {
  /** The file name written into `source.document`. */
  name: string;
  /** Lines as written (1-based line n is `lines[n - 1]`). */
  lines: string[];
  /** The region the plan is about, as given (e.g. 菏泽市). */
  region: string;
  /** The region's name without 市/地区/州/盟 (菏泽). */
  regionBase: string;
  /** The plan period stated near the top, e.g. [2024, 2025] for (2024—2025年). */
  period?: [number, number];
  /** Year of issue (the date line 2022年12月5日), when found near the top or the end. */
  issued?: number;
  /** First year column of the first indicator table, when there is one. */
  tableBaseYear?: number;
  /** The earliest target year ("到 2025 年") anywhere in the text. */
  firstTargetYear?: number;
}

const PERIOD = /((?:19|20)\d{2})\s*[—–\-－~～至到]\s*((?:19|20)\d{2})\s*年/;
const DATE = /((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日/;

/**
 * Splits and scans a plan text.
 *
 * @example
 * const d = planDocument('（2024—2025年）\n…', 'plan.txt', '菏泽市');
 * d.period; // [2024, 2025]
 */
export function planDocument(text: string, name: string, region: string): PlanDocument {
  const lines = text.split(/\r\n|\r|\n/);
  const head = lines.slice(0, 40).map(halfWidth);
  let period: [number, number] | undefined;
  for (const l of head) {
    const m = PERIOD.exec(l);
    if (m !== null && Number(m[1]) < Number(m[2])) {
      period = [Number(m[1]), Number(m[2])];
      break;
    }
  }
  let issued: number | undefined;
  for (const l of [...head, ...lines.slice(-30).map(halfWidth)]) {
    const m = DATE.exec(l);
    if (m !== null && l.trim().length <= 24) {
      issued = Number(m[1]);
      break;
    }
  }
  let tableBaseYear: number | undefined;
  for (let i = 0; i < lines.length && tableBaseYear === undefined; i++) {
    if (!lines[i].includes('\t')) continue;
    const cells = lines[i].split('\t');
    const years = cells.map(headerYear).filter((y): y is number => y !== undefined);
    if (years.length >= 2) tableBaseYear = years[0];
    else if (years.length === 1 && cells.filter((c) => c.trim() !== '').length === 1) {
      // one cell per line: the header's years are on consecutive lines
      const next = lines.slice(i, i + 4).map((l) => (l.includes('\t') ? headerYear(l.replace(/\t/g, '')) : undefined));
      if (next.filter((y) => y !== undefined).length >= 2) tableBaseYear = years[0];
    }
  }
  const targetYears = [...text.matchAll(/(?:到|至)\s*((?:19|20)\d{2})\s*年/g)].map((m) => Number(m[1]));
  const firstTargetYear = targetYears.length > 0 ? Math.min(...targetYears) : undefined;
  return {
    name,
    lines,
    region,
    regionBase: region.replace(/(?:市|地区|自治州|州|盟)$/, ''),
    ...(period !== undefined ? { period } : {}),
    ...(issued !== undefined ? { issued } : {}),
    // a table whose first column is already a target year has no base column
    ...(tableBaseYear !== undefined && (firstTargetYear === undefined || tableBaseYear < firstTargetYear) ? { tableBaseYear } : {}),
    ...(firstTargetYear !== undefined ? { firstTargetYear } : {}),
  };
}

/**
 * The last year a plan reports as fact: the indicator table's base year, else the year before
 * its issue, else the year before its period starts, else the year before its earliest target
 * year ("到 2025 年"), else undefined. Figures about this year or earlier are baselines or history.
 *
 * @example
 * baseYearOf({ tableBaseYear: 2021 } as PlanDocument); // 2021
 * baseYearOf({ firstTargetYear: 2030 } as PlanDocument); // 2029
 */
export function baseYearOf(d: Pick<PlanDocument, 'tableBaseYear' | 'issued' | 'period' | 'firstTargetYear'>): number | undefined {
  if (d.tableBaseYear !== undefined) return d.tableBaseYear;
  if (d.issued !== undefined) return d.issued - 1;
  if (d.period !== undefined) return d.period[0] - 1;
  return d.firstTargetYear !== undefined ? d.firstTargetYear - 1 : undefined;
}

/**
 * The window a flow or a yearly pace ending in `end` covers when the sentence gives no start: the
 * plan's own period if it ends then (a 2024—2025 plan), else the five-year plan period (2021–2025,
 * 2026–2030, …) that ends in or contains `end`.
 *
 * @example
 * windowEnding({ period: [2024, 2025] } as PlanDocument, 2025); // [2024, 2025]
 * windowEnding({} as PlanDocument, 2025); // [2021, 2025]
 */
export function windowEnding(d: Pick<PlanDocument, 'period'>, end: number): [number, number] {
  if (d.period !== undefined && d.period[1] === end) return d.period;
  const start = end - ((end - 2021 + 500) % 5);
  return [start, end];
}
