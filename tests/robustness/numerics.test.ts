/**
 * Numerical guard: extreme but valid inputs to the cohort model (rates near 0 and 1, e0 of 20 and
 * 100, TFR 0 and 8, tiny and huge populations, urban shares of 0 and 1, a 100-year horizon) give
 * finite, non-negative stocks and flows and an urban share within [0, 1], or a clear input error
 * (located, exit 2) or a draw the model declines (a DrawFailure naming the draw and its inputs) —
 * never a NaN, an Infinity or an internal error.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { replayDraw } from '../../src/engine/run.js';
import { InputError, isParamError } from '../../src/scenario/errors.js';
import { loadScenario } from '../../src/scenario/load.js';
import { capture } from '../cli/capture.js';

const base = 'tests/fixtures/scenarios/base.yml';
/** Outputs that count persons or persons per year one way, or a share: never negative. */
const NON_NEGATIVE = /^(total|urban|rural|urbanShare|births\.[UR]|deaths\.[UR]|ruralToUrban|urbanToRural|reclassification)$/;

/** Migration rates up to the cohort model's domain (its peak-age rate must stay ≤ 1: about 0.33), and beyond it. */
const migration = fc.oneof(fc.constantFrom(0, 1e-12, 1e-6, 0.3, 0.33), fc.double({ min: 0, max: 0.33, noNaN: true }), fc.constantFrom(0.5, 1));
const rate = fc.oneof(fc.constantFrom(0, 1e-12, 1e-6, 0.5, 0.999999, 1), fc.double({ min: 0, max: 1, noNaN: true }));
const extremes = fc.record({
  'assumptions.tfr.urban': fc.oneof(fc.constantFrom(0, 1e-9, 8), fc.double({ min: 0, max: 8, noNaN: true })),
  'assumptions.tfr.rural': fc.constantFrom(0, 8, 1.4),
  'assumptions.e0.urban.female': fc.oneof(fc.constantFrom(20, 100), fc.double({ min: 20, max: 100, noNaN: true })),
  'assumptions.e0.urban.male': fc.constantFrom(20, 100, 76),
  'assumptions.e0.rural.female': fc.constantFrom(20, 100, 80),
  'assumptions.e0.rural.male': fc.constantFrom(20, 100),
  'assumptions.srb': fc.constantFrom(0.5, 1.06, 2),
  'assumptions.ruralToUrban': migration,
  'assumptions.urbanToRural': migration,
  'assumptions.reclassification': rate,
  'assumptions.external.urban.rate': fc.constantFrom(-1, -0.2, -0.01, 0, 0.5, 1),
  'assumptions.external.rural.rate': fc.constantFrom(-0.2, -0.01, 0, 0.3, 1),
  'baseline.population': fc.constantFrom(1, 100, 8_739_570, 1e10, 1e13),
  'baseline.urbanShare': fc.constantFrom(0, 1e-9, 0.519, 1 - 1e-9, 1),
  horizon: fc.constantFrom(2030, 2060, 2121),
});

type Outcome = { kind: 'projected'; series: { metric: string; values: number[] }[] } | { kind: 'input error' | 'draw declined'; message: string };

async function project(sets: string[]): Promise<Outcome> {
  let loaded;
  try {
    loaded = await loadScenario(base, { sets });
  } catch (e) {
    if (e instanceof InputError) return { kind: 'input error', message: e.format() };
    throw e;
  }
  try {
    const r = await replayDraw(loaded, 0, { draws: 1 });
    if (r.failure !== null) return { kind: 'draw declined', message: `draw 0: ${r.failure.message}; inputs ${JSON.stringify(r.failure.inputs)}` };
    return { kind: 'projected', series: r.series };
  } catch (e) {
    if (isParamError(e)) return { kind: 'input error', message: `${e.path.join('.')}: ${e.message}` };
    throw e;
  }
}

describe('extreme but valid cohort inputs', () => {
  it('give finite outputs, non-negative stocks and flows and a share within [0, 1], or a clear error', async () => {
    const seen = { projected: 0, 'input error': 0, 'draw declined': 0 };
    await fc.assert(
      fc.asyncProperty(extremes, async (x) => {
        const sets = Object.entries(x).map(([k, v]) => `${k}=${v}`);

        const r = await project(sets);

        seen[r.kind]++;
        if (r.kind !== 'projected') {
          expect(r.message.length).toBeGreaterThan(0);
          return;
        }
        for (const s of r.series) {
          for (const v of s.values) expect(Number.isFinite(v), `${s.metric} with ${sets.join(' ')}`).toBe(true);
          if (NON_NEGATIVE.test(s.metric)) expect(Math.min(...s.values), `${s.metric} with ${sets.join(' ')}`).toBeGreaterThanOrEqual(0);
          if (s.metric === 'urbanShare') expect(Math.max(...s.values)).toBeLessThanOrEqual(1 + 1e-12);
        }
      }),
      { numRuns: 100 },
    );
    expect(seen.projected).toBeGreaterThan(10);
  });

  it.each([
    ['every rate at 1, TFR 8, e0 20, 100 years', ['assumptions.ruralToUrban=1', 'assumptions.urbanToRural=1', 'assumptions.reclassification=1', 'assumptions.tfr.urban=8', 'assumptions.tfr.rural=8', 'assumptions.e0.urban.female=20', 'assumptions.e0.urban.male=20', 'assumptions.e0.rural.female=20', 'assumptions.e0.rural.male=20', 'horizon=2121']],
    ['no births, e0 100, everyone emigrating, one person', ['assumptions.tfr.urban=0', 'assumptions.tfr.rural=0', 'assumptions.e0.urban.female=100', 'assumptions.external.urban.rate=-1', 'assumptions.external.rural.rate=-1', 'baseline.population=1', 'horizon=2121']],
    ['an urban share of 0 and of 1', ['baseline.urbanShare=0', 'assumptions.ruralToUrban=0', 'assumptions.reclassification=0']],
    ['10^13 persons', ['baseline.population=1e13', 'baseline.urbanShare=1']],
  ])('simulate, %s: exit 0 or 2, and no NaN or Infinity in the report', async (_, sets) => {
    const { io, text } = capture();

    const code = await main(['--scenario', base, ...sets.flatMap((s) => ['--set', s]), '--draws', '20', '--workers', '1', '--quiet', '--format', 'json'], io);

    expect([0, 2], text.err).toContain(code);
    expect(text.err).not.toContain('internal error');
    if (code === 0) expect(text.out).not.toMatch(/NaN|Infinity|null,\s*"p|"value": null/);
  });
});
