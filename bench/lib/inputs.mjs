/**
 * The cohort kernel's inputs for the Heze scenario at the median of every uncertain input: the
 * compiled data plus one step's inputs per projected year (life tables solved once, outside any
 * timing). The same inputs are written as a flat text file for the native reference.
 *
 * @module
 */
import { writeFileSync } from 'node:fs';
import { loadScenario } from '../../dist/src/scenario/load.js';
import { compileScenario } from '../../dist/src/engine/compile.js';
import { evaluatePaths, medianInputs } from '../../dist/src/params/compile.js';
import { P } from '../../dist/models/cohort/index.js';
import { AGES, levelGrid, solveLevel, survivalRatios } from '../../dist/models/cohort/lifetable.js';

/**
 * Loads and compiles a cohort scenario; returns its data, its median paths and, per year, the
 * kernel's step inputs.
 *
 * @example
 * const { data, steps, H } = await kernelInputs('scenarios/heze.yml');
 */
export async function kernelInputs(file) {
  const cs = compileScenario(await loadScenario(file));
  const unit = cs.main;
  if (unit.modelName !== 'cohort') throw new Error(`${file}: the kernel benchmark needs a cohort scenario`);
  const data = unit.model.data;
  const H = unit.steps;
  const paths = new Float64Array(unit.params.keys.length * H);
  evaluatePaths(unit.params, medianInputs(unit.params), paths);
  const at = (p, t) => paths[p * H + t];
  const mx = [data.mxStd.subarray(0, AGES), data.mxStd.subarray(AGES, 2 * AGES)];
  const grids = mx.map((m) => levelGrid(m));
  const L = new Float64Array(AGES);
  const steps = [];
  for (let t = 0; t < H; t++) {
    const survival = new Float64Array(4 * AGES);
    const birthSurvival = new Float64Array(4);
    for (let b = 0; b < 4; b++) {
      solveLevel(mx[b & 1], at(P.e0UF + b, t), L, 1e-10, grids[b & 1]);
      birthSurvival[b] = survivalRatios(L, survival, b * AGES);
    }
    steps.push({
      survival,
      birthSurvival,
      tfrU: at(P.tfrU, t),
      tfrR: at(P.tfrR, t),
      srb: at(P.srb, t),
      rho: at(P.ruralToUrban, t),
      ret: at(P.urbanToRural, t),
      c: at(P.reclassification, t),
      extU: at(P.externalU, t),
      extR: at(P.externalR, t),
    });
  }
  return { data, steps, H, paths, unit };
}

/**
 * Writes the inputs in the format bench/native/cohort.c reads (see its header).
 *
 * @example
 * writeNativeInputs('/tmp/in.txt', await kernelInputs('scenarios/heze.yml'));
 */
export function writeNativeInputs(file, { data, steps, H }) {
  const num = (x) => (typeof x === 'boolean' ? (x ? 1 : 0) : x.toPrecision(17));
  const parts = [H, ...data.baseline];
  for (const k of steps) parts.push(...k.survival, ...k.birthSurvival, k.tfrU, k.tfrR, k.srb, k.rho, k.ret, k.c, k.extU, k.extR);
  parts.push(...data.h, data.hLo, data.hHi, ...data.gRU, ...data.gUR, ...data.e, data.eMax, data.extUIsCount, data.extRIsCount);
  writeFileSync(file, parts.map((x) => (Number.isInteger(x) && typeof x === 'number' ? String(x) : num(x))).join('\n') + '\n');
}
