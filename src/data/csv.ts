/**
 * A small RFC 4180 CSV reader for the project's data tables (quoted fields, doubled quotes,
 * CRLF or LF). Rows come back as objects keyed by the header.
 *
 * @module
 */
import { readFileSync } from 'node:fs';

/**
 * Parses CSV text into records.
 *
 * @example
 * parseCsv('a,b\n1,"x, y"\n'); // [{ a: '1', b: 'x, y' }]
 */
export function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      field = '';
      if (row.length > 1 || row[0] !== '') rows.push(row);
      row = [];
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  const [header, ...body] = rows;
  if (header === undefined) return [];
  return body.map((r) => Object.fromEntries(header.map((h, j) => [h.replace(/^\uFEFF/, ''), r[j] ?? ''])));
}

/**
 * Reads and parses a CSV file.
 *
 * @example
 * readCsv('seeds/data/wpp2024_mx_china.csv').length; // 308
 */
export function readCsv(file: string): Record<string, string>[] {
  return parseCsv(readFileSync(file, 'utf8'));
}
