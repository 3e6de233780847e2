/**
 * `simulate merge`: the result of one run from its shards' partial states, bit for bit that of
 * the unsharded run (`runScenario` with the same scenario, `--set`s, seed and draws).
 *
 * The merge runs `runScenario` itself with a {@link DrawSource} that reads the stored draws in
 * draw order instead of running them: the median path, the pilot's histogram ranges, every
 * aggregate (weighted or not), the calibration's ESS check and the sensitivity indices are the
 * run's own code on the same numbers in the same order. **The lever search runs at merge time**,
 * on the merging machine's workers: its evaluation at the assumed level counts the stored target
 * values of draws 0 … leverDraws − 1, its reference parts and weights come from the stored draws,
 * and each shifted evaluation runs those draws again (about two seconds for Heze's defaults,
 * whatever the number of draws). Its results depend only on (seed, draw, shift), so they too are
 * the unsharded run's.
 *
 * @module
 */
import { compileScenario } from './compile.js';
import type { DrawSource } from './draw-source.js';
import type { EngineInput } from './input.js';
import { readDraws, recordLayout, ShardError, type StoredShard } from './partial-state.js';
import type { RunResult } from './result.js';
import { runScenario, type RunOptions } from './run.js';
import type { BatchResult } from './kernel.js';
import { checkShardSet } from './shard-set.js';
import { splitBatch } from './split-batch.js';

/** Draws read per batch. */
const CHUNK = 1000;

/**
 * A {@link DrawSource} over checked, ordered shards: delivers the stored draws of each range asked
 * for (the run asks for consecutive ranges from draw 0).
 *
 * @example
 * await runScenario(loaded, { source: storedSource(checkShardSet(shards)) });
 */
export function storedSource(shards: readonly StoredShard[]): DrawSource {
  const it = readDraws(shards, CHUNK);
  let held: BatchResult | null = null;
  let next = 0;
  return async (from, to, consume, ctx) => {
    if (from !== next) throw new Error(`stored draws are read in order: asked for draw ${from}, next is ${next}`);
    while (next < to) {
      if (ctx.signal?.aborted) throw Object.assign(new Error('the run was aborted'), { name: 'AbortError' });
      let b = held ?? it.next().value;
      held = null;
      if (b === undefined) throw new ShardError(`the shards end at draw ${next}, expected ${to}`);
      if (b.start + b.count > to) [b, held] = splitBatch(b, to - b.start);
      consume(b);
      next += b.count;
      // let progress output and signals through
      await new Promise((r) => setImmediate(r));
    }
  };
}

/** Options of {@link mergeShards}: how the merge's own lever search runs, and progress. */
export type MergeOptions = Pick<RunOptions, 'workers' | 'batchSize' | 'lever' | 'leverDraws' | 'sensitivity' | 'progress' | 'signal'>;

/**
 * Checks the shards (one complete run of this scenario: see `shard-set.ts`, and the same record
 * layout as the scenario compiles to) and returns the run's result.
 *
 * @example
 * const result = await mergeShards(loaded, ['out/s1', 'out/s2'].map(readPartial));
 */
export async function mergeShards(loaded: EngineInput, shards: readonly StoredShard[], options: MergeOptions = {}): Promise<RunResult> {
  const ordered = checkShardSet(shards);
  const h = ordered[0].header;
  const cs = compileScenario(loaded, { draws: h.draws, seed: h.seed });
  const want = JSON.stringify(recordLayout(cs));
  if (JSON.stringify(h.layout) !== want) throw new ShardError(`shard ${ordered[0].dir}: record layout ${JSON.stringify(h.layout)}, but the scenario compiles to ${want} (written by another build?)`);
  return runScenario(loaded, { ...options, draws: h.draws, seed: h.seed, sets: h.scenario.sets, source: storedSource(ordered) });
}
