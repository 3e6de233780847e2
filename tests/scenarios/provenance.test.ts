/**
 * Every number in scenarios/*.yml and in the backtest scenarios bench/backtests/ (and common/) says where
 * it comes from: a numeric leaf under `baseline`, `assumptions`, `sampling`, an inline target or a
 * `history:` observation needs a `why:`, `seed:` or `source:` on an enclosing mapping
 * (a rate parameter's long form covers its value, change and byYear; a distribution written
 * directly as a parameter has no room for `why`, so it is reported). Every seed id a file cites
 * must exist in seeds/<city>.yml, and every file it cites (seeds/data/*.csv, bench/calibration/*,
 * bench/backtests/*) must exist.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SCENARIOS = join(ROOT, 'scenarios');
const BACKTESTS = join(ROOT, 'bench', 'backtests');
const SECTIONS = ['baseline', 'assumptions', 'sampling', 'targets', 'history'];

type Node = unknown;
const isMap = (v: Node): v is Record<string, Node> => typeof v === 'object' && v !== null && !Array.isArray(v);
const sources = (m: Record<string, Node>) =>
  ['why', 'seed', 'source'].some((k) => typeof m[k] === 'string' && m[k].trim() !== '');

/**
 * Paths of numeric leaves with no `why`/`seed` on an enclosing mapping below the section, or on
 * the section's own mapping for its direct children (e.g. `baseline.year` and `baseline.why`).
 */
function unsourcedNumbers(doc: Node): string[] {
  const found: string[] = [];
  const walk = (node: Node, path: string[], covered: boolean) => {
    if (typeof node === 'number') {
      if (!covered) found.push(path.join('.'));
    } else if (Array.isArray(node)) {
      node.forEach((v, i) => walk(v, [...path, String(i)], covered));
    } else if (isMap(node)) {
      const here = covered || sources(node);
      for (const [k, v] of Object.entries(node)) walk(v, [...path, k], here);
    }
  };
  if (!isMap(doc)) return found;
  for (const section of SECTIONS) {
    const root = doc[section];
    if (root === undefined) continue;
    if (isMap(root)) {
      for (const [k, v] of Object.entries(root)) walk(v, [section, k], sources(root) && typeof v === 'number');
    } else {
      walk(root, [section], false);
    }
  }
  return found;
}

/** Seed ids (`heze.P001`) and project files (`seeds/data/x.csv`, `bench/calibration/x`, `bench/backtests/x`) cited in a text. */
function citations(text: string): { seeds: string[]; files: string[] } {
  const seeds = [...text.matchAll(/\b(heze|jining|jinan)\.P\d{3}\b/g)].map((m) => m[0]);
  const files = [...text.matchAll(/\b(?:seeds\/data\/[\w.-]+\.csv|bench\/(?:calibration|backtests)\/[\w-]+\.(?:mjs|json))/g)].map((m) => m[0]);
  return { seeds: [...new Set(seeds)], files: [...new Set(files)] };
}

function seedIds(): Set<string> {
  const ids = new Set<string>();
  for (const f of readdirSync(join(ROOT, 'seeds')).filter((x) => x.endsWith('.yml'))) {
    const doc = parse(readFileSync(join(ROOT, 'seeds', f), 'utf8')) as { entries?: { id: string }[] };
    for (const e of doc.entries ?? []) ids.add(e.id);
  }
  return ids;
}

describe('unsourcedNumbers', () => {
  it('reports a parameter written as a bare number', () => {
    expect(unsourcedNumbers({ assumptions: { srb: 1.1 } })).toEqual(['assumptions.srb']);
  });

  it('reports a distribution written directly as a parameter, and accepts it inside a long form with why', () => {
    const dist = { dist: 'pert', min: 1, mode: 1.1, max: 1.2 };

    const bare = unsourcedNumbers({ assumptions: { srb: dist } });
    const long = unsourcedNumbers({ assumptions: { srb: { value: dist, change: 0.01, why: 'WPP' } } });

    expect(bare).toEqual(['assumptions.srb.min', 'assumptions.srb.mode', 'assumptions.srb.max']);
    expect(long).toEqual([]);
  });

  it('lets a nested long form carry the why (e0 by area and sex, external rates)', () => {
    const doc = { assumptions: { e0: { urban: { female: { value: 80, why: 'WPP' }, male: { value: 75 } } } } };

    expect(unsourcedNumbers(doc)).toEqual(['assumptions.e0.urban.male.value']);
  });

  it("covers the baseline year by baseline's own why, but not its other fields' nested numbers", () => {
    const doc = { baseline: { year: 2021, why: 'plan base year', population: { value: 8e6 }, urbanShare: { seed: 'heze.P004' } } };

    expect(unsourcedNumbers(doc)).toEqual(['baseline.population.value']);
    expect(unsourcedNumbers({ baseline: { year: 2021 } })).toEqual(['baseline.year']);
  });

  it('reports inline targets and correlations without why, not seed targets', () => {
    const doc = {
      targets: [{ seed: 'heze.P001' }, { metric: 'total', year: 2025, comparator: '>=', value: 1e7 }],
      sampling: { correlations: [{ between: ['a.value', 'b.value'], rho: 0.9 }] },
    };

    expect(unsourcedNumbers(doc)).toEqual(['sampling.correlations.0.rho', 'targets.1.year', 'targets.1.value']);
  });

  it('accepts an observation with a source, and reports one without', () => {
    const doc = { history: [{ year: 2015, metric: 'urbanShare', value: 0.561, se: 0.003, source: 'seeds/data/x.csv row 2015' }, { year: 2016, value: 0.57 }] };

    expect(unsourcedNumbers(doc)).toEqual(['history.1.year', 'history.1.value']);
  });

  it('ignores numbers outside the checked sections (draws, seed, horizon)', () => {
    expect(unsourcedNumbers({ draws: 10000, seed: 1, horizon: 2035 })).toEqual([]);
  });
});

describe('citations', () => {
  it('finds seed ids and cited project files in text and comments', () => {
    const text = '# see heze.P013\nwhy: "seeds/data/wpp2024_vitals_china.csv row 2021; bench/calibration/results.json regions.heze"';

    expect(citations(text)).toEqual({ seeds: ['heze.P013'], files: ['seeds/data/wpp2024_vitals_china.csv', 'bench/calibration/results.json'] });
  });
});

// the plan scenarios, the multi-region ones and the regions they list (prefectures/, counties/)
const files = readdirSync(SCENARIOS, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.yml'));
const backtests = readdirSync(BACKTESTS, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.yml'));

describe('scenarios/*.yml provenance', () => {
  it('has the five plan scenarios, the two multi-region ones and their 18 regions', () => {
    expect(files.filter((f) => !f.includes('/')).sort()).toEqual(['heze.yml', 'jinan-calibrated.yml', 'jinan.yml', 'jining-counties.yml', 'jining.yml', 'shandong-prefectures.yml', 'shandong.yml']);
    expect(files.filter((f) => f.startsWith('prefectures/'))).toHaveLength(16);
    expect(files.filter((f) => f.startsWith('counties/'))).toHaveLength(2);
  });

  it('has the backtest scenarios: 7 cases × 3 models and their common parts', () => {
    expect(backtests.filter((f) => f.startsWith('common')).length).toBe(7);
    expect(backtests.filter((f) => !f.startsWith('common')).length).toBe(21);
  });

  const ids = seedIds();
  describe.each([...files.map((f) => join(SCENARIOS, f)), ...backtests.map((f) => join(BACKTESTS, f))])('%s', (path) => {
    const text = readFileSync(path, 'utf8');
    const doc = parse(text) as Node;

    it('gives every number a why or a seed', () => {
      expect(unsourcedNumbers(doc)).toEqual([]);
    });

    it('cites only seed ids that exist', () => {
      const missing = citations(text).seeds.filter((id) => !ids.has(id));

      expect(missing).toEqual([]);
    });

    it('cites only files that exist', () => {
      const { files: cited } = citations(text);
      const missing = cited.filter((f) => !existsSync(join(ROOT, f)));

      expect(cited.length).toBeGreaterThan(0);
      expect(missing).toEqual([]);
    });
  });
});
