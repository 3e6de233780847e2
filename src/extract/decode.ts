/**
 * Reading a plan's text: UTF-8 (with or without a byte-order mark), UTF-16 with a BOM, or GBK /
 * GB 18030 (the common encodings of Chinese government documents saved as text). Anything else
 * (a binary file, a PDF, a Word file) is refused with a message saying what was found.
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { UserError } from '../util/user-error.js';

/** A plan file the extractor cannot read (exit code 2). */
export class PlanInputError extends UserError {}

/** A decoded plan text and the encoding it was read in. */
export interface PlanText {
  text: string;
  encoding: 'utf-8' | 'utf-8 (BOM)' | 'utf-16le (BOM)' | 'utf-16be (BOM)' | 'gb18030';
}

const MAGIC: [number[], string][] = [
  [[0x25, 0x50, 0x44, 0x46], 'a PDF file'],
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive (a .docx or .xlsx file?)'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old Office file (.doc or .xls)'],
  [[0x7b, 0x5c, 0x72, 0x74, 0x66], 'an RTF file'],
];

const starts = (b: Uint8Array, m: number[]) => m.every((x, i) => b[i] === x);

/**
 * Decodes the bytes of a plan file; `name` is used in messages.
 *
 * @example
 * decodePlan(Buffer.from('\uFEFF到2025年', 'utf8'), 'plan.txt'); // { text: '到2025年', encoding: 'utf-8 (BOM)' }
 */
export function decodePlan(bytes: Uint8Array, name: string): PlanText {
  for (const [m, what] of MAGIC) {
    if (starts(bytes, m)) throw new PlanInputError(`${name}: this is ${what}, not a plain-text plan; save the plan as text (UTF-8 or GBK) first`);
  }
  if (starts(bytes, [0xef, 0xbb, 0xbf])) return { text: strict('utf-8', bytes.subarray(3), name), encoding: 'utf-8 (BOM)' };
  if (starts(bytes, [0xff, 0xfe])) return { text: strict('utf-16le', bytes.subarray(2), name), encoding: 'utf-16le (BOM)' };
  if (starts(bytes, [0xfe, 0xff])) return { text: strict('utf-16be', bytes.subarray(2), name), encoding: 'utf-16be (BOM)' };
  if (bytes.includes(0)) throw new PlanInputError(`${name}: contains NUL bytes, so it is not a text file in UTF-8 or GBK (a binary file, or UTF-16 without a byte-order mark)`);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // not UTF-8: try GB 18030 (a superset of GBK and GB 2312)
  }
  try {
    return { text: new TextDecoder('gb18030', { fatal: true }).decode(bytes), encoding: 'gb18030' };
  } catch {
    throw new PlanInputError(`${name}: neither UTF-8 nor GBK/GB 18030 text; convert it to UTF-8 (e.g. iconv -f ENCODING -t UTF-8)`);
  }
}

function strict(encoding: string, bytes: Uint8Array, name: string): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new PlanInputError(`${name}: starts with a ${encoding} byte-order mark but is not valid ${encoding}`);
  }
}

/**
 * Reads and decodes a plan file.
 *
 * @example
 * readPlan('../shared/seeds/000_bbd8cceb70162682.txt').encoding; // 'utf-8'
 */
export function readPlan(file: string): PlanText {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new PlanInputError(`${file}: cannot read the plan (${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a folder, not a file' : String(code)})`);
  }
  return decodePlan(bytes, file);
}
