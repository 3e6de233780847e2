/**
 * The page's worker replaces Math.exp, log and log1p by stdlib's fdlibm ports so that it computes
 * what the CLI computes (src/report/html/explore/v8-math.ts). This checks, on the Node running the
 * tests, that they give the same bits as its own Math on 10⁶ arguments each over the ranges the
 * engine uses and beyond (exp: down to −708.39, below which results are subnormal and stdlib
 * rounds some to 0 where V8 gives 5e-324): when a Node whose V8 computes them otherwise runs the CLI, this fails.
 */
import { describe, expect, it } from 'vitest';
import { NODE_MATH } from '../../../../src/report/html/explore/v8-math.js';

/** A fixed pseudo-random sequence in [0, 1). */
function uniforms(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0), s / 4294967296);
}

describe('NODE_MATH', () => {
  it.each<[keyof typeof NODE_MATH, (u: number, v: number) => number]>([
    // normal results only: below −708.4 (subnormal results) stdlib rounds some to 0 where V8 gives 5e-324
    ['exp', (u, v) => Math.max(-708.39, (u - 0.5) * 2 ** (1 + 10 * v))],
    ['log', (u, v) => u * 2 ** (60 * v - 30)],
    ['log1p', (u, v) => (v < 0.5 ? u * 2 - 1 : u * 2 ** (40 * v - 20))],
  ])('%s gives the bits of this Node’s Math on 10⁶ arguments', (name, arg) => {
    const next = uniforms(20261206);
    const f = NODE_MATH[name];
    const g = Math[name];
    let differ = 0;
    let first: number | undefined;
    for (let i = 0; i < 1_000_000; i++) {
      const x = arg(next(), next());
      if (!Object.is(f(x), g(x))) {
        differ++;
        first ??= x;
      }
    }

    expect({ differ, first }).toEqual({ differ: 0, first: undefined });
  });

  it('is not Math itself (the worker really replaces something)', () => {
    expect(NODE_MATH.exp).not.toBe(Math.exp);
  });
});
