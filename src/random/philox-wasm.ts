/**
 * A draw's uniforms from WebAssembly (wasm/philox.c): the same numbers as `uniform` (philox.ts), bit for
 * bit, about 4× faster (one 64-bit multiply per 32 × 32-bit product, where JavaScript rebuilds it
 * exactly from a double product and `Math.imul`). Where WebAssembly is missing, or
 * `URBCAST_KERNEL=js` asks for the JavaScript kernels, {@link philoxBatch} gives null and the
 * sampler computes them in JavaScript.
 *
 * Layout of the instance's memory: the C stack (64 KiB), then the n stream ids (u32), then the n
 * uniforms (f64, 8-byte aligned). One instance per sampler: its views never detach.
 *
 * @module
 */
import { PHILOX_WASM_BASE64 } from './wasm/philox-bytes.js';

/** Uniforms of a fixed set of streams, one draw at a time. */
export interface PhiloxBatch {
  /**
   * Writes `out[j]` = uniform(seed, draw, stream j, 0) for every stream j.
   *
   * @example
   * batch.fill(42, 17, u);
   */
  fill(seed: number, draw: number, out: Float64Array): void;
}

const STACK_BYTES = 65536;
const TWO32 = 4294967296;
let compiled: WebAssembly.Module | null | undefined;

/** The compiled module, or null where WebAssembly cannot run it (compiled once per thread). */
function philoxModule(): WebAssembly.Module | null {
  if (compiled === undefined) {
    try {
      compiled = typeof WebAssembly === 'object' ? new WebAssembly.Module(Buffer.from(PHILOX_WASM_BASE64, 'base64')) : null;
    } catch {
      compiled = null;
    }
  }
  return compiled;
}

/**
 * A WebAssembly batch for `streams` (32-bit stream ids, see `streamId`), or null where the
 * JavaScript generator is to be used (no WebAssembly, or `URBCAST_KERNEL=js`).
 *
 * @example
 * const batch = philoxBatch(Float64Array.of(streamId('a.value'), streamId('b.value')));
 * const u = new Float64Array(2);
 * batch?.fill(42, 0, u); // u[1] === uniform(42, 0, streamId('b.value'))
 */
export function philoxBatch(streams: ArrayLike<number>, kernel: string | undefined = process.env.URBCAST_KERNEL): PhiloxBatch | null {
  const mod = kernel === 'js' ? null : philoxModule();
  if (mod === null) return null;
  const n = streams.length;
  const streamAt = STACK_BYTES;
  const outAt = (streamAt + 4 * n + 7) & ~7;
  const memory = new WebAssembly.Memory({ initial: Math.ceil((outAt + 8 * n) / 65536) || 1 });
  const run = new WebAssembly.Instance(mod, { env: { memory } }).exports.philox_uniforms as (...args: number[]) => void;
  new Uint32Array(memory.buffer, streamAt, n).set(Array.from(streams, (s) => s >>> 0));
  const values = new Float64Array(memory.buffer, outAt, n);
  return {
    fill(seed, draw, out) {
      run(seed >>> 0, Math.floor(seed / TWO32) >>> 0, draw >>> 0, Math.floor(draw / TWO32) >>> 0, streamAt, n, outAt);
      out.set(values);
    },
  };
}
