/**
 * The hukou extension and its kernel: its state lives in the kernel's memory and it steps with the
 * kernel's build of the hukou step when there is one (the WebAssembly kernel), else with the
 * JavaScript `hukouStep`; both give the same series.
 */
import { describe, expect, it, vi } from 'vitest';
import { HUKOU_MODEL_METRICS } from '../../../../models/cohort/index.js';
import { HUKOU_M0 } from '../../../../models/cohort/hukou/accounts.js';
import { createHukouExtension } from '../../../../models/cohort/hukou/extension.js';
import { jsKernel, type CohortKernel } from '../../../../models/cohort/kernel.js';
import { createCohortRunner } from '../../../../models/cohort/runner.js';
import { createWasmKernel } from '../../../../models/cohort/wasm/kernel.js';
import { baseAssumptions, medianPaths, setup } from '../helpers.js';

const s = setup({ ...baseAssumptions(), hukou: { baseline: { registered: 9.6e6, hukouShare: 0.4, nonLocal: 3e5 }, conversion: { rate: 0.04 }, reclassifiedGain: 0.8, arrivalsNonLocal: 1, outsideChange: 0.01 } });

/** The median draw's series with `kern` for the resident step and the hukou accounts. */
function project(kern: CohortKernel): { out: Float64Array; state: Float64Array } {
  const ext = createHukouExtension(12, s.H, s.ctx.baseYear, false, kern);
  const out = new Float64Array(HUKOU_MODEL_METRICS.length * (s.H + 1));
  createCohortRunner(s.compiled.data, s.H, ext, kern).run(medianPaths(s), out);
  return { out, state: ext.state };
}

describe('hukou extension', () => {
  it('steps in the WebAssembly kernel’s memory with its hukou step, once per year, to the JavaScript step’s bits', () => {
    // Arrange
    const wasm = createWasmKernel();
    const spy = vi.fn(wasm.hukouStep!);
    // Act
    const w = project({ ...wasm, hukouStep: spy });
    const js = project(jsKernel);
    // Assert
    expect(spy).toHaveBeenCalledTimes(s.H);
    expect(w.state.buffer).toBe(wasm.alloc(1).buffer);
    expect(js.state.buffer).not.toBe(w.state.buffer);
    expect(Array.from(w.out)).toEqual(Array.from(js.out));
    expect(w.out.some((v, i) => i >= HUKOU_M0 * (s.H + 1) && v !== 0)).toBe(true);
  });
});
