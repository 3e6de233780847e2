import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { main } from '../../src/cli/main.js';
import { capture } from './capture.js';

const dir = fileURLToPath(new URL('../fixtures/broken/', import.meta.url));
const base = fileURLToPath(new URL('../fixtures/scenarios/base.yml', import.meta.url));
interface Expected {
  in?: string;
  line: number;
  column: number;
  path: string;
  message: string;
}
const expected = parse(readFileSync(join(dir, 'expected.yml'), 'utf8')) as Record<string, Expected>;
const files = readdirSync(dir).filter((f) => f.endsWith('.yml') && f !== 'expected.yml').sort();
const shown = (file: string) => relative(process.cwd(), file);

describe('the broken corpus', () => {
  it('has at least 30 files, each with its expected message', () => {
    expect(files.length).toBeGreaterThanOrEqual(30);
    expect(Object.keys(expected).sort()).toEqual(files);
  });

  it.each(files)('%s: exit 2, file:line:column, the field and the message, no stack trace', async (file) => {
    const e = expected[file];
    const { io, text } = capture();

    const code = await main(['validate', join(dir, file)], io);

    expect(code).toBe(2);
    expect(text.out).toBe('');
    const where = `${shown(join(dir, e.in ?? file))}:${e.line}:${e.column}: ${e.path === '' ? '' : `${e.path}: `}`;
    const first = text.err.split('\n')[0];
    expect(first.startsWith(where), `${first}\n  should start with\n${where}`).toBe(true);
    expect(first).toContain(e.message);
    expect(text.err).not.toContain('    at ');
    expect(text.err).not.toContain('internal error');
  });
});

describe('--set mistakes', () => {
  it.each([
    ['assumptions.tfr.urbn=1.2', 'assumptions.tfr.urbn: unknown key "urbn"; allowed keys: urban, rural'],
    ['horizon.year=2030', 'horizon.year: horizon is 2030 (at base.yml:9:10), so it has no field "year"; set horizon itself instead'],
    ['targets.7.value=1', 'targets.7.value: targets is a list of 3 items'],
    ['horizon', 'found "horizon", expected path=value'],
    ['draws=-5', 'draws: found -5, expected a number ≥ 1'],
  ])('--set %s is reported at the --set', async (set, message) => {
    const { io, text } = capture();

    const code = await main(['validate', base, '--set', set], io);

    expect(code).toBe(2);
    expect(text.err.startsWith(`--set ${set}: `)).toBe(true);
    expect(text.err).toContain(message);
    expect(text.err.trimEnd().split('\n')).toHaveLength(1);
  });
});

it('validate reports every file, and exits 2 if any failed', async () => {
  const { io, text } = capture();

  const code = await main(['validate', base, join(dir, 'draws-zero.yml')], io);

  expect(code).toBe(2);
  expect(text.out).toBe(`ok ${base}\n`);
  expect(text.err).toContain('draws-zero.yml:3:8: draws:');
});
