/** Kernel selection: WebAssembly where SIMD validates, `URBCAST_KERNEL` forcing either, bad values named. */
import { describe, expect, it } from 'vitest';
import { jsKernel } from '../../../../models/cohort/kernel.js';
import { selectKernel, simdSupported } from '../../../../models/cohort/wasm/select.js';

describe('selectKernel', () => {
  it('picks the WebAssembly kernel by default where SIMD is supported (Node ≥ 20), a fresh one per runner', () => {
    expect(simdSupported()).toBe(true);
    const a = selectKernel(undefined);
    const b = selectKernel('');
    expect(a.name).toBe('wasm');
    expect(b.name).toBe('wasm');
    expect(a).not.toBe(b);
  });

  it('honours URBCAST_KERNEL=js and =wasm', () => {
    expect(selectKernel('js')).toBe(jsKernel);
    expect(selectKernel('wasm').name).toBe('wasm');
  });

  it('reads the environment when given nothing', () => {
    const before = process.env.URBCAST_KERNEL;
    try {
      process.env.URBCAST_KERNEL = 'js';
      expect(selectKernel()).toBe(jsKernel);
    } finally {
      if (before === undefined) delete process.env.URBCAST_KERNEL;
      else process.env.URBCAST_KERNEL = before;
    }
  });

  it('rejects any other value, naming it', () => {
    expect(() => selectKernel('simd')).toThrow('URBCAST_KERNEL must be "js" or "wasm" (or unset), found "simd"');
  });
});
