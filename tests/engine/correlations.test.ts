import { describe, expect, it } from 'vitest';
import { correlationFactor } from '../../src/engine/correlations.js';
import { ParamError } from '../../src/params/compile.js';

function paramError(f: () => unknown): ParamError {
  try {
    f();
  } catch (e) {
    if (e instanceof ParamError) return e;
    throw e;
  }
  throw new Error('no ParamError thrown');
}

const names = ['ruralToUrban.value', 'reclassification.value', 'tfr.urban.value'];

describe('correlationFactor', () => {
  it('is null without correlations', () => {
    expect(correlationFactor(names, [])).toBeNull();
  });

  it('returns the Cholesky factor of the stated matrix', () => {
    const L = correlationFactor(names, [{ between: ['reclassification.value', 'ruralToUrban.value'], rho: 0.5 }])!;
    expect(Array.from(L).map((x) => Number(x.toFixed(12)))).toEqual([1, 0, 0, 0.5, Number(Math.sqrt(0.75).toFixed(12)), 0, 0, 0, 1]);
  });

  it('names an unknown input, where it was written, and the known ones', () => {
    const e = paramError(() => correlationFactor(names, [{ between: ['ruralToUrban.value', 'ruralToUrban'], rho: 0.5 }]));
    expect(e.path).toEqual(['sampling', 'correlations', '0', 'between', '1']);
    expect(e.message).toMatch(/unknown uncertain input "ruralToUrban".*ruralToUrban\.value/);
  });

  it('rejects a matrix that is not positive definite', () => {
    const e = paramError(() =>
      correlationFactor(names, [
        { between: [names[0], names[1]], rho: 0.9 },
        { between: [names[1], names[2]], rho: 0.9 },
        { between: [names[0], names[2]], rho: -0.9 },
      ]),
    );
    expect(e.path).toEqual(['sampling', 'correlations']);
    expect(e.message).toMatch(/not positive definite/);
  });

  it('rejects an input correlated with itself and a pair stated twice', () => {
    expect(paramError(() => correlationFactor(names, [{ between: [names[0], names[0]], rho: 0.2 }])).message).toMatch(/itself/);
    expect(
      paramError(() =>
        correlationFactor(names, [
          { between: [names[0], names[1]], rho: 0.2 },
          { between: [names[1], names[0]], rho: 0.3 },
        ]),
      ).path,
    ).toEqual(['sampling', 'correlations', '1', 'between']);
  });
});
