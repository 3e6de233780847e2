/**
 * The WebAssembly SIMD build of the cohort step (cohort.c), the hukou step (hukou.c) and a year's
 * life tables (lifetable.c), one module compiled by `npm run build:wasm`: the same operations in
 * the same order as {@link cohortStep}, {@link hukouStep} and lifetable.ts (with fdlibm's exp,
 * which V8's Math.exp is), so the same bits.
 *
 * Each kernel owns one instance and its memory (8 pages, fixed: views never detach). Arrays from
 * its `alloc`/`place` live in that memory and are passed to the steps by offset, with no copying;
 * any other array is copied into a staging slot before a step and back after it (P, Q, flows; Z,
 * W, hukou flows).
 *
 * @module
 */
import { CELLS, FLOW, FLOW_SLOTS, spreadError, type CohortKernel, type LifeTablesFn, type StepInputs } from '../kernel.js';
import { AGES, type LevelGrid } from '../lifetable.js';
import { HFLOW_SLOTS, HUKOU_SLOTS, conversionError, returnsError, type HukouInputs } from '../hukou/step.js';
import { COHORT_WASM_BASE64 } from './bytes.js';

/** A step's export (see cohort.c, hukou.c for the argument order); returns 0 or an error code. */
type StepFn = (...args: number[]) => number;

const PAGES = 8;
/** The module's C stack, below everything `alloc` hands out (build.mjs links with --stack-first). */
const STACK_BYTES = 65536;
const BYTES = PAGES * 65536;
/** Staging slots for arrays from outside the kernel's memory (P, Q, survival, birthSurvival, h, gRU, gUR, e, flows; Z, W, hukou flows). */
const SLOTS = [CELLS, CELLS, CELLS, 4, 101, 101, 101, 101, FLOW_SLOTS, HUKOU_SLOTS, HUKOU_SLOTS, HFLOW_SLOTS];
const [P_, Q_, S_, BS_, H_, GRU_, GUR_, E_, FLOWS_, Z_, W_, HF_] = SLOTS.keys();
const NAMES = ['P', 'Q', 'survival', 'birthSurvival', 'h', 'gRU', 'gUR', 'e', 'flows', 'Z', 'W', 'hukou flows'];
/** Error codes of cohort.c: 1, 2 urban (empty, exceeds); 3, 4 rural. */
const ERR_EXCEEDS = 2;
/** Error codes of hukou.c: citizenisation exceeds the migrants; returns exceed the outside stock. */
const ERR_CONVERSION = 1;

let compiled: WebAssembly.Module | undefined;

/** The compiled module (compiled once per thread). */
export function cohortWasmModule(): WebAssembly.Module {
  compiled ??= new WebAssembly.Module(Buffer.from(COHORT_WASM_BASE64, 'base64'));
  return compiled;
}

/**
 * A new WebAssembly kernel with its own memory. Throws if the engine cannot compile the module
 * (no WebAssembly SIMD): see `simdSupported` in select.ts.
 *
 * @example
 * const kern = createWasmKernel();
 * const P = kern.place(baseline), Q = kern.alloc(CELLS), flows = kern.alloc(FLOW_SLOTS);
 * kern.step(P, Q, inputs, flows, 2022);
 */
export function createWasmKernel(): CohortKernel {
  const memory = new WebAssembly.Memory({ initial: PAGES, maximum: PAGES });
  const instance = new WebAssembly.Instance(cohortWasmModule(), { env: { memory } });
  const run = instance.exports.cohort_step as StepFn;
  const runHukou = instance.exports.hukou_step as StepFn;
  const runLifeTables = instance.exports.life_tables as StepFn;
  const buffer = memory.buffer;
  // above the C stack (build.mjs: --stack-first, 64 KiB)
  let top = STACK_BYTES;
  const alloc = (n: number): Float64Array => {
    const bytes = 8 * n;
    if (top + bytes > BYTES) throw new Error(`cohort WebAssembly kernel: out of memory (${n} cells asked, ${(BYTES - top) / 8} left)`);
    const a = new Float64Array(buffer, top, n);
    top += bytes;
    return a;
  };
  const staging = SLOTS.map((n) => alloc(n));
  // hukou.c's figures for an error message.
  const info = alloc(2);
  // Per slot, the array last seen and its byte offset (-1: it lives elsewhere and is copied).
  const seen: (Float64Array | null)[] = SLOTS.map(() => null);
  const offsets = new Int32Array(SLOTS.length);
  const at = (a: Float64Array, i: number): number => {
    if (a !== seen[i]) {
      if (a.buffer !== buffer && a.length > SLOTS[i]) throw new Error(`cohort WebAssembly kernel: ${NAMES[i]} has ${a.length} cells, at most ${SLOTS[i]} expected`);
      seen[i] = a;
      offsets[i] = a.buffer === buffer ? a.byteOffset : -1;
    }
    const o = offsets[i];
    if (o >= 0) return o;
    staging[i].set(a);
    return staging[i].byteOffset;
  };
  const back = (a: Float64Array, i: number): void => {
    if (offsets[i] < 0) a.set(staging[i].subarray(0, a.length));
  };
  const step = (P: Float64Array, Q: Float64Array, k: StepInputs, flows: Float64Array, year: number): void => {
    const code = run(
      at(P, P_), at(Q, Q_), at(k.survival, S_), at(k.birthSurvival, BS_), at(k.h, H_), k.hLo, k.hHi,
      k.tfrU, k.tfrR, k.srb, k.rho, at(k.gRU, GRU_), k.ret, at(k.gUR, GUR_), k.c, k.extU, k.extR,
      k.extUIsCount ? 1 : 0, k.extRIsCount ? 1 : 0, at(k.e, E_), k.eMax, at(flows, FLOWS_),
    );
    back(P, P_);
    back(Q, Q_);
    if (code === 0) back(flows, FLOWS_);
    else {
      const urban = code <= ERR_EXCEEDS;
      const f = offsets[FLOWS_] >= 0 ? flows : staging[FLOWS_];
      throw urban
        ? spreadError(code === ERR_EXCEEDS, f[FLOW.externalU], 'urban', year, k.extUParam)
        : spreadError(code === ERR_EXCEEDS + 2, f[FLOW.externalR], 'rural', year, k.extRParam);
    }
  };
  const hukouStep = (Z: Float64Array, W: Float64Array, k: StepInputs, hk: HukouInputs, cf: Float64Array, hf: Float64Array, year: number): void => {
    const code = runHukou(
      at(Z, Z_), at(W, W_), at(k.survival, S_), at(k.birthSurvival, BS_), at(k.h, H_), k.hLo, k.hHi,
      k.tfrU, k.tfrR, k.srb, k.rho, at(k.gRU, GRU_), k.ret, at(k.gUR, GUR_), k.c, at(k.e, E_), at(cf, FLOWS_),
      hk.conversion, hk.conversionIsCount ? 1 : 0, hk.gain, hk.arrivalsNonLocal, hk.outsideChange, at(hf, HF_), info.byteOffset,
    );
    back(W, W_);
    if (code === ERR_CONVERSION) throw conversionError(hk, info[0], year);
    if (code !== 0) throw returnsError(hk, info[0], info[1], year);
    back(Z, Z_);
    back(hf, HF_);
  };
  const offset = (a: Float64Array, what: string): number => {
    if (a.buffer !== buffer) throw new Error(`cohort WebAssembly kernel: ${what} must come from the kernel's alloc`);
    return a.byteOffset;
  };
  const lifeTables = (mx: Float64Array[], grids: LevelGrid[], tol: number): LifeTablesFn => {
    const [g0, g1] = grids;
    const n = g0.e0.length;
    if (g1.e0.length !== n || g1.theta0 !== g0.theta0 || g1.step !== g0.step) throw new Error('cohort WebAssembly kernel: the two sexes\' e0 grids must share θ0, step and length');
    // the standards and both grids, copied once into this kernel's memory
    const std = alloc(2 * AGES);
    std.set(mx[0]);
    std.set(mx[1], AGES);
    const g = alloc(2 * n);
    g.set(g0.e0);
    g.set(g1.e0, n);
    // person-years scratch: two blocks' tables interleaved (lifetable.c's life_table_pair)
    const L = alloc(2 * AGES);
    return (e0, last, k) => {
      runLifeTables(offset(e0, 'e0'), offset(last, 'last'), std.byteOffset, g.byteOffset, n, g0.theta0, g0.step, tol, L.byteOffset, offset(k.survival, 'survival'), offset(k.birthSurvival, 'birthSurvival'));
    };
  };
  return {
    name: 'wasm',
    lifeTables,
    alloc,
    place: (src) => {
      const a = alloc(src.length);
      a.set(src);
      return a;
    },
    step,
    hukouStep,
  };
}
