import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { philox4x32, streamId, uniform } from '../../src/random/philox.js';

const hex = (w: Uint32Array) => Array.from(w, (x) => x.toString(16).padStart(8, '0')).join(' ');

describe('philox4x32', () => {
  // Known-answer vectors of Random123 (kat_vectors, philox4x32 with 10 rounds)
  it.each([
    [[0, 0, 0, 0], [0, 0], '6627e8d5 e169c58d bc57ac4c 9b00dbd8'],
    [[0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff], [0xffffffff, 0xffffffff], '408f276d 41c83b0e a20bc7c6 6d5451fd'],
    [[0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344], [0xa4093822, 0x299f31d0], 'd16cfe09 94fdcceb 5001e420 24126ea1'],
  ])('matches the Random123 known answer for counter %j, key %j', (ctr, key, expected) => {
    const out = new Uint32Array(4);

    philox4x32(ctr, key[0], key[1], out);

    expect(hex(out)).toBe(expected);
  });
});

describe('uniform', () => {
  it('lies in the open interval (0, 1)', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.nat({ max: 0xffffffff }), fc.nat({ max: 0xffffffff }), (seed, draw, stream, sub) => {
        const u = uniform(seed, draw, stream, sub);
        return u > 0 && u < 1;
      }),
    );
  });

  it('depends only on its arguments (no hidden state)', () => {
    const a = uniform(42, 17, streamId('x.value'));
    uniform(1, 2, 3, 4);
    expect(uniform(42, 17, streamId('x.value'))).toBe(a);
  });

  it('uses the high words of draw indices beyond 2^32', () => {
    expect(uniform(1, 2 ** 32 + 5, 9)).not.toBe(uniform(1, 5, 9));
  });

  it('has mean close to 1/2 and variance close to 1/12 over many draws', () => {
    const n = 20000;
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < n; i++) {
      const u = uniform(3, i, 11);
      s += u;
      s2 += u * u;
    }
    const mean = s / n;
    // 5 standard errors: 5·√(1/12/n) ≈ 0.010
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.0103);
    expect(Math.abs(s2 / n - mean * mean - 1 / 12)).toBeLessThan(0.005);
  });
});

describe('streamId', () => {
  it('is FNV-1a of the name', () => {
    // FNV-1a 32-bit of "a" is 0xe40c292c, of "" the offset basis 0x811c9dc5
    expect(streamId('a')).toBe(0xe40c292c);
    expect(streamId('')).toBe(0x811c9dc5);
  });
});

/** Philox4x32-10 in BigInt arithmetic: the 64-bit products exactly, no tricks. */
function philoxBig(ctr: number[], key0: number, key1: number): number[] {
  const M = 0xffffffffn;
  let [c0, c1, c2, c3] = ctr.map(BigInt);
  let k0 = BigInt(key0);
  let k1 = BigInt(key1);
  for (let r = 0; r < 10; r++) {
    const p0 = 0xd2511f53n * c0;
    const p1 = 0xcd9e8d57n * c2;
    [c0, c1, c2, c3] = [(p1 >> 32n) ^ c1 ^ k0, p1 & M, (p0 >> 32n) ^ c3 ^ k1, p0 & M];
    k0 = (k0 + 0x9e3779b9n) & M;
    k1 = (k1 + 0xbb67ae85n) & M;
  }
  return [c0, c1, c2, c3].map(Number);
}

describe('philox4x32 against exact 64-bit products', () => {
  it('gives the words of a BigInt implementation for any counter and key', () => {
    const word = fc.nat({ max: 0xffffffff });
    fc.assert(
      fc.property(fc.tuple(word, word, word, word), word, word, (ctr, k0, k1) => {
        const out = new Uint32Array(4);

        philox4x32(ctr, k0, k1, out);

        expect(Array.from(out)).toEqual(philoxBig(ctr, k0, k1));
      }),
      { numRuns: 500 },
    );
  });
});
