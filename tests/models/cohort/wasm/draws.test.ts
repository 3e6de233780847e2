/**
 * Whole draws of the Heze scenario (cohort model with its hukou accounts, and the Shandong
 * reference) with each kernel: `URBCAST_KERNEL=js` and `=wasm` give the same bits in every series.
 */
import { afterEach, describe, expect, it } from 'vitest';
import cohort from '../../../../models/cohort/index.js';
import { compileScenario } from '../../../../src/engine/compile.js';
import { DrawKernel } from '../../../../src/engine/kernel.js';
import type { ModelDefinition } from '../../../../src/engine/model.js';
import { loadScenario } from '../../../../src/scenario/load.js';

const before = process.env.URBCAST_KERNEL;
afterEach(() => {
  if (before === undefined) delete process.env.URBCAST_KERNEL;
  else process.env.URBCAST_KERNEL = before;
});

describe('cohort kernels, whole draws', () => {
  it('give bit-identical series (resident and hukou) for 300 Heze draws with URBCAST_KERNEL=js and =wasm', async () => {
    // Arrange
    const cs = compileScenario(await loadScenario('scenarios/heze.yml'));
    const model = cohort as ModelDefinition;
    const draws = (kernel: string) => {
      process.env.URBCAST_KERNEL = kernel;
      const b = new DrawKernel(cs, model, cs.references.map(() => model)).run({ start: 0, count: 300, full: true });
      expect(b.error).toBeNull();
      return { series: new BigUint64Array(b.series!.slice().buffer), values: Array.from(b.values) };
    };
    // Act
    const js = draws('js');
    const wasm = draws('wasm');
    // Assert
    expect(cs.metrics.map((m) => m.name)).toContain('citizenised');
    expect(wasm.values).toEqual(js.values);
    expect(wasm.series).toEqual(js.series);
  });
});
