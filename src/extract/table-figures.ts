/**
 * Figures in indicator tables (专栏): a header row of years (2021年 | 2025年 | 2035年) and rows
 * "indicator | unit | value | value | value". Two layouts are read: one row per line with
 * tab-separated cells, and one cell per line (each starting with a tab) with rows separated by
 * blank lines, as word processors export them. Values are matched to the header's years from the
 * right; the first year is the base (a baseline), later ones are targets; a cell's own sign gives
 * the comparator (plain → `=`, >78.5 → `>`, ≥55 → `>=`).
 *
 * @module
 */
import { baseYearOf, windowEnding, type PlanDocument } from './document.js';
import type { Figure } from './figure.js';
import { halfWidth, headerYear, parseCell } from './wording.js';

interface Cell {
  text: string;
  line: number;
}

/** A table row: its cells and whether they share one line (tab-separated) or have a line each. */
interface Row {
  cells: Cell[];
  oneLine: boolean;
}

const LABELS: [RegExp, string, string][] = [
  [/^户籍人口城镇化率/, 'hukou_urbanisation_rate', 'percent'],
  [/^(?:常住人口)?城镇化率/, 'resident_urbanisation_rate', 'percent'],
  [/^(?:年末)?常住人口(?:总量|规模|数量)?$/, 'resident_population', '10k_persons'],
  [/^(?:年末)?户籍人口(?:总量|规模|数量)?$/, 'registered_population', '10k_persons'],
  [/^城镇(?:常住)?人口(?:总量|规模|数量)?$/, 'urban_population', '10k_persons'],
  [/^(?:累计)?(?:新增)?农业转移人口市民化(?:人数|规模|数量)?$/, 'citizenised_migrants', '10k_persons'],
];

/**
 * Groups the lines of a document into table rows (lines holding tabs). Returns the rows with the
 * line each table ends at; running text between tables is skipped.
 */
function rowsOf(lines: string[]): Row[][] {
  const tables: Row[][] = [];
  let rows: Row[] = [];
  let pending: Cell[] = [];
  const flush = () => {
    if (pending.length > 0) rows.push({ cells: pending, oneLine: false });
    pending = [];
  };
  const close = () => {
    flush();
    if (rows.length > 0) tables.push(rows);
    rows = [];
  };
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '' && !raw.includes('\t')) {
      flush();
      return;
    }
    if (!raw.includes('\t')) {
      close();
      return;
    }
    const parts = raw.split('\t');
    const filled = parts.filter((p) => p.trim() !== '');
    if (filled.length <= 1 && raw.startsWith('\t')) {
      pending.push({ text: filled[0] ?? '', line });
    } else {
      flush();
      rows.push({ cells: parts.map((text) => ({ text, line })), oneLine: true });
    }
  });
  close();
  return tables;
}

/**
 * The figures in the indicator tables of a document.
 *
 * @example
 * tableFigures(planDocument(text, '004.txt', '济南市'));
 * // [{ indicator: 'resident_population', year: 2020, value: 924.2, kind: 'baseline', from: 'table', … }, …]
 */
export function tableFigures(doc: PlanDocument): Figure[] {
  const out: Figure[] = [];
  const base = baseYearOf(doc);
  for (const rows of rowsOf(doc.lines)) {
    let years: number[] | undefined;
    for (const row of rows) {
      const texts = row.cells.map((c) => c.text.trim());
      const ys = texts.map(headerYear).filter((y): y is number => y !== undefined);
      if (ys.length >= 2 && ys.length >= texts.filter((t) => t !== '').length - 4) {
        years = ys;
        continue;
      }
      if (years === undefined) continue;
      const at = texts.findIndex((t) => LABELS.some(([re]) => re.test(t.replace(/\s+/g, ''))));
      if (at < 0) continue;
      const label = texts[at].replace(/\s+/g, '');
      const [, indicator, defaultUnit] = LABELS.find(([re]) => re.test(label))!;
      if (/(?:镇区|城区|县城|都市区)/.test(label)) continue;
      let rest = row.cells.slice(at + 1);
      while (rest.length > 0 && rest[rest.length - 1].text.trim() === '') rest = rest.slice(0, -1);
      const unitCell = rest.length > years.length ? rest[0].text.trim() : '';
      const unit = /^%|％$/.test(unitCell) ? 'percent' : /万人/.test(unitCell) ? '10k_persons' : /^人$/.test(unitCell) ? 'persons' : defaultUnit;
      const values = rest.slice(-years.length);
      values.forEach((cell, i) => {
        const parsed = parseCell(cell.text);
        if (parsed === undefined) return;
        const year = years![years!.length - values.length + i];
        const isBase = i === 0 && (base === undefined || year <= base);
        const flow = indicator === 'citizenised_migrants';
        const quoteText = row.oneLine ? doc.lines[cell.line - 1].slice(doc.lines[cell.line - 1].indexOf(texts[at])).trimEnd() : cell.text.trim();
        out.push({
          indicator,
          region: doc.region,
          ...(flow ? { years: windowEnding(doc, year) } : { year }),
          value: parsed.value,
          unit: flow && !parsed.cumulative ? `${unit}_per_year` : unit,
          kind: isBase ? 'baseline' : flow ? 'target_flow' : 'target_level',
          comparator: parsed.comparator,
          source: { document: doc.name, line: cell.line, quote: quoteText },
          from: 'table',
          note: `Indicator table, row ${texts[at]}${unitCell !== '' ? ` (${unitCell})` : ''}, column ${year}年 (header years ${years!.join(' | ')})${isBase ? ': the base-year column' : ''}; cell "${halfWidth(cell.text.trim())}".`,
        });
      });
    }
  }
  return out;
}
