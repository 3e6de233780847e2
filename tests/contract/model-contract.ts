/**
 * The contract every model must honour, as a reusable vitest suite of fast-check properties.
 *
 * A model only exposes the `ModelDefinition` interface of `src/engine/model.ts`, so the suite uses
 * nothing else: it validates the model's assumptions with its own schema, builds the
 * `CompileContext` itself (with `dataDir` = the repository's `seeds/data/`), compiles parameters
 * and model, draws parameter values with the project's sampler, and runs the model's runner.
 * Each model supplies an arbitrary of valid (feasible) inputs; the suite checks:
 *
 * - the output declaration (core metrics, unique names, known kinds) and strict assumptions;
 * - the baseline at t = 0 (population and urban share of the context; flows and contributions 0);
 * - stocks: total = urban + rural, no negative stock, shares in [0, 1], share = urban / total,
 *   every output finite;
 * - the accounting identity, for models that output the full set of flows (`accounting: 'full'`):
 *   U_{t+1} − U_t = births.U − deaths.U + ruralToUrban − urbanToRural + reclassification + external.U
 *   and R_{t+1} − R_t = births.R − deaths.R − ruralToUrban + urbanToRural − reclassification + external.R,
 *   to 1e-9 relative to the stocks;
 * - the decomposition: the contribution metrics add up to u_{t+1} − u_t (1e-12 absolute);
 * - determinism: the same inputs give bit-identical outputs when run twice, after other draws on
 *   the same runner, on a fresh runner, whatever the output buffer held before, and on a runner
 *   built from structured clones of the compiled model and parameters (what workers receive); the
 *   runner does not write into `paths`;
 * - optionally, inputs the model must reject as infeasible throw a `DrawError` (never a clamp).
 *
 * Usage (see `cohort.contract.test.ts`):
 *
 * ```ts
 * describeModelContract('cohort', () => ({ model: cohort, arbitrary: arbCohortInput() }));
 * ```
 *
 * @module
 */
import fc from 'fast-check';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CORE_METRICS, DrawError, type CompileContext, type MetricDecl, type ModelDefinition, type Runner } from '../../src/engine/model.js';
import { compileParams, evaluatePaths, medianInputs, type CompiledParams } from '../../src/params/compile.js';
import { sampleInputs, type SamplingPlan } from '../../src/params/sampler.js';

/** Absolute path of the repository's `seeds/data/` folder, given to models as `ctx.dataDir`. */
export const CONTRACT_DATA_DIR = fileURLToPath(new URL('../../seeds/data/', import.meta.url));

/** One generated scenario: raw assumptions (validated by the suite) and the baseline. */
export interface ContractInput {
  /** The `assumptions:` block as a scenario would write it (parsed with the model's schema). */
  assumptions: unknown;
  baseYear: number;
  /** H ≥ 1. */
  steps: number;
  population: number;
  urbanShare: number;
  /** Absolute path of an age-structure CSV, if the scenario gives one. */
  ageStructure?: string;
  /** Sampler seed for the random draws of the uncertain inputs. */
  seed: number;
  /** Whatever the case's `expand` needs beyond the assumptions (e.g. the regions' own inputs). */
  extra?: unknown;
}

/** What a model supplies to the contract. */
export interface ContractCase {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  model: ModelDefinition<any, any>;
  /** Valid, feasible inputs: no draw of them may throw. */
  arbitrary: fc.Arbitrary<ContractInput>;
  /** Inputs whose median draw must throw a DrawError (optional). */
  infeasible?: fc.Arbitrary<ContractInput>;
  /**
   * `'full'`: the model outputs births.U/R, deaths.U/R, ruralToUrban, urbanToRural,
   * reclassification and external.U/R, and the accounting identity must hold.
   * `'none'`: the model keeps no such accounts (the identity test is then not run).
   */
  accounting?: 'full' | 'none';
  /** fast-check runs per property (default 25; each run projects 1 + `draws` draws). */
  numRuns?: number;
  /** Random draws per generated input besides the median (default 2). */
  draws?: number;
  /** fast-check options for every property: a fixed `seed` to replay, `endOnFailure` to skip shrinking. */
  fastCheck?: { seed?: number; endOnFailure?: boolean };
  /**
   * For models with a loader hook (`ModelDefinition.expand`, e.g. `regions`): completes the parsed
   * assumptions as the loader would, from the generated input (its `extra`), synchronously.
   */
  expand?(assumptions: unknown, ctx: CompileContext, input: ContractInput): unknown;
}

/** Names of the flows in the accounting identity, and their sign in ΔU and ΔR. */
const ACCOUNTS: { name: string; U: number; R: number }[] = [
  { name: 'births.U', U: 1, R: 0 },
  { name: 'deaths.U', U: -1, R: 0 },
  { name: 'births.R', U: 0, R: 1 },
  { name: 'deaths.R', U: 0, R: -1 },
  { name: 'ruralToUrban', U: 1, R: -1 },
  { name: 'urbanToRural', U: -1, R: 1 },
  { name: 'reclassification', U: 1, R: -1 },
  { name: 'external.U', U: 1, R: 0 },
  { name: 'external.R', U: 0, R: 1 },
];

const KINDS = new Set(['stock', 'share', 'flow', 'contribution', 'difference']);

/** A compiled scenario, ready to run draws. */
interface Prepared {
  ctx: CompileContext;
  params: CompiledParams;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  compiled: { metrics: MetricDecl[]; data: any };
  metrics: MetricDecl[];
  H: number;
  /** Paths of the median draw followed by the random draws. */
  paths: Float64Array[];
}

/** The context the engine would build for this input. */
export function contractContext(input: ContractInput): CompileContext {
  return {
    scenarioFile: '/contract/scenario.yml',
    baseYear: input.baseYear,
    horizon: input.baseYear + input.steps,
    steps: input.steps,
    population: input.population,
    urbanShare: input.urbanShare,
    ...(input.ageStructure === undefined ? {} : { ageStructure: input.ageStructure }),
    dataDir: CONTRACT_DATA_DIR,
  };
}

function prepare(c: ContractCase, input: ContractInput, draws: number): Prepared {
  const ctx = contractContext(input);
  const parsed = c.model.assumptionsSchema.parse(input.assumptions);
  const A = c.expand !== undefined ? c.expand(parsed, ctx, input) : parsed;
  const params = compileParams(c.model.parameters(A, ctx), ctx.baseYear, ctx.steps);
  const compiled = c.model.compile(A, ctx);
  const H = ctx.steps;
  const n = params.keys.length * H;
  const median = new Float64Array(n);
  evaluatePaths(params, medianInputs(params), median);
  const paths = [median];
  const plan: SamplingPlan = { seed: input.seed, draws: Math.max(draws, 1), lhs: false, cholesky: null };
  const u = new Float64Array(params.inputs.length);
  const x = new Float64Array(params.inputs.length);
  for (let i = 0; i < draws; i++) {
    sampleInputs(params, plan, i, u, x);
    const p = new Float64Array(n);
    evaluatePaths(params, x, p);
    paths.push(p);
  }
  return { ctx, params, compiled, metrics: compiled.metrics, H, paths };
}

function runOnce(runner: Runner, p: Prepared, paths: Float64Array, fill = 0, steps?: number, metrics?: Uint8Array): Float64Array {
  const out = new Float64Array(p.metrics.length * (p.H + 1)).fill(fill);
  if (metrics !== undefined) runner.run(paths, out, undefined, steps, metrics);
  else if (steps === undefined) runner.run(paths, out);
  else runner.run(paths, out, undefined, steps);
  return out;
}

/** Series accessor over one output buffer. */
function seriesOf(p: Prepared, out: Float64Array): (name: string) => Float64Array {
  return (name) => {
    const m = p.metrics.findIndex((x) => x.name === name);
    if (m < 0) throw new Error(`the model declares no metric ${name}`);
    return out.subarray(m * (p.H + 1), (m + 1) * (p.H + 1));
  };
}

function sameBits(a: Float64Array, b: Float64Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}

/** First index where two buffers differ, described, or '' when bit-identical. */
function firstDifference(p: Prepared, a: Float64Array, b: Float64Array): string {
  if (sameBits(a, b)) return '';
  for (let i = 0; i < a.length; i++) {
    if (!Object.is(a[i], b[i])) {
      const m = Math.floor(i / (p.H + 1));
      return `${p.metrics[m]?.name ?? '?'}[t=${i % (p.H + 1)}]: ${a[i]} vs ${b[i]}`;
    }
  }
  return 'lengths differ';
}

/** One property of the contract, runnable on its own (it throws when the model breaks it). */
export interface ContractCheck {
  name: string;
  /** False when the case opts out (no accounts kept, no infeasible inputs supplied). */
  enabled: boolean;
  run(): void;
}

/**
 * The contract's properties for one case, as plain functions (what {@link describeModelContract}
 * turns into tests, and what the suite's own tests run against deliberately broken models).
 *
 * @example
 * for (const k of contractChecks({ model: cohort, arbitrary: arbCohortInput() })) if (k.enabled) k.run();
 */
export function contractChecks(c: ContractCase): ContractCheck[] {
  const numRuns = c.numRuns ?? 25;
  const draws = c.draws ?? 2;
  const opts = (n: number) => ({ ...c.fastCheck, numRuns: n });

  /** Checks `check` for every draw (median and random) of every generated input. */
  const forEachDraw = (check: (p: Prepared, out: Float64Array) => void) =>
    fc.assert(
      fc.property(c.arbitrary, (input) => {
        const p = prepare(c, input, draws);
        const runner = c.model.createRunner(p.compiled, p.params);
        for (const paths of p.paths) check(p, runOnce(runner, p, paths));
      }),
      opts(numRuns),
    );

  const checks: ContractCheck[] = [];
  const add = (name: string, run: () => void, enabled = true) => checks.push({ name, run, enabled });

  add('declares the core metrics, with unique names and known kinds', () =>
    fc.assert(
      fc.property(c.arbitrary, (input) => {
        // Arrange / act
        const p = prepare(c, input, 0);
        const names = p.metrics.map((m) => m.name);
        // Assert
        for (const core of CORE_METRICS) expect(names, `core metric ${core}`).toContain(core);
        expect(new Set(names).size).toBe(names.length);
        for (const m of p.metrics) expect(KINDS.has(m.kind), `kind of ${m.name}: ${m.kind}`).toBe(true);
        expect(p.metrics.find((m) => m.name === 'urbanShare')?.kind).toBe('share');
        for (const s of ['total', 'urban', 'rural']) expect(p.metrics.find((m) => m.name === s)?.kind).toBe('stock');
        expect(new Set(p.params.keys).size).toBe(p.params.keys.length);
      }),
      opts(Math.min(numRuns, 5)),
    ),
  );

  add('rejects unknown keys in the assumptions block (strict schema)', () =>
    fc.assert(
      fc.property(c.arbitrary, (input) => {
        // Arrange
        const raw = { ...(input.assumptions as Record<string, unknown>), notAnAssumption: 1 };
        // Act
        const parsed = c.model.assumptionsSchema.safeParse(raw);
        // Assert
        expect(c.model.assumptionsSchema.safeParse(input.assumptions).success, 'the generated input itself is valid').toBe(true);
        expect(parsed.success, 'an unknown key must be rejected').toBe(false);
      }),
      opts(Math.min(numRuns, 5)),
    ),
  );

  add('starts from the context baseline, with zero flows and contributions at t = 0', () =>
    forEachDraw((p, out) => {
      const s = seriesOf(p, out);
      const { population, urbanShare } = p.ctx;
      expect(Math.abs(s('total')[0] - population), 'total at t=0').toBeLessThanOrEqual(1e-12 * population);
      expect(Math.abs(s('urban')[0] - population * urbanShare), 'urban at t=0').toBeLessThanOrEqual(1e-12 * population);
      expect(Math.abs(s('urbanShare')[0] - urbanShare), 'share at t=0').toBeLessThanOrEqual(1e-12);
      for (const m of p.metrics) if (m.kind === 'flow' || m.kind === 'contribution') expect(s(m.name)[0], `${m.name} at t=0`).toBe(0);
    }),
  );

  add('keeps total = urban + rural, no negative stock, shares in [0, 1], every output finite', () =>
    forEachDraw((p, out) => {
      const s = seriesOf(p, out);
      for (let i = 0; i < out.length; i++) {
        expect(Number.isFinite(out[i]), `${p.metrics[Math.floor(i / (p.H + 1))].name}[${i % (p.H + 1)}] = ${out[i]}`).toBe(true);
      }
      const [T, U, R, u] = [s('total'), s('urban'), s('rural'), s('urbanShare')];
      for (let t = 0; t <= p.H; t++) {
        expect(Math.abs(T[t] - (U[t] + R[t])), `total vs urban + rural at t=${t}`).toBeLessThanOrEqual(1e-12 * T[t]);
        expect(Math.abs(u[t] - U[t] / T[t]), `share = urban/total at t=${t}`).toBeLessThanOrEqual(1e-12);
      }
      for (const m of p.metrics) {
        const x = s(m.name);
        for (let t = 0; t <= p.H; t++) {
          if (m.kind === 'stock') expect(x[t], `${m.name}[${t}]`).toBeGreaterThanOrEqual(0);
          if (m.kind === 'share') {
            expect(x[t], `${m.name}[${t}]`).toBeGreaterThanOrEqual(0);
            expect(x[t], `${m.name}[${t}]`).toBeLessThanOrEqual(1);
          }
        }
      }
    }),
  );

  add(
    'conserves people: the accounting identity holds for both areas (1e-9 relative)',
    () =>
      forEachDraw((p, out) => {
        const s = seriesOf(p, out);
        const U = s('urban');
        const R = s('rural');
        const flows = ACCOUNTS.map((a) => ({ ...a, x: s(a.name) }));
        for (let t = 0; t < p.H; t++) {
          let dU = 0;
          let dR = 0;
          let scale = Math.max(U[t], U[t + 1], R[t], R[t + 1]);
          for (const f of flows) {
            dU += f.U * f.x[t + 1];
            dR += f.R * f.x[t + 1];
            scale = Math.max(scale, Math.abs(f.x[t + 1]));
          }
          expect(Math.abs(U[t + 1] - U[t] - dU), `urban identity, step to t=${t + 1}`).toBeLessThanOrEqual(1e-9 * scale);
          expect(Math.abs(R[t + 1] - R[t] - dR), `rural identity, step to t=${t + 1}`).toBeLessThanOrEqual(1e-9 * scale);
        }
      }),
    c.accounting !== 'none',
  );

  add('decomposes the change of the urban share: contributions add up to Δshare (1e-12)', () =>
    forEachDraw((p, out) => {
      const s = seriesOf(p, out);
      const contrib = p.metrics.filter((m) => m.kind === 'contribution').map((m) => s(m.name));
      expect(contrib.length, 'the model declares contribution metrics').toBeGreaterThan(0);
      const u = s('urbanShare');
      for (let t = 0; t < p.H; t++) {
        let total = 0;
        for (const x of contrib) total += x[t + 1];
        expect(Math.abs(total - (u[t + 1] - u[t])), `step to t=${t + 1}`).toBeLessThanOrEqual(1e-12);
      }
    }),
  );

  add('is deterministic: same inputs, bit-identical outputs, no state leaking between runs', () =>
    fc.assert(
      fc.property(c.arbitrary, (input) => {
        // Arrange
        const p = prepare(c, input, Math.max(draws, 1));
        const [a, b] = [p.paths[0], p.paths[p.paths.length - 1]];
        const aCopy = Float64Array.from(a);
        const runner = c.model.createRunner(p.compiled, p.params);
        // Act
        const first = runOnce(runner, p, a);
        const again = runOnce(runner, p, a, NaN);
        runOnce(runner, p, b, -1);
        const afterOther = runOnce(runner, p, a, 1e300);
        const fresh = runOnce(c.model.createRunner(p.compiled, p.params), p, a);
        const cloned = runOnce(c.model.createRunner(structuredClone(p.compiled), structuredClone(p.params)), p, a);
        // Assert
        expect(sameBits(a, aCopy), 'run() must not write into paths').toBe(true);
        expect(firstDifference(p, first, again), 'run twice (output buffer prefilled with NaN)').toBe('');
        expect(firstDifference(p, first, afterOther), 'after another draw on the same runner').toBe('');
        expect(firstDifference(p, first, fresh), 'fresh runner').toBe('');
        expect(firstDifference(p, first, cloned), 'runner from structured clones (as in a worker)').toBe('');
      }),
      opts(Math.max(1, Math.round(numRuns / 2))),
    ),
  );

  add('runs the first `steps` years exactly as the whole run does (what "what would it take" asks for early targets)', () =>
    fc.assert(
      fc.property(c.arbitrary, fc.nat(), (input, pick) => {
        // Arrange
        const p = prepare(c, input, 1);
        const paths = p.paths[p.paths.length - 1];
        const runner = c.model.createRunner(p.compiled, p.params);
        const whole = runOnce(runner, p, paths);
        const steps = 1 + (pick % p.H);
        // Act: after another run, into a buffer prefilled with NaN
        runOnce(runner, p, p.paths[0]);
        const part = runOnce(runner, p, paths, NaN, steps);
        // Assert: every metric's years t = 0 … steps
        for (let m = 0; m < p.metrics.length; m++) {
          for (let t = 0; t <= steps; t++) {
            const i = m * (p.H + 1) + t;
            expect(Object.is(part[i], whole[i]), `${p.metrics[m].name}[t=${t}] with steps = ${steps}: ${part[i]} vs ${whole[i]}`).toBe(true);
          }
        }
      }),
      opts(Math.max(1, Math.round(numRuns / 2))),
    ),
  );

  add('gives the metrics a caller reads exactly as the whole run does, whatever it skips for the others (`metrics`)', () =>
    fc.assert(
      fc.property(c.arbitrary, fc.nat(), fc.nat(), (input, pick, mask) => {
        // Arrange: a random non-empty set of metrics, and sometimes fewer steps
        const p = prepare(c, input, 1);
        const paths = p.paths[p.paths.length - 1];
        const runner = c.model.createRunner(p.compiled, p.params);
        const whole = runOnce(runner, p, paths);
        const metrics = Uint8Array.from(p.metrics, (_, m) => (m === mask % p.metrics.length || ((mask >> m) & 1) === 1 ? 1 : 0));
        const steps = pick % 2 === 0 ? undefined : 1 + (pick % p.H);
        // Act: after another run, into a buffer prefilled with NaN
        runOnce(runner, p, p.paths[0]);
        const part = runOnce(runner, p, paths, NaN, steps, metrics);
        // Assert: every read metric's years t = 0 … steps
        for (let m = 0; m < p.metrics.length; m++) {
          if (metrics[m] !== 1) continue;
          for (let t = 0; t <= (steps ?? p.H); t++) {
            const i = m * (p.H + 1) + t;
            expect(Object.is(part[i], whole[i]), `${p.metrics[m].name}[t=${t}] reading ${[...metrics].join('')}: ${part[i]} vs ${whole[i]}`).toBe(true);
          }
        }
        // and a whole run after it is the whole run again
        expect(firstDifference(p, whole, runOnce(runner, p, paths, NaN)), 'a whole run after one with `metrics`').toBe('');
      }),
      opts(Math.max(1, Math.round(numRuns / 2))),
    ),
  );

  const infeasible = c.infeasible;
  add(
    'throws a DrawError (never clamps) for infeasible inputs',
    () =>
      fc.assert(
        fc.property(infeasible!, (input) => {
          // Arrange
          const p = prepare(c, input, 0);
          const runner = c.model.createRunner(p.compiled, p.params);
          // Act
          let thrown: unknown;
          try {
            runOnce(runner, p, p.paths[0]);
          } catch (e) {
            thrown = e;
          }
          // Assert
          expect(thrown, 'a DrawError').toBeInstanceOf(DrawError);
          const year = (thrown as DrawError).year;
          expect(year).toBeGreaterThan(input.baseYear);
          expect(year).toBeLessThanOrEqual(input.baseYear + input.steps);
        }),
        opts(Math.min(numRuns, 10)),
      ),
    infeasible !== undefined,
  );
  return checks;
}

/**
 * Declares the contract suite for one model: one test per {@link contractChecks} property (those
 * the case opts out of are reported as skipped).
 *
 * @param name     the model's name, for the suite's title
 * @param makeCase supplies the model and its arbitraries (called when the suite is declared)
 * @example
 * describeModelContract('cohort', () => ({ model: cohort, arbitrary: arbCohortInput() }));
 */
export function describeModelContract(name: string, makeCase: () => ContractCase): void {
  describe(`model contract: ${name}`, () => {
    for (const k of contractChecks(makeCase())) it.runIf(k.enabled)(k.name, k.run);
  });
}
