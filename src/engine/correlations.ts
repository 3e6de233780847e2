/**
 * The sampling correlations of a scenario → the Cholesky factor of the Gaussian copula.
 *
 * @module
 */
import { ParamError } from '../params/compile.js';
import { cholesky } from '../params/sampler.js';

/** One stated correlation between two uncertain inputs. */
export interface Correlation {
  between: [string, string];
  rho: number;
}

/** Input names for a message, a walk's yearly innovations as one `X.walk`. */
function listed(names: string[]): string {
  return [...new Set(names.map((x) => x.replace(/\.walk\.\d{4}$/, '.walk')))].join(', ');
}

/**
 * Builds the correlation matrix over `names` (the uncertain inputs, in sampling order) and returns
 * its Cholesky factor, or null when nothing is correlated. An unknown name, an input paired with
 * itself, a pair stated twice or a matrix that is not positive definite is a {@link ParamError}
 * located at the scenario's `sampling.correlations` entry. A walk's name (`ruralToUrban.walk`)
 * stands for its yearly innovations: two walks over the same years are correlated year by year.
 *
 * @example
 * correlationFactor(['a.value', 'b.value'], [{ between: ['a.value', 'b.value'], rho: 0.5 }]);
 * // Float64Array [1, 0, 0.5, 0.866…]
 */
export function correlationFactor(names: string[], correlations: Correlation[]): Float64Array | null {
  if (correlations.length === 0) return null;
  const n = names.length;
  const index = new Map(names.map((name, j) => [name, j]));
  const a = new Float64Array(n * n);
  for (let j = 0; j < n; j++) a[j * n + j] = 1;
  const seen = new Set<string>();
  correlations.forEach((c, k) => {
    const at = ['sampling', 'correlations', String(k)];
    const [is, js] = c.between.map((name, side) => {
      const found = index.get(name);
      if (found !== undefined) return [found];
      const walk = names.flatMap((x, j) => (x.startsWith(`${name}.`) && /\.walk\.\d{4}$/.test(x) && x.slice(0, x.lastIndexOf('.')) === name ? [j] : []));
      if (walk.length > 0) return walk;
      const known = names.length === 0 ? 'the scenario has no uncertain inputs' : `uncertain inputs are: ${listed(names)}`;
      throw new ParamError([...at, 'between', String(side)], `unknown uncertain input "${name}"; ${known}`);
    });
    if (is.length !== js.length) {
      throw new ParamError([...at, 'between'], `${c.between.join(' and ')} do not have the same number of yearly innovations (${is.length} and ${js.length})`);
    }
    is.forEach((i, k) => {
      const j = js[k];
      if (i === j) throw new ParamError([...at, 'between'], `correlates "${c.between[0]}" with itself`);
      const key = i < j ? `${i},${j}` : `${j},${i}`;
      if (seen.has(key)) throw new ParamError([...at, 'between'], `the pair ${c.between.join(' / ')} is correlated twice`);
      seen.add(key);
      a[i * n + j] = c.rho;
      a[j * n + i] = c.rho;
    });
  });
  const L = cholesky(a, n);
  if (L === null) {
    throw new ParamError(
      ['sampling', 'correlations'],
      'these correlations are not jointly possible: their matrix is not positive definite (weaken some rho values)',
    );
  }
  return L;
}
