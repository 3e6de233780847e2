import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodePlan, PlanInputError, readPlan } from '../../src/extract/decode.js';

const fixture = (f: string) => fileURLToPath(new URL(`../fixtures/extract/${f}`, import.meta.url));
const utf8 = readFileSync(fixture('synthetic-plan.txt'), 'utf8');

describe('decodePlan', () => {
  it('reads UTF-8, with or without a BOM', () => {
    expect(decodePlan(Buffer.from(utf8, 'utf8'), 'p.txt')).toEqual({ text: utf8, encoding: 'utf-8' });
    expect(decodePlan(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(utf8, 'utf8')]), 'p.txt')).toEqual({ text: utf8, encoding: 'utf-8 (BOM)' });
  });

  it('reads GBK (the fixture was converted with iconv -t GBK) to the same text', () => {
    expect(readPlan(fixture('synthetic-plan-gbk.txt'))).toEqual({ text: utf8, encoding: 'gb18030' });
  });

  it('reads UTF-16 with a byte-order mark', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(utf8, 'utf16le')]);
    expect(decodePlan(le, 'p.txt').text).toBe(utf8);
  });

  it('refuses a PDF, a Word file and binary data, saying what it found', () => {
    expect(() => decodePlan(Buffer.from('%PDF-1.7\n…'), 'plan.pdf')).toThrow(/plan.pdf: this is a PDF file, not a plain-text plan/);
    expect(() => decodePlan(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2]), 'plan.docx')).toThrow(/ZIP archive/);
    expect(() => decodePlan(Buffer.from([0x41, 0, 0x42]), 'x.bin')).toThrow(PlanInputError);
  });

  it('refuses bytes that are neither UTF-8 nor GB 18030', () => {
    expect(() => decodePlan(Buffer.from([0x81, 0x20, 0xff, 0xfe, 0x80]), 'x.txt')).toThrow(/neither UTF-8 nor GBK/);
  });

  it('names a missing file', () => {
    expect(() => readPlan('/no/such/plan.txt')).toThrow('/no/such/plan.txt: cannot read the plan (no such file)');
  });
});
