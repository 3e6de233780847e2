/**
 * The shared checks of a committed WebAssembly module (scripts/wasm-build.mjs's `MODULES`): its
 * TypeScript bytes module holds exactly NAME.wasm, and, where clang is installed, a rebuild gives
 * the same bytes (skipped with a message when clang is missing).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hasCommand } from '../../bench/lib/native.mjs';
import { MODULES } from '../../scripts/wasm-build.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Declares the tests of module `name`, whose bytes module exports `base64`.
 *
 * @example
 * describeCommittedWasm('philox', PHILOX_WASM_BASE64);
 */
export function describeCommittedWasm(name: keyof typeof MODULES, base64: string): void {
  const m = MODULES[name];
  const dir = join(root, m.dir);
  describe(`committed ${name}.wasm`, () => {
    it(`is what ${m.bytesFile} holds`, () => {
      expect(Buffer.from(base64, 'base64').equals(readFileSync(join(dir, `${name}.wasm`)))).toBe(true);
    });

    if (!hasCommand('clang')) it.skip('rebuilds from the C to the same bytes (skipped: no clang on PATH; apt-get install clang lld)', () => {});
    else {
      it('rebuilds from the C to the same bytes (clang present)', () => {
        // Arrange
        const out = mkdtempSync(join(tmpdir(), 'urbcast-wasm-'));
        try {
          // Act
          execFileSync(process.execPath, [join(root, 'scripts/wasm-build.mjs'), '--only', name, '--out', out], { stdio: 'pipe' });
          // Assert
          expect(readFileSync(join(out, `${name}.wasm`)).equals(readFileSync(join(dir, `${name}.wasm`)))).toBe(true);
          expect(readFileSync(join(out, m.bytesFile), 'utf8')).toBe(readFileSync(join(dir, m.bytesFile), 'utf8'));
        } finally {
          rmSync(out, { recursive: true, force: true });
        }
      });
    }
  });
}
