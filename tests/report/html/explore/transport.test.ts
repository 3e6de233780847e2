import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../../src/scenario/load.js';
import { compileScenario } from '../../../../src/engine/compile.js';
import { decodeData, encodeData } from '../../../../src/report/html/explore/transport.js';

describe('encodeData / decodeData', () => {
  it('round-trips typed arrays and the numbers JSON cannot hold, bit for bit', () => {
    const v = { a: new Float64Array([1.5, -0, Infinity, NaN, 5e-324]), b: [Infinity, -Infinity, -0, NaN, 1], c: new Int32Array([-1, 2]), d: { e: 'x', f: null, g: true } };

    const back = decodeData<typeof v>(encodeData(v));

    expect(back.a).toBeInstanceOf(Float64Array);
    expect(Array.from(back.a)).toEqual(Array.from(v.a));
    expect(Object.is(back.a[1], -0)).toBe(true);
    expect(back.b).toEqual(v.b);
    expect(Object.is(back.b[2], -0)).toBe(true);
    expect(back.c).toEqual(v.c);
    expect(back.d).toEqual(v.d);
  });

  it('round-trips any array of doubles', () => {
    fc.assert(
      fc.property(fc.array(fc.double()), (xs) => {
        const back = decodeData<{ f: Float64Array; a: number[] }>(encodeData({ f: Float64Array.from(xs), a: xs }));
        expect(Array.from(back.f)).toEqual(xs);
        expect(back.a).toEqual(xs);
      }),
    );
  });

  it("round-trips Heze's compiled scenario (with its reference)", async () => {
    const cs = compileScenario(await loadScenario('scenarios/heze.yml'), { draws: 100 });

    expect(decodeData(encodeData(cs))).toEqual(cs);
  });
});
