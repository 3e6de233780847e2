/**
 * Projects one draw of every region and adds them up: the whole (the shared urban/rural series,
 * its share-change decomposition recomputed from the summed stocks and flows), each region's and
 * each group's stocks, share and net external migration.
 *
 * **Balanced migration** (`migration:`). Each region's own net external rate (its scenario's
 * `external.urban.rate`, `external.rural.rate`) covers moves to other regions of the whole as well
 * as beyond it; calibrated one region at a time, their flows need not add up to the whole's. So
 * each draw is projected in `passes` rounds: after a round, the gap in year t between the regions'
 * summed net external flows and the whole's (its rate × the regions' summed start-of-year
 * population) is divided by that population, and the next round shifts every region's external
 * rates in year t by minus that amount (a common shift: the regions keep their differences). The
 * last round's gap is output as `migration.residual` (persons per year) and the total shift as
 * `migration.shift`; each round corrects the previous one's, so the gap shrinks geometrically
 * (tests check it is below a person per 10,000 residents).
 *
 * Layout of `out` (`[m * (H + 1) + t]`): the 17 urban/rural series of the whole; with
 * `migration:`, `migration.residual` and `migration.shift`; then per region and group, in order,
 * `<id>.total`, `<id>.urban`, `<id>.rural`, `<id>.urbanShare`, `<id>.external`.
 *
 * @module
 */
import { DrawError, type CompiledModel, type ModelDefinition, type Runner } from '../../src/engine/model.js';
import type { CompiledParams } from '../../src/params/compile.js';
import { FLOWS, recordBaseline, recordStep, URBAN_RURAL_METRICS } from '../shared/urban-rural.js';

/** Series per region or group. */
export const ENTITY_SERIES = ['total', 'urban', 'rural', 'urbanShare', 'external'] as const;
const M_TOTAL = 0;
const M_URBAN = 1;
const M_RURAL = 2;
const M_FLOW0 = 4;
const M_EXT_U = 11;
const M_EXT_R = 12;

/** One region, compiled. */
export interface CompiledRegion {
  id: string;
  modelModule: string;
  model: CompiledModel;
  params: CompiledParams;
  /** Index of its first parameter among the whole's, and its number of parameters. */
  offset: number;
  count: number;
  /** Indices of its external rates among its own parameters (−1: none), shifted by the balancing. */
  extU: number;
  extR: number;
}

/** The compiled whole. */
export interface RegionsData {
  steps: number;
  regions: CompiledRegion[];
  /** Groups (the whole first), as indices of regions. */
  groups: { id: string; members: number[] }[];
  /** Balancing: the whole's external rate (parameter index) and the rounds; null without `migration:`. */
  balance: { param: number; passes: number } | null;
}

interface Sub {
  region: CompiledRegion;
  runner: Runner;
  out: Float64Array;
  paths: Float64Array;
}

/**
 * Creates the runner of a compiled whole; `modelOf` gives each region's model definition.
 *
 * @example
 * const runner = createRegionsRunner(compiled.data, (url) => models.get(url)!);
 * runner.run(paths, out);
 */
export function createRegionsRunner(data: RegionsData, modelOf: (moduleUrl: string) => ModelDefinition): Runner {
  const H = data.steps;
  const T1 = H + 1;
  const subs: Sub[] = data.regions.map((region) => ({
    region,
    runner: modelOf(region.modelModule).createRunner(region.model, region.params),
    out: new Float64Array(region.model.metrics.length * T1),
    paths: new Float64Array(region.count * H),
  }));
  const shift = new Float64Array(H);
  const flows = new Float64Array(FLOWS);
  const nAgg = URBAN_RURAL_METRICS.length;
  const entity0 = nAgg + (data.balance !== null ? 2 : 0);
  const R = subs.length;

  function runOne(s: Sub, paths: Float64Array, steps: number | undefined): void {
    try {
      if (steps === undefined) s.runner.run(paths, s.out);
      else s.runner.run(paths, s.out, undefined, steps);
    } catch (e) {
      const d = e as DrawError;
      if (!(e instanceof Error) || typeof d.year !== 'number') throw e;
      throw new DrawError(`region ${s.region.id}: ${d.message}`, d.year, d.param >= 0 ? s.region.offset + d.param : -1);
    }
  }

  /** The regions' summed net external flow in step t minus the whole's; `pop` gets their start-of-year population. */
  function gap(paths: Float64Array, t: number, bp: number): [number, number] {
    let P = 0;
    let F = 0;
    for (const s of subs) {
      P += s.out[M_TOTAL * T1 + t - 1];
      F += s.out[M_EXT_U * T1 + t] + s.out[M_EXT_R * T1 + t];
    }
    return [F - paths[bp * H + t - 1] * P, P];
  }

  return {
    run(paths: Float64Array, out: Float64Array, _observe, steps?: number): void {
      const S = steps ?? H;
      const bal = data.balance;
      if (bal === null) {
        for (const s of subs) runOne(s, paths.subarray(s.region.offset * H, (s.region.offset + s.region.count) * H), steps);
      } else {
        shift.fill(0);
        for (let pass = 0; pass < bal.passes; pass++) {
          for (const s of subs) {
            const { offset, count, extU, extR } = s.region;
            s.paths.set(paths.subarray(offset * H, (offset + count) * H));
            for (let t = 0; t < S; t++) {
              s.paths[extU * H + t] += shift[t];
              s.paths[extR * H + t] += shift[t];
            }
            runOne(s, s.paths, steps);
          }
          if (pass === bal.passes - 1) break;
          for (let t = 1; t <= S; t++) {
            const [g, P] = gap(paths, t, bal.param);
            shift[t - 1] -= g / P;
          }
        }
        out[nAgg * T1] = 0;
        out[(nAgg + 1) * T1] = 0;
        for (let t = 1; t <= S; t++) {
          out[nAgg * T1 + t] = gap(paths, t, bal.param)[0];
          out[(nAgg + 1) * T1 + t] = shift[t - 1];
        }
      }
      // the whole
      let Up = 0;
      let Rp = 0;
      for (let t = 0; t <= S; t++) {
        let U = 0;
        let Ru = 0;
        flows.fill(0);
        for (const s of subs) {
          U += s.out[M_URBAN * T1 + t];
          Ru += s.out[M_RURAL * T1 + t];
          if (t > 0) for (let f = 0; f < FLOWS; f++) flows[f] += s.out[(M_FLOW0 + f) * T1 + t];
        }
        if (t === 0) recordBaseline(out, T1, U, Ru);
        else recordStep(out, T1, t, Up, Rp, U, Ru, flows);
        Up = U;
        Rp = Ru;
      }
      // regions, then groups
      for (let r = 0; r < R; r++) writeEntity(out, entity0 + r * ENTITY_SERIES.length, [r], S);
      data.groups.forEach((g, k) => writeEntity(out, entity0 + (R + k) * ENTITY_SERIES.length, g.members, S));
    },
  };

  function writeEntity(out: Float64Array, m0: number, members: number[], S: number): void {
    for (let t = 0; t <= S; t++) {
      let total = 0;
      let urban = 0;
      let rural = 0;
      let ext = 0;
      for (const r of members) {
        const o = subs[r].out;
        total += o[M_TOTAL * T1 + t];
        urban += o[M_URBAN * T1 + t];
        rural += o[M_RURAL * T1 + t];
        if (t > 0) ext += o[M_EXT_U * T1 + t] + o[M_EXT_R * T1 + t];
      }
      out[m0 * T1 + t] = total;
      out[(m0 + 1) * T1 + t] = urban;
      out[(m0 + 2) * T1 + t] = rural;
      out[(m0 + 3) * T1 + t] = urban / total;
      out[(m0 + 4) * T1 + t] = ext;
    }
  }
}
