/**
 * The native yardstick (bench/native/cohort.c) computes the same step as the engine's kernel: on
 * the Heze scenario's inputs its final population equals the JavaScript kernel's (both follow the
 * same operations in the same order, so bit for bit). Skipped when no C compiler is present.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kernelInputs, writeNativeInputs } from '../../../bench/lib/inputs.mjs';
import { projectReps } from '../../../bench/lib/kernel-js.mjs';
import { buildNative, hasCommand, runNative } from '../../../bench/lib/native.mjs';

const hasCc = hasCommand('cc');

describe.skipIf(!hasCc)('native cohort step', () => {
  it('projects the Heze baseline over the horizon to the same bits as the JavaScript kernel', async () => {
    // Arrange
    const inputs = await kernelInputs('scenarios/heze.yml');
    const dir = mkdtempSync(join(tmpdir(), 'urbcast-native-'));
    try {
      const file = join(dir, 'inputs.txt');
      writeNativeInputs(file, inputs);
      const built = buildNative();
      expect(built.skipped).toBeUndefined();
      // Act
      const c = runNative(built.binary, file, 1);
      const js = projectReps(inputs, 1);
      // Assert
      expect(c.final).toHaveLength(404);
      expect(c.final).toEqual(Array.from(js));
      expect(c.cellSteps).toBe(404 * inputs.H);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
