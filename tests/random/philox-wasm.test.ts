/**
 * The WebAssembly Philox generator (src/random/philox-wasm.ts, wasm/philox.c): the same bits as
 * the JavaScript `uniform` for any seed, draw and stream ids, null where JavaScript is asked for,
 * and the committed bytes are the C's.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { philoxBatch } from '../../src/random/philox-wasm.js';
import { streamId, uniform } from '../../src/random/philox.js';
import { PHILOX_WASM_BASE64 } from '../../src/random/wasm/philox-bytes.js';
import { describeCommittedWasm } from '../scripts/committed-wasm.js';

const u32 = fc.nat({ max: 0xffffffff });
const big = fc.nat({ max: Number.MAX_SAFE_INTEGER });

describe('philoxBatch', () => {
  it('gives the bits of uniform(seed, draw, stream, 0) for every stream, odd and even counts alike', () => {
    fc.assert(
      fc.property(big, big, fc.array(u32, { minLength: 1, maxLength: 9 }), (seed, draw, streams) => {
        // Arrange
        const batch = philoxBatch(streams, '')!;
        const out = new Float64Array(streams.length);
        // Act
        batch.fill(seed, draw, out);
        // Assert
        return streams.every((s, j) => Object.is(out[j], uniform(seed, draw, s, 0)));
      }),
    );
  });

  it('gives draw after draw the same numbers as a fresh batch (nothing carried over)', () => {
    const streams = ['tfr.urban.value', 'srb.value', 'e0.urban.female.value'].map(streamId);
    const batch = philoxBatch(streams, '')!;
    const a = new Float64Array(3);
    const b = new Float64Array(3);

    batch.fill(7, 2 ** 40 + 3, a);
    batch.fill(7, 5, b);
    philoxBatch(streams, '')!.fill(7, 5, a);

    expect(Array.from(b)).toEqual(Array.from(a));
  });

  it('is null when URBCAST_KERNEL=js asks for the JavaScript generator', () => {
    expect(philoxBatch([1, 2], 'js')).toBeNull();
  });
});

describeCommittedWasm('philox', PHILOX_WASM_BASE64);
