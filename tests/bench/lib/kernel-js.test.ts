/**
 * The kernel benchmark's projection (bench/lib/kernel-js.mjs) with the WebAssembly kernel: the
 * inputs placed in its memory once, then the same bits as the JavaScript kernel, rep after rep.
 */
import { describe, expect, it } from 'vitest';
import { kernelInputs } from '../../../bench/lib/inputs.mjs';
import { projectReps } from '../../../bench/lib/kernel-js.mjs';
import { createWasmKernel } from '../../../dist/models/cohort/wasm/kernel.js';

describe('projectReps', () => {
  it('projects the Heze baseline to the same bits with the WebAssembly kernel as with the JavaScript one, on every call', async () => {
    // Arrange
    const inputs = await kernelInputs('scenarios/heze.yml');
    const wasm = createWasmKernel();
    // Act
    const js = projectReps(inputs, 1);
    const w1 = projectReps(inputs, 1, wasm);
    const w3 = projectReps(inputs, 3, wasm);
    // Assert
    expect(Array.from(w1)).toEqual(Array.from(js));
    expect(Array.from(w3)).toEqual(Array.from(js));
    expect(js.some((x) => x > 0)).toBe(true);
  });
});
