/** `prepare`'s staleness check (scripts/build.mjs --if-stale). */
import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INPUTS, isStale, newest } from '../../scripts/build.mjs';

/** A project folder with one source file and, optionally, a stamp; times in seconds since the epoch. */
function project(source: number, stamp?: number): string {
  const root = mkdtempSync(join(tmpdir(), 'urbcast-build-'));
  mkdirSync(join(root, 'src/a'), { recursive: true });
  mkdirSync(join(root, 'dist'));
  const file = join(root, 'src/a/x.ts');
  writeFileSync(file, 'export {};\n');
  for (const p of [file, join(root, 'src/a'), join(root, 'src')]) utimesSync(p, source, source);
  if (stamp !== undefined) {
    writeFileSync(join(root, 'dist/.build-stamp'), 'x\n');
    utimesSync(join(root, 'dist/.build-stamp'), stamp, stamp);
  }
  return root;
}

describe('scripts/build.mjs --if-stale', () => {
  it('builds without a stamp, or when a source is newer than it; not when every input is older', () => {
    expect(isStale(project(1000))).toBe(true);
    expect(isStale(project(2000, 1000))).toBe(true);
    expect(isStale(project(1000, 2000))).toBe(false);
  });

  it('takes the newest file below a folder, and 0 for what does not exist', () => {
    const root = project(1000, 2000);
    expect(newest(join(root, 'src'))).toBe(1000 * 1000);
    expect(newest(join(root, 'missing'))).toBe(0);
    expect(INPUTS).toEqual(expect.arrayContaining(['src', 'models', 'tsconfig.json', 'package.json']));
  });
});
