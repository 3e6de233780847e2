/**
 * Which cohort kernel a runner uses: the WebAssembly SIMD build when the engine validates a SIMD
 * module, else the JavaScript kernel; `URBCAST_KERNEL=js|wasm` forces one. Both give the same bits
 * (see models/cohort/README.md, "Kernels"), and every worker makes the same choice.
 *
 * @module
 */
import { jsKernel, type CohortKernel } from '../kernel.js';
import { createWasmKernel } from './kernel.js';

/** A module with one function returning `v128.const 0`: valid only where SIMD is supported. */
const SIMD_PROBE = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // magic, version
  0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7b, // type section: () -> v128
  0x03, 0x02, 0x01, 0x00, // function section
  0x0a, 0x16, 0x01, 0x14, 0x00, 0xfd, 0x0c, ...new Array<number>(16).fill(0), 0x0b, // code: v128.const 0; end
]);

/**
 * Whether this engine runs WebAssembly with 128-bit SIMD.
 *
 * @example
 * simdSupported(); // true on Node 20
 */
export function simdSupported(): boolean {
  return typeof WebAssembly === 'object' && typeof WebAssembly.validate === 'function' && WebAssembly.validate(SIMD_PROBE);
}

/**
 * The kernel named by `URBCAST_KERNEL` (`js` or `wasm`), or the best available when it is unset
 * or empty. Throws if it names anything else, or `wasm` where SIMD is not supported.
 *
 * @example
 * const kern = selectKernel(); // a fresh WebAssembly kernel, or the JavaScript one
 */
export function selectKernel(env: string | undefined = process.env.URBCAST_KERNEL): CohortKernel {
  const want = env ?? '';
  if (want === 'js') return jsKernel;
  if (want === 'wasm') {
    if (!simdSupported()) throw new Error('URBCAST_KERNEL=wasm, but this JavaScript engine does not support WebAssembly SIMD');
    return createWasmKernel();
  }
  if (want !== '') throw new Error(`URBCAST_KERNEL must be "js" or "wasm" (or unset), found "${want}"`);
  return simdSupported() ? createWasmKernel() : jsKernel;
}
