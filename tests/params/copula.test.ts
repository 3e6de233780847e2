import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyCopula, copulaSubset } from '../../src/params/copula.js';
import { cholesky } from '../../src/params/sampler.js';
import { normalCdf, normalQuantile } from '../../src/random/normal.js';

/** The full copula of `sampleInputs`: every input through Φ⁻¹, the dense factor, Φ. */
function fullCopula(L: Float64Array, u: Float64Array): Float64Array {
  const n = u.length;
  const z = Array.from(u, normalQuantile);
  return Float64Array.from(u, (_, r) => {
    let y = 0;
    for (let k = 0; k <= r; k++) y += L[r * n + k] * z[k];
    return Math.min(1 - 1e-16, Math.max(1e-16, normalCdf(y)));
  });
}

/** n inputs, a few correlated pairs: the correlation matrix's Cholesky factor (null if not positive definite). */
const sparse = fc
  .integer({ min: 2, max: 14 })
  .chain((n) =>
    fc.tuple(
      fc.constant(n),
      fc.array(fc.tuple(fc.nat({ max: n - 1 }), fc.nat({ max: n - 1 }), fc.double({ min: -0.95, max: 0.95, noNaN: true })), { maxLength: n }),
      fc.array(fc.double({ min: 1e-9, max: 1 - 1e-9, noNaN: true }), { minLength: n, maxLength: n }),
    ),
  )
  .map(([n, pairs, us]) => {
    const a = new Float64Array(n * n);
    for (let j = 0; j < n; j++) a[j * n + j] = 1;
    for (const [i, j, rho] of pairs) {
      if (i === j) continue;
      a[i * n + j] = rho;
      a[j * n + i] = rho;
    }
    return { n, L: cholesky(a, n), u: Float64Array.from(us) };
  });

describe('applyCopula', () => {
  it('gives the full copula’s bits on every mixed row and keeps every other uniform as drawn', () => {
    fc.assert(
      fc.property(sparse, ({ n, L, u }) => {
        fc.pre(L !== null);
        const c = copulaSubset(L, n);
        const got = Float64Array.from(u);
        const z = new Float64Array(c.corr.length);

        applyCopula(c, got, z);

        const want = fullCopula(L!, u);
        const mixed = new Set(Array.from(c.mixed, (r) => c.corr[r]));
        for (let j = 0; j < n; j++) {
          if (mixed.has(j)) expect(got[j]).toBe(want[j]);
          else {
            expect(got[j]).toBe(u[j]);
            expect(Math.abs(got[j] - want[j])).toBeLessThan(1e-15);
          }
        }
        // the scores left in z are those of the uniforms as drawn
        c.corr.forEach((j, k) => expect(z[k]).toBe(normalQuantile(u[j])));
      }),
      { numRuns: 300 },
    );
  });

  it('leaves out the inputs nothing correlates', () => {
    const L = cholesky(Float64Array.from([1, 0, 0, 0, 1, 0.5, 0, 0.5, 1]), 3)!;

    const c = copulaSubset(L, 3);

    expect(Array.from(c.corr)).toEqual([1, 2]);
    expect(Array.from(c.mixed)).toEqual([1]);
    expect(Array.from(c.scoreAt)).toEqual([-1, 0, -1]);
  });

  it('is empty without correlations', () => {
    expect(copulaSubset(null, 5).corr.length).toBe(0);
  });
});
