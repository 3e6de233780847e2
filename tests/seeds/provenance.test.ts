/**
 * Every figure in seeds/*.yml cites a line of one of the planning documents in ../shared/seeds;
 * this checks each quote stands verbatim on its line, and that the entries are well-formed.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ComparatorSchema } from '../../src/scenario/schema.js';
import { SeedFileSchema } from '../../src/scenario/seed-file.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const seedsDir = join(repoRoot, 'seeds');
const documentsDir = resolve(repoRoot, '..', 'shared', 'seeds');
const haveDocuments = existsSync(documentsDir);
if (!haveDocuments) console.log(`seeds provenance: ${documentsDir} is absent, so the quotes are not checked against the documents (test skipped)`);

interface Entry {
  id: string;
  value: number;
  comparator: string;
  conflict?: string;
  source: { document: string; line: number; quote: string };
}
const files = readdirSync(seedsDir).filter((f) => f.endsWith('.yml')).sort();
const seeds = files.map((f) => ({ file: f, data: parse(readFileSync(join(seedsDir, f), 'utf8')) as { city: string; documents: string[]; entries: Entry[] } }));
const all = seeds.flatMap((s) => s.data.entries);
const lines = new Map<string, string[]>();
const documentLines = (doc: string) => {
  if (!lines.has(doc)) lines.set(doc, readFileSync(join(documentsDir, doc), 'utf8').split(/\r?\n/));
  return lines.get(doc)!;
};

/** The numbers written in a quote (ASCII digits), e.g. "全市常住人口城镇化率达到 57%" → [57]. */
const numbersIn = (quote: string) => [...quote.matchAll(/\d+(?:\.\d+)?/g)].map((m) => Number(m[0]));
/** Whether `value` is one of `numbers`, up to a power of ten (57 ~ "57%", 6 ~ "6万", 0.5 ~ "50"). */
const appears = (value: number, numbers: number[]) =>
  numbers.some((n) => [-4, -3, -2, -1, 0, 1, 2, 3, 4].some((k) => Math.abs(n - value * 10 ** k) <= 1e-9 * Math.max(1, Math.abs(n))));

it('there are seed files', () => {
  expect(files).toEqual(expect.arrayContaining(['heze.yml', 'jinan.yml', 'jining.yml']));
});

describe.each(seeds)('seeds/$file', ({ file, data }) => {
  it('passes the seed schema (seeds/FORMAT.md)', () => {
    const r = SeedFileSchema.safeParse(data);
    expect(r.success, r.error?.message).toBe(true);
  });

  it('ids are unique and well-formed (<city>.P<3 digits>)', () => {
    const ids = data.entries.map((e) => e.id);
    expect(data.city).toBe(file.replace(/\.yml$/, ''));
    for (const id of ids) expect(id).toMatch(new RegExp(`^${data.city}\\.P\\d{3}$`));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('comparators are valid', () => {
    for (const e of data.entries) expect(ComparatorSchema.options, e.id).toContain(e.comparator);
  });

  it('conflict: names an existing entry that points back', () => {
    for (const e of data.entries.filter((x) => x.conflict !== undefined)) {
      const other = all.find((x) => x.id === e.conflict);
      expect(other, `${e.id} conflict ${e.conflict}`).toBeDefined();
      expect(other!.conflict, `${e.conflict} should point back to ${e.id}`).toBe(e.id);
    }
  });

  it('the value appears in the quote whenever the quote has a number', () => {
    for (const e of data.entries) {
      const numbers = numbersIn(e.source.quote);
      if (numbers.length > 0) expect(appears(e.value, numbers), `${e.id}: ${e.value} not in "${e.source.quote}"`).toBe(true);
    }
  });

  it.skipIf(!haveDocuments)('each quote stands verbatim on the cited line of its document (../shared/seeds)', () => {
    for (const e of data.entries) {
      expect(data.documents, e.id).toContain(e.source.document);
      const text = documentLines(e.source.document);
      expect(e.source.line, `${e.id}: line ${e.source.line} of ${text.length}`).toBeLessThanOrEqual(text.length);
      expect(text[e.source.line - 1], `${e.id}: "${e.source.quote}" not on line ${e.source.line} of ${e.source.document}`).toContain(e.source.quote);
    }
  });
});

describe('the checks can fail', () => {
  it('the number check tells a stated value from another one', () => {
    expect(appears(57, numbersIn('达到 57%'))).toBe(true);
    expect(appears(6, numbersIn('6 万农业转移人口'))).toBe(true);
    expect(appears(58, numbersIn('达到 57%'))).toBe(false);
  });
});
