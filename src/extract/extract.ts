/**
 * `simulate extract`: a plan text → its population and urbanisation figures, each with year(s),
 * value, unit, comparator, kind and provenance (document, line, verbatim quote), as seed entries
 * (seeds/FORMAT.md). Text and table figures that state the same quantity with different values are
 * both kept and marked with `conflict:` pointing at each other.
 *
 * @module
 */
import { PlanInputError } from './decode.js';
import { planDocument } from './document.js';
import { endYear, type Figure } from './figure.js';
import { tableFigures } from './table-figures.js';
import { textFigures, type TextState } from './text-figures.js';

/** A figure with its seed id and, where a text and a table disagree, the other one's id. */
export interface ExtractedEntry extends Figure {
  id: string;
  conflict?: string;
}

/** Options of {@link extractFigures}. */
export interface ExtractOptions {
  /** Written into `source.document` (the plan's file name). */
  document: string;
  /** The region the plan is about, e.g. 临沂市 (figures for the whole of it carry this name). */
  region: string;
  /** The seed file's stem, lower-case letters (ids are `<city>.P001` …). */
  city: string;
  /** The file as the user named it, for messages (default: `document`). */
  file?: string;
}

/**
 * Extracts the figures of a plan text. Throws {@link PlanInputError} when the text is not Chinese
 * or has no population or urbanisation figure.
 *
 * @example
 * const entries = extractFigures(text, { document: '000.txt', region: '菏泽市', city: 'heze' });
 * entries[0]; // { id: 'heze.P001', indicator: 'resident_urbanisation_rate', year: 2025, value: 57, … }
 */
export function extractFigures(text: string, opts: ExtractOptions): ExtractedEntry[] {
  const han = (text.match(/\p{Script=Han}/gu) ?? []).length;
  if (han < 20) {
    throw new PlanInputError(`${opts.file ?? opts.document}: not a Chinese plan text (${han} Chinese characters); extract reads plans written in Chinese`);
  }
  const doc = planDocument(text, opts.document, opts.region);
  const state: TextState = {};
  const figures: Figure[] = [];
  doc.lines.forEach((l, i) => {
    if (!l.includes('\t')) figures.push(...textFigures(doc, i + 1, state));
  });
  figures.push(...tableFigures(doc));
  if (figures.length === 0) {
    throw new PlanInputError(
      `${opts.file ?? opts.document}: no population or urbanisation figure found (no 城镇化率 … %, 常住人口 … 万人, 市民化/落户 … 万人, nor an indicator table with year columns); is it a plan?`,
    );
  }
  figures.sort((a, b) => a.source.line - b.source.line || (a.from === b.from ? 0 : a.from === 'text' ? -1 : 1) || endYear(a) - endYear(b));
  const entries: ExtractedEntry[] = figures.map((f, i) => ({ ...f, id: `${opts.city}.P${String(i + 1).padStart(3, '0')}` }));
  markConflicts(entries);
  return entries;
}

const sameQuantity = (a: Figure, b: Figure) =>
  a.indicator === b.indicator && a.region === b.region && endYear(a) === endYear(b) && (a.year !== undefined) === (b.year !== undefined) && a.unit === b.unit;

/** Different values; a rounded text figure (近千万, "~") disagrees only when more than 10 % off. */
const disagree = (text: Figure, table: Figure) =>
  text.comparator === '~' ? Math.abs(text.value - table.value) > 0.1 * Math.abs(table.value) : text.value !== table.value;

/** Text and table stating the same quantity with different values: both marked, pointing at each other. */
function markConflicts(entries: ExtractedEntry[]): void {
  for (const t of entries.filter((e) => e.from === 'table')) {
    for (const x of entries.filter((e) => e.from === 'text' && sameQuantity(e, t) && disagree(e, t))) {
      if (t.conflict !== undefined || x.conflict !== undefined) continue;
      t.conflict = x.id;
      x.conflict = t.id;
      const say = `DISAGREES: the ${'text'} (line ${x.source.line}) says ${x.value}, the table (line ${t.source.line}) ${t.value}.`;
      t.note = `${t.note} ${say}`.trim();
      x.note = `${x.note} ${say}`.trim();
    }
  }
}
