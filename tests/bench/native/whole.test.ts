/**
 * The whole-draw yardstick (bench/native/whole.c) computes the same draw as the engine: on the
 * median draw of a cohort + hukou scenario (Heze) and of a cohort-only one (the Heze backtest),
 * every metric equals the engine runner's bit for bit, with either kernel. Skipped when no C
 * compiler is present.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { modelBench } from '../../../bench/lib/models.mjs';
import { hasCommand } from '../../../bench/lib/native.mjs';
import { buildWhole, runWhole, writeWholeInputs } from '../../../bench/lib/whole.mjs';

const hasCc = hasCommand('cc');

describe.skipIf(!hasCc)('native whole draw', () => {
  it.each([
    ['scenarios/heze.yml', 'wasm', 30],
    ['scenarios/heze.yml', 'js', 30],
    ['bench/backtests/heze-2010-cohort.yml', 'wasm', 17],
  ])('gives the engine runner’s metrics, bit for bit, on %s (%s kernel)', async (file, kernel, metrics) => {
    // Arrange
    const m = await modelBench(file, kernel);
    const dir = mkdtempSync(join(tmpdir(), 'urbcast-whole-'));
    try {
      const inputs = join(dir, 'inputs.txt');
      writeWholeInputs(inputs, m.unit, m.paths);
      const built = buildWhole();
      expect(built.skipped).toBeUndefined();
      // Act
      const c = runWhole(built.binary, inputs, 3);
      m.measure(0);
      // Assert
      expect(c.draws).toBe(3);
      expect(c.out).toHaveLength(metrics * (m.H + 1));
      expect(c.out.map((x: number) => Object.is(x, -0) ? 0 : x)).toEqual(Array.from(m.out, (x) => (Object.is(x, -0) ? 0 : x)));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
