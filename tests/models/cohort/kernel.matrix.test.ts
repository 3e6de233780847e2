/**
 * An independent formulation of the projection (MODEL.md, "One step"), checked against the kernel.
 *
 * Each year's step, except external migration, is linear in the population: P ↦ C·M·S·P with
 *   S (survival, ageing and births): Q(a+1) = s(a)P(a), Q(100) = s(100)(P(99) + P(100)), and at
 *     age 0 the survivors of the births B_x = Σ_a f_x(a)·½[P_xF(a) + Q_xF(a+1)] — a row of
 *     coefficients f(a)·½(1 + s(a)) on the women's cells, times π·b_M or (1 − π)·b_F;
 *   M (internal migration, both ways at once): Q′_U = (1 − r)Q_U + m·Q_R, Q′_R = (1 − m)Q_R + r·Q_U;
 *   C (reclassification): Q″_U = Q′_U + c·Q′_R, Q″_R = (1 − c)Q′_R.
 * The three 404×404 matrices are built as mathjs sparse matrices and multiplied with mathjs into
 * A_t = C·M·S, which is applied to the stacked population vector; external migration is then
 * added with mathjs vector operations: E_x = N_x·(e∘Q″_x)/Σ(e∘Q″_x).
 *
 * The life tables are also computed here, from MODEL.md's formulas, with θ found by plain
 * bisection to machine precision — not with the model's solver. What is shared with the model:
 * the compiled standards (mx*, h, κg, e, baseline), which data/compile/rogers-castro tests check
 * on their own, and the parameter paths.
 *
 * Every cell of every year is compared with the model's kernel and every metric with its runner,
 * to 1e-9 relative.
 */
import fc from 'fast-check';
import { dotMultiply, matrix, multiply, sparse, sum as mathSum, type Matrix } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { METRICS, P as PARAM } from '../../../models/cohort/index.js';
import type { CohortData } from '../../../models/cohort/compile.js';
import { evaluatePaths } from '../../../src/params/compile.js';
import { sampleInputs } from '../../../src/params/sampler.js';
import { contractContext } from '../../contract/model-contract.js';
import { arbCohortInput } from './arbitraries.js';
import { baseAssumptions, context, kernelTrajectory, medianPaths, relDiff, run, setup, type Setup } from './helpers.js';

const N = 404;
const AGES = 101;
/** Block offsets: urban female, urban male, rural female, rural male. */
const UF = 0;
const UM = 101;
const RF = 202;
const RM = 303;

/** A life table from MODEL.md: returns L(0 … 100). */
function lifeTable(mx: ArrayLike<number>, scale: number): number[] {
  const L: number[] = [];
  let l = 1;
  for (let a = 0; a < 100; a++) {
    const m = mx[a] * scale;
    const p = Math.exp(-m);
    L.push(m === 0 ? l : (l * (1 - p)) / m);
    l *= p;
  }
  L.push(l / (mx[100] * scale));
  return L;
}

/** Survival s(0 … 98), s(100) and birth survival b for life expectancy e0 (θ by bisection). */
function schedules(mx: ArrayLike<number>, e0: number): { s: number[]; s100: number; b: number } {
  const e = (theta: number) => lifeTable(mx, Math.exp(theta)).reduce((x, y) => x + y, 0);
  let lo = -20;
  let hi = 20;
  for (let i = 0; i < 200; i++) {
    const mid = 0.5 * (lo + hi);
    if (mid === lo || mid === hi) break;
    if (e(mid) > e0) lo = mid;
    else hi = mid;
  }
  const L = lifeTable(mx, Math.exp(0.5 * (lo + hi)));
  const s = L.slice(0, 99).map((x, a) => L[a + 1] / x);
  return { s, s100: L[100] / (L[99] + L[100]), b: L[0] };
}

/** Parameter values of year-step t (index order of the model's parameters()). */
function at(s: Setup, paths: Float64Array, t: number) {
  const v = (p: number) => paths[p * s.H + t];
  return {
    tfrU: v(PARAM.tfrU),
    tfrR: v(PARAM.tfrR),
    e0: [v(PARAM.e0UF), v(PARAM.e0UM), v(PARAM.e0RF), v(PARAM.e0RM)],
    srb: v(PARAM.srb),
    rho: v(PARAM.ruralToUrban),
    ret: v(PARAM.urbanToRural),
    c: v(PARAM.reclassification),
    extU: v(PARAM.externalU),
    extR: v(PARAM.externalR),
  };
}

function zeros(): number[][] {
  return Array.from({ length: N }, () => new Array<number>(N).fill(0));
}

/** The three step matrices of year-step t, as mathjs sparse matrices, and the births rows. */
function stepMatrices(d: CohortData, x: ReturnType<typeof at>) {
  const S = zeros();
  const M = zeros();
  const C = zeros();
  const birthRow = [new Array<number>(N).fill(0), new Array<number>(N).fill(0)]; // B_U, B_R as rows over P
  const offsets = [UF, UM, RF, RM];
  const pi = x.srb / (1 + x.srb);
  const tables = offsets.map((_, blk) => schedules(blk % 2 === 0 ? d.mxStd.subarray(0, AGES) : d.mxStd.subarray(AGES), x.e0[blk]));
  offsets.forEach((o, blk) => {
    const { s, s100 } = tables[blk];
    for (let a = 0; a < 99; a++) S[o + a + 1][o + a] = s[a];
    S[o + 100][o + 99] = s100;
    S[o + 100][o + 100] = s100;
  });
  // Births by area from the women's cells: ½[P_F(a) + Q_F(a+1)].
  expect(d.h[100]).toBe(0);
  for (const [area, oF, oM, tfr] of [
    [0, UF, UM, x.tfrU],
    [1, RF, RM, x.tfrR],
  ] as const) {
    const { s, s100 } = tables[area * 2];
    for (let a = 0; a < 99; a++) birthRow[area][oF + a] += tfr * d.h[a] * 0.5 * (1 + s[a]);
    birthRow[area][oF + 99] += tfr * d.h[99] * 0.5 * (1 + s100);
    birthRow[area][oF + 100] += tfr * d.h[99] * 0.5 * s100;
    for (let j = 0; j < N; j++) {
      S[oF][j] = (1 - pi) * tables[area * 2].b * birthRow[area][j];
      S[oM][j] = pi * tables[area * 2 + 1].b * birthRow[area][j];
    }
  }
  // Internal migration and reclassification, per sex and age.
  for (const [oU, oR] of [
    [UF, RF],
    [UM, RM],
  ]) {
    for (let a = 0; a < AGES; a++) {
      const m = x.rho * d.gRU[a];
      const r = x.ret * d.gUR[a];
      M[oU + a][oU + a] = 1 - r;
      M[oU + a][oR + a] = m;
      M[oR + a][oR + a] = 1 - m;
      M[oR + a][oU + a] = r;
      C[oU + a][oU + a] = 1;
      C[oU + a][oR + a] = x.c;
      C[oR + a][oR + a] = 1 - x.c;
    }
  }
  return { S: sparse(S), M: sparse(M), C: sparse(C), birthRow };
}

/** mathjs sum, as a number. */
const msum = (x: Matrix | number[]): number => Number(mathSum(x));
const flat = (m: Matrix | number[]) => (Array.isArray(m) ? m : (m.toArray() as number[][]).flat());
const part = (v: number[], from: number, to: number) => v.slice(from, to);

/** The projection by matrices: every state and every metric (runner layout). */
function matrixProjection(s: Setup, paths: Float64Array): { cells: number[][]; out: Float64Array } {
  const d = s.compiled.data;
  const H = s.H;
  const T1 = H + 1;
  const out = new Float64Array(METRICS.length * T1);
  const put = (name: string, t: number, v: number) => {
    out[METRICS.findIndex((m) => m.name === name) * T1 + t] = v;
  };
  let P = Array.from(d.baseline);
  const cells = [P];
  const stock = (v: number[], t: number) => {
    const U = msum(part(v, 0, 202));
    const R = msum(part(v, 202, N));
    put('total', t, U + R);
    put('urban', t, U);
    put('rural', t, R);
    put('urbanShare', t, U / (U + R));
    return [U, R];
  };
  let [U0, R0] = stock(P, 0);
  const e = Array.from(d.e);
  for (let t = 0; t < H; t++) {
    const x = at(s, paths, t);
    const { S, M, C, birthRow } = stepMatrices(d, x);
    const A = multiply(C, multiply(M, S)) as Matrix;
    const col = matrix(P.map((v) => [v]), 'sparse');
    const Q = flat(multiply(S, col) as Matrix);
    const Q1 = flat(multiply(M, multiply(S, col)) as Matrix);
    const Q2 = flat(multiply(A, col) as Matrix);
    // External migration with vector operations.
    const ext = (isCount: boolean, v: number, start: number) => (isCount ? v : v * start);
    const NU = ext(d.extUIsCount, x.extU, U0);
    const NR = ext(d.extRIsCount, x.extR, R0);
    const spread = (q: number[], n: number) => {
      const w = dotMultiply(matrix([...e, ...e]), matrix(q)) as Matrix;
      const W = msum(w);
      return n === 0 ? q.map(() => 0) : flat(multiply(w, n / W) as Matrix);
    };
    const EU = spread(part(Q2, 0, 202), NU);
    const ER = spread(part(Q2, 202, N), NR);
    P = flat(matrix(Q2).map((v, idx) => v + (idx[0] < 202 ? EU[idx[0]] : ER[idx[0] - 202])) as Matrix);
    cells.push(P);
    // Metrics of the step.
    const j = t + 1;
    const [U1, R1] = stock(P, j);
    const BU = msum(dotMultiply(matrix(birthRow[0]), matrix(cells[t])) as Matrix);
    const BR = msum(dotMultiply(matrix(birthRow[1]), matrix(cells[t])) as Matrix);
    const fRU = msum(part(Q, 202, N).map((q, i) => q * x.rho * d.gRU[i % AGES]));
    const fUR = msum(part(Q, 0, 202).map((q, i) => q * x.ret * d.gUR[i % AGES]));
    const fC = x.c * msum(part(Q1, 202, N));
    const dU = BU - (U0 + BU - msum(part(Q, 0, 202)));
    const dR = BR - (R0 + BR - msum(part(Q, 202, N)));
    put('births.U', j, BU);
    put('births.R', j, BR);
    put('deaths.U', j, U0 + BU - msum(part(Q, 0, 202)));
    put('deaths.R', j, R0 + BR - msum(part(Q, 202, N)));
    put('ruralToUrban', j, fRU);
    put('urbanToRural', j, fUR);
    put('reclassification', j, fC);
    put('external.U', j, NU);
    put('external.R', j, NR);
    const u0 = U0 / (U0 + R0);
    const T = U1 + R1;
    put('contrib.natural', j, (dU - u0 * (dU + dR)) / T);
    put('contrib.internal', j, (fRU - fUR) / T);
    put('contrib.reclassification', j, fC / T);
    put('contrib.external', j, (NU - u0 * (NU + NR)) / T);
    [U0, R0] = [U1, R1];
  }
  return { cells, out };
}

function compare(s: Setup, paths: Float64Array): void {
  // Act
  const byMatrix = matrixProjection(s, paths);
  const kernel = kernelTrajectory(s.compiled.data, s.H, paths);
  const runner = run(s, paths).out;
  // Assert: every cell, every year.
  for (let t = 0; t <= s.H; t++) {
    const total = byMatrix.cells[t].reduce((x, y) => x + y, 0);
    for (let i = 0; i < N; i++) {
      expect(relDiff(kernel.cells[t][i], byMatrix.cells[t][i], 1e-6 * total), `cell ${i} at t=${t}`).toBeLessThanOrEqual(1e-9);
    }
  }
  // Every metric, every year.
  const T1 = s.H + 1;
  const T0 = byMatrix.out[0];
  METRICS.forEach((m, k) => {
    const floor = m.kind === 'share' || m.kind === 'contribution' ? 1e-3 : 1e-6 * T0;
    for (let t = 0; t < T1; t++) {
      expect(relDiff(runner[k * T1 + t], byMatrix.out[k * T1 + t], floor), `${m.name}[${t}]`).toBeLessThanOrEqual(1e-9);
    }
  });
}

describe('kernel vs an independent matrix formulation (mathjs)', () => {
  it('agrees on a scenario with every input moving by year (TFR, e0 by year, rates, reclassification, external)', () => {
    // Arrange
    const raw = {
      ...baseAssumptions(),
      tfr: { urban: { value: 0.9, change: 0.03 }, rural: { byYear: { 2022: 1.6, 2026: 1.2 } } },
      e0: {
        urban: { female: { value: 80, change: 0.4 }, male: { byYear: { 2022: 74, 2024: 78, 2026: 77 } } },
        rural: { female: { value: 76, change: 0.5 }, male: { value: 71, change: -0.3 } },
      },
      srb: { byYear: { 2022: 1.12, 2026: 1.06 } },
      ruralToUrban: { value: 0.03, change: -0.002 },
      urbanToRural: { value: 0.004, change: 0.0005 },
      reclassification: { byYear: { 2023: 0.01, 2025: 0.002 } },
      external: { urban: { count: { value: 20000, change: -8000 } }, rural: { rate: { value: -0.006, change: 0.002 } } },
      migrationSchedule: { a1: 0.01, mu2: 22, lambda2: 0.5 },
      externalSchedule: { a2: 0.08, alpha2: 0.15 },
    };
    const s = setup(raw, context({ steps: 6 }));
    // Act / assert
    compare(s, medianPaths(s));
  });

  it('agrees on random scenarios (random draws of uncertain, time-varying inputs)', () => {
    fc.assert(
      fc.property(arbCohortInput({ steps: [2, 6] }), (input) => {
        // Arrange: one random draw of the uncertain inputs.
        const s = setup(input.assumptions, contractContext(input));
        const paths = new Float64Array(s.params.keys.length * s.H);
        const u = new Float64Array(s.params.inputs.length);
        const x = new Float64Array(s.params.inputs.length);
        sampleInputs(s.params, { seed: input.seed, draws: 1, lhs: false, cholesky: null }, 0, u, x);
        evaluatePaths(s.params, x, paths);
        // Act / assert
        compare(s, paths);
      }),
      { numRuns: 3 },
    );
  });
});
