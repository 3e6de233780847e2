import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { mergeShards } from '../../src/engine/merge.js';
import { readPartial, ShardError, shardRange, type StoredShard } from '../../src/engine/partial-state.js';
import { runScenario, type RunOptions } from '../../src/engine/run.js';
import { runShard } from '../../src/engine/shard-run.js';
import { renderText } from '../../src/report/render.js';
import { rich as richRun, what } from '../fixtures/engine/rich-scenario.js';
import { toyInput, type ToyOptions } from '../fixtures/engine/toy-scenario.js';

const tmp = mkdtempSync(join(tmpdir(), 'urbcast-merge-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The run tests' rich scenario (LHS, a correlation, a reference scenario: reference parts in the records), with a lever. */
const rich: ToyOptions = { ...richRun, targets: richRun.targets!.map((t, i) => (i === 0 ? { ...t, lever: { param: 'migration' } } : t)) };

/** Importance-weighted: every aggregate is rescaled by each new largest weight, in draw order. */
const calibrated: ToyOptions = {
  draws: 300,
  seed: 5,
  assumptions: { migration: { dist: 'uniform', min: 0.005, max: 0.04 }, growth: { dist: 'uniform', min: -0.005, max: 0.005 } },
  targets: [
    { id: 'u25', year: 2025, value: 0.56, lever: { param: 'migration' } },
    { id: 'u30', year: 2030, value: 0.62 },
  ],
  history: [{ year: 2025, metric: 'urbanShare', value: 1 - 0.5 * 0.97 ** 5, se: 0.01 }],
  calibration: { method: 'importance', minEss: 20 },
};

const fast: RunOptions = { progress: false, leverDraws: 200 };

async function shards(name: string, o: ToyOptions, n: number, workers = 1): Promise<StoredShard[]> {
  const dirs: string[] = [];
  for (let k = 1; k <= n; k++) {
    const dir = join(tmp, `${name}-${k}-of-${n}`);
    await runShard(toyInput(o), { shard: { k, n }, out: dir, workers, progress: false });
    dirs.push(dir);
  }
  return dirs.map(readPartial);
}

describe('simulate --shard K/N and merge', () => {
  for (const [name, o] of [['rich', rich], ['calibrated', calibrated]] as const) {
    it(`merges ${name} shards (N = 1, 2, 3, 7) to the unsharded run's result, bit for bit`, async () => {
      const whole = await runScenario(toyInput(o), { ...fast, workers: 1 });
      for (const n of [1, 2, 3, 7]) {
        const parts = await shards(name, o, n, n === 2 ? 2 : 1);
        const merged = await mergeShards(toyInput(o), parts.reverse(), { ...fast, workers: 1 });
        expect(what(merged), `N = ${n}`).toBe(what(whole));
        expect(renderText(merged, 'csv')).toBe(renderText(whole, 'csv'));
      }
      expect(whole.targets[0].lever?.status).toBeDefined();
    });
  }

  it('blocks partition the draws, in order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: 50 }), (draws, n) => {
        fc.pre(n <= draws);
        let next = 0;
        for (let k = 1; k <= n; k++) {
          const { from, to } = shardRange(k, n, draws);
          expect(from).toBe(next);
          expect(to).toBeGreaterThan(from);
          next = to;
        }
        expect(next).toBe(draws);
      }),
    );
  });

  describe('refuses shards that are not one whole run (ShardError, naming the shard)', () => {
    const base = { ...rich, draws: 60 };
    const merge = (parts: StoredShard[]) => mergeShards(toyInput(base), parts, { ...fast, workers: 1 });

    it('a missing shard', async () => {
      const [a, , c] = await shards('gap', base, 3);
      await expect(merge([a, c])).rejects.toThrow(/shard 2\/3 missing \(given: \S+gap-1-of-3 \(shard 1\/3\), \S+gap-3-of-3 \(shard 3\/3\)\)/);
    });

    it('a shard given twice', async () => {
      const [a, b] = await shards('twice', base, 2);
      await expect(merge([a, b, { ...b, dir: `${b.dir}-copy` }])).rejects.toThrow(/shard 2\/2 given twice: \S+twice-2-of-2 and \S+twice-2-of-2-copy/);
    });

    it('a shard of another seed', async () => {
      const [a] = await shards('seedA', base, 2);
      const [, b] = await shards('seedB', { ...base, seed: 12 }, 2);
      await expect(merge([a, b])).rejects.toThrow(/shard \S+seedB-2-of-2 \(shard 2\/2\) does not belong with \S+seedA-1-of-2 \(shard 1\/2\): seed 12, expected 11/);
    });

    it('a shard of another split or engine version', async () => {
      const [a] = await shards('splitA', base, 2);
      const [, , c] = await shards('splitB', base, 3);
      await expect(merge([a, c])).rejects.toThrow(/splitB-3-of-3 \(shard 3\/3\) does not belong with .+splitA-1-of-2 \(shard 1\/2\): number of shards 3, expected 2/);
      const old = { ...c, header: { ...c.header, engineVersion: '0.0.9' } };
      await expect(merge([a, old])).rejects.toThrow(/engine version 0\.0\.9, expected/);
    });

    it('a damaged or unfinished shard', async () => {
      const [a, b] = await shards('damaged', base, 2);
      const data = join(b.dir, 'draws.f64');
      const bytes = readFileSync(data);
      bytes[100] ^= 1;
      writeFileSync(data, bytes);
      await expect(merge([a, b])).rejects.toThrow(/shard \S+damaged-2-of-2: draws\.f64's SHA-256 differs from its header's/);
      truncateSync(data, 80);
      expect(() => readPartial(b.dir)).toThrow(/damaged-2-of-2: draws\.f64 has 80 bytes, expected \d+ \(30 draws of \d+ values\): incomplete or damaged/);
      rmSync(join(b.dir, 'partial.json'));
      expect(() => readPartial(b.dir)).toThrow(ShardError);
      expect(() => readPartial(b.dir)).toThrow(/no partial\.json: not a shard written by simulate --shard, or its run did not finish/);
    });
  });
});
