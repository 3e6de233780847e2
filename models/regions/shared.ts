/**
 * The correlations a multi-region run implies: each region's own (its scenario's
 * `sampling.correlations`, with the region's id in front of every input name), and those of the
 * shared factors.
 *
 * **A shared factor** on input p with strength ρ makes every pair of regions' values of p correlate
 * by ρ (normal scores), and carries over to the inputs correlated with p inside a region: with
 * c_A(q) the correlation of input q with p inside region A (1 for p itself), the correlation of
 * A's q and B's q' is ρ · c_A(q) · c_B(q'). This is the correlation of a one-factor model
 * (p_A = √ρ·F + √(1−ρ)·E_A, the rest of region A following p_A as its correlations say), so the
 * whole matrix stays positive definite for any ρ < 1 when each region's own matrix is; stating
 * only the ρ between regions' p and nothing for their correlated inputs would not (with the cohort
 * scenarios' 0.8 between migration and reclassification, any ρ ≥ 0.36 fails).
 *
 * @module
 */
import type { LoadedRegion, RegionsAssumptions } from './schema.js';

type Correlation = { between: [string, string]; rho: number };

/**
 * Every correlation of the run's regions.
 *
 * @example
 * regionCorrelations({ ...A, shared: [{ input: 'ruralToUrban.value', rho: 0.5 }] });
 * // [{ between: ['heze.tfr.urban.value', 'heze.tfr.rural.value'], rho: 0.9 }, …, { between: ['heze.ruralToUrban.value', 'jining.ruralToUrban.value'], rho: 0.5 }, …]
 */
export function regionCorrelations(A: RegionsAssumptions): Correlation[] {
  const regions = A.loaded ?? [];
  const own = regions.flatMap((r) => r.correlations.map((c) => ({ between: [`${r.id}.${c.between[0]}`, `${r.id}.${c.between[1]}`] as [string, string], rho: c.rho })));
  const cross = new Map<string, Correlation>();
  for (const f of A.shared) {
    const loadings = regions.map((r) => loadingsOn(r, f.input));
    for (let a = 0; a < regions.length; a++) {
      for (let b = a + 1; b < regions.length; b++) {
        for (const [q, ca] of loadings[a]) {
          for (const [q2, cb] of loadings[b]) {
            const between: [string, string] = [`${regions[a].id}.${q}`, `${regions[b].id}.${q2}`];
            const key = between.join('|');
            const c = cross.get(key);
            if (c === undefined) cross.set(key, { between, rho: f.rho * ca * cb });
            else c.rho += f.rho * ca * cb;
          }
        }
      }
    }
  }
  return [...own, ...cross.values()];
}

/** Input p and the inputs a region correlates with it, with their correlations (p itself: 1). */
function loadingsOn(r: LoadedRegion, p: string): [string, number][] {
  const out: [string, number][] = [[p, 1]];
  for (const c of r.correlations) {
    if (c.between[0] === p) out.push([c.between[1], c.rho]);
    else if (c.between[1] === p) out.push([c.between[0], c.rho]);
  }
  return out;
}
