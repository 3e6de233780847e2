import { describe, expect, it } from 'vitest';
import type { MetricDecl } from '../../src/engine/model.js';
import { compileTargets, defaultTolerance, type TargetCompileHooks } from '../../src/engine/target-plan.js';
import { ParamError } from '../../src/params/compile.js';
import { target } from '../fixtures/engine/toy-scenario.js';
import { TOY_METRICS } from '../fixtures/toy-model.js';

const hooks = (o: Partial<TargetCompileHooks> = {}): TargetCompileHooks => ({
  metrics: TOY_METRICS,
  baseYear: 2020,
  steps: 10,
  reference: () => ({ unit: 0, metrics: TOY_METRICS as MetricDecl[], baseYear: 2019, steps: 16 }),
  addInput: () => 4,
  ...o,
});

function paramError(f: () => unknown): ParamError {
  try {
    f();
  } catch (e) {
    if (e instanceof ParamError) return e;
    throw e;
  }
  throw new Error('no ParamError thrown');
}

describe('defaultTolerance', () => {
  it.each([
    [0.57, 0.005],
    [0.579, 0.0005],
    [57, 0.5],
    [8790000, 5000],
    [60000, 5000],
    [0, 0],
  ])('half a unit of the last digit of %d is %d', (v, tol) => {
    expect(defaultTolerance(v)).toBe(tol);
  });
});

describe('compileTargets', () => {
  it('maps metrics and years to indices', () => {
    const [lvl, flow, gain] = compileTargets(
      [
        target({ metric: 'urbanShare', year: 2025 }),
        target({ metric: 'ruralToUrban', kind: 'flow', window: [2021, 2025] }),
        target({ metric: 'urbanShare', kind: 'gain', window: [2021, 2025], reference: { gain: 0.01 } }),
      ],
      hooks(),
    );
    expect(lvl).toMatchObject({ m: 3, tFrom: 5, tTo: 5, tMin: 0, tolerance: 0 });
    expect(flow).toMatchObject({ m: 4, tFrom: 1, tTo: 5, tMin: 1 });
    expect(gain).toMatchObject({ m: 3, tFrom: 0, tTo: 5, ref: { kind: 'fixed', gain: 0.01 } });
  });

  it('resolves an approximate target’s tolerance', () => {
    const [stated, implied] = compileTargets([target({ comparator: '~', value: 0.57, tolerance: 0.01, year: 2025 }), target({ comparator: '=', value: 0.57, year: 2025 })], hooks());
    expect([stated.tolerance, implied.tolerance]).toEqual([0.01, 0.005]);
  });

  it('compiles a reference scenario on its own year axis', () => {
    const [g] = compileTargets([target({ kind: 'gain', window: [2021, 2025], reference: { scenario: 'shandong.yml' } })], hooks());
    expect(g.ref).toEqual({ kind: 'scenario', unit: 0, m: 3, tEnd: 6, tBefore: 1 });
  });

  it('adds a distribution reference gain as an uncertain input', () => {
    const names: string[] = [];
    const [g] = compileTargets(
      [target({ id: 'rel', kind: 'gain', window: [2021, 2025], reference: { gain: { dist: 'uniform', min: 0, max: 0.01 } } })],
      hooks({ addInput: (name) => (names.push(name), 7) }),
    );
    expect(g.ref).toEqual({ kind: 'input', input: 7 });
    expect(names).toEqual(['targets.rel.reference.gain']);
  });

  it('rejects an unknown metric at the target’s path, listing the metrics', () => {
    const e = paramError(() => compileTargets([target({ year: 2025 }), target({ metric: 'hukouShare', year: 2025 })], hooks()));
    expect(e.path).toEqual(['targets', '1', 'metric']);
    expect(e.message).toMatch(/unknown metric "hukouShare".*urbanShare/);
  });

  it.each([
    [{ year: 2031 }, ['targets', '0', 'year'], /outside the projection/],
    [{ metric: 'ruralToUrban', year: 2020 }, ['targets', '0', 'year'], /outside the projection/],
    [{ kind: 'flow' as const, window: [2021, 2022] as [number, number] }, ['targets', '0', 'metric'], /is a share; a flow target/],
    [{ kind: 'gain' as const, metric: 'ruralToUrban', window: [2021, 2022] as [number, number] }, ['targets', '0', 'metric'], /gain target needs a stock/],
    [{ kind: 'flow' as const, metric: 'ruralToUrban' }, ['targets', '0'], /needs a window/],
    [{ year: 2025, reference: { gain: 0 } }, ['targets', '0', 'reference'], /only gain targets/],
  ])('rejects %j', (t, path, message) => {
    const e = paramError(() => compileTargets([target({ year: undefined, ...t })], hooks()));
    expect(e.path).toEqual(path);
    expect(e.message).toMatch(message);
  });

  it('rejects a reference scenario that does not cover the window', () => {
    const e = paramError(() =>
      compileTargets([target({ kind: 'gain', window: [2021, 2030], reference: { scenario: 'r.yml' } })], hooks({ reference: () => ({ unit: 0, metrics: TOY_METRICS, baseYear: 2020, steps: 5 }) })),
    );
    expect(e.path).toEqual(['targets', '0', 'reference', 'scenario']);
    expect(e.message).toMatch(/2020–2025.*2020–2030/);
  });
});
