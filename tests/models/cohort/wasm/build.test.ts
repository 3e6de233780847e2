/**
 * The committed WebAssembly build: bytes.ts holds exactly cohort.wasm, and, where clang is
 * installed, `npm run build:wasm` (models/cohort/wasm/build.mjs) rebuilds the same bytes from
 * cohort.c. Skipped with a message when clang is missing.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COHORT_WASM_BASE64 } from '../../../../models/cohort/wasm/bytes.js';
import { hasCommand } from '../../../../bench/lib/native.mjs';

const dir = fileURLToPath(new URL('../../../../models/cohort/wasm/', import.meta.url));
const hasClang = hasCommand('clang');

describe('committed cohort.wasm', () => {
  it('is what bytes.ts holds', () => {
    expect(Buffer.from(COHORT_WASM_BASE64, 'base64').equals(readFileSync(join(dir, 'cohort.wasm')))).toBe(true);
  });

  if (!hasClang) it.skip('rebuilds from cohort.c to the same bytes (skipped: no clang on PATH; apt-get install clang lld)', () => {});
  else {
    it('rebuilds from cohort.c to the same bytes (clang present)', () => {
      // Arrange
      const out = mkdtempSync(join(tmpdir(), 'urbcast-wasm-'));
      try {
        // Act
        execFileSync(process.execPath, [join(dir, 'build.mjs'), '--out', out], { stdio: 'pipe' });
        // Assert
        expect(readFileSync(join(out, 'cohort.wasm')).equals(readFileSync(join(dir, 'cohort.wasm')))).toBe(true);
        expect(readFileSync(join(out, 'bytes.ts'), 'utf8')).toBe(readFileSync(join(dir, 'bytes.ts'), 'utf8'));
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    });
  }
});
